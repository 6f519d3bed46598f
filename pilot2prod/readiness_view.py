"""The readiness result as plain JSON-ready data, with every text already worded.

The build pre-renders this view into the page and the browser widget renders
the same view from the worker, so wording and rounding live in one place and
the page cannot disagree with the command line or the tests.
"""

from __future__ import annotations

from typing import Any

from pilot2prod import charts
from pilot2prod.answers import ANSWER_LABELS
from pilot2prod.checklists import Checklist
from pilot2prod.scoring import Assessment, DimensionScore, ItemRef, Rubric
from pilot2prod.urls import doc_url


def percent(value: float | None) -> str:
    """A score in 0..1 as a whole percentage ("63%"), or words when there is none."""
    if value is None:
        return "no score yet"
    # Round half up, the way readers expect 62.5% to read as 63%.
    return f"{int(value * 100 + 0.5)}%"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _item(ref: ItemRef, checklist: Checklist, site_root: str, directory_urls: bool) -> dict:
    question = doc_url(f"{checklist.page}#{checklist.anchor(ref.id)}", site_root, directory_urls)
    return {
        "id": ref.id,
        "text": ref.text,
        "dimension": ref.dimension,
        "dimension_title": ref.dimension_title,
        "answer": ref.answer,
        "answer_label": ANSWER_LABELS.get(ref.answer, "Not answered")
        if ref.answer
        else "Not answered",
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


def dimension_chart(
    dimensions: list[dict[str, Any]], weakest_id: str | None, rubric: Rubric, label: str
) -> charts.Chart:
    """One bar per dimension (its name above, its score beside) and a line at each band's start.

    Chart data in the calculators' format (`pilot2prod.charts`), so the build draws it with
    `charts.to_svg` and the browser with `docs/assets/js/lib/chart.js`, from this one geometry.
    """
    row, bar, width = 46, 400, 460  # SVG units: one dimension's row, a full bar, the whole chart
    height = row * len(dimensions) + 16
    shapes: list[charts.Shape] = []
    for index, dim in enumerate(dimensions):
        y = index * row
        pct = dim["percent"]
        css = "p2p-chart__bar"
        if dim["id"] == weakest_id:
            css += " p2p-chart__bar--weakest"
        shapes += [
            charts.shape("text", dim["title"], x=0, y=y + 14, cls="p2p-chart__label"),
            charts.shape("rect", x=0, y=y + 20, width=bar, height=18, rx=3, cls="p2p-chart__track"),
            charts.shape(
                "rect",
                x=0,
                y=y + 20,
                width=0.0 if pct is None else bar * pct / 100,
                height=18,
                rx=3,
                cls=css,
            ),
            charts.shape(
                "text",
                "no score" if pct is None else dim["score_text"],
                x=bar + 8,
                y=y + 34,
                cls="p2p-chart__value",
            ),
        ]
    for band in rubric.bands[1:]:
        x = float(band.min_score * bar)
        shapes += [
            charts.shape("line", x1=x, x2=x, y1=18, y2=height - 14, cls="p2p-chart__threshold"),
            charts.shape(
                "text", band.label, x=x, y=height - 2, text_anchor="middle", cls="p2p-chart__tick"
            ),
        ]
    return charts.chart(width, height, label, shapes)


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
                _plural(len(assessment.capping), "critical question is", "critical questions are")
                + " answered No"
            )
        if assessment.unanswered:
            cap_reasons.append(
                f"{_plural(len(assessment.unanswered), 'question is', 'questions are')} still open"
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
                f"Answering Yes to {_plural(count, 'question', 'questions')} below "
                f"would lift the verdict to {what_if.target.label}."
            ),
            "items": [_item(r, checklist, site_root, directory_urls) for r in what_if.items],
        }
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
        "answered_text": f"{answered} of {_plural(total, 'question', 'questions')} answered",
        "capped": assessment.capped,
        "cap_text": cap_text,
        "dimensions": dimensions,
        "chart_summary": chart_summary,
        "chart": dimension_chart(
            dimensions, None if weakest is None else weakest.id, rubric, chart_summary
        ),
        "capping": [_item(r, checklist, site_root, directory_urls) for r in assessment.capping],
        "gaps": [_item(r, checklist, site_root, directory_urls) for r in assessment.gaps],
        "unanswered": [
            _item(r, checklist, site_root, directory_urls) for r in assessment.unanswered
        ],
        "what_if": what_if_view,
        "problems": [str(p) for p in assessment.problems],
    }
