"""API functions for any checklist's answers document: read one the reader brings, write exports.

Every checklist page reads an imported file or a share link through `answers.read` and writes
its Markdown, CSV and JSON through `answers.export`, so a file one page or command accepts,
every other accepts, with the same reading (`pilot2prod.readiness.answers`), and every export
has one escape and one set of columns (`pilot2prod.readiness.checklist_export`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pilot2prod.api.requests import InputError, link_settings, text_field
from pilot2prod.model.checklists import Checklist
from pilot2prod.model.dataset import Dataset
from pilot2prod.model.documents import parse_json
from pilot2prod.model.errors import DocumentError
from pilot2prod.readiness.answers import (
    FORMAT,
    Answers,
    read_document,
    refusal,
    write_document,
)
from pilot2prod.text import plural

WHAT = "a pilot2prod answers file"
"""How messages name the file expected."""

EXPORT_KINDS = {
    "md": "text/markdown;charset=utf-8",
    "csv": "text/csv;charset=utf-8",
    "json": "application/json",
}
"""Each export a page offers, with the type its download carries."""


def _checklist(data: Dataset, payload: Mapping[str, Any]) -> Checklist:
    wanted = text_field(payload, "checklist", "", 80)
    try:
        return data.checklist(wanted)
    except KeyError:
        raise InputError(f"there is no checklist {wanted[:60]!r}") from None


def _document(payload: Mapping[str, Any]) -> object:
    """The document of a request: `text` (a file's or a link's JSON, read strictly: a key
    written twice, NaN or deep nesting is refused as on the command line) or `document`."""
    if "text" in payload:
        text = payload["text"]
        if not isinstance(text, str):
            raise InputError("'text' must be the file's text")
        try:
            return parse_json(text, WHAT)
        except DocumentError as error:
            raise InputError(said(error)) from None
    if "document" in payload:
        return payload["document"]
    raise InputError("send the answers as 'text' or as 'document'")


def _stated_checklist(data: Dataset, payload: Mapping[str, Any], doc: object) -> Checklist:
    """The checklist a share link's document names, when it is one of `checklists` (those on
    the page); refused, naming the checklist, when it names another or none."""
    offered = payload.get("checklists")
    if not isinstance(offered, list) or not all(isinstance(i, str) for i in offered):
        raise InputError("'checklists' must be a list of checklist ids")
    stated = doc.get("checklist") if isinstance(doc, Mapping) else None
    if isinstance(stated, str) and stated in offered:
        return _checklist(data, {"checklist": stated})
    if isinstance(doc, Mapping) and doc.get("format") == FORMAT and isinstance(stated, str):
        raise InputError(
            f"checklist: it holds answers for {stated[:60]!r}, which is not on this page"
        )
    # Not an answers document of ours at all: the first checklist's reading says why.
    return _checklist(data, {"checklist": offered[0] if offered else ""})


def read_whole(doc: object, checklist: Checklist) -> Answers:
    """`doc` read for one reader's use: refused, naming the first fault, unless every part of
    it can be used (as `pilot2prod assess` refuses it); kept-aside answers are not faults."""
    try:
        answers = read_document(doc, checklist)
        if answers.problems:
            raise refusal(answers.problems)
    except DocumentError as error:
        raise InputError(said(error)) from None
    return answers


def said(error: DocumentError) -> str:
    """The error as a page says it after "was not imported:": a fault of the whole file is
    about "the file" ("the file is empty; …"), a field's names the field first."""
    if not error.where and error.problem.startswith(("is ", "holds ")):
        return f"the file {error.problem}"
    return str(error)


def read(data: Dataset, payload: dict) -> dict[str, Any]:
    """Read `{"checklist": id, "text": "..."}` (or `"document"`) as a page imports it.

    With `"checklists": [ids]` instead of `"checklist"` (a share link on a page with several
    checklists), the document's own `checklist` chooses among them.

    Returns the checklist read for (`checklist`), the document the page stores (`document`,
    in the current format: an older one migrated, answers to questions no longer asked kept
    aside), how many questions it answers, the checklist version it names, the ids it newly
    kept aside, and the plans it kept aside with why (`plans_kept_aside`). A file the
    command line would refuse is refused, naming the same field.
    """
    doc = _document(payload)
    checklist = _stated_checklist(data, payload, doc) if "checklists" in payload else None
    checklist = checklist or _checklist(data, payload)
    answers = read_whole(doc, checklist)
    answered = len(answers.values)
    stated = answers.stated_version
    return {
        "checklist": checklist.id,
        "document": write_document(answers, checklist),
        "answered": answered,
        "answered_text": plural(answered, "answer", "answers"),
        "stated_version": stated,
        "version_changed": bool(stated) and stated != checklist.version,
        "newly_kept_aside": list(answers.newly_kept_aside),
        "plans_kept_aside": [{"id": key, "why": why} for key, why in answers.plans_kept_aside],
    }


def export(data: Dataset, payload: dict) -> dict[str, Any]:
    """One export of `{"checklist": id, "document": {...}, "kind": "md"|"csv"|"json"}`.

    Also: `page_url` (the page's address, named in the file), `exported` (the time, ISO 8601)
    and `date` (YYYY-MM-DD, in the file name), `site_root` and `directory_urls` for links.
    Returns `{text, name, mime}`: the file's text, its name and its type.
    """
    from pilot2prod.readiness import checklist_export as exports

    checklist = _checklist(data, payload)
    kind = payload.get("kind")
    if kind not in EXPORT_KINDS:
        raise InputError(f"'kind' must be one of {', '.join(EXPORT_KINDS)}")
    answers = read_whole(_document(payload), checklist)
    page_url = text_field(payload, "page_url", "", 2000)
    exported = text_field(payload, "exported", "", 40)
    date = text_field(payload, "date", "", 10)
    scored = checklist.id == data.scored_checklist.id
    view = _scored_view(data, answers, payload) if scored else None
    if kind == "json":
        result = exports.assessment_result(view) if view is not None else None
        document = exports.export_document(answers, checklist, page_url, exported, result)
        text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    elif view is not None:
        from pilot2prod.readiness.csv_export import assessment_csv
        from pilot2prod.readiness.report import assessment_markdown

        links = str(payload.get("site_root", "")).startswith("http")
        text = assessment_markdown(view, links=links) if kind == "md" else assessment_csv(view)
    elif kind == "md":
        text = exports.checklist_markdown(checklist, answers, page_url, date)
    else:
        text = exports.checklist_csv(checklist, answers)
    return {
        "text": text,
        "name": f"pilot2prod-{checklist.id}{'-' + date if date else ''}.{kind}",
        "mime": EXPORT_KINDS[kind],
    }


def _scored_view(data: Dataset, answers: Answers, payload: Mapping[str, Any]) -> dict[str, Any]:
    from pilot2prod.readiness.scoring import assess
    from pilot2prod.readiness.views import assessment_view

    site_root, directory_urls = link_settings(payload)
    assessment = assess(data.scored_checklist, data.rubric, answers)
    return assessment_view(
        assessment, data.scored_checklist, data.rubric, site_root, directory_urls
    )
