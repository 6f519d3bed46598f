"""The evidence beside the answers, in words: JSON-ready for the page and `assess --format
json`, and as Markdown or plain text for the reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod.evidence.backing import STATUSES, Backing
from pilot2prod.model.checklists import ANSWER_LABELS, Checklist
from pilot2prod.text import clean, md

STATUS_LABELS = {
    "backed": "Backed by evidence",
    "self-reported": "Self-reported",
    "contradicted": "Contradicted by evidence",
    "stale": "Evidence too old to count",
    "suggested": "Not answered; evidence suggests an answer",
}
"""What each status is called wherever an answer is marked."""


def backing_view(
    backings: Sequence[Backing], checklist: Checklist, records: Sequence[str], notes: Sequence[str]
) -> dict[str, Any]:
    """Each question with its answer, the evidence's suggestion, its status and the figures;
    `counts` per status; the records read; notes on what was left out."""
    texts = {item.id: item.text for item in checklist.items}
    items = []
    for backing in backings:
        if backing.status is None:
            continue
        items.append(
            {
                "question": backing.question,
                "text": texts.get(backing.question, backing.question),
                "answer": backing.answer,
                "answer_label": ANSWER_LABELS.get(backing.answer or "", "Not answered"),
                "suggestion": backing.suggestion,
                "suggestion_label": ANSWER_LABELS.get(backing.suggestion or "", "—"),
                "status": backing.status,
                "status_label": STATUS_LABELS[backing.status],
                "findings": [
                    {
                        "record": f.record,
                        "rule": f.rule,
                        "suggestion": f.suggestion,
                        "suggestion_label": ANSWER_LABELS[f.suggestion],
                        "figures": f.figures,
                        "explains": f.explains,
                        "dated": f.dated,
                        "stale": f.stale,
                    }
                    for f in backing.findings
                ],
            }
        )
    counts = {status: sum(1 for item in items if item["status"] == status) for status in STATUSES}
    return {"items": items, "counts": counts, "records": list(records), "notes": list(notes)}


def statuses(view: Mapping[str, Any]) -> dict[str, str]:
    """Question id → status label, for marking answers in a report."""
    return {item["question"]: item["status_label"] for item in view["items"]}


def _summary(view: Mapping[str, Any]) -> str:
    counts = view["counts"]
    parts = [f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUSES if counts.get(s)]
    return "; ".join(parts) if parts else "no question is informed by the evidence given"


def backing_markdown(view: Mapping[str, Any]) -> str:
    """The evidence section of a Markdown report."""
    lines = ["### Evidence", "", f"Records read: {md(', '.join(view['records']) or 'none')}.", ""]
    lines += [f"{md(_summary(view))}.", ""]
    for item in view["items"]:
        if item["status"] == "self-reported" and not item["findings"]:
            continue
        head = f"- **{md(item['status_label'])}**: {md(item['text'])}"
        head += f" — answered {md(item['answer_label'])}"
        if item["suggestion"]:
            head += f", evidence suggests {md(item['suggestion_label'])}"
        lines.append(head)
        for finding in item["findings"]:
            stale = " (too old to count)" if finding["stale"] else ""
            lines.append(
                f"    - {md(finding['record'])}, {md(finding['dated'])}{stale}: "
                f"{md(finding['figures'])}"
            )
    unbacked = [i for i in view["items"] if i["status"] == "self-reported" and not i["findings"]]
    if unbacked:
        lines += ["", f"Self-reported, with no evidence given: {len(unbacked)} answers."]
    lines += [*(f"- Note: {md(note)}" for note in view["notes"])]
    return "\n".join(lines) + "\n"


def backing_text(view: Mapping[str, Any]) -> str:
    """The evidence section of a plain-text report."""
    lines = ["", f"Evidence ({clean(', '.join(view['records']) or 'no records')}):"]
    lines.append(f"  {clean(_summary(view))}")
    for item in view["items"]:
        if item["status"] == "self-reported" and not item["findings"]:
            continue
        suggested = f", evidence suggests {item['suggestion_label']}" if item["suggestion"] else ""
        lines.append(
            f"  [{clean(item['status_label'])}] {clean(item['question'])}: answered "
            f"{clean(item['answer_label'])}{suggested}"
        )
        for finding in item["findings"]:
            stale = " (too old to count)" if finding["stale"] else ""
            lines.append(f"      {clean(finding['record'])}{stale}: {clean(finding['figures'])}")
    lines += [f"  note: {clean(note)}" for note in view["notes"]]
    return "\n".join(lines) + "\n"
