"""Many projects' assessments at once: where an organisation's pilots stall.

Two steps, so a browser can score files in batches and show progress: `summarise` turns
one scored assessment into a small JSON-ready summary, and `report` ranks a list of
summaries. The command line does the same two steps in one go.

- Bands: how many projects sit in each verdict band (and how many are not scored yet).
- Dimensions where projects stall: how many projects have it as their weakest dimension
  (ties in the minimum go to the first in checklist order, as the verdict's weakest does).
- Questions where projects stall: how many projects have it open (No, Partly, unanswered,
  or Not applicable without a reason).
- Blocked: projects whose verdict a critical question answered No holds down.
- Owners: who holds the most open high-risk questions (plan owner, else question owner).
- Stale: assessments dated more than `older_than` days before `today`.
- Read in part: files counted with faults left out (a mistyped answer is a question left
  open), each named with its problems, as the team view names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import Answers
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment
from pilot2prod.readiness.views import percent
from pilot2prod.text import plural

Summary = dict[str, Any]


def summarise(name: str, answers: Answers, assessment: Assessment) -> Summary:
    """What the portfolio needs of one project; `name` is its file's name."""
    owners = []
    for ref in assessment.risks:
        if ref.risk == "high":
            entry = answers.plan.get(ref.id)
            owners.append(entry.owner if entry and entry.owner else ref.owner)
    return {
        "name": name,
        "project": assessment.identity.project or name,
        "assessed": assessment.identity.assessed,
        "band": assessment.band.id if assessment.band else "unscored",
        "score": assessment.score,
        "weakest": assessment.weakest.id if assessment.weakest else None,
        "open": [ref.id for ref in assessment.risks],
        "critical": [ref.id for ref in assessment.capping],
        "high_risk_owners": owners,
    }


def _age(assessed: str, today: date) -> int | None:
    try:
        return (today - date.fromisoformat(assessed)).days
    except ValueError:
        return None


def report(
    summaries: Sequence[Mapping[str, Any]],
    checklist: Checklist,
    rubric: Rubric,
    today: date,
    older_than: int | None = None,
    refused: Sequence[Mapping[str, str]] = (),
) -> dict[str, Any]:
    """The portfolio of `summaries`, every list ranked, as JSON-ready data."""
    total = len(summaries)
    share = (lambda n: percent(n / total)) if total else (lambda n: percent(None))
    bands = Counter(s["band"] for s in summaries)
    band_rows = [
        {"id": b.id, "label": b.label, "count": bands[b.id], "share_text": share(bands[b.id])}
        for b in reversed(rubric.bands)
    ] + [
        {
            "id": "unscored",
            "label": rubric.unscored.label,
            "count": bands["unscored"],
            "share_text": share(bands["unscored"]),
        }
    ]
    weakest = Counter(s["weakest"] for s in summaries if s["weakest"])
    open_counts: Counter[str] = Counter()
    for s in summaries:
        open_counts.update(s["open"])
    dimensions = []
    for position, section in enumerate(checklist.sections):
        dimensions.append(
            {
                "id": section.id,
                "title": section.title,
                "stalled": weakest[section.id],
                "share_text": share(weakest[section.id]),
                "open": sum(open_counts[item.id] for item in section.items),
                "position": position,
            }
        )
    dimensions.sort(key=lambda d: (-d["stalled"], -d["open"], d["position"]))
    for d in dimensions:
        del d["position"]
    order = {item.id: index for index, item in enumerate(checklist.items)}
    sections = {item.id: section for section in checklist.sections for item in section.items}
    questions = [
        {
            "id": item_id,
            "text": next(i.text for i in sections[item_id].items if i.id == item_id),
            "dimension_title": sections[item_id].title,
            "open": count,
            "share_text": share(count),
        }
        for item_id, count in sorted(open_counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    ]
    texts = {item.id: item.text for item in checklist.items}
    blocked = [
        {
            "project": s["project"],
            "name": s["name"],
            "questions": [texts[i] for i in s["critical"]],
        }
        for s in summaries
        if s["critical"]
    ]
    blocked.sort(key=lambda b: (-len(b["questions"]), b["project"].casefold()))
    owner_counts: Counter[str] = Counter()
    owner_projects: dict[str, set[str]] = {}
    unowned = 0
    for s in summaries:
        for owner in s["high_risk_owners"]:
            if not owner:
                unowned += 1
                continue
            owner_counts[owner] += 1
            owner_projects.setdefault(owner, set()).add(s["project"])
    owners = [
        {"owner": owner, "open_high_risk": count, "projects": len(owner_projects[owner])}
        for owner, count in sorted(owner_counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    ]
    stale: list[dict[str, Any]] = []
    undated = 0
    if older_than is not None:
        for s in summaries:
            age = _age(s["assessed"], today) if s["assessed"] else None
            if age is None:
                undated += 1
            elif age > older_than:
                stale.append(
                    {
                        "project": s["project"],
                        "name": s["name"],
                        "assessed": s["assessed"],
                        "age_days": age,
                    }
                )
        stale.sort(key=lambda entry: (-entry["age_days"], entry["project"].casefold()))
    partial = [
        {
            "name": s["name"],
            "project": s["project"],
            "problems": list(s["problems"]),
            "more_problems": s.get("more_problems", 0),
        }
        for s in summaries
        if s.get("problems")
    ]
    return {
        "checklist": checklist.id,
        "today": today.isoformat(),
        "projects": total,
        "refused": [dict(entry) for entry in refused],
        "partial": partial,
        "summary": (
            f"{plural(total, 'project', 'projects')} read"
            + (f" ({len(partial)} only in part)" if partial else "")
            + (f", {plural(len(refused), 'file', 'files')} refused" if refused else "")
            + "."
        ),
        "bands": band_rows,
        "dimensions": dimensions,
        "questions": questions,
        "blocked": blocked,
        "owners": owners,
        "unowned_high_risk": unowned,
        "older_than": older_than,
        "stale": stale,
        "undated": undated,
    }
