"""HTML for the macros: escaping, attributes and tables, written one way for every widget."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any


def esc(value: object) -> str:
    """Text escaped for HTML content and double-quoted attributes alike."""
    return html.escape(str(value), quote=True)


def words(value: object) -> str:
    """Text escaped as words in Markdown or HTML content (quotes stay quotes, for headings)."""
    return html.escape(str(value), quote=False)


def attrs(values: Mapping[str, str]) -> str:
    """`name="value"` pairs, escaped; an empty value is written as a bare attribute."""
    return " ".join(f'{name}="{esc(value)}"' if value else name for name, value in values.items())


def table_html(found: Mapping[str, Any]) -> str:
    """A view table (caption, columns, rows) as HTML: a header cell per column and per row."""
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in found["columns"])
    rows = "".join(
        f'<tr><th scope="row">{esc(row[0])}</th>'
        + "".join(f"<td>{esc(c)}</td>" for c in row[1:])
        + "</tr>"
        for row in found["rows"]
    )
    return (
        # A class of our own keeps Material from wrapping the table in an unfocusable scroller.
        f'<table class="p2p-table"><caption>{esc(found["caption"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
