"""Fixture repositories for `pilot2prod check`: written into a temporary folder, committed
with git at set dates, holding files that pass (or, changed, fail) each default rule."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

DAY = 86400

GIT = shutil.which("git")

PASSING: dict[str, str] = {
    ".github/CODEOWNERS": "* @acme/platform\n/prompts/ @acme/ml-team\n/config/ @acme/ml-team\n",
    "prompts/answer.prompt.md": "You answer questions about invoices. Be brief.\n",
    "config/model.yml": (
        "provider: anthropic\nmodel: claude-sonnet-4-5-20250929\nmax_tokens: 1024\n"
        "temperature: 0.2\n"
    ),
    "docs/runbook.md": (
        "# Invoice assistant runbook\n\n## Switching the feature off\n\nSet the flag.\n\n"
        "## Rolling back\n\nDeploy the previous tag.\n\n## Who is called\n\nThe ML on-call.\n"
    ),
    "monitoring/alerts.yml": (
        "groups:\n  - name: quality\n    rules:\n      - alert: AnswerQualityLow\n"
        "        expr: answer_quality < 0.8\n"
    ),
    ".github/workflows/evals.yml": (
        "name: Evaluations\non: [pull_request]\njobs:\n  eval:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: npx promptfoo@latest eval -c promptfooconfig.yaml -o evals/results/ci.json\n"
        "      - uses: actions/upload-artifact@v4\n        with:\n          path: evals/results\n"
    ),
    "docs/system-card.md": (
        "# System card\n\n## Intended use\n\nAnswering staff questions about invoices.\n\n"
        "## Out-of-scope use\n\nLegal or tax advice.\n"
    ),
    "src/app.py": "print('hello')\n",
}
"""A repository every default rule passes on (with the results committed last)."""

RESULTS = {"evals/results/2026-01.json": '{"results": {"stats": {"successes": 40}}}\n'}
"""Evaluation results, committed after the prompts in `passing_repo`."""


def git(repo: Path, *args: str, when: float | None = None) -> str:
    """Run git in `repo` as a fixed author; `when` sets the author and committer dates."""
    assert GIT is not None, "these tests need git"
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="Fixture",
        GIT_AUTHOR_EMAIL="fixture@example.invalid",
        GIT_COMMITTER_NAME="Fixture",
        GIT_COMMITTER_EMAIL="fixture@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    if when is not None:
        stamp = f"@{int(when)} +0000"
        env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    done = subprocess.run(
        [GIT, *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def write(repo: Path, files: Mapping[str, str | bytes]) -> None:
    """Write `files` (relative path to text or bytes) under `repo`."""
    for name, content in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def commit(repo: Path, files: Mapping[str, str | bytes], days_ago: float, message: str) -> None:
    """Write `files` and commit them, dated `days_ago` days before now."""
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=time.time() - days_ago * DAY)


def init(repo: Path) -> Path:
    """An empty git repository at `repo`."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def passing_repo(repo: Path, changes: Mapping[str, str | None] | None = None) -> Path:
    """A committed repository every default rule passes on: the files first (30 days ago),
    the evaluation results later (10 days ago). `changes` replaces files by path, or removes
    them where the value is None."""
    files: dict[str, str] = dict(PASSING)
    for name, value in (changes or {}).items():
        if value is None:
            files.pop(name, None)
        else:
            files[name] = value
    init(repo)
    commit(repo, files, 30, "Prompts, configuration and runbook")
    commit(repo, RESULTS, 10, "Evaluation results")
    return repo


def plain_folder(repo: Path) -> Path:
    """The passing files with no git history at all."""
    write(repo, {**PASSING, **RESULTS})
    return repo


@contextlib.contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A temporary folder, in memory (/dev/shm) where the machine has it: creating 100,000
    files on a shared virtual disk takes minutes, in memory seconds."""
    memory = Path("/dev/shm")
    place = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix=prefix, dir=place) as folder:
        yield Path(folder)


def many_files(root: Path, count: int, per_folder: int = 1000) -> None:
    """`count` empty source files under `root/src/`, `per_folder` to a folder: a large tree
    none of whose files any default rule reads (empty, so memory holds only their names)."""
    made = 0
    folder_number = 0
    while made < count:
        folder = root / "src" / f"pkg{folder_number:03d}"
        folder.mkdir(parents=True)
        for number in range(min(per_folder, count - made)):
            os.close(os.open(folder / f"module{number:04d}.py", os.O_CREAT | os.O_WRONLY, 0o644))
        made += min(per_folder, count - made)
        folder_number += 1
