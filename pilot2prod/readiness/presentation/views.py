"""The readiness result as plain JSON-ready data, with every text already worded.

The build pre-renders this view into the page and the browser widget renders
the same view from the worker, so wording and rounding live in one place and
the page cannot disagree with the command line or the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pilot2prod.model.checklists import ANSWER_LABELS, Checklist
from pilot2prod.readiness.labels import RISK_LABELS, answer_label, percent
from pilot2prod.readiness.presentation.chart import dimension_chart
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment, DimensionScore, ItemRef, WhatIf
from pilot2prod.text import plural
from pilot2prod.urls import doc_url


def owner_text(answer_owner: str, action_owner: str) -> str:
    """Who a question belongs to, in one phrase: the answer's owner and the plan's action owner
    are two fields a reader may fill, so each is named for what it is, or once when they agree."""
    if answer_owner and action_owner and answer_owner != action_owner:
        return f"owner: {answer_owner}; action owner: {action_owner}"
    if answer_owner or action_owner:
        return f"owner: {answer_owner or action_owner}"
    return "no owner named"


def _item(
    ref: ItemRef,
    checklist: Checklist,
    site_root: str,
    directory_urls: bool,
    action_owners: Mapping[str, str] | None = None,
) -> dict:
    question = doc_url(f"{checklist.page}#{checklist.anchor(ref.id)}", site_root, directory_urls)
    action_owner = (action_owners or {}).get(ref.id, "")
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
        "action_owner": action_owner,
        "owner_text": owner_text(ref.owner, action_owner),
        "note": ref.note,
        "reason_missing": ref.reason_missing,
    }


BRIEF_STEP_ITEMS = 3
"""How many of a step's questions page 1 of the printed report names."""


def _step(number: int, step: WhatIf, item: Callable[[ItemRef], dict]) -> dict:
    count = len(step.items)
    if count:
        summary = (
            f"Answering Yes to {plural(count, 'question', 'questions')} below "
            f"would lift the verdict to {step.target.label}."
        )
    else:
        summary = f"Nothing more is needed to reach {step.target.label}."
    more = count - BRIEF_STEP_ITEMS
    return {
        "target": {"id": step.target.id, "label": step.target.label},
        "title": f"Step {number}: {step.target.label}",
        "summary": summary,
        "items": [item(r) for r in step.items],
        "items_label": f"The {plural(count, 'question', 'questions')} for this step",
        # A printed page 1 names a step's first questions and counts the rest.
        "brief": [r.text for r in step.items[:BRIEF_STEP_ITEMS]],
        "brief_more": f"and {plural(more, 'more question', 'more questions')}, every one "
        "listed with its answer on the next pages"
        if more > 0
        else "",
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
    action_owners: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the widget shows, as JSON-ready data with links relative to the page.

    `action_owners` (question id to the owner the improvement plan names) lets every item say
    who owns it in one phrase (`owner_text`), whichever of the two fields the reader filled.
    """

    def _shown(ref: ItemRef) -> dict:
        return _item(ref, checklist, site_root, directory_urls, action_owners)

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
    path = [_step(n, step, _shown) for n, step in enumerate(assessment.path, start=1)]
    identity = assessment.identity
    dimensions = [_dimension(d) for d in assessment.dimensions]
    chart_summary = "Score by dimension: " + "; ".join(d["text"] for d in dimensions) + "."
    provisional = _provisional_text(assessment)
    return {
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "verdict": {**verdict, "meaning": meaning},
        "verdict_text": f"{verdict['label']} (provisional)" if provisional else verdict["label"],
        "provisional": bool(provisional),
        "provisional_text": provisional,
        "score": assessment.score,
        "score_text": percent(assessment.score),
        "score_explained": percent(assessment.score)
        if assessment.score is None
        else f"{percent(assessment.score)} (set by the weakest dimension)",
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
        "capping": [_shown(r) for r in assessment.capping],
        "gaps": [_shown(r) for r in assessment.gaps],
        "unanswered": [_shown(r) for r in assessment.unanswered],
        "unreasoned": [_shown(r) for r in assessment.unreasoned],
        "what_if": path[0] if path else None,
        "path": path,
        "path_title": f"The path to {rubric.bands[-1].label}",
        "path_intro": _path_intro(path, rubric, band is not None),
        "risks": [_shown(r) for r in assessment.risks],
        "risk_counts": {
            level: sum(1 for r in assessment.risks if r.risk == level) for level in RISK_LABELS
        },
        "blockers_text": _blockers_text(assessment),
        "rule_text": rule_text(rubric),
        "items": [_shown(r) for r in assessment.items],
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


def _path_intro(path: list[dict], rubric: Rubric, scored: bool) -> str:
    """One line over the path's steps: how many there are, or that the top is reached."""
    top = rubric.bands[-1].label
    if not scored:
        return f"The path to {top} appears once a question is answered."
    if not path:
        return f"The verdict is {top}: nothing is left on the path."
    if len(path) == 1:
        return f"One step is left to {top}."
    return f"{len(path)} steps to {top}, one per verdict on the way; each names what to answer Yes."


def _provisional_text(assessment: Assessment) -> str:
    """Why a verdict may still move: a dimension with no answer at all has not been weighed,
    and the weakest dimension sets the score. Empty once every dimension has an answer, and
    for no answers at all (there is no verdict to qualify)."""
    silent = [d.title for d in assessment.dimensions if d.total and d.unanswered == d.total]
    if assessment.band is None or not silent:
        return ""
    names = silent[0] if len(silent) == 1 else f"{', '.join(silent[:-1])} and {silent[-1]}"
    has = "has" if len(silent) == 1 else "have"
    return (
        f"Provisional: {names} {has} no answer yet, so the verdict can still move once every "
        "dimension has at least one."
    )


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


NEXT_ACTIONS = 5
"""How many of the plan's actions the verdict and page 1 list."""


def next_actions(
    plan: Mapping[str, Any], items: list[Mapping[str, Any]], limit: int = NEXT_ACTIONS
) -> dict[str, Any]:
    """The plan's first actions not yet done (the plan ranks them highest risk first), each
    worded with its owner, due date and status; `items` (the view's) name each question's owner
    as every other output does."""
    owners = {item["id"]: item["owner_text"] for item in items}
    waiting = [entry for entry in plan.get("items", []) if entry["status"] != "done"]
    # What the team is doing or has planned comes before what nobody has taken up; the sort is
    # stable, so each group keeps the plan's highest-risk-first order.
    waiting.sort(
        key=lambda e: 0 if e["status"] == "in-progress" else 1 if e["owner"] or e["due"] else 2
    )
    shown = []
    for entry in waiting[:limit]:
        owner = owners.get(entry["id"]) or "no owner named"
        due = f"due {entry['due']}" if entry["due"] else "no due date"
        shown.append(
            {
                "id": entry["id"],
                "action": entry["action"],
                "question": entry["question"],
                "question_href": entry["question_href"],
                "owner_text": owner,
                "due_text": due,
                "status_label": entry["status_label"],
                "details": f"{owner} · {due} · {entry['status_label']}",
            }
        )
    title = f"Next actions ({len(shown)} of {len(waiting)} not done)" if waiting else "Next actions"
    done = len(plan.get("items", [])) - len(waiting)
    if waiting:
        empty = ""
    elif done:
        empty = f"Every action in the plan is done ({done})."
    else:
        empty = "No open question, so the plan holds no action."
    return {"title": title, "items": shown, "empty": empty}
