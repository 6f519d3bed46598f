"""The guide's figures as chart data: geometry computed from records, never placed by hand.

Each figure comes in two layouts of the same content: a wide one for desktop
columns and a narrow one, stacked or with slim columns, for a 390 px phone, so
the page swaps layouts instead of shrinking text below a readable size. The
words inside a figure also travel as a plain outline (`Figure.outline`) that the
page shows as the figure's text equivalent. Shapes come from `pilot2prod.charts`,
so the same tag and attribute allow-list applies as for the calculators' charts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from pilot2prod.charts import Chart, Shape, chart, shape

WIDE = 640
"""Width of the wide layout in user units; drawn 1:1 in Material's content column."""

NARROW = 320
"""Width of the narrow layout; a 390 px phone draws it at about 1.1:1."""

FONT = 14
"""Text size in user units (CSS classes set the same size); never drawn below ~12 px."""

LINE = 18
"""Distance between lines of wrapped text."""

PAD = 8
"""Space between a box's edge and its text."""

GLYPH = 0.56
"""Average glyph width as a share of the font size, generous for system sans-serif fonts."""

Outline = tuple[tuple[str, tuple[str, ...]], ...]
"""A figure in words: headings, each with the points under it."""


@dataclass(frozen=True)
class Figure:
    """One figure: both layouts plus the outline that serves as its text equivalent."""

    id: str
    wide: Chart
    narrow: Chart
    outline: Outline


@dataclass(frozen=True)
class Node:
    """A box in a diagram: a bold title and optional lighter lines of detail."""

    title: str
    detail: str = ""


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Break `text` into lines that fit `width` user units at font `size`."""
    columns = max(int(width / (size * GLYPH)), 4)
    return textwrap.wrap(text, columns, break_long_words=False) or [""]


def _lines(
    texts: Sequence[str], x: float, top: float, cls: str, anchor: str = "start"
) -> list[Shape]:
    return [
        shape("text", text, x=x, y=top + FONT + index * LINE, cls=cls, text_anchor=anchor)
        for index, text in enumerate(texts)
    ]


def _node_lines(node: Node, width: float) -> tuple[list[str], list[str]]:
    inner = width - 2 * PAD
    return (wrap(node.title, inner) if node.title else []), (
        wrap(node.detail, inner) if node.detail else []
    )


def _node_height(node: Node, width: float) -> float:
    title, detail = _node_lines(node, width)
    return 2 * PAD + (len(title) + len(detail)) * LINE - (LINE - FONT) + 4


def _box(node: Node, x: float, y: float, width: float, cls: str, height: float = 0) -> list[Shape]:
    """A rectangle holding a node's title and detail, `height` at least what the text needs."""
    title, detail = _node_lines(node, width)
    height = max(height, _node_height(node, width))
    shapes = [shape("rect", x=x, y=y, width=width, height=height, cls=f"p2p-fig-box {cls}")]
    shapes += _lines(title, x + PAD, y + PAD, "p2p-fig-strong")
    shapes += _lines(detail, x + PAD, y + PAD + len(title) * LINE, "p2p-fig-text")
    return shapes


def _arrow(x1: float, y1: float, x2: float, y2: float) -> list[Shape]:
    """A line from (x1, y1) to (x2, y2) with a head at the end, horizontal or vertical."""
    head = 7.0
    if x1 == x2:
        sign = 1 if y2 > y1 else -1
        tip = [(x2, y2), (x2 - head / 1.6, y2 - sign * head), (x2 + head / 1.6, y2 - sign * head)]
        end = (x2, y2 - sign * head)
    else:
        # A sloping line ends in a head aimed along its own direction.
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        ux, uy = dx / length, dy / length
        bx, by = x2 - ux * head, y2 - uy * head
        side = head / 1.6
        tip = [(x2, y2), (bx - uy * side, by + ux * side), (bx + uy * side, by - ux * side)]
        end = (bx, by)
    points = " ".join(f"{round(px, 1):g},{round(py, 1):g}" for px, py in tip)
    return [
        shape("line", x1=x1, y1=y1, x2=end[0], y2=end[1], cls="p2p-fig-line"),
        shape("polygon", points=points, cls="p2p-fig-arrow"),
    ]


