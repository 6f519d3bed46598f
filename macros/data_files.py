"""Read `data/` from disk and validate it with the pure loader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from markdown.extensions.toc import slugify

from pilot2prod.errors import DataError
from pilot2prod.loader import SiteData, check_links, load_site


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[object] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, source: str) -> object:
    """Parse one YAML file, turning syntax errors into a DataError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(source, "", f"cannot be read ({error})") from error
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(source, where, f"is not valid YAML: {problem}") from error


def read_data_dir(root: Path) -> dict[str, object]:
    """Every `data/**/*.yml` under project `root`, parsed, keyed by `data/...` path."""
    files: dict[str, object] = {}
    for path in sorted((root / "data").rglob("*.yml")):
        source = path.relative_to(root).as_posix()
        files[source] = read_yaml(path, source)
    return files


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*(?:\{([^}]*)\})?\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def heading_anchors(markdown_text: str) -> set[str]:
    """The anchors Python-Markdown's toc extension gives the headings of a page."""
    anchors: set[str] = set()
    in_fence = False
    for line in markdown_text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _HEADING.match(line)
        if not match:
            continue
        title, attrs = match.group(2), match.group(3) or ""
        explicit = re.search(r"#([\w-]+)", attrs)
        anchors.add(explicit.group(1) if explicit else slugify(title, "-"))
    return anchors


def page_anchors(docs_dir: Path) -> dict[str, set[str]]:
    """Every Markdown page under `docs_dir` with the anchors of its headings."""
    return {
        path.relative_to(docs_dir).as_posix(): heading_anchors(path.read_text(encoding="utf-8"))
        for path in sorted(docs_dir.rglob("*.md"))
    }


def load_project_data(root: Path, docs_dir: Path) -> SiteData:
    """Read, validate and cross-check all of `data/` against the pages in `docs_dir`."""
    data = load_site(read_data_dir(root))
    check_links(data, page_anchors(docs_dir))
    return data
