"""Helpers for the command-line tests: run `main` in-process, and the site's own answers."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from pilot2prod.cli import main
from pilot2prod.dataset import Dataset
from tests.fixtures import api_result, repo_data


@dataclass(frozen=True)
class Run:
    """What one command printed and returned."""

    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """Run `pilot2prod ARGS` in this process and capture its output."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def installed_command(venv: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the `pilot2prod` a virtual environment installed, from `cwd`."""
    # Run from an empty folder, so nothing of the checkout can be imported by accident.
    return subprocess.run(
        [str(venv / "bin" / "pilot2prod"), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
        check=False,
    )


def repo_bundle() -> Dataset:
    """The repository's data/, as the site build reads it."""
    return repo_data()


def site_call(name: str, payload: dict) -> dict:
    """What the browser's entry point answers for `payload`, scored with the repository's data."""
    return api_result(repo_data(), name, payload)


def band(position: int) -> str:
    """The id of the verdict band at `position` (0 the lowest, -1 the top) in the real data."""
    return repo_bundle().rubric.bands[position].id


def readiness_checklist():
    """The real readiness checklist."""
    return repo_bundle().checklist("readiness")


def document(answers: dict, **extra: object) -> dict:
    """An answers document in the browser's export shape, for the real checklist."""
    checklist = readiness_checklist()
    return {
        "format": "pilot2prod/answers",
        "version": 1,
        "checklist": "readiness",
        "checklist_version": checklist.version,
        "answers": answers,
        "notes": {},
        "owners": {},
        "orphans": {},
        **extra,
    }


def write_json(path: Path, value: object) -> Path:
    """Write `value` as JSON to `path` and return the path."""
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    return path
