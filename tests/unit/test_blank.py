"""One rule for blank text, shared by Python and the page (pilot2prod/model/blank.py)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.model.blank import BLANK_CHARACTERS, JS_SPACE, PYTHON_SPACE, is_blank, squeeze


def test_the_python_spaces_written_out_are_every_character_isspace_accepts():
    """The list kept in the module is this Python's own idea of space, no more and no less."""
    found = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert found == PYTHON_SPACE


def test_blank_takes_every_space_of_both_languages_and_the_byte_order_mark():
    """A reason made only of a byte-order mark, or of a character only one language calls
    space, is blank: the page and the command line agree."""
    for char in set(PYTHON_SPACE) | set(JS_SPACE) | {"\ufeff", "\u200b"}:
        assert char in BLANK_CHARACTERS
        assert is_blank(char * 3)


@pytest.mark.parametrize(
    ("text", "squeezed"),
    [
        ("\ufeff  Café \u200b  Ops\u00a0", "Café Ops"),
        ("plain", "plain"),
        ("\u3000", ""),
        ("a\u2028b", "a b"),
    ],
)
def test_names_are_squeezed_of_blank_runs(text, squeezed):
    """A name keeps its words, one space between each, nothing at either end."""
    assert squeeze(text) == squeezed


@given(st.text())
def test_blank_means_nothing_left_once_squeezed(text):
    """Blank text is exactly the text that squeezes to nothing."""
    assert is_blank(text) == (squeeze(text) == "")
