"""The `pilot2prod` command itself: help, version, usage errors, and no traceback ever."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pilot2prod import __version__
from pilot2prod.cli import assess as assess_command
from tests.cli.support import band, document, run, write_json
from tests.serving import ROOT

COMMANDS = ("assess", "merge", "compare", "plan", "portfolio", "estimate", "cost", "template")


def test_version(capsys):
    """--version prints the package version and exits 0."""
    result = run(capsys, "--version")
    assert (result.code, result.out) == (0, f"pilot2prod {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(capsys, command):
    """--help on each subcommand describes it, mentions --data, and exits 0."""
    result = run(capsys, command, "--help")
    assert result.code == 0
    assert result.out.startswith(f"usage: pilot2prod {command}")
    assert "--data DIR" in result.out


def test_top_level_help_lists_every_command_and_the_exit_codes(capsys):
    """pilot2prod --help names each command and documents the exit status."""
    out = run(capsys, "--help").out
    for command in COMMANDS:
        assert f"    {command} " in out or f"    {command}\n" in out  # long names wrap
    assert "Exit status: 0 ok; 1 the verdict is below --fail-under; 2" in out


def test_usage_errors_exit_2(capsys):
    """No command, an unknown command or a missing argument is a usage error."""
    assert run(capsys).code == 2
    assert run(capsys, "frobnicate").code == 2
    missing = run(capsys, "assess")
    assert missing.code == 2 and "the following arguments are required: FILE" in missing.err
    bad_format = run(capsys, "assess", "x.json", "--format", "html")
    assert bad_format.code == 2


def test_an_internal_failure_is_one_line_and_exit_3(capsys, tmp_path, monkeypatch):
    """A bug inside pilot2prod prints one line asking for a report, not a traceback."""
    path = write_json(tmp_path / "a.json", document({}))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(assess_command.api, "request", broken)
    result = run(capsys, "assess", path)
    assert result.code == 3
    assert result.err == (
        "pilot2prod: internal error (ZeroDivisionError: boom); "
        "please report this with the command you ran\n"
    )


def test_console_script_and_module_run_the_same_main(tmp_path):
    """`python -m pilot2prod.cli` runs in a fresh process with the same exit codes."""
    path = write_json(tmp_path / "a.json", document({}))
    done = subprocess.run(
        [sys.executable, "-m", "pilot2prod.cli", "assess", str(path), "--fail-under", band(1)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith("Readiness verdict: Not scored yet")


def test_modules_the_browser_imports_never_import_yaml():
    """Importing the scoring, merge and report modules leaves PyYAML unloaded (Pyodide has none)."""
    script = (
        "import sys\n"
        "import pilot2prod.api, pilot2prod.readiness.merge\n"
        "import pilot2prod.readiness.presentation.report\n"
        "import pilot2prod.cli\n"
        "print('yaml' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "False"
