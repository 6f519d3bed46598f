"""Wording and number formats shared by the calculators' views.

The views return every number twice: the value (for tests, charts and exports)
and its text as the page shows it. Formatting happens here, in Python, so the
pre-rendered page, the live widget and the Markdown export read the same.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod.fields import HUGE, scientific

Table = dict[str, Any]


def weeks(value: float) -> str:
    """Person-weeks with one decimal: "12.3"."""
    if abs(value) >= HUGE:
        return scientific(value)
    return f"{value:,.1f}"


def money(value: float | None) -> str:
    """Dollars: whole above 1,000, cents above 1, more digits below so small costs stay legible."""
    if value is None or not math.isfinite(value):
        return "—"
    if value == 0:
        return "$0"
    size = abs(value)
    if size >= HUGE:
        return f"{'-' if value < 0 else ''}${scientific(size)}"
    if size >= 1000:
        return f"${value:,.0f}"
    if size >= 1:
        return f"${value:,.2f}"
    decimals = min(8, 2 - math.floor(math.log10(size)))
    return f"${value:,.{decimals}f}"


def percent(share: float, decimals: int = 0) -> str:
    """A share in 0-1 as a percentage: "15%"."""
    if abs(share * 100) >= HUGE:
        return f"{scientific(share * 100)}%"
    return f"{share * 100:.{decimals}f}%"


def output(value: float | None, text: str) -> dict[str, Any]:
    """One result for an `<output>` element: the number behind it and the words shown."""
    return {"value": value, "text": text}


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table as data; the first column holds row headers."""
    return {"caption": caption, "columns": list(columns), "rows": [list(row) for row in rows]}


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(found: Table) -> list[str]:
    """A table as Markdown lines."""
    lines = [
        "| " + " | ".join(_cell(c) for c in found["columns"]) + " |",
        "|" + "|".join(" --- " for _ in found["columns"]) + "|",
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in found["rows"]]
    return lines


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
