"""The commands "Use it in your repository" gives for `pilot2prod check`, run exactly as the
page writes them (taken from its Markdown, so a change to the page is tested) against a
fixture repository: the shell lines, the team's rules file, the GitHub Actions workflow and
the GitLab CI job."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pilot2prod.evidence.record import read_record
from tests.cli.repos import PASSING, RESULTS, commit, passing_repo
from tests.fixtures import ROOT

PAGE = ROOT / "docs" / "use-in-your-repository.md"
SECTION = "## Check the repository itself"
INSTALL = re.compile(r"^pip install \{\{ cli_wheel_url\(\) \}\}$")
"""The one line the tests cannot run (it downloads the published wheel): the checkout's own
`pilot2prod` stands in for it."""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _section() -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.index("\n## ", start + len(SECTION))
    return text[start:end]


def _blocks(language: str, under: str | None = None) -> list[str]:
    """The fenced blocks of `language` in the section (or in its subsection `under`)."""
    text = _section()
    if under is not None:
        start = text.index(under)
        following = text.find("\n### ", start + len(under))
        text = text[start : following if following != -1 else len(text)]
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def _shell(command: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _environment(home: Path, **extra: str) -> dict[str, str]:
    """A CI-like environment: the checkout's `pilot2prod` first on PATH, a home of its own
    (the GitLab job writes git's global settings), and no git variables of the caller."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {**kept, "PATH": path, "HOME": str(home), "LC_ALL": "C.UTF-8", **extra}


@pytest.fixture
def monorepo(tmp_path: Path) -> Path:
    """A committed repository that passes every default rule, holding a second service under
    services/invoices, the team's handbook and feature flags for the page's rules file."""
    repo = passing_repo(tmp_path / "repo")
    nested = {f"services/invoices/{name}": text for name, text in {**PASSING}.items()}
    commit(repo, nested, 20, "The invoices service")
    commit(repo, {f"services/invoices/{n}": t for n, t in RESULTS.items()}, 5, "Its results")
    handbook = "# Handbook\n\n## The kill switch\n\n## Rolling back\n\n## Escalation\n\nCall us.\n"
    flags = "features:\n  invoice-assistant:\n    enabled: true\n"
    commit(repo, {"ops/handbook/incidents.md": handbook, "config/flags.yml": flags}, 3, "Ops")
    return repo


def test_the_pages_shell_commands_run_as_written(monorepo, tmp_path):
    """Every `pilot2prod check` line on the page runs in a repository that passes, with the
    page's own team rules file, and exits 0."""
    rules = _blocks("yaml", "### Your own rules")
    assert len(rules) == 1
    (monorepo / "team-rules.yml").write_text(rules[0], encoding="utf-8")
    lines = [
        line
        for block in _blocks("sh")
        for line in block.splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all(line.startswith("pilot2prod check") for line in lines), lines
    assert any("--rules team-rules.yml" in line for line in lines)
    for line in lines:
        done = _shell(line, monorepo, _environment(tmp_path))
        assert done.returncode == 0, (line, done.stdout[-2000:], done.stderr)
        assert done.stdout or "-o" in line
    assert read_record((monorepo / "repository-checks.json").read_bytes()).kind == "checks"


def test_the_github_actions_workflow_passes_and_fails_as_the_page_says(monorepo, tmp_path):
    """The workflow's steps, run in order: the report lands on the summary page, the record
    is there for the upload step, and a failing repository fails the check step."""
    (workflow,) = _blocks("yaml", "### Run the check in GitHub Actions")
    steps = yaml.safe_load(workflow)["jobs"]["check"]["steps"]
    checkout = next(
        step for step in steps if str(step.get("uses", "")).startswith("actions/checkout")
    )
    assert checkout["with"]["fetch-depth"] == 0  # the history rules need the whole history
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["if"] == "always()"
    runs = [step["run"] for step in steps if "run" in step]
    assert [run for run in runs if INSTALL.match(run)] == [runs[0]]
    for case, expected in (("passing", 0), ("failing", 1)):
        if case == "failing":
            commit(monorepo, {"config/model.yml": "model: gpt-4o\nmax_tokens: 9\n"}, 0, "Alias")
        summary = tmp_path / f"summary-{case}.md"
        env = _environment(tmp_path, GITHUB_STEP_SUMMARY=str(summary))
        for run in runs[1:]:
            done = _shell(run, monorepo, env)
            assert done.returncode == expected, (run, done.stderr)
        assert summary.read_text(encoding="utf-8").startswith("## Repository check: repo")
        record = read_record((monorepo / upload["with"]["path"]).read_bytes())
        outcomes = {check.rule: check.outcome for check in record.checks}
        assert outcomes["model-ids-pinned"] == ("pass" if expected == 0 else "fail")


def test_the_gitlab_job_writes_its_artefacts_and_gates(monorepo, tmp_path):
    """The job's script lines, run in order, with the whole history and git told the checkout
    is safe: both artefacts exist, and the job fails on a repository that fails a rule."""
    (job_file,) = _blocks("yaml", "### Run the check in GitLab CI")
    job = yaml.safe_load(job_file)["repository-check"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["when"] == "always"
    script = job["script"]
    assert [line for line in script if INSTALL.match(line)] == [script[1]]
    env = _environment(tmp_path, CI_PROJECT_DIR=str(monorepo))
    for line in script:
        if not INSTALL.match(line):
            done = _shell(line, monorepo, env)
            assert done.returncode == 0, (line, done.stderr)
    for artefact in job["artifacts"]["paths"]:
        assert (monorepo / artefact).stat().st_size > 0
    assert f"directory = {monorepo}" in (tmp_path / ".gitconfig").read_text(encoding="utf-8")
    (monorepo / "config" / "model.yml").write_text("model: gpt-4o\nmax_tokens: 9\n", "utf-8")
    done = _shell(script[-1], monorepo, env)
    assert done.returncode == 1
    report = (monorepo / "repository-check.md").read_text("utf-8")
    assert "| model-ids-pinned (required) | Fail | config/model.yml:1 |" in report
