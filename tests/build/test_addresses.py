"""What readers copy from the built pages: site addresses, and an anchor on every sign."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pilot2prod.model.records import Topic, sign_anchor
from tests.fixtures import repo_data
from tests.serving import ROOT


def _page_file(built_site: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    return built_site / ("" if stem == "index" else stem) / "index.html"


def test_no_page_shows_a_source_file_path_as_an_address(built_site: Path) -> None:
    """Text a reader might paste (`code`) never names a Markdown source like `faq.md#x`."""
    sources = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    shown = re.compile(r"<code>([^<]*)</code>")
    for page in built_site.rglob("*.html"):
        for text in shown.findall(page.read_text(encoding="utf-8")):
            path = html.unescape(text).strip().partition("#")[0]
            assert path not in sources, (page, text)


def test_every_sign_has_an_anchor_and_a_link_to_itself(built_site: Path) -> None:
    """Each 'signs to look for' bullet is `<li id="<topic>-<sign>">` with a link to that anchor."""
    data = repo_data()
    count = 0
    for collection in data.collections.values():
        page = _page_file(built_site, collection.page).read_text(encoding="utf-8")
        for record in collection.records:
            if not isinstance(record, Topic):
                continue
            for sign in record.signs:
                anchor = sign_anchor(record, sign)
                assert f'<li id="{anchor}">' in page, anchor
                assert f'href="#{anchor}"' in page, anchor
                count += 1
    assert count >= 8
