"""Charts as plain data, drawn the same way at build time and in the browser.

A chart is a dict: a size, an accessible label and a flat list of SVG shapes
with their attributes. The build turns it into SVG markup with `to_svg`; the
browser widget builds the same elements with `createElementNS`, setting only
the tags and attributes listed here, and text through `textContent`. So one
piece of Python decides the geometry, and the two renderings cannot drift apart.
"""

from __future__ import annotations

import html
import math
import sys
from collections.abc import Callable, Sequence
from typing import Any

Chart = dict[str, Any]
Shape = dict[str, Any]

TAGS = frozenset({"g", "rect", "line", "circle", "text", "polygon"})
"""The SVG elements a chart may use; the browser refuses any other."""

ATTRIBUTES = frozenset(
    {
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "width",
        "height",
        "points",
        "class",
        "text-anchor",
        "dominant-baseline",
    }
)
"""The attributes a shape may carry: geometry and a class for the stylesheet, nothing else."""


def _coordinate(value: float) -> float | int:
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def shape(tag: str, text: str | None = None, **attributes: object) -> Shape:
    """One SVG element; `text_anchor=` becomes `text-anchor`, numbers are rounded to 0.1."""
    if tag not in TAGS:
        raise ValueError(f"charts may not use <{tag}>")
    attrs: dict[str, object] = {}
    for name, value in attributes.items():
        key = "class" if name == "cls" else name.replace("_", "-")
        if key not in ATTRIBUTES:
            raise ValueError(f"charts may not set {key!r}")
        attrs[key] = _coordinate(value) if isinstance(value, float) else value
    found: Shape = {"tag": tag, "attrs": attrs}
    if text is not None:
        found["text"] = text
    return found


def row_label(text: str, right: float, y: float) -> Shape:
    """A bar's name, right-aligned to `right` and centred on the row at `y`; a name too long
    for the room left of `right` is shortened so that it never crosses the chart's left edge."""
    return shape(
        "text",
        fitted(text, right - EDGE, WIDE_FONT),
        x=right,
        y=y,
        text_anchor="end",
        dominant_baseline="middle",
        cls="p2p-label",
    )


def bar_name(text: str, y: float, *, narrow: bool, right: float, above: float = 20) -> Shape:
    """A bar's name: right-aligned to `right` left of the bar, or, in the narrow layout where
    there is no room beside it, on a line of its own `above` units over the bar."""
    if not narrow:
        return row_label(text, right, y)
    return shape(
        "text",
        fitted(text, NARROW - 2 * EDGE, NARROW_FONT),
        x=EDGE,
        y=y - above,
        dominant_baseline="middle",
        cls="p2p-label",
    )


def name_column(names: Sequence[str], *, least: float, most: float, gap: float = 8) -> float:
    """Where a wide chart's bars start: right of its widest name (`gap` between them), never
    left of `least` (the layout's usual place) nor right of `most` (the bars need room too;
    a name wider than that is shortened by `row_label`)."""
    widest = max((text_width(name, WIDE_FONT) for name in names), default=0.0)
    return min(most, max(least, EDGE + widest + gap))


def legend(text: str, x: float, y: float) -> Shape:
    """A legend entry's words, starting at `x` and centred on `y`."""
    return shape("text", text, x=x, y=y, dominant_baseline="middle", cls="p2p-legend")


NARROW = 330
"""Width in user units of a chart's narrow layout: a 390 px phone draws it at about 1.08:1, so
the stylesheet's 13 px text stays above 12 CSS px instead of shrinking with a 720-unit chart."""

NARROW_FONT = 13
"""The narrow layouts' text size in user units (the stylesheet sets the same)."""


WIDE_FONT = 12
"""The wide layouts' label size in user units (the stylesheet's 12 px on a chart drawn 1:1)."""

EDGE = 4
"""The margin, in user units, that text keeps from a chart's edges."""

_CHAR_EMS = (
    (" .,:;'!|iIjl", 0.32),
    ('frt()[]-/"', 0.42),
    ("mwMW@%", 1.0),
    ("ABCDEFGHJKLNOPQRSTUVXYZ&", 0.78),
)
"""Widths in ems a little above DejaVu Sans' (wider than most sans-serif fonts), by class of
character; any other character counts 0.64 em, and one beyond the Latin, Greek and Cyrillic
blocks a full em, so an estimate errs towards too wide."""


