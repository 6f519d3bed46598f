"""The markup Material's templates got wrong stays fixed (the Nu checker in `make
validate-html` checks everything else; this layer needs no Java)."""

from __future__ import annotations

import re


def _pages(built_site):
    return sorted(built_site.rglob("*.html"))


def test_no_label_has_an_empty_tabindex(built_site):
    """Section labels in the navigation carry no tabindex="" (overrides/partials/nav-item.html)."""
    for html_file in _pages(built_site):
        assert 'tabindex=""' not in html_file.read_text(encoding="utf-8"), html_file


def test_no_checkbox_or_radio_has_autocomplete(built_site):
    """autocomplete is for text-like inputs; Material's toggles lose it (sitebuild/markup.py)."""
    tag = re.compile(r"<input\b[^>]*\btype=\"(?:checkbox|radio)\"[^>]*>")
    for html_file in _pages(built_site):
        for found in tag.findall(html_file.read_text(encoding="utf-8")):
            assert "autocomplete=" not in found, (html_file, found)


def test_no_input_has_autocorrect(built_site):
    """autocorrect is not an HTML attribute; the search field goes without it."""
    for html_file in _pages(built_site):
        assert "autocorrect=" not in html_file.read_text(encoding="utf-8"), html_file


def test_no_widget_is_wrapped_in_a_paragraph(built_site):
    """A macro's block of HTML never lands inside a <p> (a section in a p is invalid)."""
    for html_file in _pages(built_site):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r"<p>\s*<(?:link|section|div|form)\b", text), html_file