def contrast(
    figure_id: str,
    label: str,
    rows: Sequence[tuple[str, str, str]],
    left: str = "In the pilot",
    right: str = "In production",
) -> Figure:
    """Rows of (aspect, pilot, production): three columns when wide, stacked pairs when narrow."""
    return Figure(
        id=figure_id,
        wide=_contrast_wide(label, rows, left, right),
        narrow=_contrast_narrow(label, rows, left, right),
        outline=tuple(
            (aspect, (f"{left}: {before}", f"{right}: {after}")) for aspect, before, after in rows
        ),
    )


def _contrast_wide(
    label: str, rows: Sequence[tuple[str, str, str]], left: str, right: str
) -> Chart:
    aspect_w, gap, col_w = 132.0, 32.0, (WIDE - 132.0 - 8 - 32.0) / 2
    pilot_x = aspect_w + 8
    prod_x = pilot_x + col_w + gap
    shapes = _lines([left], pilot_x, 0, "p2p-fig-head") + _lines([right], prod_x, 0, "p2p-fig-head")
    y = LINE + 8.0
    for aspect, before, after in rows:
        height = max(_node_height(Node("", before), col_w), _node_height(Node("", after), col_w))
        shapes += _lines(wrap(aspect, aspect_w), 0, y + PAD, "p2p-fig-strong")
        shapes += _plain_box(before, pilot_x, y, col_w, height, "p2p-fig-box--pilot")
        shapes += _plain_box(after, prod_x, y, col_w, height, "p2p-fig-box--prod")
        middle = y + height / 2
        shapes += _arrow(pilot_x + col_w + 4, middle, prod_x - 4, middle)
        y += height + 12
    return chart(WIDE, int(y), label, shapes)


def _contrast_narrow(
    label: str, rows: Sequence[tuple[str, str, str]], left: str, right: str
) -> Chart:
    shapes: list[Shape] = []
    y = 0.0
    for aspect, before, after in rows:
        title = wrap(aspect, NARROW)
        shapes += _lines(title, 0, y, "p2p-fig-strong")
        y += len(title) * LINE + 6
        for tag, text, cls in (
            (left, before, "p2p-fig-box--pilot"),
            (right, after, "p2p-fig-box--prod"),
        ):
            node = Node(tag, text)
            shapes += _box(node, 0, y, NARROW, cls)
            y += _node_height(node, NARROW)
            if cls == "p2p-fig-box--pilot":
                shapes += _arrow(NARROW / 2, y + 2, NARROW / 2, y + 20)
                y += 22
        y += 20
    return chart(NARROW, int(y), label, shapes)


def _plain_box(text: str, x: float, y: float, width: float, height: float, cls: str) -> list[Shape]:
    lines = wrap(text, width - 2 * PAD)
    return [
        shape("rect", x=x, y=y, width=width, height=height, cls=f"p2p-fig-box {cls}"),
        *_lines(lines, x + PAD, y + PAD, "p2p-fig-text"),
    ]


def chain(figure_id: str, label: str, steps: Sequence[Node], heading: str) -> Figure:
    """Boxes in order, each arrow meaning 'makes the next more likely': a row, or a column."""
    count = len(steps)
    gap = 28.0
    width = (WIDE - gap * (count - 1)) / count
    height = max(_node_height(step, width) for step in steps)
    wide: list[Shape] = []
    for index, step in enumerate(steps):
        x = index * (width + gap)
        wide += _box(step, x, 0, width, "p2p-fig-box--prod", height)
        if index < count - 1:
            wide += _arrow(x + width + 3, height / 2, x + width + gap - 3, height / 2)
    narrow: list[Shape] = []
    y = 0.0
    for index, step in enumerate(steps):
        narrow += _box(step, 0, y, NARROW, "p2p-fig-box--prod")
        y += _node_height(step, NARROW)
        if index < count - 1:
            narrow += _arrow(NARROW / 2, y + 2, NARROW / 2, y + 22)
            y += 24
    return Figure(
        id=figure_id,
        wide=chart(WIDE, int(height) + 1, label, wide),
        narrow=chart(NARROW, int(y) + 1, label, narrow),
        outline=((heading, tuple(_words(step) for step in steps)),),
    )


def _words(node: Node) -> str:
    return f"{node.title}: {node.detail}" if node.detail else node.title


def mapping(
    figure_id: str,
    label: str,
    left: Sequence[Node],
    right: Sequence[Node],
    edges: Sequence[tuple[int, int]],
    joiner: str,
) -> Figure:
    """Two columns of boxes with an arrow for each (left index, right index) edge."""
    outline = tuple(
        (_words(node), tuple(f"{joiner} {right[j].title}" for i, j in edges if i == index))
        for index, node in enumerate(left)
    )
    return Figure(
        id=figure_id,
        wide=_mapping_chart(label, left, right, edges, WIDE, 250.0),
        narrow=_mapping_chart(label, left, right, edges, NARROW, 138.0),
        outline=outline,
    )


