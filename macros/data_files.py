"""Read `data/` from disk and validate it with the pure loader."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify

from pilot2prod.cli.files import yaml_data_loader
from pilot2prod.errors import DataError
from pilot2prod.jsonsafe import first_unjsonable
from pilot2prod.loader import SiteData, check_links, load_site


def read_yaml(path: Path, source: str) -> object:
    """Parse one YAML file, turning syntax errors into a DataError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(source, "", f"cannot be read ({error})") from error
    try:
        # The CLI reads the same files: one SafeLoader subclass (no objects, no repeated keys).
        return yaml.load(text, Loader=yaml_data_loader())
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
        # Everything read here travels to the browser as JSON: refuse what JSON cannot carry
        # now, by file and key, rather than as a nameless TypeError when the wheel is built.
        unjsonable = first_unjsonable(files[source])
        if unjsonable is not None:
            raise DataError(source, *unjsonable)
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
