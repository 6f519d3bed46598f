"""A run's summary (and a comparison of two runs) as plain text or Markdown.

The input is `view.summary_view`'s dict (or `compare.comparison_view`'s), the very words the
page shows. File content (slice names, file names) is escaped for Markdown and stripped of
control characters in text, so a hostile file cannot inject markup or terminal escapes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod.text import clean, markdown_table, md

View = Mapping[str, Any]

COLUMNS = ("Slice", "Cases", "Passed", "Pass rate (95% interval)", "Traffic", "More cases")


def _table_rows(view: View) -> list[list[str]]:
    return [
        [
            row["name"],
            f"{row['cases']:,}",
            f"{row['passed']:,}",
            row["rate_text"],
            row["traffic_text"],
            row["more_text"],
        ]
        for row in view["rows"]
    ]


def _extras(view: View) -> list[str]:
    lines = []
    for key in ("worst_text", "mix_distance_text", "latency_text", "cost_text"):
        if view.get(key):
            lines.append(view[key])
    lines += list(view.get("mix", []))
    return lines


def summary_text(view: View, gate: str = "") -> str:
    """One run for a terminal."""
    lines = [clean(view["source_text"]), f"  {clean(view['headline'])}"]
    if view["rows"]:
        lines += ["", f"Slices by {clean(view['slice_field'])}:"]
        cells = [[clean(cell) for cell in row] for row in _table_rows(view)]
        header = list(COLUMNS)
        widths = [max(len(header[i]), *(len(r[i]) for r in cells)) for i in range(len(header))]
        lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for row in cells:
            lines.append(
                "  "
                + "  ".join(
                    cell.rjust(w) if index in (1, 2) else cell.ljust(w)
                    for index, (cell, w) in enumerate(zip(row, widths, strict=True))
                ).rstrip()
            )
        if view.get("target_text"):
            lines.append(f"  More cases: {clean(view['target_text'])}.")
    lines += ["", *(clean(line) for line in _extras(view))] if _extras(view) else []
    if not view["slice_field"]:
        lines += ["", *_candidates_text(view)]
    if view["notes"]:
        lines += ["", *(f"note: {clean(note)}" for note in view["notes"])]
    if gate:
        lines += ["", f"Gate: {clean(gate)}"]
    return "\n".join(lines) + "\n"


def _candidates_text(view: View) -> list[str]:
    if not view["candidates"]:
        return ["No field of the cases could define slices."]
    lines = ["Fields that could define slices:"]
    lines += [f"  {clean(c['text'])}" for c in view["candidates"][:10]]
    if view.get("suggested"):
        lines.append(f"Suggested: --slice {clean(view['suggested'])}")
    return lines


def summary_markdown(view: View, gate: str = "") -> str:
    """One run as Markdown, for a pull request or a proposal."""
    lines = [f"### Evaluation: {md(view['file'])}", "", md(view["source_text"]), ""]
    lines += [md(view["headline"]), ""]
    if view["rows"]:
        lines += [f"Slices by `{clean(view['slice_field']).replace('`', '')}`:", ""]
        lines += markdown_table(COLUMNS, _table_rows(view))
        lines.append("")
        if view.get("target_text"):
            lines += [f"*More cases: {md(view['target_text'])}.*", ""]
    extras = _extras(view)
    if extras:
        lines += [f"- {md(line)}" for line in extras]
        lines.append("")
    if not view["slice_field"]:
        lines += [md(line.strip()) for line in _candidates_text(view)]
        lines.append("")
    if view["notes"]:
        lines += [f"- Note: {md(note)}" for note in view["notes"]]
        lines.append("")
    if gate:
        lines += [f"**Gate:** {md(gate)}", ""]
    return "\n".join(lines)


COMPARE_COLUMNS = ("Slice", "Before", "After", "Change (95% interval)", "Paired", "Verdict")


def _compare_rows(view: View) -> list[list[str]]:
    return [
        [
            row["name"],
            row["old_text"],
            row["new_text"],
            row["change_text"],
            "yes" if row["paired"] else "no",
            row["verdict"],
        ]
        for row in view["rows"]
    ]


def comparison_text(view: View, gate: str = "") -> str:
    """Two runs compared, for a terminal."""
    lines = [clean(view["title"]), f"  {clean(view['headline'])}", ""]
    cells = [[clean(cell) for cell in row] for row in _compare_rows(view)]
    header = list(COMPARE_COLUMNS)
    widths = [max(len(header[i]), *(len(r[i]) for r in cells)) for i in range(len(header))]
    lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    lines += [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    lines += [f"note: {clean(note)}" for note in view["notes"]]
    if gate:
        lines += ["", f"Gate: {clean(gate)}"]
    return "\n".join(lines) + "\n"


def comparison_markdown(view: View, gate: str = "") -> str:
    """Two runs compared, as Markdown."""
    lines = [f"### {md(view['title'])}", "", md(view["headline"]), ""]
    lines += markdown_table(COMPARE_COLUMNS, _compare_rows(view))
    lines.append("")
    lines += [f"- Note: {md(note)}" for note in view["notes"]]
    if gate:
        lines += ["", f"**Gate:** {md(gate)}"]
    return "\n".join(lines) + "\n"


def joined(parts: Sequence[str]) -> str:
    """Several reports one after another."""
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)
