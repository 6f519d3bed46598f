"""API functions for the assessment's life after one snapshot: plan, compare, trend, portfolio.

The same functions serve the command line (`pilot2prod plan|compare|portfolio`) and the
browser's worker. The portfolio comes in two calls so a page can score dropped files in
batches and show progress: `readiness.portfolio_summaries` scores a batch and returns small
summaries, `readiness.portfolio` ranks the summaries gathered (or scores `documents` itself).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from pilot2prod.api.requests import InputError, link_settings, text_field
from pilot2prod.model.dataset import Dataset
from pilot2prod.model.documents import parse_json
from pilot2prod.model.errors import DocumentError
from pilot2prod.model.nesting import shape_problem
from pilot2prod.readiness.answers import Answers, AnswersError, read_document
from pilot2prod.readiness.milestones import TREND_MAX
from pilot2prod.readiness.scoring import Assessment, assess

MAX_PORTFOLIO = 20_000
"""The most projects one portfolio reads: far beyond any organisation's pilots."""

MAX_BATCH = 1000
"""The most documents one `readiness.portfolio_summaries` call scores."""


def _scored(data: Dataset, document: object, with_path: bool = True) -> tuple[Answers, Assessment]:
    answers = read_document(document, data.scored_checklist)
    return answers, assess(data.scored_checklist, data.rubric, answers, with_path=with_path)


def plan(data: Dataset, payload: dict) -> dict[str, Any]:
    """The improvement plan of `{"document": {...}}`; with `"exports": true` also its Markdown
    task list, tracker CSV and one issue body per open question (`markdown`, `csv`, `issues`),
    and the plan's JSON (`json`, overdue counted from `"today"`, YYYY-MM-DD, else today)."""
    from pilot2prod.readiness.plan import plan_view
    from pilot2prod.readiness.plan_export import issues, plan_csv, plan_json, plan_markdown

    if "document" not in payload:
        raise InputError("'document' is missing: send the answers export")
    site_root, directory_urls = link_settings(payload)
    answers, assessment = _scored(data, payload["document"])
    view = plan_view(assessment, data.scored_checklist, answers, site_root, directory_urls)
    if payload.get("exports") is True:
        links = site_root.startswith("http")
        view["markdown"] = plan_markdown(view, links)
        view["csv"] = plan_csv(view, links)
        view["issues"] = issues(view, links)
        view["json"] = plan_json(view, _today(payload))
    return view


def _today(payload: Mapping[str, Any]) -> date:
    given = payload.get("today")
    if given is None:
        return date.today()
    try:
        return date.fromisoformat(text_field(payload, "today", "", 10))
    except ValueError:
        raise InputError("'today' must be a date (YYYY-MM-DD)") from None


def _pair(data: Dataset, payload: Mapping[str, Any], key: str) -> Assessment:
    if key not in payload:
        raise InputError(f"'{key}' is missing: send an answers export")
    try:
        return _scored(data, payload[key])[1]
    except AnswersError as error:
        raise InputError(f"{key}: {error}") from None


def compare(data: Dataset, payload: dict) -> dict[str, Any]:
    """Compare `{"old": {...export...}, "new": {...export...}}`; also the two-point trend."""
    from pilot2prod.readiness import compare as comparing

    old, new = _pair(data, payload, "old"), _pair(data, payload, "new")
    names = (
        text_field(payload, "old_name", "before", 80),
        text_field(payload, "new_name", "after", 80),
    )
    result = comparing.compare(old, new, data.rubric)
    result["trend"] = comparing.trend([(names[0], old), (names[1], new)])
    return result


def trend(data: Dataset, payload: dict) -> dict[str, Any]:
    """Dimension scores over `{"milestones": [{"name", "document"}, ...]}`, oldest first."""
    from pilot2prod.readiness import compare as comparing

    milestones = payload.get("milestones")
    if not isinstance(milestones, list) or not milestones:
        raise InputError("'milestones' must be a list of {name, document} objects")
    if len(milestones) > TREND_MAX:
        raise InputError(f"a trend shows at most {TREND_MAX} milestones")
    points = []
    for index, entry in enumerate(milestones):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(f"milestones[{index}].name must be text")
        points.append((entry["name"][:80], _pair(data, entry, "document")))
    return comparing.trend(points)


def _documents(payload: Mapping[str, Any], limit: int) -> list[tuple[str, object]]:
    """`documents`: `{name, text}` (a file's text, read strictly here, as the command line reads
    a file) or `{name, document}` (already parsed), as `(name, content)` pairs; a text that
    cannot be read comes back as its DocumentError, to be refused by name."""
    documents = payload.get("documents")
    if not isinstance(documents, list):
        raise InputError("'documents' must be a list of {name, text} objects")
    if len(documents) > limit:
        raise InputError(f"at most {limit} files at once")
    found: list[tuple[str, object]] = []
    for index, entry in enumerate(documents):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(f"documents[{index}].name must be text")
        found.append((entry["name"][:200], file_content(entry, index)))
    return found


def file_content(entry: Mapping[str, Any], index: int) -> object:
    """A file's content from `{name, text}` or `{name, document}`: the parsed value, or the
    DocumentError that says why its text cannot be read."""
    if "text" in entry:
        text = entry["text"]
        if not isinstance(text, str):
            raise InputError(f"documents[{index}].text must be the file's text")
        try:
            return parse_json(text, "a pilot2prod answers file")
        except DocumentError as error:
            return error
    return entry.get("document")


