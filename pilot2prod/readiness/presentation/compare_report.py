"""A comparison of two assessments written out: Markdown and plain text.

Both take the view of `readiness.compare.compare`; question texts come from the data,
and are escaped for Markdown all the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.text import markdown_table, md

View = Mapping[str, Any]


def _moves(view: View) -> list[tuple[str, list[Mapping[str, Any]]]]:
    return [("Improved", view["improved"]), ("Regressed", view["regressed"])]


def compare_markdown(view: View, old: str = "", new: str = "") -> str:
    """The comparison as Markdown: verdicts, a table of dimensions, the questions that moved."""
    title = f"# Readiness: {md(old)} → {md(new)}" if old and new else "# Readiness compared"
    lines = [title, "", md(view["verdict_text"]), "", md(view["summary"]), ""]
    lines += markdown_table(
        ["Dimension", "Before", "After", "Change"],
        [[d["title"], d["old_text"], d["new_text"], d["change_text"]] for d in view["dimensions"]],
    )
    for heading, items in _moves(view):
        lines += ["", f"## {heading} questions", ""]
        if not items:
            lines.append("None.")
        for q in items:
            critical = " *(critical)*" if q["critical"] else ""
            lines.append(
                f"- {md(q['text'])}{critical}: {md(q['old_label'])} → {md(q['new_label'])} "
                f"({md(q['dimension_title'])})"
            )
    return "\n".join(lines) + "\n"


def compare_text(view: View, old: str = "", new: str = "") -> str:
    """The comparison for a terminal."""
    lines = [f"Readiness: {old} -> {new}" if old and new else "Readiness compared", ""]
    lines += [view["verdict_text"], view["summary"], ""]
    width = max(len(d["title"]) for d in view["dimensions"]) if view["dimensions"] else 10
    for d in view["dimensions"]:
        scores = f"{d['old_text']:>12} -> {d['new_text']:<12}"
        lines.append(f"  {d['title']:<{width}}  {scores} {d['change_text']}")
    for heading, items in _moves(view):
        lines += ["", f"{heading}:"]
        if not items:
            lines.append("  none")
        for q in items:
            lines.append(f"  - {q['text']} ({q['old_label']} -> {q['new_label']})")
    return "\n".join(lines) + "\n"
