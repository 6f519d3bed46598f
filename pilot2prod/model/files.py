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

MAX_DATA_BYTES = 2 * 1024 * 1024
"""No single data file is anywhere near this; a bigger one is not ours."""

_YAML_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


@cache
def _loaders() -> tuple[type, type, type]:
    """The YAML loaders and error type, built on first use (PyYAML is imported here)."""
    import yaml

    class DataLoader(yaml.SafeLoader):
        """SafeLoader that refuses a key written twice (PyYAML would keep the last)."""

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
        files[f"data/{relative}"] = load_yaml(text, shown)
    if not files:
        raise DataError(label, "", "holds no .yml files; point it at a copy of data/")
    return files
