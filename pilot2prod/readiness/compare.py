"""Two assessments of one project side by side, and the dimension scores over many.

`compare(old, new)` states the verdict change, each dimension's change and the questions
that improved or regressed. A question's standing is ranked: No and open (unanswered, or
Not applicable without a reason) lowest, then Partly, then Yes and Not applicable with a
reason (settled either way). Improved means its rank rose, regressed that it fell, so
comparing B with A is exactly the reverse of comparing A with B.

`trend(points)` draws the dimension scores over milestones as chart data
(`pilot2prod.charts`) with the same numbers as a table, for readers who cannot see the chart.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

from pilot2prod import charts
from pilot2prod.readiness.labels import answer_label, percent
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment, ItemRef
from pilot2prod.text import plural

_RANK = {"no": 0, "partial": 1, "yes": 2, "na": 2}


def standing(ref: ItemRef) -> int:
    """0 for No or open, 1 for Partly, 2 for Yes or a reasoned Not applicable."""
    if ref.answer is None or ref.reason_missing:
        return 0
    return _RANK[ref.answer]


def _band_index(assessment: Assessment, rubric: Rubric) -> int:
    """The verdict's place among the bands; -1 when nothing is scored yet."""
    if assessment.band is None:
        return -1
    return [band.id for band in rubric.bands].index(assessment.band.id)


def _label(assessment: Assessment, rubric: Rubric) -> str:
    return assessment.band.label if assessment.band else rubric.unscored.label


def _change(old: float | None, new: float | None) -> float | None:
    if old is None or new is None:
        return None
    return round((new - old) * 100, 1)


def _question(old: ItemRef, new: ItemRef) -> dict[str, Any]:
    return {
        "id": new.id,
        "text": new.text,
        "dimension": new.dimension,
        "dimension_title": new.dimension_title,
        "critical": new.critical,
        "old": old.answer,
        "new": new.answer,
        "old_label": answer_label(old.answer),
        "new_label": answer_label(new.answer),
    }


def compare(old: Assessment, new: Assessment, rubric: Rubric) -> dict[str, Any]:
    """What changed from `old` to `new` (two assessments against the same checklist)."""
    if old.checklist != new.checklist:
        raise ValueError("the two assessments answer different checklists")
    before, after = _band_index(old, rubric), _band_index(new, rubric)
    direction = "up" if after > before else "down" if after < before else "same"
    old_label, new_label = _label(old, rubric), _label(new, rubric)
    verdict_text = (
        f"The verdict stayed {new_label}."
        if direction == "same"
        else f"The verdict went {direction} from {old_label} to {new_label}."
    )
    old_dims = {d.id: d for d in old.dimensions}
    dimensions = []
    for dim in new.dimensions:
        was = old_dims[dim.id].score if dim.id in old_dims else None
        change = _change(was, dim.score)
        dimensions.append(
            {
                "id": dim.id,
                "title": dim.title,
                "old": was,
                "new": dim.score,
                "old_text": percent(was),
                "new_text": percent(dim.score),
                "change": change,
                "change_text": "—" if change is None else f"{change:+g} points",
                "went_down": change is not None and change < 0,
            }
        )
    old_items = {ref.id: ref for ref in old.items}
    improved, regressed = [], []
    for ref in new.items:
        was_ref = old_items.get(ref.id)
        if was_ref is None:
            continue
        delta = standing(ref) - standing(was_ref)
        if delta > 0:
            improved.append(_question(was_ref, ref))
        elif delta < 0:
            regressed.append(_question(was_ref, ref))
    down = [d for d in dimensions if d["went_down"]]
    return {
        "checklist": new.checklist,
        "old": {"verdict": old_label, "score": old.score, "score_text": percent(old.score)},
        "new": {"verdict": new_label, "score": new.score, "score_text": percent(new.score)},
        "verdict_change": direction,
        "verdict_text": verdict_text,
        "dimensions": dimensions,
        "improved": improved,
        "regressed": regressed,
        "regression": bool(down),
        "summary": (
            f"{plural(len(improved), 'question', 'questions')} improved, "
            f"{len(regressed)} regressed; "
            + (
                f"{plural(len(down), 'dimension', 'dimensions')} went down."
                if down
                else "no dimension went down."
            )
        ),
    }


