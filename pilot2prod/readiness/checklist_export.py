"""A checklist's answers as files: Markdown for a proposal, CSV for a spreadsheet, JSON to import.

Every checklist page exports through here (the worker calls `pilot2prod.api.answers`), so a
file reads the same whichever page wrote it, with one Markdown escape and one CSV quoting
(`pilot2prod.text`). The scored assessment's Markdown and CSV are its verdict reports
(`report.assessment_markdown`, `csv_export.assessment_csv`); its JSON, like every checklist's,
is the answers document this package reads back, with the page, the time and the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.model.checklists import ANSWER_LABELS, Checklist
from pilot2prod.readiness.answers import Answers, write_document
from pilot2prod.text import csv_cell, csv_text, md

CSV_COLUMNS = (
    "checklist",
    "checklist_version",
    "section",
    "item",
    "question",
    "critical",
    "weight",
    "value",
    "answer",
    "note",
    "owner",
)
"""The columns of a checklist's CSV (the scored assessment has its own: csv_export.py)."""

KEPT_ASIDE_SECTION = "(no longer in this checklist)"
"""The section an answer kept aside is listed under in the CSV."""


def answer_label(checklist: Checklist, value: str) -> str:
    """What a reader sees for a stored value: Done / Not done, or the scale's word."""
    if checklist.scale == "done":
        return "Done" if value == "done" else "Not done"
    return ANSWER_LABELS.get(value, value) if value else "Not answered"


def progress_sentence(checklist: Checklist, answers: Answers) -> str:
    """ "14 of 21 answered (Yes 8, Partly 3, No 2, Not applicable 1)", or "3 of 12 done"."""
    total = len(checklist.items)
    answered = len(answers.values)
    if checklist.scale == "done":
        return f"{answered} of {total} done"
    counts = [
        f"{ANSWER_LABELS[value]} {count}"
        for value in ("no", "partial", "yes", "na")
        if (count := sum(1 for v in answers.values.values() if v == value))
    ]
    return f"{answered} of {total} answered" + (f" ({', '.join(counts)})" if counts else "")


def checklist_markdown(checklist: Checklist, answers: Answers, page_url: str, date: str) -> str:
    """The answers as Markdown: each section's items ticked or answered, with notes and owners,
    then what was kept aside for questions no longer asked."""
    lines = [
        f"# {md(checklist.title)}",
        "",
        f"- Date: {md(date)}",
        *([f"- Page: <{page_url}>"] if _plain_url(page_url) else []),
        f"- Checklist version: `{checklist.version}`",
        f"- Progress: {md(progress_sentence(checklist, answers))}",
        "",
    ]
    for section in checklist.sections:
        lines += [f"## {md(section.title)}", ""]
        for item in section.items:
            value = answers.values.get(item.id, "")
            if checklist.scale == "done":
                lines.append(f"- [{'x' if value == 'done' else ' '}] {md(item.text)}")
            else:
                critical = " *(critical)*" if item.critical else ""
                lines.append(
                    f"- **{md(answer_label(checklist, value))}**: {md(item.text)}{critical}"
                )
            owner = answers.owners.get(item.id)
            note = answers.notes.get(item.id)
            if owner:
                lines.append(f"    - Owner: {md(owner)}")
            if note:
                label = "Why it does not apply" if value == "na" else "Note"
                lines.append(f"    - {label}: {md(note)}")
            elif value == "na":
                lines.append("    - Why it does not apply: *no reason given*")
        lines.append("")
    if answers.kept_aside:
        lines += ["## Answers to questions no longer in this checklist", ""]
        for key, entry in answers.kept_aside.items():
            answer = answer_label(checklist, entry["answer"]) if entry.get("answer") else ""
            lines.append(f"- {md(key)}: {md(answer or 'no answer')}")
            if entry.get("owner"):
                lines.append(f"    - Owner: {md(entry['owner'])}")
            if entry.get("note"):
                lines.append(f"    - Note: {md(entry['note'])}")
        lines.append("")
    return "\n".join(lines)


def _plain_url(url: str) -> bool:
    """Only an absolute http(s) address with nothing Markdown could misread goes in `<…>`."""
    return url.startswith(("http://", "https://")) and not any(c in url for c in " <>\n")


def checklist_csv(checklist: Checklist, answers: Answers) -> str:
    """The answers as CSV: one row per item, then one per answer kept aside."""
    rows = [[csv_cell(column) for column in CSV_COLUMNS]]
    for section in checklist.sections:
        for item in section.items:
            value = answers.values.get(item.id, "")
            rows.append(
                [
                    csv_cell(checklist.id),
                    csv_cell(checklist.version),
                    csv_cell(section.title),
                    csv_cell(item.id),
                    csv_cell(item.text),
                    csv_cell("yes" if item.critical else "no"),
                    csv_cell(_weight(item.weight)),
                    csv_cell(value),
                    csv_cell(answer_label(checklist, value)),
                    csv_cell(answers.notes.get(item.id, ""), user_text=True),
                    csv_cell(answers.owners.get(item.id, ""), user_text=True),
                ]
            )
    for key, entry in answers.kept_aside.items():
        answer = entry.get("answer", "")
        rows.append(
            [
                csv_cell(checklist.id),
                csv_cell(checklist.version),
                csv_cell(KEPT_ASIDE_SECTION),
                csv_cell(key, user_text=True),
                csv_cell(""),
                csv_cell(""),
                csv_cell(""),
                csv_cell(answer, user_text=True),
                csv_cell(answer_label(checklist, answer) if answer else "", user_text=True),
                csv_cell(entry.get("note", ""), user_text=True),
                csv_cell(entry.get("owner", ""), user_text=True),
            ]
        )
    return csv_text(rows)


def _weight(weight: float) -> str:
    """A weight as the data wrote it: 2, not 2.0."""
    return str(int(weight)) if float(weight).is_integer() else str(weight)


def export_document(
    answers: Answers,
    checklist: Checklist,
    page_url: str,
    exported: str,
    result: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON export: the answers document, then where and when it was exported, and for the
    scored assessment the result worked out from it (reading it back ignores the result)."""
    doc: dict[str, Any] = dict(write_document(answers, checklist))
    doc |= {"title": checklist.title, "url": page_url, "exported": exported}
    if result is not None:
        doc["result"] = dict(result)
    return doc


RESULT_KEYS = (
    "verdict",
    "score",
    "score_text",
    "weakest",
    "weakest_text",
    "answered_text",
    "complete",
    "capped",
    "cap_text",
    "blockers_text",
    "risk_counts",
    "identity",
)
"""What a JSON export keeps of the verdict's view: what a reader or a script reads back."""


def _item_summary(item: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "text": item["text"],
        "dimension": item["dimension"],
        "answer": item["answer"],
        "critical": item["critical"],
        "weight": item.get("weight_word"),
        "risk": item.get("risk"),
        "owner": item.get("owner"),
    }


def assessment_result(view: Mapping[str, Any]) -> dict[str, Any]:
    """The `result` of the scored assessment's JSON export, from its view."""
    result = {key: view[key] for key in RESULT_KEYS if key in view}
    result["dimensions"] = [
        {key: dim[key] for key in ("id", "title", "score", "score_text", "status")}
        for dim in view.get("dimensions", [])
    ]
    result["blockers"] = [_item_summary(item) for item in view.get("capping", [])]
    result["risks"] = [_item_summary(item) for item in view.get("risks", [])]
    result["path"] = [
        {
            "target": step["target"],
            "summary": step["summary"],
            "items": [_item_summary(item) for item in step["items"]],
        }
        for step in view.get("path", [])
    ]
    return result
