"""Read JSON or YAML files from the command line, refusing anything else with one plain line.

PyYAML is imported here, lazily, and only when a file is YAML: the rest of the
package runs in Pyodide, where it is not installed, and a JSON-only user of the
site's wheel never needs it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from pilot2prod.cli.errors import CliError

MAX_BYTES = 5 * 1024 * 1024
"""An answers or calculator file is a few kilobytes; more than this is the wrong file."""

STDIN = "-"
"""The file name that means standard input."""

_JSON_SUFFIXES = (".json",)
_YAML_SUFFIXES = (".yml", ".yaml")
_YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


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


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"key {key[:60]!r} appears twice")
        found[key] = value
    return found


def parse_json(text: str, source: str) -> object:
    """Strict JSON: no NaN or Infinity, no key written twice."""
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise CliError(
            source, f"line {error.lineno} column {error.colno}", f"not valid JSON: {error.msg}"
        ) from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise CliError(source, "", "not valid JSON: a number has far too many digits") from None
        raise CliError(source, "", f"not valid JSON: {error}") from None
    except RecursionError:
        raise CliError(source, "", "nested too deeply to read") from None


MAX_ALIAS_NODES = 10_000
"""How many values a YAML file may hold once its aliases are expanded. A data file has a few
thousand at most; ten lines of nested aliases ("billion laughs") expand to billions, which
loads in a blink as shared objects and then hangs whatever walks them (the bundle's JSON)."""


def _expanded_size(root: Any, len_limit: int) -> int | None:
    """How many nodes `root` holds with every alias expanded; None when over `len_limit` or
    when an alias loops back into itself. Counted once per distinct node, so it is quick."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: Any) -> int | None:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:  # a recursive alias: endless once expanded
            return None
        open_nodes.add(key)
        total = 1
        children = node.value if isinstance(node.value, list) else []
        for child in children:
            for part in child if isinstance(child, tuple) else (child,):
                found = size(part)
                if found is None:
                    return None
                total += found
                if total > len_limit:
                    return None
        open_nodes.discard(key)
        sizes[key] = total
        return total

    return size(root)


_TAG_NAMES = {
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
}


def _unreadable(node: Any, error: Exception) -> str:
    """Why a scalar could not be read as its tag, in words ("2026-13-45 is not a date")."""
    value = str(getattr(node, "value", ""))
    shown = repr(value[:40] + ("…" if len(value) > 40 else ""))
    tag = str(getattr(node, "tag", ""))
    what = _TAG_NAMES.get(tag, f"the tag {tag[:60]!r}")
    if "integer string conversion" in str(error):
        return f"{shown} has far too many digits to be a number"
    if tag == "tag:yaml.org,2002:timestamp" and isinstance(error, ValueError):
        # datetime's own words say what is wrong: "month must be in 1..12".
        return f"{shown} is not {what} ({' '.join(str(error).split())[:80]})"
    return f"{shown} is not {what}"


@cache
def _loaders() -> tuple[type, type, type]:
    """The YAML loaders and error type, built on first use (PyYAML is imported here)."""
    import yaml

    class DataLoader(yaml.SafeLoader):
        """SafeLoader that refuses a key written twice (PyYAML would keep the last)."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.events.AliasEvent) and not hasattr(self, "first_alias"):
                self.first_alias = self.peek_event().start_mark
            return super().compose_node(parent, index)

        def compose_document(self) -> Any:
            node = super().compose_document()
            mark = getattr(self, "first_alias", None)
            if mark is not None and _expanded_size(node, len_limit=MAX_ALIAS_NODES) is None:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"aliases (*name) expand it to more than {MAX_ALIAS_NODES:,} values; "
                    "write the repeated part out, or reference it by id",
                    mark,
                )
            return node

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            # PyYAML's scalar constructors raise plain Python errors on values their tag cannot
            # hold (`2026-13-45`, `!!float abc`, `!!bool maybe`, an int of 5,000 digits); as a
            # YAML error they get the file and line like any other, and never look like a bug.
            try:
                return super().construct_object(node, deep=deep)
            except yaml.YAMLError:
                raise
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
                raise yaml.constructor.ConstructorError(
                    None, None, _unreadable(node, error), node.start_mark
                ) from None

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key; the constructor reports it
                continue
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {str(key)[:60]!r} appears twice", key_node.start_mark
                )
        return loader.construct_mapping(node, deep=deep)

    DataLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)

    class AnswersLoader(DataLoader):
        """For files people write by hand: `yes` and `no` stay words, and no aliases.

        YAML 1.1 reads a bare yes/no/on/off as true/false, which is never what an
        answer means; only true/false are booleans here, as in YAML 1.2. Aliases
        have no use in an answers file and can multiply a small file into a huge one.
        """

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.events.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "anchors and aliases (*name) are not allowed here", event.start_mark
                )
            return super().compose_node(parent, index)

    AnswersLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in DataLoader.yaml_implicit_resolvers.items()
    }
    AnswersLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _YAML_BOOL, list("tTfF"))
    return DataLoader, AnswersLoader, yaml.YAMLError


def yaml_data_loader() -> type:
    """The strict loader for `data/` files (no repeated keys), shared by the CLI and the build.

    Needs PyYAML: raises ImportError without it.
    """
    return _loaders()[0]


def parse_yaml(text: str, source: str, hand_written: bool = True) -> object:
    """Strict YAML: one document, no repeated keys; `hand_written` files read yes/no as words."""
    try:
        data_loader, answers_loader, yaml_error = _loaders()
    except ImportError:
        raise CliError(
            source,
            "",
            "is YAML, and reading YAML needs PyYAML (pip install pyyaml); "
            "or use the JSON the site exports",
        ) from None
    import yaml

    loader = answers_loader if hand_written else data_loader
    try:
        return yaml.load(text, Loader=loader)  # a SafeLoader subclass: builds no objects
    except yaml_error as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if "single document" in str(getattr(error, "context", "")):
            problem = "holds more than one document (only one is allowed)"
        raise CliError(source, where, f"not valid YAML: {problem}") from None
    except RecursionError:
        raise CliError(source, "", "nested too deeply to read") from None


def looks_like_json(name: str, text: str) -> bool:
    """JSON by its suffix; otherwise by its first character (YAML files rarely start with `{`)."""
    suffix = Path(name).suffix.lower()
    if suffix in _JSON_SUFFIXES:
        return True
    if suffix in _YAML_SUFFIXES:
        return False
    return text.lstrip()[:1] in ("{", "[")


def read_structured(name: str, what: str = "a pilot2prod answers file") -> object:
    """The content of a JSON or YAML file; one CliError naming the file for anything else."""
    data = read_bytes(name)
    source = _display(name)
    if not data.strip():
        raise CliError(source, "", f"is empty; expected {what} (JSON or YAML)")
    if b"\x00" in data:
        raise CliError(source, "", f"holds binary data, not {what} (JSON or YAML text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CliError(
            source, f"byte {error.start}", f"is not UTF-8 text; expected {what} (JSON or YAML)"
        ) from None
    if looks_like_json(name, text):
        return parse_json(text, source)
    return parse_yaml(text, source)


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
