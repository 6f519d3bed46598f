"""The readiness assessment's API functions: one person's verdict, and a team's."""

from __future__ import annotations

from typing import Any

from pilot2prod.api.requests import InputError, link_settings
from pilot2prod.model.dataset import Dataset
from pilot2prod.model.errors import DocumentError
from pilot2prod.model.nesting import shape_problem
from pilot2prod.readiness.answers import Answers, AnswersError, read_document
from pilot2prod.readiness.scoring import Assessment, assess
from pilot2prod.readiness.views import assessment_view


def _document(payload: dict) -> object:
    if "document" not in payload:
        raise InputError("'document' is missing: send the whole answers document")
    return payload["document"]


def _shown(data: Dataset, payload: dict) -> tuple[dict[str, Any], Answers, Assessment]:
    """The verdict's view of the request's whole document, with what it was made from."""
    checklist = data.scored_checklist
    site_root, directory_urls = link_settings(payload)
    answers = read_document(_document(payload), checklist)
    assessment = assess(checklist, data.rubric, answers)
    view = assessment_view(assessment, checklist, data.rubric, site_root, directory_urls)
    return view, answers, assessment


def score(data: Dataset, payload: dict) -> dict[str, Any]:
    """Score `{"document": {...answers document...}}`: the view of `readiness.views`.

    Optional: `site_root` (the page's way up to the site root, for links),
    `directory_urls` (MkDocs' setting), and `"markdown": true` for the report
    `pilot2prod assess --format md` prints (with `page_url`, links to the guidance).
    """
    view, _, _ = _shown(data, payload)
    if payload.get("markdown") is True:
        from pilot2prod.readiness.csv_export import assessment_csv
        from pilot2prod.readiness.report import assessment_markdown

        # The page's exports: the very report `pilot2prod assess --format md` prints.
        links = str(payload.get("site_root", "")).startswith("http")
        view["markdown"] = assessment_markdown(view, links=links)
        view["csv"] = assessment_csv(view)
    return view


def view(data: Dataset, payload: dict) -> dict[str, Any]:
    """Everything the assessment page shows for one answers document, from one reading:
    the verdict's view (`score`, with its what-if) and, under `plan`, the improvement plan's
    (`readiness.plan` without exports), and under `result` what a JSON export or a milestone
    keeps of the verdict. The page calls this once per change."""
    from pilot2prod.readiness.checklist_export import assessment_result
    from pilot2prod.readiness.plan import plan_view

    shown, answers, assessment = _shown(data, payload)
    site_root, directory_urls = link_settings(payload)
    checklist = data.scored_checklist
    shown["plan"] = plan_view(assessment, checklist, answers, site_root, directory_urls)
    shown["result"] = assessment_result(shown)
    return shown


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
    from pilot2prod.readiness.report import team_markdown
    from pilot2prod.readiness.team_view import team_view

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
