"""`pip install` of the wheel the site serves gives a working `pilot2prod` command."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pilot2prod import __version__
from tests.cli.support import band, document, installed_command, run, write_json

WHEEL = f"pilot2prod-{__version__}-py3-none-any.whl"


@pytest.fixture(scope="module")
def installed(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the site's wheel installed (no PyYAML)."""
    venv = tmp_path_factory.mktemp("wheel-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(built_site / "assets" / "wheels" / WHEEL),
        ],
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return venv


def test_wheel_installs_the_console_script(installed, tmp_path):
    """The wheel's entry_points.txt gives a `pilot2prod` command that reports its version."""
    done = installed_command(installed, "--version", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"pilot2prod {__version__}\n")


def test_installed_command_scores_with_the_bundled_data(installed, tmp_path, capsys):
    """From the wheel alone, assess gives the checkout's verdict for the same file."""
    doc = document(
        {"named-operator": "no", "real-traffic-sample": "yes", "load-measured": "partial"}
    )
    path = write_json(tmp_path / "answers.json", doc)
    done = installed_command(installed, "assess", path, "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    here = run(capsys, "assess", path, "--format", "json")
    assert json.loads(done.stdout) == json.loads(here.out)
    gate = installed_command(installed, "assess", path, "--fail-under", band(-2), cwd=tmp_path)
    assert gate.returncode == 1


def test_installed_command_without_pyyaml_says_how_to_read_yaml(installed, tmp_path):
    """Without PyYAML, a YAML file gets one line explaining what to install; JSON still works."""
    path = tmp_path / "answers.yml"
    path.write_text("format: pilot2prod/answers\nversion: 1\n", encoding="utf-8")
    done = installed_command(installed, "assess", path, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"pilot2prod: {path}: is YAML, and reading YAML needs PyYAML (pip install pyyaml); "
        "or use the JSON the site exports\n"
    )
    template = installed_command(installed, "template", "readiness", cwd=tmp_path)
    assert template.returncode == 0
    assert "checklist_version:" in template.stdout


def test_install_instructions_name_the_wheel_the_site_serves(built_site, site_url):
    """The page's `pip install` address is the wheel the build wrote, at the site's address."""
    page = (built_site / "use-in-your-repository" / "index.html").read_text(encoding="utf-8")
    addresses = set(re.findall(r"pip install (\S+?\.whl)", html.unescape(page)))
    assert addresses == {f"{site_url}assets/wheels/{WHEEL}"}
    assert (built_site / "assets" / "wheels" / WHEEL).is_file()


def test_installed_command_prices_a_listed_model(installed, tmp_path, capsys):
    """The wheel carries the price table: `cost --model` gives the checkout's numbers."""
    args = ("cost", "--model", "openai/gpt-4o", "--format", "json")
    done = installed_command(installed, *args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads(run(capsys, *args).out)


def test_installed_command_checks_a_repository(installed, tmp_path, capsys):
    """The wheel carries the repository rules and the price list: `check` on a fixture
    repository gives the checkout's outcomes, and its record reads back."""
    from tests.cli.repos import passing_repo

    model = '{"model": "gpt-4o", "max_tokens": 5}'
    repo = passing_repo(tmp_path / "repo", {"config/model.yml": None, "config/model.json": model})
    record = tmp_path / "r.json"
    done = installed_command(
        installed, "check", repo, "--format", "json", "-o", record, cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    here = run(capsys, "check", repo, "--format", "json")
    theirs, ours = json.loads(done.stdout)["rules"], json.loads(here.out)["rules"]
    assert [(r["rule"], r["message"]) for r in theirs if r not in ours] == []
    assert json.loads(done.stdout) == json.loads(here.out)
    assert json.loads(record.read_text(encoding="utf-8"))["kind"] == "checks"


def test_installed_command_without_pyyaml_never_passes_a_yaml_setting(installed, tmp_path):
    """Without PyYAML a setting in a YAML file cannot be read: the rule is not checked, says
    what to install, and the command exits 2 rather than passing or failing on a guess."""
    from tests.cli.repos import passing_repo

    repo = passing_repo(tmp_path / "repo")
    done = installed_command(installed, "check", repo, "--format", "json", cwd=tmp_path)
    assert done.returncode == 2
    cap = next(r for r in json.loads(done.stdout)["rules"] if r["rule"] == "spending-cap")
    assert cap["outcome"] == "not-applicable"
    assert cap["message"] == (
        "Not checked: config/model.yml is YAML, and reading YAML needs PyYAML (pip install pyyaml)"
    )
    assert "Not decided: spending-cap could not be checked here" in done.stderr
