"""When files last changed, from git's history, asked in a way that runs nothing of the
repository's own.

Each question is one `git log` with a time limit. Hooks are pointed at /dev/null, the
settings through which a repository's configuration could start a program on a read
(fsmonitor, signature checks, pagers, external diff and text conversion) are switched off,
every `GIT_*` variable of the caller is dropped (a hook's GIT_DIR would point git at another
repository), and lazy fetches of a partial clone are refused, so the check stays offline.
Without git, outside a repository, in one without commits or in a shallow clone, there is
no history to judge by, and the rules that need it say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SAFE_SETTINGS = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.pager=cat",
    "log.showSignature=false",
    "diff.external=",
    "gpg.program=false",
)
"""Settings given on the command line, which override the repository's own."""


PATHS_PER_CALL = 500
"""Files named in one `git log`, well inside any system's limit on a command line."""


@dataclass(frozen=True)
class Change:
    """The newest commit that touched some files: when, and one of the files it touched."""

    timestamp: int
    path: str


def _environment() -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return {
        **kept,
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_NO_LAZY_FETCH": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
        "LC_ALL": "C",
    }


class History:
    """git's history of the repository at `root`, or the reason there is none."""

    def __init__(self, root: Path, timeout: float) -> None:
        self.root = root
        self.timeout = timeout
        self.unavailable = ""
        """Why there is no history to use, in words; empty when there is."""
        self._git = shutil.which("git")
        if self._git is None:
            self.unavailable = "no git history (git is not installed)"
            return
        found = self._run("rev-parse", "--is-shallow-repository", "--verify", "-q", "HEAD")
        if found is None:
            return
        if found.returncode != 0:
            if "dubious ownership" in found.stderr:
                self.unavailable = (
                    "no git history (git does not trust the folder's owner; "
                    "see git's safe.directory setting)"
                )
            elif self._inside_work_tree():
                self.unavailable = "no git history (no commits yet)"
            else:
                self.unavailable = "no git history"
        elif found.stdout.split()[:1] == ["true"]:
            self.unavailable = (
                "no git history (a shallow clone: fetch the whole history, "
                "for example with fetch-depth: 0)"
            )

    def _inside_work_tree(self) -> bool:
        found = self._run("rev-parse", "--is-inside-work-tree")
        return found is not None and found.stdout.strip() == "true"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str] | None:
        assert self._git is not None
        command = [self._git, "--no-pager"]
        for setting in SAFE_SETTINGS:
            command += ["-c", setting]
        try:
            return subprocess.run(
                [*command, *args],
                cwd=self.root,
                env=_environment(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="surrogateescape",
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.unavailable = f"no git history (git took longer than {self.timeout:g} s)"
        except OSError as error:
            self.unavailable = f"no git history (git could not run: {error.strerror or error})"
        return None

    def last_change(self, paths: list[str]) -> Change | None:
        """The newest commit touching any of `paths` (files of the tree, relative to the
        root), or None when none of them was ever committed.

        The files are named literally, so git follows only their folders through each commit
        instead of matching every path of a large tree against patterns; a file deleted since
        no longer counts. Check `unavailable` afterwards: a failure of git leaves a reason.
        """
        newest: Change | None = None
        for start in range(0, len(paths), PATHS_PER_CALL):
            if self.unavailable:
                return None
            found = self._newest(paths[start : start + PATHS_PER_CALL])
            if found is not None and (newest is None or found.timestamp > newest.timestamp):
                newest = found
        return newest

    def _newest(self, paths: list[str]) -> Change | None:
        found = self._run(
            "log",
            "-1",
            "--format=%ct",
            "--name-only",
            "--relative",
            "-z",
            "--no-renames",
            "--no-ext-diff",
            "--no-textconv",
            "--no-show-signature",
            "--",
            *(f":(literal){path}" for path in paths),
        )
        if found is None:
            return None
        if found.returncode != 0:
            first = (found.stderr.strip().splitlines() or ["git failed"])[0][:200]
            self.unavailable = f"no git history (git log: {first})"
            return None
        # `-z`: the date, NUL, a newline, then each name ended by NUL, never quoted.
        parts = found.stdout.split("\0")
        if not parts[0].strip():
            return None
        name = parts[1].removeprefix("\n") if len(parts) > 1 else ""
        return Change(int(parts[0].strip()), name)
