"""The portfolio report written out: Markdown for a steering meeting, CSV for a spreadsheet.

Both take the view of `readiness.portfolio.report`; names from files are escaped through
`text.md`, and CSV cells from files are guarded against spreadsheet formulas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.text import csv_cell, csv_text, markdown_table, md, plural

View = Mapping[str, Any]

TOP = 10
"""How many questions and owners the Markdown lists; JSON and CSV hold them all."""

CSV_COLUMNS = ("kind", "rank", "name", "count", "share", "detail")
"""One table: bands, dimensions, questions, blocked projects, owners, stale assessments."""


def portfolio_markdown(view: View) -> str:
    """The portfolio as Markdown: every ranked list as a table, the refused files named."""
    lines = ["# Readiness portfolio", "", md(view["summary"]), ""]
    lines += ["## Projects per verdict", ""]
    lines += markdown_table(
        ["Verdict", "Projects", "Share"],
        [[b["label"], b["count"], b["share_text"]] for b in view["bands"]],
    )
    lines += ["", "## Where projects stall: dimensions", ""]
    lines += markdown_table(
        ["Rank", "Dimension", "Weakest for", "Open questions"],
        [
            [i, d["title"], f"{d['stalled']} ({d['share_text']})", d["open"]]
            for i, d in enumerate(view["dimensions"], 1)
        ],
    )
    lines += ["", "## Where projects stall: questions", ""]
    if view["questions"]:
        lines += markdown_table(
            ["Rank", "Question", "Dimension", "Open in"],
            [
                [i, q["text"], q["dimension_title"], f"{q['open']} ({q['share_text']})"]
                for i, q in enumerate(view["questions"][:TOP], 1)
            ],
        )
    else:
        lines.append("No question is open in any project.")
    lines += ["", "## Blocked by critical questions", ""]
    if view["blocked"]:
        for b in view["blocked"]:
            questions = "; ".join(md(q) for q in b["questions"])
            lines.append(f"- **{md(b['project'])}** ({md(b['name'])}): {questions}")
    else:
        lines.append("No project has a critical question answered No.")
    lines += ["", "## Owners with the most open high-risk questions", ""]
    if view["owners"]:
        lines += markdown_table(
            ["Owner", "Open high-risk questions", "Projects"],
            [[o["owner"], o["open_high_risk"], o["projects"]] for o in view["owners"][:TOP]],
        )
    else:
        lines.append("No open high-risk question has an owner.")
    if view["unowned_high_risk"]:
        lines += [
            "",
            plural(
                view["unowned_high_risk"],
                "open high-risk question has",
                "open high-risk questions have",
            )
            + " no owner.",
        ]
    if view["older_than"] is not None:
        lines += ["", f"## Assessed more than {view['older_than']} days ago", ""]
        if view["stale"]:
            lines += markdown_table(
                ["Project", "File", "Assessed", "Days ago"],
                [[s["project"], s["name"], s["assessed"], s["age_days"]] for s in view["stale"]],
            )
        else:
            lines.append("None.")
        if view["undated"]:
            lines += [
                "",
                plural(view["undated"], "assessment has", "assessments have") + " no date.",
            ]
    if view.get("partial"):
        lines += ["", "## Files read only in part", ""]
        lines += [f"- {md(p['name'])}: {md(partial_text(p))}" for p in view["partial"]]
    if view["refused"]:
        lines += ["", "## Files refused", ""]
        lines += [f"- {md(r['name'])}: {md(r['message'])}" for r in view["refused"]]
    return "\n".join(lines) + "\n"


def partial_text(entry: View) -> str:
    """What was left out of a file read only in part: its problems, and how many more."""
    more = entry.get("more_problems", 0)
    return "; ".join(entry["problems"]) + (f"; and {plural(more, 'more', 'more')}" if more else "")


def portfolio_csv(view: View) -> str:
    """The portfolio as one CSV table (RFC 4180, CRLF, UTF-8 with a BOM)."""
    rows: list[list[str]] = [[csv_cell(c) for c in CSV_COLUMNS]]

    def add(kind: str, rank: object, name: str, count: object, share: str, detail: str) -> None:
        rows.append(
            [
                csv_cell(kind),
                csv_cell(rank),
                csv_cell(name, user_text=True),
                csv_cell(count),
                csv_cell(share),
                csv_cell(detail, user_text=True),
            ]
        )

    for b in view["bands"]:
        add("band", "", b["label"], b["count"], b["share_text"], b["id"])
    for i, d in enumerate(view["dimensions"], 1):
        add("dimension", i, d["title"], d["stalled"], d["share_text"], f"{d['open']} open")
    for i, q in enumerate(view["questions"], 1):
        add("question", i, q["text"], q["open"], q["share_text"], q["id"])
    for b in view["blocked"]:
        add("blocked", "", b["project"], len(b["questions"]), "", "; ".join(b["questions"]))
    for i, o in enumerate(view["owners"], 1):
        add("owner", i, o["owner"], o["open_high_risk"], "", f"{o['projects']} projects")
    for s in view["stale"]:
        add("stale", "", s["project"], s["age_days"], "", s["assessed"])
    for p in view.get("partial", []):
        add(
            "partial",
            "",
            p["name"],
            len(p["problems"]) + p.get("more_problems", 0),
            "",
            partial_text(p),
        )
    for r in view["refused"]:
        add("refused", "", r["name"], "", "", r["message"])
    return csv_text(rows)
