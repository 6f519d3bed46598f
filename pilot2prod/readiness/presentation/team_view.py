"""The team result as JSON-ready data with every text worded, for the page and the CLI."""

from __future__ import annotations

from typing import Any

from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.labels import answer_label
from pilot2prod.readiness.merge import DISAGREEMENTS, TeamResult
from pilot2prod.readiness.presentation.views import assessment_view
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.urls import doc_url


def team_view(
    result: TeamResult,
    checklist: Checklist,
    rubric: Rubric,
    site_root: str = "",
    directory_urls: bool = True,
) -> dict[str, Any]:
    """The team result as JSON-ready data with every text worded, for the page and the CLI."""
    team = assessment_view(result.assessment, checklist, rubric, site_root, directory_urls)
    people = []
    for name, own in zip(result.people, result.individual, strict=True):
        view = assessment_view(own, checklist, rubric, site_root, directory_urls)
        people.append(
            {
                "name": name,
                "verdict": {"id": view["verdict"]["id"], "label": view["verdict"]["label"]},
                "score": view["score"],
                "score_text": view["score_text"],
                "answered_text": view["answered_text"],
            }
        )
    items = []
    for item in result.items:
        items.append(
            {
                "id": item.id,
                "text": item.text,
                "dimension": item.dimension,
                "dimension_title": item.dimension_title,
                "critical": item.critical,
                "question_href": doc_url(
                    f"{checklist.page}#{checklist.anchor(item.id)}", site_root, directory_urls
                ),
                "guidance_href": doc_url(item.guidance, site_root, directory_urls),
                "answers": list(item.answers),
                "answer_labels": [answer_label(a) for a in item.answers],
                "notes": list(item.notes),
                "owners": list(item.owners),
                "team": item.team,
                "team_label": answer_label(item.team),
                "disagreement": item.disagreement,
                "disagreement_text": DISAGREEMENTS.get(item.disagreement or "", ""),
                "missing": item.missing,
            }
        )
    counts = {kind: result.count(kind) for kind in DISAGREEMENTS}
    flagged = sum(counts.values())
    if flagged:
        parts = [f"{counts[kind]} {DISAGREEMENTS[kind]}" for kind in DISAGREEMENTS if counts[kind]]
        summary = (
            f"{flagged} of {len(items)} questions have answers that disagree ({', '.join(parts)})."
        )
    else:
        summary = f"No disagreements across {len(items)} questions."
    return {
        "checklist": result.checklist,
        "checklist_version": result.checklist_version,
        "people": people,
        "items": items,
        "disagreements": counts,
        "disagreement_summary": summary,
        "team": team,
    }
