"""Too deep or too large: refused before anything recurses, per file in the team merge."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod import api
from pilot2prod.dataset import Dataset
from pilot2prod.model.nesting import (
    MAX_DEPTH,
    bytes_depth_exceeds,
    shape_problem,
    text_depth_exceeds,
)
from tests.unit.test_scoring_properties import _bundle_files

GOOD = {"format": "pilot2prod/answers", "version": 1, "checklist": "readiness", "answers": {}}


def _merge(payload: dict) -> dict:
    return json.loads(api.call("readiness.merge", json.dumps(payload), Dataset(_bundle_files())))


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_deep(MAX_DEPTH), False),
        (_deep(MAX_DEPTH + 1), True),
        ('{"a": "' + "[" * 500 + '"}', False),  # brackets inside a string are text
        ('{"a": "\\"' + "{" * 500 + '"}', False),  # an escaped quote does not end the string
        ('{"a": {"b": [1, {"c": 2}]}}', False),
    ],
)
def test_text_depth_is_counted_outside_strings(text, expected):
    """Only arrays and objects count; brackets inside strings, escaped quotes included, do not."""
    assert text_depth_exceeds(text) is expected


def test_a_deep_value_is_described_without_recursing():
    """A value nested 5,000 levels (five times Python's recursion limit) is checked iteratively.

    Not deeper: inside Pyodide, freeing a list nested 10,000 levels overflows the JavaScript
    stack, which is why documents are measured as text before they are parsed at all."""
    value: list = []
    for _ in range(5_000):
        value = [value]
    assert "nested more than 64 levels" in (shape_problem(value) or "")
    assert shape_problem(GOOD) is None


def test_a_value_with_too_many_parts_is_refused():
    """A shallow but enormous value is refused by its count of values."""
    assert "more than" in (shape_problem({"answers": list(range(60_000))}) or "")


def test_team_merge_refuses_the_deep_file_by_name_and_merges_the_others():
    """One file nested too deeply is listed as refused, with its name; the others are merged."""
    deep: dict = {"x": []}
    for _ in range(100):  # past MAX_DEPTH, inside what the request itself may carry
        deep = {"x": deep}
    good = {**GOOD, "answers": {"q0": "yes"}}
    view = _merge(
        {
            "documents": [
                {"name": "deep.json", "document": deep},
                {"name": "ok.json", "document": good},
            ]
        },
    )
    assert [(r["name"], r["index"]) for r in view["refused"]] == [("deep.json", 0)]
    assert "levels deep" in view["refused"][0]["message"]
    assert [p["name"] for p in view["people"]] == ["ok.json"]


def test_the_browser_door_refuses_a_deep_request_before_parsing():
    """`api.call` (the worker's entry) answers a plain error for text nested far too deep."""
    answer = json.loads(api.call("readiness.merge", _deep(200_000)))
    assert "nested more than" in answer["error"]


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab"\\[]{}\n é', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=30,
)


@given(_JSONISH, st.integers(0, 8))
def test_bytes_and_text_depth_agree_on_documents(value, limit):
    """The fast byte check gives the character check's answer on any JSON document."""
    text = json.dumps(value, ensure_ascii=False)
    assert bytes_depth_exceeds(text.encode(), limit) is text_depth_exceeds(text, limit)


@given(st.text(alphabet='"[]{}ab', max_size=40), st.integers(0, 4))
def test_bytes_and_text_depth_agree_on_broken_text(text, limit):
    """On malformed text (unbalanced brackets, an unterminated string) both checks agree; a
    backslash outside any string, which no JSON holds, is left to the parser to describe."""
    assert bytes_depth_exceeds(text.encode(), limit) is text_depth_exceeds(text, limit)
