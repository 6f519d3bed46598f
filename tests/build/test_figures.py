"""The guide's figures: geometry from records, words that fit, and clear data errors."""

from __future__ import annotations

import pytest

from macros.figures import render_figure
from pilot2prod.dataset import Dataset
from pilot2prod.guide.figures import (
    BUILDERS,
    SOURCE,
    FigureWords,
    four_shifts,
    load_figure_words,
    reasons_to_practices,
)
from pilot2prod.guide.layouts import FONT, GLYPH, NARROW, WIDE, Node, chain, wrap
from pilot2prod.model.errors import DataError
from tests.fixtures import repo_data, repo_files


@pytest.fixture(scope="module")
def data() -> Dataset:
    """The project's validated data."""
    return repo_data()


@pytest.fixture(scope="module")
def words() -> FigureWords:
    """The words of `data/figures.yml`."""
    return load_figure_words(repo_data().raw(SOURCE))


def test_wrapped_lines_fit_the_width() -> None:
    """No wrapped line is wider than the box it is wrapped for, at the estimated glyph width."""
    text = "The organisation funded a pilot, not an operation, and nobody owns the result"
    for width in (120, 200, 300):
        assert all(len(line) * FONT * GLYPH <= width for line in wrap(text, width))


def test_every_figure_has_both_layouts_at_their_widths(data, words) -> None:
    """Each figure draws a wide and a narrow layout, and every text shape lies inside it."""
    for figure_id, build in BUILDERS.items():
        figure = build(data, words)
        for layout, width in ((figure.wide, WIDE), (figure.narrow, NARROW)):
            assert layout["width"] == width, figure_id
            texts = [s for s in layout["shapes"] if s["tag"] == "text"]
            assert texts, figure_id
            assert all(0 <= s["attrs"]["x"] <= width for s in texts), figure_id
            assert all(s["attrs"]["y"] <= layout["height"] for s in texts), figure_id
            assert layout["label"], figure_id


def test_reasons_map_to_the_practices_their_records_link_to(data, words) -> None:
    """The reason-to-practice arrows follow each reason's see-also links, not a hand-made table."""
    outline = dict(reasons_to_practices(data, words).outline)
    assert outline["The production work is large, dull and missing from the plan"] == (
        "Answered by: Scope the production effort honestly",
        "Answered by: Build the safeguards and the hardest connection first",
    )


def test_a_change_title_the_figure_cannot_read_names_file_and_key(data, words) -> None:
    """A change whose title lacks 'from ... to ...' fails the build with its place in the data."""
    files = repo_files()
    files["data/changes.yml"]["records"][0]["title"] = "Reliability matters"
    bad = Dataset(files)
    with pytest.raises(DataError, match=r"data/changes.yml: records\[0\].title"):
        four_shifts(bad, words)


def test_figure_words_must_not_be_empty() -> None:
    """An empty list of home-page contrasts is refused with the file and key."""
    with pytest.raises(DataError, match=r"data/figures\.yml: pilot_and_production"):
        load_figure_words({"pilot_and_production": []})


def test_figure_markup_escapes_words_and_carries_its_text_equivalent() -> None:
    """Words from data are escaped in the SVG, the caption and the outline alike."""
    figure = chain("demo", "Steps <b>", [Node("A <script>"), Node("B & C")], "Order")
    markup = render_figure(figure, "Caption <i>")
    assert "<script>" not in markup and "<b>" not in markup and "<i>" not in markup
    assert "A &lt;script&gt;" in markup and "B &amp; C" in markup
    assert '<span class="p2p-fig-caption">Caption &lt;i&gt;</span>' in markup
    assert markup.count('role="img"') == 2
    assert "<details" in markup and "<li>B &amp; C</li>" in markup
