"""The per-slice interval chart as chart data: one row per slice, its 95% interval as a bar,
its observed rate as a dot, the target as a line.

Drawn by `charts.to_svg` at build time and by `docs/assets/js/lib/chart.js` in the page, from
this one geometry, in a wide layout and a narrow one for phones.
"""

from __future__ import annotations

from collections.abc import Sequence

from pilot2prod import charts
from pilot2prod.evidence.record import SliceTally
from pilot2prod.text import percent

MAX_ROWS = 40
"""Rows drawn at most; the table beside the chart lists every slice."""


def interval_chart(
    slices: Sequence[SliceTally], target: float | None, label: str, narrow: bool = False
) -> charts.Chart:
    """Each slice's interval from its low to its high bound on a 0-100% axis, a dot at its
    rate (hollow when it has too few cases to say), and a dashed line at the target."""
    rows = list(slices)[:MAX_ROWS]
    width = charts.NARROW if narrow else 720
    row = 44 if narrow else 26
    top = 8 if narrow else 20
    names = [item.name for item in rows]
    left = charts.EDGE + 6 if narrow else charts.name_column(names, least=120, most=300)
    plot = width - left - (12 if narrow else 60)
    scale = charts.linear(plot, 1.0)
    bottom = top + row * len(rows) + (4 if narrow else 6)
    shapes: list[charts.Shape] = []
    shapes += charts.axis(
        [0.0, 0.25, 0.5, 0.75, 1.0],
        left,
        plot,
        top,
        bottom,
        "pass rate, with its 95% interval",
        lambda value: percent(value),
        line=16 if narrow else 14,
    )
    for index, item in enumerate(rows):
        centre = top + index * row + (row - 2 if narrow else row / 2)
        shapes.append(charts.bar_name(item.name, centre, narrow=narrow, right=left - 8, above=18))
        css = "p2p-evidence__interval"
        if item.too_few:
            css += " p2p-evidence__interval--few"
        x_low, x_high = left + scale(item.low), left + scale(item.high)
        shapes.append(
            charts.shape(
                "rect",
                x=x_low,
                y=centre - 5,
                width=max(1.5, x_high - x_low),
                height=10,
                rx=2,
                cls=css,
            )
        )
        if item.rate is not None:
            dot = "p2p-evidence__rate" + (" p2p-evidence__rate--few" if item.too_few else "")
            shapes.append(
                charts.shape("circle", cx=left + scale(item.rate), cy=centre, r=4, cls=dot)
            )
    if target is not None:
        x = left + scale(target)
        shapes.append(
            charts.shape("line", x1=x, x2=x, y1=top - 4, y2=bottom, cls="p2p-evidence__target")
        )
        shapes.append(
            charts.anchored(
                f"target {percent(target)}",
                x,
                max(10, top - 8),
                width,
                "p2p-evidence__target-label",
            )
        )
    height = int(bottom + (46 if narrow else 40))
    return charts.chart(width, height, label, shapes)
