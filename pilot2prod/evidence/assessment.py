"""Evidence beside an assessment: one weighing for `pilot2prod assess --evidence`, the assessment
page's live verdict and its exports.

`weigh` reads evidence records and marks each answer backed, self-reported, contradicted or
stale (`backing.py`); `with_evidence` puts that into an assessment's view, so the reports
(`readiness/report.py`) print each answer's mark and the Markdown ends with the evidence.
A record that cannot be read is left out with a note naming it, never a failed verdict: the
page keeps records in the reader's browser, where they may be old or edited by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pilot2prod.evidence.backing import back_answers, findings
from pilot2prod.evidence.backing_view import backing_view, statuses
from pilot2prod.evidence.record import Record, RecordError, read_record, record_from_value
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import Answers

MAX_RECORDS = 50
"""The most evidence records weighed at once."""


def read_entries(entries: object) -> tuple[list[tuple[str, Record]], list[str]]:
    """`[{name, record}]` (or `{name, text}`, a record file's text) as (label, Record) pairs,
    and a note for each one that cannot be read (left out). Raises ValueError when `entries`
    is not such a list at all."""
    if not isinstance(entries, list):
        raise ValueError("'records' must be a list of {name, record}")
    if len(entries) > MAX_RECORDS:
        raise ValueError(f"at most {MAX_RECORDS} evidence records at once")
    records: list[tuple[str, Record]] = []
    notes: list[str] = []
    for index, entry in enumerate(entries):
        name = entry.get("name") if isinstance(entry, Mapping) else None
        label = name[:200] if isinstance(name, str) and name else f"record {index + 1}"
        try:
            if not isinstance(entry, Mapping):
                raise RecordError(label, "", "must be {name, record} or {name, text}")
            if isinstance(entry.get("text"), str):
                records.append((label, read_record(entry["text"], label)))  # a file, strictly
            else:
                records.append((label, record_from_value(entry.get("record"), label)))
        except RecordError as error:
            notes.append(f"{error}; left out")
    return records, notes


def weigh(
    records: Sequence[tuple[str, Record]],
    answers: Answers,
    checklist: Checklist,
    settings: EvidenceSettings,
    today: date | None = None,
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """Each question the records inform, with its answer's status (see `backing_view`)."""
    questions = [item.id for item in checklist.items]
    found, more = findings(records, settings, questions, today)
    backings = back_answers(answers.values, found, questions)
    return backing_view(backings, checklist, [label for label, _ in records], [*notes, *more])


def with_evidence(view: dict[str, Any], evidence: Mapping[str, Any]) -> dict[str, Any]:
    """The assessment's `view` with the evidence beside it: `evidence`, and on each answered
    item its mark (`evidence_status`, `evidence_text`) for the reports."""
    view["evidence"] = dict(evidence)
    marks = statuses(evidence)
    by_question = {item["question"]: item["status"] for item in evidence["items"]}
    for item in view.get("items", []):
        if item["id"] in marks:
            item["evidence_text"] = marks[item["id"]]
            item["evidence_status"] = by_question[item["id"]]
    return view
