"""The readiness result as plain JSON-ready data, with every text already worded.

The build pre-renders this view into the page and the browser widget renders
the same view from the worker, so wording and rounding live in one place and
the page cannot disagree with the command line or the tests.
"""

from __future__ import annotations

from typing import Any

from pilot2prod import text
from pilot2prod.model.checklists import ANSWER_LABELS, Checklist
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment, DimensionScore, ItemRef
from pilot2prod.text import plural
from pilot2prod.urls import doc_url


def percent(value: float | None) -> str:
    """A score in 0..1 as a whole percentage ("63%"), or words when there is none."""
    return text.percent(value, none="no score yet")


def answer_label(answer: str | None) -> str:
    """An answer as the page shows it; "Not answered" for none."""
    return ANSWER_LABELS.get(answer, "Not answered") if answer else "Not answered"


def _item(ref: ItemRef, checklist: Checklist, site_root: str, directory_urls: bool) -> dict:
    question = doc_url(f"{checklist.page}#{checklist.anchor(ref.id)}", site_root, directory_urls)
    return {
        "id": ref.id,
        "text": ref.text,
        "dimension": ref.dimension,
        "dimension_title": ref.dimension_title,
        "answer": ref.answer,
        "answer_label": answer_label(ref.answer),
        "critical": ref.critical,
        "question_href": question,
        "guidance_href": doc_url(ref.guidance, site_root, directory_urls),
    }


def _dimension(d: DimensionScore) -> dict:
    if d.score is None:
        status = "no score: every question is open" if d.unanswered else "not applicable"
        if d.unanswered and d.not_applicable:
            status = "no score yet: the rest is open or not applicable"
    else:
        status = f"{d.counted} of {d.total} counted"
    return {
        "id": d.id,
        "title": d.title,
        "score": d.score,
        "score_text": percent(d.score),
        "percent": None if d.score is None else round(d.score * 100, 1),
        "counted": d.counted,
        "not_applicable": d.not_applicable,
        "unanswered": d.unanswered,
        "total": d.total,
        "status": status,
        "text": f"{d.title}: {percent(d.score) if d.score is not None else status}",
    }


def assessment_view(
    assessment: Assessment,
    checklist: Checklist,
    rubric: Rubric,
    site_root: str = "",
    directory_urls: bool = True,
) -> dict[str, Any]:
    """Everything the widget shows, as JSON-ready data with links relative to the page."""
    band = assessment.band
    if band is None:
        verdict = {"id": "unscored", "label": rubric.unscored.label}
        meaning = rubric.unscored.meaning
    else:
        verdict = {"id": band.id, "label": band.label}
        meaning = band.meaning
    total = len(checklist.items)
    answered = total - len(assessment.unanswered)
    cap_reasons = []
    if assessment.capped:
        top = rubric.bands[-1].label
        if assessment.capping:
            cap_reasons.append(
                plural(len(assessment.capping), "critical question is", "critical questions are")
                + " answered No"
            )
        if assessment.unanswered:
            cap_reasons.append(
                f"{plural(len(assessment.unanswered), 'question is', 'questions are')} still open"
            )
        cap_text = (
            f"The numbers alone reach {top}, but the verdict stays at "
            f"{verdict['label']} because {' and '.join(cap_reasons)}."
        )
    else:
        cap_text = ""
    weakest = assessment.weakest
    what_if = assessment.what_if
    if what_if is None:
        what_if_view = None
    else:
        count = len(what_if.items)
        what_if_view = {
            "target": {"id": what_if.target.id, "label": what_if.target.label},
            "summary": (
                f"Answering Yes to {plural(count, 'question', 'questions')} below "
                f"would lift the verdict to {what_if.target.label}."
            ),
            "items": [_item(r, checklist, site_root, directory_urls) for r in what_if.items],
        }
    dimensions = [_dimension(d) for d in assessment.dimensions]
    return {
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "verdict": {**verdict, "meaning": meaning},
        "score": assessment.score,
        "score_text": percent(assessment.score),
        "weakest": None
        if weakest is None
        else {"id": weakest.id, "title": weakest.title, "score_text": percent(weakest.score)},
        "weakest_text": "none yet"
        if weakest is None
        else f"{weakest.title} ({percent(weakest.score)})",
        "complete": assessment.complete,
        "answered_text": f"{answered} of {plural(total, 'question', 'questions')} answered",
        "capped": assessment.capped,
        "cap_text": cap_text,
        "dimensions": dimensions,
        "chart_summary": "Score by dimension: " + "; ".join(d["text"] for d in dimensions) + ".",
        "capping": [_item(r, checklist, site_root, directory_urls) for r in assessment.capping],
        "gaps": [_item(r, checklist, site_root, directory_urls) for r in assessment.gaps],
        "unanswered": [
            _item(r, checklist, site_root, directory_urls) for r in assessment.unanswered
        ],
        "what_if": what_if_view,
        "problems": [str(p) for p in assessment.problems],
    }
