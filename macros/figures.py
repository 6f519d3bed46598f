"""The `figure` and `number` macros: a guide figure as inline SVG with its caption and text
equivalent, and a number the guide quotes, from `data/figures.yml`."""

from __future__ import annotations

import html
from typing import Any

from mkdocs.exceptions import PluginError

from pilot2prod.charts import to_svg
from pilot2prod.dataset import Dataset
from pilot2prod.guide.figures import BUILDERS, SOURCE, FigureWords, load_figure_words
from pilot2prod.guide.layouts import Figure
from pilot2prod.model.errors import DataError
from pilot2prod.text import markdown_table


def render_figure(figure: Figure, caption: str) -> str:
    """One `<figure>`: both layouts (CSS shows one), the caption, and the figure in words."""
    anchor = f"figure-{figure.id}"
    items = []
    for heading, points in figure.outline:
        inner = "".join(f"<li>{html.escape(point)}</li>" for point in points)
        items.append(
            f"<li>{html.escape(heading)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"
        )
    # The figure stays out of the search index: its words repeat the sections around it,
    # and a search hit should land on the section that explains them.
    return (
        f'<figure class="p2p-figure" id="{anchor}" data-search-exclude>'
        f'<div class="p2p-fig-art">{to_svg(figure.wide, "p2p-fig-svg p2p-fig-wide")}'
        f"{to_svg(figure.narrow, 'p2p-fig-svg p2p-fig-narrow')}</div>"
        # The words go inside the caption: a figure's caption must be its first or last child.
        f'<figcaption><span class="p2p-fig-caption">{html.escape(caption)}</span>'
        '<details class="p2p-fig-words"><summary>The figure in words</summary>'
        f"<ul>{''.join(items)}</ul></details></figcaption></figure>"
    )


def define_figure_macros(env: Any, data: Dataset) -> None:
    """Register `{{ figure("id", "caption") }}` for the figures in `pilot2prod.guide.figures`."""
    try:
        words: FigureWords = load_figure_words(data.raw(SOURCE))
    except DataError as error:
        raise PluginError(str(error)) from error

    @env.macro
    def figure(figure_id: str, caption: str) -> str:
        """A figure drawn from `data/`, with `caption` under it."""
        builder = BUILDERS.get(figure_id)
        if builder is None:
            known = ", ".join(sorted(BUILDERS))
            raise PluginError(f"unknown figure {figure_id!r} (known: {known})")
        if not caption.strip():
            raise PluginError(f"figure {figure_id!r} needs a caption")
        try:
            return "\n" + render_figure(builder(data, words), caption) + "\n"
        except DataError as error:
            raise PluginError(str(error)) from error

    @env.macro
    def number(number_id: str) -> str:
        """One of the guide's numbers with its unit, as prose quotes it ("50 cases")."""
        try:
            return data.numbers.get(number_id, "docs", f"number({number_id!r})").text
        except DataError as error:
            raise PluginError(str(error)) from error

    @env.macro
    def number_table() -> str:
        """Every number the guide quotes, its value and its reason, as a Markdown table."""
        rows = [[n.label, n.text, n.rationale] for n in data.numbers.all]
        return "\n".join(markdown_table(["What", "Default", "Why"], rows)) + "\n"
