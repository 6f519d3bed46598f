"""Read JSON or YAML files from the command line, refusing anything else with one plain line.

PyYAML is imported here, lazily, and only when a file is YAML: the rest of the
package runs in Pyodide, where it is not installed, and a JSON-only user of the
site's wheel never needs it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pilot2prod.cli.errors import CliError
from pilot2prod.model import documents

MAX_BYTES = documents.MAX_DOCUMENT_BYTES
"""The largest file read (`pilot2prod.model.documents`): more is the wrong file."""

STDIN = "-"
"""The file name that means standard input."""


def _display(name: str) -> str:
    return "<stdin>" if name == STDIN else name


def read_bytes(name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of file `name` (or stdin for "-"), refusing folders, missing and huge files."""
    if name == STDIN:
        if sys.stdin is None:  # started with stdin closed (`<&-`)
            raise CliError("<stdin>", "", "is closed; give a file name instead of -")
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as error:
            raise CliError("<stdin>", "", f"cannot be read: {error.strerror or error}") from None
    else:
        path = Path(name)
        if path.is_dir():
            raise CliError(name, "", "is a folder, not a file")
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise CliError(name, "", "no such file") from None
        except PermissionError:
            raise CliError(name, "", "cannot be read: permission denied") from None
        except OSError as error:
            raise CliError(name, "", f"cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise CliError(
            _display(name),
            "",
            f"is larger than {max_bytes // (1024 * 1024)} MB; is it the right file?",
        )
    return data


def read_structured(name: str, what: str = "a pilot2prod answers file") -> object:
    """The content of a JSON or YAML file; one CliError naming the file for anything else.

    The bytes are read by `pilot2prod.model.documents`, as every page reads a file, so a
    file refused here is refused there for the same reason.
    """
    data = read_bytes(name)
    source = _display(name)
    try:
        return documents.read_bytes(data, name, f"{what} (JSON or YAML)")
    except documents.DocumentError as error:
        raise CliError(source, error.where, error.problem) from None
    except ImportError:
        raise CliError(
            source,
            "",
            "is YAML, and reading YAML needs PyYAML (pip install pyyaml); "
            "or use the JSON the site exports",
        ) from None


def write_text(text: str, output: str | None, overwrite: bool = True) -> None:
    """Print `text`, or write it to the file `output` (UTF-8); refuse to overwrite when told."""
    if output is None or output == STDIN:
        _write_stdout(text)
        return
    path = Path(output)
    if path.is_dir():
        raise CliError(output, "", "is a folder; give a file name to write")
    if path.exists() and not overwrite:
        raise CliError(output, "", "already exists; use --force to replace it")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CliError(output, "", f"cannot be written: {error.strerror or error}") from None


def _write_stdout(text: str) -> None:
    """Print `text`; a full disk, a closed pipe or a closed stdout is bad input (exit 2).

    A gate in CI reads the exit status: a report that was cut off must not end in 0, and a
    failure to write is the environment's, not a bug in pilot2prod (exit 3).
    """
    stdout = sys.stdout
    if stdout is None:  # started with stdout closed (`>&-`)
        raise CliError("<stdout>", "", "is closed; nothing could be written (use -o FILE)")
    try:
        try:
            stdout.write(text)
        except UnicodeEncodeError:
            # A terminal that cannot show a dash or an ellipsis still gets the report.
            encoding = getattr(stdout, "encoding", None) or "ascii"
            stdout.write(text.encode(encoding, "replace").decode(encoding))
        stdout.flush()
    except OSError as error:
        _drop_stdout()
        reason = "the reader closed the pipe" if isinstance(error, BrokenPipeError) else None
        raise CliError(
            "<stdout>", "", f"cannot be written: {reason or error.strerror or error}"
        ) from None


def _drop_stdout() -> None:
    """Point stdout at the null device: Python flushes it again on exit, and a second failure
    there would print a traceback and change the exit status."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None  # type: ignore[assignment]  # nothing to flush at exit
