"""The improvement plan: one item per open question, with an action, an owner, a date, a status.

A question is open while it is answered No or Partly, left unanswered, or marked Not
applicable without a reason. Its plan item takes what the reader wrote in the answers
document's `plan` (version 2); where they wrote no action, the checklist's suggested one
(`action:` in `data/checklists/`), and where they named no owner, the question's owner.
Items come highest risk first, the order `scoring.assess` ranks the risks in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import PLAN_STATUSES, STATUS_LABELS, Answers
from pilot2prod.readiness.scoring import Assessment
from pilot2prod.readiness.views import RISK_LABELS, answer_label
from pilot2prod.urls import doc_url


@dataclass(frozen=True)
class PlanItem:
    """One open question's step in the plan."""

    id: str
    question: str
    why: str
    dimension: str
    dimension_title: str
    answer: str | None
    risk: str
    critical: bool
    action: str
    suggested: bool
    """True when the action is the checklist's suggestion, not the reader's own words."""
    owner: str
    due: str
    status: str
    guidance: str


def plan_items(assessment: Assessment, checklist: Checklist, answers: Answers) -> list[PlanItem]:
    """The plan for every open question of `assessment`, highest risk first."""
    by_id = {item.id: item for item in checklist.items}
    found = []
    for ref in assessment.risks:
        item = by_id[ref.id]
        entry = answers.plan.get(ref.id)
        action = entry.action if entry and entry.action else item.action
        found.append(
            PlanItem(
                id=ref.id,
                question=ref.text,
                why=item.why,
                dimension=ref.dimension,
                dimension_title=ref.dimension_title,
                answer=None if ref.reason_missing else ref.answer,
                risk=ref.risk or "low",
                critical=ref.critical,
                action=action,
                suggested=not (entry and entry.action),
                owner=(entry.owner if entry and entry.owner else ref.owner),
                due=entry.due if entry else "",
                status=entry.status if entry else "open",
                guidance=ref.guidance,
            )
        )
    return found


def plan_view(
    assessment: Assessment,
    checklist: Checklist,
    answers: Answers,
    site_root: str = "",
    directory_urls: bool = True,
) -> dict[str, Any]:
    """The plan as JSON-ready data: identity, verdict, counts per status and every item."""
    items = plan_items(assessment, checklist, answers)
    identity = assessment.identity
    return {
        "checklist": checklist.id,
        "identity": {
            "project": identity.project,
            "assessor": identity.assessor,
            "assessed": identity.assessed,
        },
        "verdict": None if assessment.band is None else assessment.band.label,
        "counts": {status: sum(1 for i in items if i.status == status) for status in PLAN_STATUSES},
        "items": [
            {
                "id": i.id,
                "question": i.question,
                "why": i.why,
                "dimension": i.dimension,
                "dimension_title": i.dimension_title,
                "answer": i.answer,
                "answer_label": answer_label(i.answer),
                "risk": i.risk,
                "risk_label": RISK_LABELS[i.risk],
                "critical": i.critical,
                "action": i.action,
                "suggested": i.suggested,
                "owner": i.owner,
                "due": i.due,
                "status": i.status,
                "status_label": STATUS_LABELS[i.status],
                "question_href": doc_url(
                    f"{checklist.page}#{checklist.anchor(i.id)}", site_root, directory_urls
                ),
                "guidance_href": doc_url(i.guidance, site_root, directory_urls),
            }
            for i in items
        ],
    }
