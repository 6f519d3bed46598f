"""The readiness assessment's API functions: one person's verdict, and a team's."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from pilot2prod.api import declare
from pilot2prod.api.requests import (
    EXAMPLE_LINKS,
    InputError,
    link_settings,
    named_documents,
    worked_documents,
)
from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DocumentError
from pilot2prod.model.nesting import shape_problem
from pilot2prod.readiness.answers import Answers, AnswersError, read_document
from pilot2prod.readiness.presentation.views import assessment_view, next_actions
from pilot2prod.readiness.scoring import Assessment, assess


def _document(payload: dict) -> object:
    if "document" not in payload:
        raise InputError("'document' is missing: send the whole answers document")
    return payload["document"]


def _shown(data: Dataset, payload: dict) -> tuple[dict[str, Any], Answers, Assessment]:
    """The verdict's view of the request's whole document, with what it was made from; with
    `records` (evidence records kept by the page), each answer marked by the evidence."""
    checklist = data.scored_checklist
    site_root, directory_urls = link_settings(payload)
    answers = read_document(_document(payload), checklist)
    assessment = assess(checklist, data.rubric, answers)
    # The plan may name an owner for the action where the answer names none, or another one:
    # every item says both, so no output calls a question unowned that has an owner.
    action_owners = {key: entry.owner for key, entry in answers.plan.items() if entry.owner}
    view = assessment_view(
        assessment, checklist, data.rubric, site_root, directory_urls, action_owners
    )
    if payload.get("records"):
        # Imported here: most pages keep no evidence, and the first verdict must not wait for it.
        from pilot2prod.evidence.assessment import with_evidence

        with_evidence(view, evidence_of(data, payload, answers))
    return view, answers, assessment


def evidence_of(data: Dataset, payload: Mapping[str, Any], answers: Answers) -> dict[str, Any]:
    """The request's evidence records weighed against `answers`; a record that cannot be read
    is left out with a note (the page keeps them, and one may be old or edited)."""
    from pilot2prod.evidence.assessment import read_entries, weigh

    try:
        records, notes = read_entries(payload.get("records"))
    except ValueError as error:
        raise InputError(str(error)) from None
    today_text = payload.get("today")
    try:
        today = date.fromisoformat(today_text) if isinstance(today_text, str) else None
    except ValueError:
        raise InputError("'today' must be a date, YYYY-MM-DD") from None
    return weigh(records, answers, data.scored_checklist, data.evidence, today, notes)


def _score_examples(data: Dataset) -> list[dict[str, Any]]:
    documents = worked_documents(data)
    return [{"document": d} | EXAMPLE_LINKS for d in documents] + [
        {"document": d, "markdown": True} | EXAMPLE_LINKS for d in documents
    ]


@declare("readiness.score", examples=_score_examples)
def score(data: Dataset, payload: dict) -> dict[str, Any]:
    """Score `{"document": {...answers document...}}`: the view of
    `readiness.presentation.views`.

    Optional: `site_root` (the page's way up to the site root, for links),
    `directory_urls` (MkDocs' setting), and `"markdown": true` for the report
    `pilot2prod assess --format md` prints (with `page_url`, links to the guidance).
    """
    view, _, _ = _shown(data, payload)
    if payload.get("markdown") is True:
        from pilot2prod.readiness.presentation.csv_export import assessment_csv
        from pilot2prod.readiness.presentation.report import assessment_markdown

        # The page's exports: the very report `pilot2prod assess --format md` prints.
        links = str(payload.get("site_root", "")).startswith("http")
        view["markdown"] = assessment_markdown(view, links=links)
        view["csv"] = assessment_csv(view)
    return view


def _worked_example(data: Dataset) -> dict[str, Any]:
    """Both calculators' defaults as the pages keep their last results."""
    return {
        "effort": {"inputs": data.effort.defaults(), "worked": "2026-01-31"},
        "cost": {"inputs": data.cost.defaults(), "worked": "2026-01-31"},
    }


@declare(
    "readiness.view",
    examples=lambda data: [
        *({"document": d} | EXAMPLE_LINKS for d in worked_documents(data)),
        {"document": worked_documents(data)[0], "worked": _worked_example(data)},
    ],
)
def view(data: Dataset, payload: dict) -> dict[str, Any]:
    """Everything the assessment page shows for one answers document, from one reading:
    the verdict's view (`score`, with its what-if) and, under `plan`, the improvement plan's
    (`readiness.plan` without exports), and under `result` what a JSON export or a milestone
    keeps of the verdict. The page calls this once per change.

    Optional `worked`: `{"effort": {"inputs", "worked": "YYYY-MM-DD"}, "cost": {...}}`, the
    calculators' last results this browser kept; `takes` then holds the P80 effort, calendar
    time, cost and the monthly run cost, with the day they were worked out. `next_actions` holds
    the plan's first actions not yet done, each with its owner, due date and status."""
    from pilot2prod.readiness.plan import plan_view
    from pilot2prod.readiness.presentation.checklist_export import assessment_result

    shown, answers, assessment = _shown(data, payload)
    site_root, directory_urls = link_settings(payload)
    checklist = data.scored_checklist
    shown["plan"] = plan_view(assessment, checklist, answers, site_root, directory_urls)
    shown["next_actions"] = next_actions(shown["plan"], shown["items"])
    shown["takes"] = _takes(data, payload)
    shown["result"] = assessment_result(shown)
    return shown


def _takes(data: Dataset, payload: dict) -> dict[str, Any]:
    """What the work will take, from the calculators' results this browser kept (`worked`)."""
    from pilot2prod.calculators.takes import none_yet, what_it_takes

    worked = payload.get("worked")
    if worked is not None and not isinstance(worked, Mapping):
        raise InputError("'worked' must be an object with the calculators' kept results")
    if not worked:
        return none_yet()  # no calculator run here: their models are not even read
    return what_it_takes(data.effort, data.cost, worked)


def _merge_examples(data: Dataset) -> list[dict[str, Any]]:
    # A file that is not an answers export is refused by name while the others merge.
    broken = {"name": "broken.json", "document": {"format": "something else"}}
    return [
        {"documents": named_documents(data)} | EXAMPLE_LINKS,
        {"documents": [*named_documents(data), broken], "markdown": True} | EXAMPLE_LINKS,
    ]


@declare("readiness.merge", examples=_merge_examples)
def merge(data: Dataset, payload: dict) -> dict[str, Any]:
    """Combine several exports into a team view: `{"documents": [{"name", "text"}, ...]}` (a
    file's text, read strictly as the command line reads it) or `{"name", "document"}`.

    A document that is not usable (wrong format, another checklist, a newer
    version) is listed under `refused` with its index and reason and left out;
    the rest are merged. Returns the team view plus `refused`, and with
    `"markdown": true` the Markdown `pilot2prod merge --format md` prints;
    `team` is None when nothing could be merged.
    """
    # Imported on use: the worker boots faster without them, and most pages never merge.
    from pilot2prod.api.programme import file_content
    from pilot2prod.readiness import merge as merging
    from pilot2prod.readiness.presentation.report import team_markdown
    from pilot2prod.readiness.presentation.team_view import team_view

    rubric = data.rubric
    checklist = data.scored_checklist
    site_root, directory_urls = link_settings(payload)
    documents = payload.get("documents")
    if not isinstance(documents, list):
        raise InputError("'documents' must be a list of {name, document} objects")
    if not documents:
        raise InputError("choose at least one exported answers file")
    if len(documents) > merging.MAX_PEOPLE:
        raise InputError(f"a team view combines at most {merging.MAX_PEOPLE} files")
    people = []
    refused = []
    for index, entry in enumerate(documents):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(f"documents[{index}].name must be text")
        if "document" not in entry and "text" not in entry:
            raise InputError(f"documents[{index}] needs the file's 'text' or its 'document'")
        name = entry["name"][:200]
        content = file_content(entry, index)
        if isinstance(content, DocumentError):
            refused.append({"index": index, "name": name, "message": str(content)})
            continue
        # Too deep or too large: refused by name before anything walks it, the rest merged.
        shape = shape_problem(content)
        if shape:
            refused.append({"index": index, "name": name, "message": f"this file {shape}"})
            continue
        try:
            answers = read_document(content, checklist)
            # A respondent is named by the assessor their file states, else by the file's name.
            people.append((answers.identity.assessor or name, answers))
        except AnswersError as error:
            refused.append({"index": index, "name": name, "message": str(error)})
    if not people:
        return {
            "checklist": checklist.id,
            "people": [],
            "items": [],
            "team": None,
            "refused": refused,
        }
    result = merging.merge(checklist, rubric, people)
    view = team_view(result, checklist, rubric, site_root, directory_urls)
    if payload.get("markdown") is True:
        # Links appear only when site_root is an absolute address (the page sends its own).
        view["markdown"] = team_markdown(view, links=True)
    return {**view, "refused": refused}
