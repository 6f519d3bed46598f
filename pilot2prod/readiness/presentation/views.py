"""The readiness result as plain JSON-ready data, with every text already worded.

The build pre-renders this view into the page and the browser widget renders
the same view from the worker, so wording and rounding live in one place and
the page cannot disagree with the command line or the tests.
"""

from __future__ import annotations

from typing import Any

from pilot2prod.model.checklists import ANSWER_LABELS, Checklist
from pilot2prod.readiness.labels import RISK_LABELS, answer_label, percent
from pilot2prod.readiness.presentation.chart import dimension_chart
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment, DimensionScore, ItemRef, WhatIf
from pilot2prod.text import plural
from pilot2prod.urls import doc_url


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
        "weight_word": ref.weight_word,
        "risk": ref.risk,
        "risk_label": RISK_LABELS.get(ref.risk or "", ""),
        "owner": ref.owner,
        "note": ref.note,
        "reason_missing": ref.reason_missing,
    }


def _step(step: WhatIf, checklist: Checklist, site_root: str, directory_urls: bool) -> dict:
    count = len(step.items)
    if count:
        summary = (
            f"Answering Yes to {plural(count, 'question', 'questions')} below "
            f"would lift the verdict to {step.target.label}."
        )
    else:
        summary = f"Nothing more is needed to reach {step.target.label}."
    return {
        "target": {"id": step.target.id, "label": step.target.label},
        "summary": summary,
        "items": [_item(r, checklist, site_root, directory_urls) for r in step.items],
    }


def _cap_text(assessment: Assessment, rubric: Rubric, label: str) -> str:
    """Why the verdict sits below the band the numbers reach, naming what holds it there."""
    if not assessment.capped or assessment.numeric_band is None:
        return ""
    reasons = []
    if assessment.capping:
        names = "; ".join(f"“{ref.text}”" for ref in assessment.capping)
        reasons.append(
            plural(len(assessment.capping), "critical question is", "critical questions are")
            + f" answered No ({names})"
        )
    open_count = len(assessment.unanswered) + len(assessment.unreasoned)
    if open_count and assessment.band is not None and assessment.band == rubric.bands[-2]:
        reasons.append(f"{plural(open_count, 'question is', 'questions are')} still open")
    return (
        f"The numbers alone reach {assessment.numeric_band.label}, but the verdict is held at "
        f"{label} because {' and '.join(reasons)}."
    )


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
    cap_text = _cap_text(assessment, rubric, verdict["label"])
    weakest = assessment.weakest
    path = [_step(step, checklist, site_root, directory_urls) for step in assessment.path]
    identity = assessment.identity
    dimensions = [_dimension(d) for d in assessment.dimensions]
    chart_summary = "Score by dimension: " + "; ".join(d["text"] for d in dimensions) + "."
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
        "chart_summary": chart_summary,
        "chart": dimension_chart(
            dimensions, weakest.id if weakest else None, rubric, chart_summary
        ),
        "chart_narrow": dimension_chart(
            dimensions, weakest.id if weakest else None, rubric, chart_summary, narrow=True
        ),
        "capping": [_item(r, checklist, site_root, directory_urls) for r in assessment.capping],
        "gaps": [_item(r, checklist, site_root, directory_urls) for r in assessment.gaps],
        "unanswered": [
            _item(r, checklist, site_root, directory_urls) for r in assessment.unanswered
        ],
        "unreasoned": [
            _item(r, checklist, site_root, directory_urls) for r in assessment.unreasoned
        ],
        "what_if": path[0] if path else None,
        "path": path,
        "risks": [_item(r, checklist, site_root, directory_urls) for r in assessment.risks],
        "risk_counts": {
            level: sum(1 for r in assessment.risks if r.risk == level) for level in RISK_LABELS
        },
        "blockers_text": _blockers_text(assessment),
        "rule_text": rule_text(rubric),
        "items": [_item(r, checklist, site_root, directory_urls) for r in assessment.items],
        "identity": {
            "project": identity.project,
            "assessor": identity.assessor,
            "assessed": identity.assessed,
        },
        "problems": [str(p) for p in assessment.problems],
        "kept_aside": [
            {"id": key, **entry, "answer_label": _kept_answer(entry.get("answer"))}
            for key, entry in assessment.kept_aside.items()
        ],
    }


def _kept_answer(answer: str | None) -> str:
    """A set-aside answer in words: its label, or the value itself when it names none."""
    return ANSWER_LABELS.get(answer, answer) if answer else "no answer"


def rule_text(rubric: Rubric) -> str:
    """The verdict's two holds in one sentence, worded from the rubric: the page, the method,
    the widget and the command line all print this."""
    cap = rubric.bands[rubric.cap_index].label
    top = rubric.bands[-1].label
    return (
        f"A critical question answered No holds the verdict at {cap} at most, whatever the "
        f"score; a question still open (unanswered, or Not applicable without a reason) keeps "
        f"it below {top}."
    )


def _blockers_text(assessment: Assessment) -> str:
    """The blockers in one line for the summary: critical Nos and questions still open."""
    parts = []
    if assessment.capping:
        parts.append(plural(len(assessment.capping), "critical No", "critical Nos"))
    open_count = len(assessment.unanswered) + len(assessment.unreasoned)
    if open_count:
        parts.append(f"{open_count} open")
    return ", ".join(parts) if parts else "none"
