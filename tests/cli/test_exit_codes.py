"""Exit codes hold on hostile input: every bad value, option or write failure is exit 2 with one
line naming the file (and the line YAML gives), never exit 3, and never a silently open gate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.support import band, document, run, write_json
from tests.serving import ROOT

HEADER = 'format: "pilot2prod/answers"\nversion: 1\nchecklist: readiness\n'


@pytest.mark.parametrize(
    ("command", "text", "problem"),
    [
        ("cost", "tokens-in: 2026-13-45\n", "'2026-13-45' is not a date (month must be in 1..12)"),
        ("cost", "tokens-in: 2026-02-30\n", "'2026-02-30' is not a date"),
        ("cost", "success-rate: !!float abc\n", "'abc' is not a number"),
        ("cost", "success-rate: !!int 1.5x\n", "'1.5x' is not a whole number"),
        ("cost", "success-rate: !!bool maybe\n", "'maybe' is not true or false"),
        ("cost", "success-rate: !!timestamp soon\n", "'soon' is not a date"),
        ("estimate", "pilot-weeks: " + "9" * 5000 + "\n", "has far too many digits"),
        ("cost", "success-rate: !secret 3\n", "could not determine a constructor for the tag"),
        ("assess", HEADER + "answers:\n  named-operator: !!float yes\n", "'yes' is not a number"),
    ],
    ids=[
        "invalid-date",
        "day-out-of-range",
        "float-tag-on-text",
        "int-tag-on-text",
        "bool-tag-on-text",
        "timestamp-tag-on-text",
        "huge-integer",
        "unknown-tag",
        "answers-file",
    ],
)
def test_unreadable_yaml_values_exit_2_naming_file_and_line(
    capsys, tmp_path, command, text, problem
):
    """A value its YAML tag cannot hold is bad input on one line, with the line number."""
    path = tmp_path / "input.yml"
    path.write_text(text, encoding="utf-8")
    result = run(capsys, command, path)
    assert result.code == 2, result.err
    line = text.count("\n")
    assert result.err.startswith(f"pilot2prod: {path}: line {line}: not valid YAML: ")
    assert problem in result.err
    assert result.err.count("\n") == 1


def test_an_integer_too_long_for_json_is_bad_input(capsys, tmp_path):
    """JSON with a 5,000-digit number is refused in words, not with Python's limit message."""
    path = tmp_path / "input.json"
    path.write_text('{"tokens-in": ' + "9" * 5000 + "}", encoding="utf-8")
    result = run(capsys, "cost", path)
    assert result.code == 2
    assert result.err == (f"pilot2prod: {path}: not valid JSON: a number has far too many digits\n")


@pytest.mark.parametrize("value", ["", "   "])
@pytest.mark.parametrize("command", ["assess", "merge"])
def test_an_empty_fail_under_is_an_error_not_an_open_gate(capsys, tmp_path, command, value):
    """`--fail-under "$UNSET_VARIABLE"` fails loudly; it never scores without the gate."""
    path = write_json(tmp_path / "a.json", document({}))
    result = run(capsys, command, path, "--fail-under", value)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("pilot2prod: --fail-under: is empty; give a verdict band")


def test_an_unknown_fail_under_is_an_error(capsys, tmp_path):
    """A band that does not exist is named back with the list of real ones."""
    path = write_json(tmp_path / "a.json", document({}))
    result = run(capsys, "assess", path, "--fail-under", "almost")
    assert result.code == 2
    assert f"'almost' is not a verdict band (use one of: {band(0)}, " in result.err


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "pilot2prod.cli", *args],
        cwd=ROOT,
        capture_output=kwargs.pop("capture", True),  # type: ignore[arg-type]
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_on_stdout_exits_2_with_a_message():
    """Printing the report to a full device is the environment's failure: exit 2, one line."""
    with open("/dev/full", "wb") as full:
        done = _cli("template", "readiness", stdout=full, stderr=subprocess.PIPE, capture=False)
    assert done.returncode == 2
    assert done.stderr == b"pilot2prod: <stdout>: cannot be written: No space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_for_the_output_file_exits_2_naming_it(capsys):
    """`-o FILE` on a full disk names the file."""
    result = run(capsys, "template", "readiness", "-o", "/dev/full", "--force")
    assert result.code == 2
    assert result.err == "pilot2prod: /dev/full: cannot be written: No space left on device\n"


def test_a_closed_pipe_exits_2_so_a_cut_off_report_never_passes(tmp_path):
    """The reader closing the pipe early is exit 2 with a message, never 0 (a passed gate)."""
    path = write_json(tmp_path / "a.json", document({}))
    process = subprocess.Popen(
        [sys.executable, "-m", "pilot2prod.cli", "assess", str(path), "--fail-under", band(1)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait() == 2
    assert err == b"pilot2prod: <stdout>: cannot be written: the reader closed the pipe\n"


def test_a_closed_stdout_exits_2_with_a_message():
    """Started with stdout closed (`>&-`): exit 2 and advice, not an internal error."""
    done = _cli(
        "template",
        "readiness",
        stdout=subprocess.DEVNULL,
        capture=False,
        stderr=subprocess.PIPE,
        preexec_fn=_close_stdout,
    )
    assert done.returncode == 2
    assert done.stderr == (
        b"pilot2prod: <stdout>: is closed; nothing could be written (use -o FILE)\n"
    )


def _close_stdout() -> None:
    import os

    os.close(1)


def test_a_closed_stdin_exits_2_with_a_message():
    """Reading `-` with stdin closed (`<&-`) is bad input."""
    done = _cli("cost", "-", stdin=subprocess.DEVNULL, preexec_fn=_close_stdin)
    assert done.returncode == 2
    assert done.stderr == b"pilot2prod: <stdin>: is closed; give a file name instead of -\n"


def _close_stdin() -> None:
    import os

    os.close(0)
