"""A readiness result carried from the assessment: Python alone reads it, the page fills it in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.inputs import carried_fields, check_inputs
from pilot2prod.text import percent
from tests.unit.calculator_fixtures import effort_model

FIELDS = ("readiness-reliability", "readiness-integration", "readiness-operations")

# The shape the assessment page's "Estimate the remaining work" link carries: every dimension,
# a score of null where the assessment has none yet.
PARTIAL = {
    "dimensions": [
        {"id": "reliability", "score": 1.0},
        {"id": "integration", "score": None},
        {"id": "operations", "score": None},
    ]
}


def _link(*scores: float | None) -> dict:
    dims = ("reliability", "integration", "operations")
    return {"dimensions": [{"id": d, "score": s} for d, s in zip(dims, scores, strict=True)]}


def test_a_dimension_without_a_score_carries_nothing_however_high_the_others():
    """Only reliability answered: its field gets 100, the two unscored ones stay empty."""
    assert carried_fields(effort_model(), {"readiness": PARTIAL}) == {
        "readiness-reliability": "100",
        "readiness-integration": "",
        "readiness-operations": "",
    }
    inputs, messages = check_inputs(effort_model(), {"readiness": PARTIAL})
    assert messages == {} and inputs is not None
    assert inputs.readiness == {"reliability": 1.0}


def test_the_links_made_before_this_fix_no_longer_spread_the_overall_score():
    """An older link lists only scored dimensions next to an overall score: the rest stay empty."""
    old = {"score": 1.0, "dimensions": [{"id": "reliability", "score": 1.0}]}
    carried = carried_fields(effort_model(), {"readiness": old})
    assert carried["readiness-integration"] == carried["readiness-operations"] == ""


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ((None, None, None), ("", "", "")),
        ((0.40625, None, 0.875), ("41", "", "88")),
        ((0.40625, 0.125, 0.995), ("41", "13", "100")),
    ],
    ids=["empty", "partial", "complete"],
)
def test_empty_partial_and_complete_assessments_carry_exactly_their_scores(scores, expected):
    """Each scored dimension arrives as the assessment shows it; each unscored one, empty."""
    assert carried_fields(effort_model(), {"readiness": _link(*scores)}) == dict(
        zip(FIELDS, expected, strict=True)
    )


@given(st.floats(min_value=0, max_value=1))
def test_a_carried_score_is_the_percentage_the_assessment_shows(score):
    """Whatever the score, the field holds the whole percentage printed beside it (41, not 40.6)."""
    carried = carried_fields(effort_model(), {"readiness": _link(score, None, None)})
    assert f"{carried['readiness-reliability']}%" == percent(score)


def test_a_field_the_reader_filled_is_not_carried_over():
    """A typed score stays; only the blank fields are offered to the form."""
    raw = {"readiness": _link(0.625, 0.25, None), "readiness-reliability": "10"}
    assert "readiness-reliability" not in carried_fields(effort_model(), raw)
    inputs, messages = check_inputs(effort_model(), raw)
    assert messages == {} and inputs is not None
    assert inputs.readiness == {"reliability": 0.1, "integration": 0.25}


def test_one_bare_score_still_stands_for_every_dimension():
    """A hand-written file's single 0-1 score fills all three fields, as --fields says."""
    assert carried_fields(effort_model(), {"readiness": 0.5}) == dict.fromkeys(FIELDS, "50")


@pytest.mark.parametrize(
    "bad",
    [
        {"dimensions": [{"id": "reliability", "score": "0.5"}]},
        {"dimensions": [{"id": "reliability", "score": 2}]},
        {"dimensions": [{"id": "reliability", "score": 0.5}, {"id": "reliability", "score": 0.1}]},
        {"dimensions": "all"},
    ],
)
def test_a_carried_result_with_a_wrong_score_is_refused_not_dropped(bad):
    """A score of the wrong type, out of range or listed twice is a message, never ignored."""
    inputs, messages = check_inputs(effort_model(), {"readiness": bad})
    assert inputs is None and "readiness" in messages
    assert carried_fields(effort_model(), {"readiness": bad}) == {}


def test_the_carried_notice_names_each_carried_field_and_each_empty_one_with_why():
    """The notice names what the link filled, with its value, and what it left empty, and why."""
    model = effort_model()
    notice = effort_view.carried_notice(model, carried_fields(model, {"readiness": PARTIAL}))
    assert f"{model.number('readiness-reliability').label} 100%" in notice
    integration = model.number("readiness-integration").label
    operations = model.number("readiness-operations").label
    assert f"{integration} and {operations} stay empty" in notice
    assert "no score for those dimensions yet" in notice
    assert effort_view.carried_notice(model, {}) == ""
