"""`pip install` of the site's wheel, of a checkout, or of a checkout in editable mode gives a
`pilot2prod` command that brings PyYAML and nothing else, and finds its questions and bands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pilot2prod import __version__
from tests.cli.support import installed_command
from tests.fixtures import repo_data
from tests.serving import ROOT

WHEEL = f"pilot2prod-{__version__}-py3-none-any.whl"

LEFT_OUT = {".git", ".venv", ".cache", "node_modules", "site", "build", "dist"}
"""What a copy of the checkout leaves out: tools' folders and build output, not sources."""


def _venv(folder: Path) -> Path:
    """A fresh virtual environment with pip (from this Python's own bundled copy)."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder


def _distributions(venv: Path) -> set[str]:
    """The names of the distributions installed in `venv`, lower case."""
    script = "import importlib.metadata as m\nfor d in m.distributions(): print(d.metadata['Name'])"
    # Run from the venv's folder: a checkout's egg-info in the working folder would count too.
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", script],
        capture_output=True,
        text=True,
        cwd=venv,
        check=True,
    )
    return {name.strip().lower() for name in done.stdout.split()}


def _pip_install(venv: Path, *args: str | Path) -> None:
    # The machine's pip settings (indexes, caches) apply: PyYAML and setuptools come from them.
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _checkout(target: Path) -> Path:
    """A copy of the checkout's sources, as someone would clone it."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        top = Path(folder).resolve() == ROOT
        return {
            n
            for n in names
            if (top and n in LEFT_OUT) or n == "__pycache__" or n.endswith(".egg-info")
        }

    shutil.copytree(ROOT, target, ignore=ignored)
    return target


def _template_then_assess(venv: Path, work: Path) -> None:
    """Write the blank template, answer every question Yes, and gate on the top band."""
    work.mkdir()
    made = installed_command(venv, "template", "readiness", "-o", "readiness.yml", cwd=work)
    assert made.returncode == 0, made.stderr
    path = work / "readiness.yml"
    answered = re.sub(r"(?m)^  ([a-z0-9-]+):$", r"  \1: yes", path.read_text(encoding="utf-8"))
    path.write_text(answered, encoding="utf-8")
    top = repo_data().rubric.bands[-1]
    done = installed_command(venv, "assess", "readiness.yml", "--fail-under", top.id, cwd=work)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Readiness verdict: {top.label}")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the checkout for the installs from source."""
    return _checkout(tmp_path_factory.mktemp("checkout") / "pilot2prod")


def test_the_sites_wheel_brings_only_pyyaml(built_site, tmp_path):
    """The wheel the site serves installs with PyYAML alone, and scores a filled template."""
    venv = _venv(tmp_path / "venv")
    before = _distributions(venv)
    _pip_install(venv, built_site / "assets" / "wheels" / WHEEL)
    assert _distributions(venv) - before == {"pilot2prod", "pyyaml"}
    _template_then_assess(venv, tmp_path / "work")


def test_a_checkout_installs_alone_and_carries_its_data(checkout, tmp_path):
    """`pip install ./checkout` brings only PyYAML; the package carries the checkout's data/
    byte for byte, and `template` then `assess` work from any folder."""
    venv = _venv(tmp_path / "venv")
    before = _distributions(venv)
    _pip_install(venv, checkout)
    assert _distributions(venv) - before == {"pilot2prod", "pyyaml"}
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import pilot2prod; print(pilot2prod.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    carried = Path(found.stdout.strip()).parent / "data"
    shipped = {p.relative_to(carried): p.read_bytes() for p in carried.rglob("*.yml")}
    source = ROOT / "data"
    assert shipped == {p.relative_to(source): p.read_bytes() for p in source.rglob("*.yml")}
    _template_then_assess(venv, tmp_path / "work")


def test_an_editable_checkout_reads_the_data_beside_it(checkout, tmp_path):
    """`pip install -e ./checkout` brings only PyYAML and scores with the checkout's data/."""
    venv = _venv(tmp_path / "venv")
    before = _distributions(venv)
    _pip_install(venv, "-e", checkout)
    assert _distributions(venv) - before == {"pilot2prod", "pyyaml"}
    assert not (checkout / "pilot2prod" / "data").exists()
    _template_then_assess(venv, tmp_path / "work")
