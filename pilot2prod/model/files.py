"""Read YAML from disk strictly: the site's `data/` folder, and answers files written by hand.

PyYAML is imported on first use only: the package also runs inside Pyodide, where it is not
installed, and there the data arrives as JSON inside the wheel. The build, `pilot2prod --data
DIR` and the command line's answers files all read through this module, so a file that one of
them accepts, the others accept too.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from pilot2prod.model.errors import DataError
from pilot2prod.model.jsonsafe import first_unjsonable

MAX_DATA_BYTES = 2 * 1024 * 1024
"""No single data file is anywhere near this; a bigger one is not ours."""

_YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


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


def load_yaml(text: str, source: str, hand_written: bool = False) -> object:
    """Strict YAML: one document, no repeated keys; `hand_written` files read yes/no as words.

    Raises DataError naming `source` and the line; ImportError without PyYAML.
    """
    data_loader, answers_loader, yaml_error = _loaders()
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
        raise DataError(source, where, f"not valid YAML: {problem}") from None
    except RecursionError:
        raise DataError(source, "", "nested too deeply to read") from None


def read_data_dir(folder: Path, label: str = "data") -> dict[str, object]:
    """Every `*.yml` under `folder`, parsed, keyed as the site keys them (`data/...`).

    `label` is how messages name the folder (`data`, or the `--data DIR` a reader gave).
    """
    if not folder.is_dir():
        raise DataError(label, "", "is not a folder of pilot2prod data (no such folder)")
    files: dict[str, object] = {}
    for path in sorted(folder.rglob("*.yml")):
        relative = path.relative_to(folder).as_posix()
        shown = f"{label.rstrip('/')}/{relative}"
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_DATA_BYTES + 1)
        except OSError as error:
            raise DataError(shown, "", f"cannot be read ({error.strerror or error})") from None
        if len(raw) > MAX_DATA_BYTES:
            raise DataError(shown, "", "is larger than 2 MB; it is not a pilot2prod data file")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DataError(shown, "", "is not UTF-8 text") from None
        content = load_yaml(text, shown)
        # Everything read here travels to the browser as JSON: refuse what JSON cannot carry
        # now, by file and key, rather than as a nameless error when the wheel is built.
        unjsonable = first_unjsonable(content)
        if unjsonable is not None:
            raise DataError(shown, *unjsonable)
        files[f"data/{relative}"] = content
    if not files:
        raise DataError(label, "", "holds no .yml files; point it at a copy of data/")
    return files
