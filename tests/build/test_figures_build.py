"""Every guide page carries at least one figure a reader can also read as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

GUIDE_PAGES = [
    "index.html",
    "why-pilots-stall/index.html",
    "what-changes/index.html",
    "crossing-the-gap/index.html",
    "examples/index.html",
    "readiness-questions/index.html",
]


class _Figures(HTMLParser):
    """Collects each <figure>: whether it has a caption, words and named SVGs."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, object]] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "figure":
            self._depth += 1
            self.figures.append({"caption": False, "words": False, "svgs": []})
        elif self._depth and tag == "figcaption":
            self.figures[-1]["caption"] = True
        elif self._depth and tag == "details":
            self.figures[-1]["words"] = True
        elif self._depth and tag == "svg":
            svgs = self.figures[-1]["svgs"]
            assert isinstance(svgs, list)
            svgs.append(
                (found.get("role"), found.get("aria-label") or found.get("aria-labelledby"))
            )

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._depth -= 1


def test_each_guide_page_has_an_accessible_figure(built_site: Path) -> None:
    """Home and the five guide pages each hold a figure with a caption, words and a named SVG."""
    for page in GUIDE_PAGES:
        parser = _Figures()
        parser.feed((built_site / page).read_text(encoding="utf-8"))
        assert parser.figures, page
        for figure in parser.figures:
            assert figure["caption"] and figure["words"], page
            svgs = figure["svgs"]
            assert isinstance(svgs, list) and svgs, page
            assert all(role == "img" and name for role, name in svgs), page


def test_figures_load_nothing_from_elsewhere(built_site: Path) -> None:
    """The figures are inline SVG: no image files, no diagram scripts, no external hosts."""
    for page in GUIDE_PAGES:
        html = (built_site / page).read_text(encoding="utf-8")
        for figure in re.findall(r"<figure.*?</figure>", html, flags=re.S):
            assert (
                "<img" not in figure
                and "<script" not in figure
                and "http" not in figure.replace("http://www.w3.org/2000/svg", "")
            ), page
