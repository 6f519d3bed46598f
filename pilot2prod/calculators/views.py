"""What the calculators' views share: outputs, tables as data, the export's first line.

The views return every number twice: the value (for tests, charts and exports)
and its text as the page shows it. Formatting happens here, in Python, so the
pre-rendered page, the live widget and the Markdown export read the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod import text

Table = dict[str, Any]


def output(value: float | None, text: str) -> dict[str, Any]:
    """One result for an `<output>` element: the number behind it and the words shown."""
    return {"value": value, "text": text}


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table as data; the first column holds row headers."""
    return {"caption": caption, "columns": list(columns), "rows": [list(row) for row in rows]}


def markdown_table(found: Table) -> list[str]:
    """A view table as Markdown lines (its caption is for the page, not the export)."""
    return text.markdown_table(found["columns"], found["rows"])


_SAFE_URL = re.compile(r"^https?://[^\s<>()\[\]`\"']{1,2000}$")


def link_line(tool: str, page_url: object, date: object) -> str:
    """The italic line under an export's title: when, with what, and where to reopen it."""
    when = date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else ""
    where = page_url if isinstance(page_url, str) and _SAFE_URL.match(page_url) else ""
    made = f"Made with the pilot2prod {tool}"
    if where:
        made = f"Made with the [pilot2prod {tool}]({where})"
    return f"*{made}{' on ' + when if when else ''}.*"


def request_inputs(payload: Mapping[str, Any]) -> object:
    """The inputs of a calculator request; the payload itself when it has no `inputs` key."""
    return payload.get("inputs", payload)
