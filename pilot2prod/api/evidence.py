"""The evidence page's API functions: read a dropped result file, summarise it as the reader
chooses, compare two runs, and weigh records against readiness answers.

A file is read once (`evidence.read`) and its cases kept in this worker under a run id, so a
change of slice field, mix or target (`evidence.summarise`) costs a recount, never a second
parse of a 50 MB file. A few runs are kept; the oldest are dropped first.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from datetime import date
from typing import Any

from pilot2prod.api import declare, uploads
from pilot2prod.api.requests import InputError, text_field, worked_documents
from pilot2prod.dataset import Dataset
from pilot2prod.evidence.errors import EvidenceError
from pilot2prod.evidence.run import Run
from pilot2prod.readiness.answers import AnswersError, read_document

MAX_RUNS = 6
"""Runs kept between calls (each holds its cases' columns, not the file)."""

_runs: OrderedDict[str, Run] = OrderedDict()
_next = [0]


def _run(payload: dict, key: str = "run") -> Run:
    run_id = payload.get(key)
    if not isinstance(run_id, str) or run_id not in _runs:
        raise InputError("that file is no longer open here; drop it again")
    return _runs[run_id]


def _number(payload: dict, key: str, low: float, high: float) -> float | None:
    value = payload.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise InputError(f"'{key}' must be a number from {low:g} to {high:g}")
    return float(value)


def _example_cases() -> bytes:
    """A small table of cases, two slices of production traffic and one made up, as the
    examples' file: enough rows in each for an interval."""
    rows = ["id,category,source,passed"]
    for index in range(90):
        category = ("billing", "delivery", "adversarial")[index % 3]
        source = "synthetic" if category == "adversarial" else "production"
        rows.append(f"c{index},{category},{source},{'false' if index % 7 == 0 else 'true'}")
    return ("\n".join(rows) + "\n").encode()


_example_uploads = [0]


def _uploaded_example() -> dict[str, Any]:
    """A request for `read` naming example cases handed over under a key of their own."""
    _example_uploads[0] += 1
    key = f"example-{_example_uploads[0]}"
    uploads.put(key, _example_cases())
    return {"file": key, "name": "cases.csv"}


def _opened_example(data: Dataset) -> str:
    """The run id of example cases read now, for the functions that work on an open run."""
    return str(read(data, _uploaded_example())["run"])


@declare("evidence.read", examples=lambda data: [_uploaded_example()])
def read(data: Dataset, payload: dict) -> dict[str, Any]:
    """Read a file handed over with `uploads.put`: `{"file": key, "name": "results.json"}`.

    Returns the run id, the tool and its version, the counts, the candidate slice fields with
    the suggested one, notes, and the data's defaults (target, minimum cases).
    """
    from pilot2prod.evidence.formats import MAX_JSON_DEPTH, read_run
    from pilot2prod.evidence.slices import candidates, describe_candidate, suggest

    name = text_field(payload, "name", "results", limit=300)
    upload = uploads.take(payload.get("file"))
    settings = data.evidence
    try:
        run = read_run(
            upload.content,
            name,
            settings.passing_score,
            upload.sha256,
            depth_checked=upload.depth_checked == MAX_JSON_DEPTH,
        )
    except EvidenceError as error:
        raise InputError(str(error)) from None
    _next[0] += 1
    run_id = f"run-{_next[0]}"
    _runs[run_id] = run
    while len(_runs) > MAX_RUNS:
        _runs.popitem(last=False)
    found = candidates(run.cases)
    return {
        "run": run_id,
        "file": run.file,
        "tool": run.tool,
        "tool_version": run.tool_version,
        "run_date": run.run_date,
        "cases": len(run.cases),
        "passed": sum(run.cases.passed),
        "candidates": [
            {"name": c.name, "distinct": c.distinct, "text": describe_candidate(c)}
            for c in found[:30]
        ],
        "suggested": suggest(found, settings.slice_field_words, len(run.cases)),
        "notes": list(run.notes),
        "defaults": {
            "target": settings.target_rate,
            "min_cases": settings.min_cases_per_slice,
            "confidence": settings.confidence,
        },
    }


def _mix(payload: dict) -> dict[str, float] | None:
    from pilot2prod.evidence.mix import read_mix_csv, read_mix_mapping

    try:
        if isinstance(payload.get("mix_csv"), str) and payload["mix_csv"].strip():
            name = text_field(payload, "mix_name", "mix", limit=300)
            return read_mix_csv(payload["mix_csv"], name)
        if payload.get("mix") is not None:
            return read_mix_mapping(payload["mix"], "mix")
    except EvidenceError as error:
        raise InputError(str(error)) from None
    return None


def _summarise_examples(data: Dataset) -> list[dict[str, Any]]:
    run = _opened_example(data)
    mix = {"billing": 60, "delivery": 30, "adversarial": 10}
    return [{"run": run}, {"run": run, "slice": "category", "mix": mix, "target": 0.8}]


@declare("evidence.summarise", examples=_summarise_examples)
def summarise(data: Dataset, payload: dict) -> dict[str, Any]:
    """Summarise an open run: `{"run", "slice", "mix" | "mix_csv", "target", "min_cases"}`.

    Returns the view the reports use (headline, rows, chart geometry, record) plus the
    Markdown report and the record's JSON text for download.
    """
    from pilot2prod.evidence.record import write_record
    from pilot2prod.evidence.report import summary_markdown
    from pilot2prod.evidence.summary import options_from_settings
    from pilot2prod.evidence.summary import summarise as summarise_run
    from pilot2prod.evidence.view import summary_view

    run = _run(payload)
    chosen = payload.get("slice")
    if chosen is not None and (not isinstance(chosen, str) or len(chosen) > 200):
        raise InputError("'slice' must be a field name")
    min_cases = _number(payload, "min_cases", 1, 1_000_000)
    options = options_from_settings(
        data.evidence,
        slice_field=chosen or None,
        mix=_mix(payload),
        target=_number(payload, "target", 0.5, 0.9999),
        min_cases=None if min_cases is None else int(min_cases),
    )
    try:
        summary = summarise_run(run, data.evidence, options)
    except EvidenceError as error:
        raise InputError(str(error)) from None
    view = summary_view(summary)
    view["markdown"] = summary_markdown(view)
    view["record_json"] = write_record(summary.record)
    return view


@declare(
    "evidence.compare",
    examples=lambda data: [
        {"old": _opened_example(data), "new": _opened_example(data), "slice": "category"}
    ],
)
def compare(data: Dataset, payload: dict) -> dict[str, Any]:
    """Compare two open runs: `{"old": run id, "new": run id, "slice": field}`; the view the
    reports use, Markdown, and the newer run's record stating the comparison."""
    from pilot2prod.evidence import compare as comparing
    from pilot2prod.evidence.record import write_record
    from pilot2prod.evidence.report import comparison_markdown
    from pilot2prod.evidence.summary import options_from_settings
    from pilot2prod.evidence.summary import summarise as summarise_run

    old, new = _run(payload, "old"), _run(payload, "new")
    chosen = payload.get("slice")
    if chosen is not None and not isinstance(chosen, str):
        raise InputError("'slice' must be a field name")
    try:
        overall, changes, field = comparing.compare(old, new, chosen or None)
        options = options_from_settings(data.evidence, slice_field=field or None)
        record = summarise_run(new, data.evidence, options).record
    except EvidenceError as error:
        raise InputError(str(error)) from None
    view = comparing.comparison_view(old, new, overall, changes, field)
    view["markdown"] = comparison_markdown(view)
    view["record_json"] = write_record(comparing.with_comparison(record, old, view["regressions"]))
    return view


def _back_examples(data: Dataset) -> list[dict[str, Any]]:
    view = summarise(data, {"run": _opened_example(data), "slice": "category"})
    records = [{"name": "cases.evidence.json", "record": json.loads(view["record_json"])}]
    return [{"records": records}] + [
        {"records": records, "document": document, "today": "2026-01-31"}
        for document in worked_documents(data)
    ]


@declare("evidence.back", examples=_back_examples)
def back(data: Dataset, payload: dict) -> dict[str, Any]:
    """Weigh evidence records against a whole answers document, strictly (the assessment page
    calls it to check a record before keeping it): `{"records": [{"name": "r.json", "record":
    {...}}], "document": {...answers document...}, "today": "YYYY-MM-DD"}` (document and today
    optional). A record that cannot be read is refused, naming it. Returns, per question
    informed, the suggestion with its figures and the answer's status (backed, self-reported,
    contradicted, stale, suggested), counts per status, and notes."""
    from pilot2prod.evidence.assessment import read_entries, weigh
    from pilot2prod.readiness.answers import blank_document

    try:
        records, notes = read_entries(payload.get("records"))
    except ValueError as error:
        raise InputError(str(error)) from None
    if notes:
        raise InputError(notes[0].removesuffix("; left out"))
    if not records:
        raise InputError("'records' must list at least one {name, record}")
    checklist = data.scored_checklist
    document = payload.get("document", blank_document(checklist))
    try:
        answers = read_document(document, checklist)
    except AnswersError as error:
        raise InputError(f"document: {error}") from None
    return weigh(records, answers, checklist, data.evidence, _today(payload))


def _today(payload: dict) -> date | None:
    if payload.get("today") is None:
        return None
    try:
        return date.fromisoformat(text_field(payload, "today", "", limit=10))
    except ValueError:
        raise InputError("'today' must be a date, YYYY-MM-DD") from None


@declare("evidence.forget", examples=lambda data: [{"runs": []}, {"runs": ["no-such-run"]}])
def forget(data: Dataset, payload: dict) -> dict[str, Any]:
    """Drop open runs the page no longer shows: `{"runs": [run ids]}`."""
    runs = payload.get("runs")
    if not isinstance(runs, list):
        raise InputError("'runs' must be a list of run ids")
    for run_id in runs:
        if isinstance(run_id, str):
            _runs.pop(run_id, None)
    return {"open": len(_runs)}
