"""The improvement plan written out: a Markdown task list, tracker CSV, one issue body per gap.

Every function takes the plan view of `readiness.plan.plan_view`. Text from the answers
file (actions, owners, project names) is escaped for Markdown through `text.md`, and CSV
cells a reader typed are guarded against spreadsheet formulas as the readiness CSV is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pilot2prod.readiness.report import _link
from pilot2prod.text import clean, csv_cell, md, plural

View = Mapping[str, Any]

LABEL_COLUMNS = 4
"""Labels per row: pilot2prod, the dimension, the risk and, for a critical question, critical."""

TRACKER_COLUMNS = ("Summary", "Description", "Assignee", "Due date") + ("Labels",) * LABEL_COLUMNS
"""The CSV header, one issue per row: names Jira's CSV importer maps by themselves. Jira takes
several labels as several columns of the same name, so each label has a column of its own."""

SUMMARY_MAX = 250
"""Jira refuses a summary longer than 255 characters; ours stay under it."""


def _title(item: View) -> str:
    text = clean(item["action"] or item["question"])
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def labels(item: View) -> list[str]:
    """An item's tracker labels: no spaces (Jira splits labels on them), lower case."""
    found = ["pilot2prod", f"readiness-{item['dimension']}", f"risk-{item['risk']}"]
    if item["critical"]:
        found.append("critical")
    return [re.sub(r"[^a-z0-9-]+", "-", label.lower()) for label in found]


def _heading(view: View) -> str:
    project = (view.get("identity") or {}).get("project")
    return f"# Improvement plan: {md(project)}" if project else "# Improvement plan"


def plan_markdown(view: View, links: bool = False) -> str:
    """The plan as a Markdown task list (GitHub and GitLab tick the boxes), done items ticked."""
    items = view["items"]
    counts = view["counts"]
    lines = [_heading(view), ""]
    if view.get("verdict"):
        lines.append(f"Verdict: **{md(view['verdict'])}**.")
    lines.append(
        f"{plural(len(items), 'open question', 'open questions')}: {counts['open']} open, "
        f"{counts['in-progress']} in progress, {counts['done']} done."
    )
    lines.append("")
    if not items:
        lines.append("Nothing is open: every question is answered Yes or is not applicable.")
    for item in items:
        box = "x" if item["status"] == "done" else " "
        extras = [md(item["dimension_title"]), md(item["risk_label"].lower())]
        if item["critical"]:
            extras.append("critical")
        if item["status"] == "in-progress":
            extras.append("in progress")
        if item["owner"]:
            extras.append(f"owner {md(item['owner'])}")
        if item["due"]:
            extras.append(f"due {md(item['due'])}")
        question = _link(md(item["question"]), item["question_href"], links)
        lines.append(f"- [{box}] **{md(_title(item))}** — {question} ({' · '.join(extras)})")
    return "\n".join(lines) + "\n"


def issue_body(item: View, links: bool = False) -> str:
    """One open question as the body of a tracker issue: what, why, the suggested step, where."""
    guidance = _link("the guidance", item["guidance_href"], links)
    lines = [
        f"**Question:** {_link(md(item['question']), item['question_href'], links)}",
        "",
        f"**Answer now:** {md(item['answer_label'])} · {md(item['risk_label'])}"
        + (" · critical" if item["critical"] else ""),
        "",
        "## Why it matters",
        "",
        md(item["why"]),
        "",
        "## Suggested action" if item["suggested"] else "## Action",
        "",
        md(item["action"]) if item["action"] else "No action written yet.",
        "",
    ]
    if item["owner"] or item["due"]:
        who = [f"Owner: {md(item['owner'])}"] if item["owner"] else []
        when = [f"Due: {md(item['due'])}"] if item["due"] else []
        lines += [" · ".join(who + when), ""]
    lines.append(
        f"Read more in {guidance} ({md(item['dimension_title'])})."
        if links
        else f"Guidance: {md(item['guidance_href'])} ({md(item['dimension_title'])})."
    )
    return "\n".join(lines) + "\n"


def issues(view: View, links: bool = False) -> list[dict[str, Any]]:
    """One `{id, title, body, labels}` per open question not yet done."""
    return [
        {"id": i["id"], "title": _title(i), "body": issue_body(i, links), "labels": labels(i)}
        for i in view["items"]
        if i["status"] != "done"
    ]


def plan_csv(view: View, links: bool = True) -> str:
    """Tracker CSV (RFC 4180, CRLF, UTF-8 with a BOM): one row per open item not yet done."""
    rows = [",".join(csv_cell(c) for c in TRACKER_COLUMNS)]
    for issue, item in zip(
        issues(view, links), [i for i in view["items"] if i["status"] != "done"], strict=True
    ):
        cells = [
            csv_cell(issue["title"], user_text=True),
            csv_cell(issue["body"], user_text=True),
            csv_cell(item["owner"], user_text=True),
            csv_cell(item["due"]),
        ]
        tags = issue["labels"] + [""] * (LABEL_COLUMNS - len(issue["labels"]))
        cells += [csv_cell(label) for label in tags]
        rows.append(",".join(cells))
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


PLAN_FORMAT = "pilot2prod/plan"
"""The `format` tag of the plan's JSON (`pilot2prod plan --format json`, the page's export)."""


def overdue(view: View, today: date) -> list[str]:
    """Ids of the items not done whose due date is before `today`."""
    return [
        item["id"]
        for item in view["items"]
        if item["status"] != "done" and item["due"] and date.fromisoformat(item["due"]) < today
    ]


def plan_json(view: View, today: date) -> str:
    """The plan as JSON text: the view with one issue body per item not done, and which items
    are overdue on `today`; the same bytes from the command line and from the page."""
    body = {k: v for k, v in view.items() if k not in ("markdown", "csv", "json")}
    document = {"format": PLAN_FORMAT, "version": 1, **body, "overdue": overdue(view, today)}
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
