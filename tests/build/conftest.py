"""Fixtures of the build tests: a copy of the project that a test may edit and build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.serving import ROOT


def copy_project(target: Path) -> Path:
    """Copy the site's sources into `target`, which a test may then edit and build."""
    for name in ("docs", "data", "macros", "sitebuild", "overrides", "pilot2prod"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "published-links.txt", "pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the site's sources that a test may edit."""
    return copy_project(tmp_path)