def trend(points: Sequence[tuple[str, Assessment]]) -> dict[str, Any]:
    """Each dimension's score at each milestone (named, oldest first): a chart and a table."""
    if not points:
        raise ValueError("a trend needs at least one milestone")
    first = points[0][1]
    names = [name for name, _ in points]
    series = [
        {
            "id": dim.id,
            "title": dim.title,
            "scores": [
                next((d.score for d in a.dimensions if d.id == dim.id), None) for _, a in points
            ],
        }
        for dim in first.dimensions
    ]
    numbered = _label_room(len(names)) < LEAST_LABEL_ROOM
    table = {
        # Numbered as the chart numbers them when their names cannot fit under its points.
        "columns": [
            "Dimension",
            *(f"{n}. {name}" if numbered else name for n, name in enumerate(names, 1)),
        ],
        "rows": [[s["title"], *(percent(v) for v in s["scores"])] for s in series],
    }
    label = "Dimension scores over milestones: " + "; ".join(
        f"{s['title']} " + ", ".join(percent(v) for v in s["scores"]) for s in series
    )
    return {
        "milestones": names,
        "series": series,
        "table": table,
        "numbered": numbered,
        "chart": _chart(names, series, label, numbered),
    }


PLOT_LEFT, PLOT_WIDTH, PLOT_RIGHT = 44, 380, 20
"""The trend's room for the scale on the left, the plot's width, and the margin on its right,
in user units."""

LEAST_LABEL_ROOM = 90
"""The room per milestone, in user units, below which names give way to numbers: about ten
characters; a name cut shorter (a default one is "Milestone 2026-03-01") says too little."""


def _label_room(count: int) -> float:
    """The width each milestone's name may take under the plot without meeting its neighbour's.

    Names are centred under their points, so two neighbours share the gap between them. The
    last name is pinned inside the chart's right edge when centring would cross it, which
    moves it towards its neighbour: it and that neighbour then have the gap plus what is left
    of the right margin for one and a half names. (The left margin is wider, so the first name
    pinned to it needs no rule of its own, except when the last name is its neighbour.)"""
    gap = _gap(count)
    room = min(gap, (gap + PLOT_RIGHT - charts.EDGE) / 1.5)
    if count == 2:
        # Both names may be pinned, each to its own edge: they share the chart's whole width.
        room = min(room, (PLOT_LEFT + PLOT_WIDTH + PLOT_RIGHT - 2 * charts.EDGE) / 2)
    return room - charts.EDGE


def _gap(count: int) -> float:
    """The distance between two neighbouring milestones' points, in user units."""
    return PLOT_WIDTH / (count - 1) if count > 1 else PLOT_WIDTH


def _chart(
    names: list[str], series: list[dict[str, Any]], label: str, numbered: bool
) -> charts.Chart:
    """One line of points per dimension over evenly spaced milestones; 0 to 100% up the side.

    Each name is cut to the room between two points (with an ellipsis), so neighbours never
    overlap; when there are too many milestones for that, they are numbered, as the table is."""
    left, top, plot_w, plot_h = PLOT_LEFT, 12, PLOT_WIDTH, 180
    legend_top = top + plot_h + 40
    width, height = left + plot_w + PLOT_RIGHT, legend_top + 18 * len(series) + 4
    step = plot_w / max(1, len(names) - 1)
    shapes: list[charts.Shape] = []
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        shapes.append(charts.shape("line", x1=left, y1=y, x2=left + plot_w, y2=y, cls="p2p-grid"))
        shapes.append(
            charts.shape(
                "text",
                f"{tick}%",
                x=left - 6,
                y=y,
                text_anchor="end",
                dominant_baseline="middle",
                cls="p2p-tick",
            )
        )
    room = _label_room(len(names))
    # Numbers, when there are so many milestones that even they would meet, go on every n-th.
    # (At most three digits: narrower than either margin, so no number is ever pinned to an edge,
    # and the gap between points is all the room one needs.)
    every = 1
    if numbered:
        every = math.ceil((charts.text_width(str(len(names))) + 2 * charts.EDGE) / _gap(len(names)))
    for index, name in enumerate(names):
        if index % every:
            continue
        x = left + (step * index if len(names) > 1 else plot_w / 2)
        text = str(index + 1) if numbered else charts.fitted(name, room, charts.NARROW_FONT)
        shapes.append(charts.anchored(text, x, top + plot_h + 16, width, "p2p-tick"))
    for number, line in enumerate(series):
        css = f"p2p-trend p2p-trend--{number % 6}"
        points = [
            (left + (step * i if len(names) > 1 else plot_w / 2), top + plot_h * (1 - v))
            for i, v in enumerate(line["scores"])
            if v is not None
        ]
        for (x1, y1), (x2, y2) in itertools.pairwise(points):
            shapes.append(charts.shape("line", x1=x1, y1=y1, x2=x2, y2=y2, cls=css))
        for x, y in points:
            shapes.append(charts.shape("circle", cx=x, cy=y, r=3.5, cls=css))
        y = legend_top + 18 * number
        shapes.append(charts.shape("line", x1=left, y1=y, x2=left + 18, y2=y, cls=css))
        shapes.append(charts.legend(line["title"], left + 24, y))
    return charts.chart(int(width), int(height), label, shapes)
