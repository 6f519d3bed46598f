"""The readiness chart as chart data: one bar per dimension, a line where each band starts.

Chart data in the calculators' format (`pilot2prod.charts`), so the build draws it with
`charts.to_svg` and the browser with `docs/assets/js/lib/chart.js`, from this one geometry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod import charts
from pilot2prod.readiness.rubric import Rubric

NARROW_WIDTH = 300
"""The narrow layout's width: the assessment's chart column on a 390 px phone is about 324 px."""


def dimension_chart(
    dimensions: Sequence[Mapping[str, Any]],
    weakest_id: str | None,
    rubric: Rubric,
    label: str,
    narrow: bool = False,
) -> charts.Chart:
    """One bar per dimension (its name above, its score beside) and a line at each band's start.

    Narrow (a phone), the bars are shorter and the band names take two staggered lines, so
    close bands do not overlap and the text draws at full size rather than scaled down.
    """
    # SVG units: one dimension's row, a full bar, the whole chart
    row, bar, width = (46, 210, NARROW_WIDTH) if narrow else (46, 400, 460)
    bands = rubric.bands[1:]
    height = row * len(dimensions) + (34 if narrow else 16)
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
    for index, band in enumerate(bands):
        x = float(band.min_score * bar)
        # Narrow, every other band name drops a line so neighbours cannot collide.
        y = height - (6 + (16 if index % 2 == 0 else 0) if narrow else 2)
        shapes.append(
            charts.shape("line", x1=x, x2=x, y1=18, y2=y - 12, cls="p2p-chart__threshold")
        )
        if narrow:
            shapes.append(charts.anchored(band.label, x, y, width, "p2p-chart__tick", margin=0))
        else:
            shapes.append(
                charts.shape(
                    "text", band.label, x=x, y=y, text_anchor="middle", cls="p2p-chart__tick"
                )
            )
    return charts.chart(width, height, label, shapes)