def _column(
    nodes: Sequence[Node], x: float, width: float, top: float, cls: str
) -> tuple[list[Shape], list[float], float]:
    shapes: list[Shape] = []
    middles: list[float] = []
    y = top
    for node in nodes:
        height = _node_height(node, width)
        shapes += _box(node, x, y, width, cls)
        middles.append(y + height / 2)
        y += height + 12
    return shapes, middles, y - 12


def _stack_height(nodes: Sequence[Node], width: float) -> float:
    return sum(_node_height(node, width) for node in nodes) + 12 * (len(nodes) - 1)


def _mapping_chart(
    label: str,
    left: Sequence[Node],
    right: Sequence[Node],
    edges: Sequence[tuple[int, int]],
    total: float,
    column: float,
) -> Chart:
    left_h, right_h = _stack_height(left, column), _stack_height(right, column)
    tallest = max(left_h, right_h)
    # The shorter column is centred against the taller so the arrows fan out evenly.
    left_shapes, left_mid, _ = _column(
        left, 0, column, (tallest - left_h) / 2, "p2p-fig-box--pilot"
    )
    right_x = total - column
    right_shapes, right_mid, _ = _column(
        right, right_x, column, (tallest - right_h) / 2, "p2p-fig-box--prod"
    )
    lines: list[Shape] = []
    for i, j in edges:
        lines += _arrow(column + 3, left_mid[i], right_x - 3, right_mid[j])
    return chart(int(total), int(tallest) + 1, label, lines + left_shapes + right_shapes)


def matrix(
    figure_id: str,
    label: str,
    rows: Sequence[str],
    columns: Sequence[str],
    marks: set[tuple[int, int]],
    present: str,
) -> Figure:
    """A grid of row labels against columns, with a dot where (row, column) is marked.

    The narrow layout numbers the columns and names them in a key below, since
    three headings side by side do not fit a phone's width at a readable size.
    """
    outline = tuple(
        (column, tuple(f"{present}: {row}" for r, row in enumerate(rows) if (r, c) in marks))
        for c, column in enumerate(columns)
    )
    return Figure(
        id=figure_id,
        wide=_matrix_chart(label, rows, columns, marks, WIDE, 170.0, keyed=False),
        narrow=_matrix_chart(label, rows, columns, marks, NARROW, 140.0, keyed=True),
        outline=outline,
    )


def _matrix_chart(
    label: str,
    rows: Sequence[str],
    columns: Sequence[str],
    marks: set[tuple[int, int]],
    total: float,
    label_w: float,
    keyed: bool,
) -> Chart:
    col_w = (total - label_w) / len(columns)
    heads = [[str(c + 1)] if keyed else wrap(name, col_w - 8) for c, name in enumerate(columns)]
    head_h = max(len(lines) for lines in heads) * LINE + 6
    shapes: list[Shape] = []
    for c, lines in enumerate(heads):
        centre = label_w + col_w * (c + 0.5)
        shapes += _lines(lines, centre, 0, "p2p-fig-head", anchor="middle")
    y = head_h
    for r, row in enumerate(rows):
        lines = wrap(row, label_w - 8)
        height = len(lines) * LINE + 10
        shapes.append(shape("line", x1=0, y1=y, x2=total, y2=y, cls="p2p-fig-rule"))
        shapes += _lines(lines, 0, y + 5, "p2p-fig-text")
        for c in range(len(columns)):
            cx, cy = label_w + col_w * (c + 0.5), y + height / 2
            if (r, c) in marks:
                shapes.append(shape("circle", cx=cx, cy=cy, r=7, cls="p2p-fig-dot"))
            else:
                shapes.append(shape("line", x1=cx - 5, y1=cy, x2=cx + 5, y2=cy, cls="p2p-fig-rule"))
        y += height
    shapes.append(shape("line", x1=0, y1=y, x2=total, y2=y, cls="p2p-fig-rule"))
    if keyed:
        y += 10
        for c, name in enumerate(columns):
            lines = wrap(f"{c + 1}: {name}", total)
            shapes += _lines(lines, 0, y, "p2p-fig-text")
            y += len(lines) * LINE
    return chart(int(total), int(y) + 2, label, shapes)
