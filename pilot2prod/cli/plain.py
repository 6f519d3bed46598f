"""Markdown of the simple kind the calculators export, as plain text for a terminal."""

from __future__ import annotations

import re

_TABLE_RULE = re.compile(r"^\|(?:\s*-+\s*\|)+$")


def _split_row(line: str) -> list[str]:
    cells: list[str] = []
    current = ""
    escaped = False
    for char in line.strip()[1:-1]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += char
    cells.append(current.strip())
    return cells


def _plain_inline(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\(([^)\s]*)\)", r"\1 (\2)", text)
    text = text.replace("**", "").replace("`", "")
    text = re.sub(r"(?<![\w\\])\*([^*]+)\*(?!\w)", r"\1", text)
    return re.sub(r"\\(.)", r"\1", text)


def plain_text(markdown: str) -> str:
    """Markdown of the simple kind the calculators export, as plain text for a terminal.

    Headings lose their marks, bold and italics their asterisks, links show their
    address, and tables become aligned columns.
    """
    out: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if not table:
            return
        widths = [
            max(len(row[i]) if i < len(row) else 0 for row in table) for i in range(len(table[0]))
        ]
        for row in table:
            out.append(
                "  "
                + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip()
            )
        table.clear()

    for line in markdown.splitlines():
        if line.startswith("|"):
            if not _TABLE_RULE.match(line.replace(" ", "")):
                table.append([_plain_inline(cell) for cell in _split_row(line)])
            continue
        flush()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            title = _plain_inline(heading.group(2))
            out += [title, ("=" if len(heading.group(1)) <= 2 else "-") * len(title)]
        else:
            out.append(_plain_inline(line))
    flush()
    return "\n".join(out).rstrip("\n") + "\n"