def _char_em(char: str) -> float:
    if ord(char) > 0x052F:
        return 1.0
    for chars, em in _CHAR_EMS:
        if char in chars:
            return em
    return 0.64


def text_width(text: str, size: float = NARROW_FONT) -> float:
    """A generous estimate of the width of `text` in the site's sans-serif at `size`."""
    return sum(_char_em(char) for char in text) * size


def fitted(text: str, room: float, size: float) -> str:
    """`text`, or as much of it as fits in `room` units at `size` followed by an ellipsis."""
    if text_width(text, size) <= room:
        return text
    kept = text
    while kept and text_width(kept.rstrip() + "…", size) > room:
        kept = kept[:-1]
    return kept.rstrip() + "…"


def anchored(text: str, x: float, y: float, width: float, cls: str, margin: float = 4) -> Shape:
    """`text` centred on `x`, or pinned to an edge where centring would cross it."""
    half = text_width(text) / 2
    if x - half < margin:
        return shape("text", text, x=margin, y=y, cls=cls)
    if x + half > width - margin:
        return shape("text", text, x=width - margin, y=y, text_anchor="end", cls=cls)
    return shape("text", text, x=x, y=y, text_anchor="middle", cls=cls)


def chart(width: int, height: int, label: str, shapes: Sequence[Shape]) -> Chart:
    """A chart of `width` x `height` user units described by `label` for screen readers."""
    return {"width": width, "height": height, "label": label, "shapes": list(shapes)}


def to_svg(figure: Chart, css_class: str = "p2p-chart-svg") -> str:
    """SVG markup for a chart, every value escaped (used at build time)."""
    parts = [
        f'<svg class="{html.escape(css_class)}" viewBox="0 0 {figure["width"]} {figure["height"]}"'
        f' role="img" aria-label="{html.escape(figure["label"])}"'
        ' xmlns="http://www.w3.org/2000/svg">'
    ]
    for item in figure["shapes"]:
        attrs = "".join(
            f' {name}="{html.escape(str(value))}"' for name, value in item["attrs"].items()
        )
        text = item.get("text")
        if text is None:
            parts.append(f"<{item['tag']}{attrs}/>")
        else:
            parts.append(f"<{item['tag']}{attrs}>{html.escape(text)}</{item['tag']}>")
    parts.append("</svg>")
    return "".join(parts)


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 that cover `maximum` in about `count` steps."""
    if not math.isfinite(maximum) or maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    if raw < sys.float_info.min or maximum > sys.float_info.max / 10:
        # Subnormal or near-overflow: no round steps to find, one bar-length axis instead.
        return [0.0, maximum]
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    # Ticks are counted, not accumulated: adding a step rounded to a fixed number of decimals
    # never grows past a tiny maximum (a cost of $1e-12) and looped for ever. Twelve significant
    # digits drop float noise (0.30000000000000004) at any magnitude.
    steps = max(1, min(count + 1, math.ceil(maximum / step - 1e-9)))
    return [0.0] + [float(f"{index * step:.12g}") for index in range(1, steps + 1)]


def linear(length: float, top: float) -> Callable[[float], float]:
    """Map 0..`top` onto 0..`length`. Dividing first keeps it finite for any `top`: a
    precomputed `length / top` overflows to infinity when every value is tiny (1e-306), and
    0 times infinity made a NaN coordinate that failed the whole result."""
    top = top if math.isfinite(top) and top > 0 else 1.0
    return lambda value: value / top * length


def axis(
    ticks: Sequence[float],
    left: float,
    width: float,
    top: float,
    bottom: float,
    label: str,
    format_tick: Any,
    line: float = 14,
) -> list[Shape]:
    """Vertical grid lines with tick labels under a horizontal plot area, and an axis title.

    `line` is the distance from the plot's bottom to the tick labels (and twice it to the title);
    the narrow layouts' larger text needs a little more.
    """
    top_value = ticks[-1] or 1.0
    shapes: list[Shape] = []
    for tick in ticks:
        x = left + width * tick / top_value
        shapes.append(shape("line", x1=x, y1=top, x2=x, y2=bottom, cls="p2p-grid"))
        shapes.append(
            shape(
                "text",
                format_tick(tick),
                x=x,
                y=bottom + line,
                text_anchor="middle",
                cls="p2p-tick",
            )
        )
    shapes.append(
        shape(
            "text",
            label,
            x=left + width / 2,
            y=bottom + line * 2 + 2,
            text_anchor="middle",
            cls="p2p-axis",
        )
    )
    return shapes
