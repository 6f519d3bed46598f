"""Words and numbers as readers see them: one home for escaping, tables and number formats.

Every view, report and macro formats through this module, so a percentage reads the same on
the page, in a Markdown export and in a terminal, and text from a file (names, notes, owners)
is made safe for Markdown in one way only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

# --- plain text and Markdown ---------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: object) -> str:
    """Text with control and bidirectional-override characters removed, lines joined."""
    value = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    return " ".join(value.split())


def md(text: object) -> str:
    """Text that Markdown shows literally: no links, emphasis, HTML, headings or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text)).replace("&", "&amp;")


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table as lines, from cells that are Markdown already (escaped, or links)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def markdown_table(columns: Sequence[object], rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table as lines; every cell is plain text, escaped here."""
    return table_lines([md(c) for c in columns], [[md(c) for c in row] for row in rows])


def csv_cell(value: object, user_text: bool = False) -> str:
    """One CSV field, always quoted; `user_text` (notes, owners, names) that a spreadsheet would
    run as a formula (starting with = + - @, a tab or a return) gets a leading apostrophe."""
    text = "" if value is None else str(value)
    if user_text and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return '"' + text.replace('"', '""') + '"'


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """Rows of quoted cells as CSV text (RFC 4180: CRLF line ends; UTF-8 with a byte-order mark,
    so a spreadsheet reads the accents right)."""
    return "\ufeff" + "\r\n".join(",".join(row) for row in rows) + "\r\n"


def plural(count: int, one: str, many: str) -> str:
    """ "1 question", "3 questions"."""
    return f"{count} {one if count == 1 else many}"


# --- numbers -------------------------------------------------------------------------------


def _half_up(value: float, decimals: int) -> Decimal:
    # repr() is the shortest text that reads back as the same float, so 0.625 rounds as the
    # 0.625 a reader sees (to 63%), not as the binary fraction just below it.
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


HUGE = 1e15
"""From here on a figure is written as a power of ten: grouped digits would run to hundreds of
characters for a valid but extreme input (a success rate of 1e-306 %), and no reader can use
more than the first few of them anyway."""

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def scientific(value: float) -> str:
    """A huge number in a few characters: 2.8 times ten to the 28th, with a superscript 28."""
    if not math.isfinite(value):
        return "—"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.removesuffix('.0')} \u00d7 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def percent_figure(share: float, decimals: int = 0) -> str:
    """The number `percent` shows for a finite share, without the sign: 0.40625 is "41".

    A value carried from one tool into another's field is this figure, so the field holds
    what the reader saw, never a more precise number behind it.
    """
    return f"{_half_up(share * 100, decimals):.{decimals}f}"


def percent(share: float | None, decimals: int = 0, none: str = "—") -> str:
    """A share in 0-1 as a percentage, rounded half up the way readers expect: 0.625 is "63%"."""
    if share is None or not math.isfinite(share):
        return none
    if abs(share * 100) >= HUGE:
        return f"{scientific(share * 100)}%"
    return f"{percent_figure(share, decimals)}%"


def format_number(value: float, decimals: int = 2) -> str:
    """A number for messages and labels: grouped thousands, no needless trailing zeros."""
    if not math.isfinite(value):
        return "—"
    if abs(value) >= HUGE:
        return scientific(value)
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def with_unit(value: float, unit: str) -> str:
    """A value with its unit as the form shows it: "20%", "$3 per million tokens"."""
    number = format_number(value)
    if unit == "%":
        return f"{number}%"
    if unit.startswith("$"):
        rest = unit[1:].strip()
        return f"${number} {rest}".rstrip()
    return f"{number} {unit}".rstrip()


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