PROBLEMS_SHOWN = 3
"""How many of a file's problems a portfolio names (and how many more there are)."""


def summarise_documents(
    data: Dataset, documents: list[tuple[str, object]]
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Each readable document's portfolio summary, and `{name, message}` for the rest. A file
    read only in part is counted with its problems named (`problems`), as the team view does."""
    from pilot2prod.readiness.portfolio import summarise

    summaries, refused = [], []
    for name, document in documents:
        if isinstance(document, DocumentError):
            refused.append({"name": name, "message": str(document)})
            continue
        shape = shape_problem(document)
        if shape:
            refused.append({"name": name, "message": f"this file {shape}"})
            continue
        try:
            answers, assessment = _scored(data, document, with_path=False)
        except AnswersError as error:
            refused.append({"name": name, "message": str(error)})
            continue
        summary = summarise(name, answers, assessment)
        summary["problems"] = [str(p) for p in answers.problems[:PROBLEMS_SHOWN]]
        summary["more_problems"] = max(0, len(answers.problems) - PROBLEMS_SHOWN)
        summaries.append(summary)
    return summaries, refused


def portfolio_summaries(data: Dataset, payload: dict) -> dict[str, Any]:
    """Score a batch `{"documents": [{"name", "document"}, ...]}`: summaries and refusals."""
    summaries, refused = summarise_documents(data, _documents(payload, MAX_BATCH))
    return {"summaries": summaries, "refused": refused}


_SUMMARY_FIELDS: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "project": str,
    "assessed": str,
    "band": str,
    "score": (int, float, type(None)),
    "weakest": (str, type(None)),
    "open": list,
    "critical": list,
    "high_risk_owners": list,
    "problems": list,
    "more_problems": int,
}


def _check_summaries(raw: object, data: Dataset) -> list[dict[str, Any]]:
    """Summaries sent back by a page: the shape `summarise` writes, ids the checklist knows."""
    if not isinstance(raw, list) or len(raw) > MAX_PORTFOLIO:
        raise InputError(f"'summaries' must be a list of at most {MAX_PORTFOLIO} summaries")
    items = {item.id for item in data.scored_checklist.items}
    bands = {band.id for band in data.rubric.bands} | {"unscored"}
    sections = {section.id for section in data.scored_checklist.sections}
    for index, summary in enumerate(raw):
        where = f"summaries[{index}]"
        if not isinstance(summary, dict):
            raise InputError(f"{where} must be an object")
        for key, kind in _SUMMARY_FIELDS.items():
            if not isinstance(summary.get(key), kind) or isinstance(summary.get(key), bool):
                raise InputError(f"{where}.{key} is missing or of the wrong kind")
        if summary["band"] not in bands or (
            summary["weakest"] is not None and summary["weakest"] not in sections
        ):
            raise InputError(f"{where} names a band or dimension this data does not have")
        if not all(
            isinstance(i, str) and i in items for i in summary["open"] + summary["critical"]
        ):
            raise InputError(f"{where} names a question this data does not have")
        if not all(isinstance(o, str) for o in summary["high_risk_owners"]):
            raise InputError(f"{where}.high_risk_owners must be text")
        if not all(isinstance(p, str) for p in summary["problems"]):
            raise InputError(f"{where}.problems must be text")
    return raw


def _refused(raw: object) -> list[dict[str, str]]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(
        isinstance(r, dict) and isinstance(r.get("name"), str) and isinstance(r.get("message"), str)
        for r in raw
    ):
        raise InputError("'refused' must be a list of {name, message} objects")
    return [{"name": r["name"][:200], "message": r["message"][:300]} for r in raw]


def portfolio(data: Dataset, payload: dict) -> dict[str, Any]:
    """The portfolio report from `summaries` or from `documents`, with `refused` (files the
    caller could not read: `{name, message}`) listed first.

    Optional: `today` (YYYY-MM-DD, default the machine's date), `older_than` (days), and
    `"exports": true` for the Markdown, CSV and JSON `pilot2prod portfolio` prints.
    """
    from pilot2prod.readiness.portfolio import report
    from pilot2prod.readiness.portfolio_export import portfolio_csv, portfolio_markdown

    if "summaries" in payload:
        summaries = _check_summaries(payload["summaries"], data)
        refused = _refused(payload.get("refused"))
    else:
        # `refused` here: files the caller could not even read, named before Python's own.
        summaries, refused = summarise_documents(data, _documents(payload, MAX_PORTFOLIO))
        refused = _refused(payload.get("refused")) + refused
    given = text_field(payload, "today", "", 10)
    try:
        today = date.fromisoformat(given) if given else date.today()
    except ValueError:
        raise InputError(f"'today' must be a date (YYYY-MM-DD), not {given!r}") from None
    older_than = payload.get("older_than")
    if older_than is not None and (
        isinstance(older_than, bool) or not isinstance(older_than, int) or older_than < 0
    ):
        raise InputError("'older_than' must be a whole number of days, 0 or more")
    view = report(summaries, data.scored_checklist, data.rubric, today, older_than, refused)
    if payload.get("exports") is True:
        document = {"format": "pilot2prod/portfolio", "version": 1, **view}
        view["json"] = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        view["markdown"] = portfolio_markdown(view)
        view["csv"] = portfolio_csv(view)
    return view
