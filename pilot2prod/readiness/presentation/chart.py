"""The readiness chart as chart data: one bar per dimension over a zone per verdict band.

Chart data in the calculators' format (`pilot2prod.charts`), so the build draws it with
`charts.to_svg` and the browser with `docs/assets/js/lib/chart.js`, from this one geometry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod import charts
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.text import percent

TICK_FONT = 10
"""The zone names' size on the wide chart, in SVG units (readiness.css, `.p2p-chart__tick`)."""

NARROW_WIDTH = 300
"""The narrow layout's width: the assessment's chart column on a 390 px phone is about 324 px."""


def dimension_chart(
    dimensions: Sequence[Mapping[str, Any]],
    weakest_id: str | None,
    rubric: Rubric,
    label: str,
    narrow: bool = False,
) -> charts.Chart:
    """One bar per dimension (its name above, its score beside) over a shaded zone per band,
    each named with its threshold below the bars.

    Narrow (a phone), the bars are shorter, so the text draws at full size rather than scaled
    down; at both widths the zone names take two staggered lines.
    """
    # SVG units: one dimension's row, a full bar, the whole chart; below the rows, two staggered
    # lines of zone names, so neighbouring thresholds cannot collide at either width.
    row, bar, width = (46, 210, NARROW_WIDTH) if narrow else (46, 400, 460)
    bands = rubric.bands
    rows_bottom = row * len(dimensions) + 4
    height = rows_bottom + 38
    shapes: list[charts.Shape] = []
    # Every band is a zone behind the bars, from its threshold to the next one's, so the reader
    # sees where each verdict starts, the lowest included.
    for index, band in enumerate(bands):
        start = float(band.min_score)
        end = float(bands[index + 1].min_score) if index + 1 < len(bands) else 1.0
        shapes.append(
            charts.shape(
                "rect",
                x=start * bar,
                y=18,
                width=(end - start) * bar,
                height=rows_bottom - 18,
                cls=f"p2p-chart__zone p2p-chart__zone--{band.id}",
            )
        )
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
        # Every other zone's name drops a line so neighbours cannot collide.
        y = rows_bottom + (14 if index % 2 == 0 else 30)
        if index:
            shapes.append(
                # Down to the names' first line only, so no line crosses a neighbour's name.
                charts.shape(
                    "line", x1=x, x2=x, y1=18, y2=rows_bottom + 3, cls="p2p-chart__threshold"
                )
            )
        size = charts.NARROW_FONT if narrow else TICK_FONT
        shapes.append(_zone_name(zone_label(rubric, index), x, y, width, size))
    return charts.chart(width, height, label, shapes)


def zone_label(rubric: Rubric, index: int) -> str:
    """A band's name with the score it starts at; the lowest says where it ends instead."""
    bands = rubric.bands
    if index == 0 and len(bands) > 1:
        return f"{bands[0].label} <{percent(bands[1].min_score)}"
    return f"{bands[index].label} {percent(bands[index].min_score)}+"


def _zone_name(text: str, x: float, y: float, width: float, size: float) -> charts.Shape:
    """A zone's name from its threshold rightwards, pinned to the right edge if it would cross."""
    if x + charts.text_width(text, size) + 2 > width:
        return charts.shape(
            "text", text, x=width - 2, y=y, text_anchor="end", cls="p2p-chart__tick"
        )
    return charts.shape("text", text, x=x + 2, y=y, cls="p2p-chart__tick")
