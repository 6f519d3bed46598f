"""The anchors of the pages under `docs/`, for the build's link checks.

Data links to `page.md#anchor`; the anchors a page's own headings create are found here, the
ones its records create come from the data itself (`pilot2prod.model.links`).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify

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
