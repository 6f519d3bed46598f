"""The readiness scoring rule on small hand-worked cases."""

from __future__ import annotations

import pytest

from pilot2prod.model.errors import DataError
from pilot2prod.readiness.rubric import load_rubric
from pilot2prod.readiness.scoring import assess
from tests.unit.scoring_fixtures import BANDS, RULES, THREE, answers, checklist, item, rubric

ALL_YES = {"r1": "yes", "r2": "yes", "r3": "yes", "i1": "yes", "i2": "yes"}
ALL_YES |= {"o1": "yes", "o2": "yes", "o3": "yes"}


def _raw_rubric():
    return {
        "checklist": "readiness",
        "bands": BANDS,
        "unscored": {"label": "Not scored yet", "meaning": "Answer something first."},
        **RULES,
    }


def _assess(sections, values, bands=None):
    c = checklist(sections)
    return assess(c, rubric(bands), answers(values, c))


def test_worked_example_three_dimensions():
    """Weighted means per dimension, N/A left out, the project takes the minimum."""
    result = _assess(
        THREE,
        {"r1": "yes", "r2": "partial", "r3": "no", "i1": "na", "i2": "partial"}
        | {"o1": "yes", "o2": "yes", "o3": "yes"},
    )
    scores = {d.id: d.score for d in result.dimensions}
    # reliability: (2*1 + 1*0.5 + 1*0) / (2+1+1); integration: (3*0.5) / 3, i1 is N/A.
    assert scores == {"reliability": 0.625, "integration": 0.5, "operations": 1.0}
    assert result.score == 0.5
    assert result.band is not None and result.band.id == "early"
    assert result.weakest is not None and result.weakest.id == "integration"
    assert result.complete and not result.capped
    assert [g.id for g in result.gaps] == ["i2", "r3", "r2"]  # 3*0.5, 1*1, 1*0.5
    assert result.what_if is not None
    assert result.what_if.target.id == "nearly-ready"
    assert [i.id for i in result.what_if.items] == ["r3", "i2"]


def test_not_applicable_is_not_counted_as_no():
    """An N/A item leaves the denominator; counted as No it would have dragged the score down."""
    result = _assess({"reliability": [item("a"), item("b")]}, {"a": "yes", "b": "na"})
    assert result.dimensions[0].score == 1.0
    assert result.dimensions[0].not_applicable == 1


def test_dimension_that_is_all_not_applicable_drops_out():
    """A dimension with every item N/A has no score and does not pull the minimum."""
    values = {k: "yes" for k in ALL_YES} | {"i1": "na", "i2": "na"}
    result = _assess(THREE, values)
    integration = result.dimensions[1]
    assert integration.score is None
    assert result.score == 1.0
    assert result.band is not None and result.band.id == "ready"


def test_critical_no_caps_at_the_rubric_band_whatever_the_numbers():
    """A critical item answered No holds a numerically ready project at the cap (the lowest
    band unless the rubric names another)."""
    sections = {"reliability": [item("a", 9), item("b", 1, critical=True)]}
    result = _assess(sections, {"a": "yes", "b": "no"})
    assert result.score == pytest.approx(0.9)
    assert result.numeric_band is not None and result.numeric_band.id == "ready"
    assert result.band is not None and result.band.id == "not-ready"
    assert result.capped
    assert [i.id for i in result.capping] == ["b"]
    assert result.what_if is not None and [i.id for i in result.what_if.items] == ["b"]
    assert [step.target.id for step in result.path] == ["early", "nearly-ready", "ready"]
    assert [[i.id for i in step.items] for step in result.path] == [["b"], [], []]


def test_critical_cap_band_comes_from_the_rubric():
    """`critical_cap: early` holds a critical No at Early instead of the lowest band."""
    sections = {"reliability": [item("a", 9), item("b", 1, critical=True)]}
    c = checklist(sections)
    capped_at_early = load_rubric({**_raw_rubric(), "critical_cap": "early"})
    result = assess(c, capped_at_early, answers({"a": "yes", "b": "no"}, c))
    assert result.band is not None and result.band.id == "early"


def test_not_applicable_without_a_reason_counts_as_open():
    """An N/A with no note is listed, leaves the mean, and keeps the verdict below ready."""
    c = checklist({"reliability": [item("a"), item("b")]})
    result = assess(c, rubric(), answers({"a": "yes", "b": "na"}, c, notes={}))
    assert [i.id for i in result.unreasoned] == ["b"] and not result.complete
    assert result.band is not None and result.band.id == "nearly-ready" and result.capped
    assert result.risks[0].id == "b" and result.risks[0].reason_missing


def test_critical_partial_does_not_cap():
    """Only No on a critical item caps; Partly counts at its value like any answer."""
    sections = {"reliability": [item("a", 19), item("b", 1, critical=True)]}
    result = _assess(sections, {"a": "yes", "b": "partial"})
    assert result.band is not None and result.band.id == "ready"
    assert result.capping == ()


def test_unanswered_items_are_reported_not_counted_as_no():
    """Open questions are listed, leave the mean alone, and keep the verdict below ready."""
    values = dict(ALL_YES)
    del values["o3"]
    result = _assess(THREE, values)
    assert [i.id for i in result.unanswered] == ["o3"]
    assert result.dimensions[2].score == 1.0 and result.dimensions[2].unanswered == 1
    assert not result.complete
    assert result.band is not None and result.band.id == "nearly-ready" and result.capped
    assert result.what_if is not None and [i.id for i in result.what_if.items] == ["o3"]


def test_nothing_answered_has_no_score():
    """With no counted answer there is no score, no band, no what-if."""
    result = _assess(THREE, {})
    assert result.score is None and result.band is None and result.what_if is None
    assert len(result.unanswered) == 8
    all_na = _assess(THREE, dict.fromkeys(ALL_YES, "na"))
    assert all_na.score is None and all_na.complete


def test_ready_has_no_what_if():
    """At the top band there is nothing to lift."""
    result = _assess(THREE, ALL_YES)
    assert result.band is not None and result.band.id == "ready"
    assert result.what_if is None
    assert result.gaps == ()


def test_what_if_picks_heaviest_gain_first():
    """Within a dimension the what-if prefers the item whose Yes adds the most."""
    sections = {"reliability": [item("light", 1), item("heavy", 5), item("done", 4)]}
    result = _assess(sections, {"light": "no", "heavy": "no", "done": "yes"})
    # 4/10 = 0.4 is "early"; lifting to 0.7 needs heavy (9/10), not light (5/10).
    assert result.band is not None and result.band.id == "early"
    assert result.what_if is not None and [i.id for i in result.what_if.items] == ["heavy"]


def test_what_if_sums_over_dimensions():
    """Every dimension below the next threshold contributes its own fewest items."""
    result = _assess(THREE, dict.fromkeys(ALL_YES, "no"))
    assert result.band is not None and result.band.id == "not-ready"
    assert result.what_if is not None and result.what_if.target.id == "early"
    # Above the cap the critical r2 must be fixed; then 0.4 needs r1 ((2+1)/4), i2 (3/4) and
    # o3 (2/4): one per dimension, the heaviest.
    assert [i.id for i in result.what_if.items] == ["r1", "r2", "i2", "o3"]


def test_band_edges_are_inclusive():
    """A score exactly on a threshold belongs to the band that starts there."""
    sections = {"reliability": [item(f"q{n}") for n in range(10)]}
    values = {f"q{n}": ("yes" if n < 7 else "no") for n in range(10)}
    result = _assess(sections, values)
    assert result.score == pytest.approx(0.7)
    assert result.band is not None and result.band.id == "nearly-ready"


def test_huge_weights_stay_finite():
    """Weights near the float limit do not overflow the weighted mean."""
    sections = {"reliability": [item("a", 1e308), item("b", 1e308)]}
    result = _assess(sections, {"a": "yes", "b": "partial"})
    assert result.score == pytest.approx(0.75)


def test_tiny_weights_still_count_their_answers():
    """A dimension whose weights are all tiny scores its answers as any other, even when
    another dimension's weights are a thousand orders of magnitude larger (no underflow)."""
    sections = {
        "reliability": [item("a", 5e-324), item("b", 5e-324)],
        "integration": [item("c", 1.0)],
    }
    result = _assess(sections, {"a": "partial", "b": "partial", "c": "yes"})
    assert result.dimensions[0].score == pytest.approx(0.5)
    assert result.score == pytest.approx(0.5)


def test_rubric_for_another_checklist_is_refused():
    """Scoring with bands meant for another checklist is a programming error."""
    c = checklist(THREE)
    with pytest.raises(ValueError, match="scores 'other'"):
        assess(c, rubric(checklist_id="other"), answers({}, c))


@pytest.mark.parametrize(
    ("bands", "path", "problem"),
    [
        (BANDS[:1], "bands", "at least two"),
        ([{**BANDS[0], "min_score": 0.1}, *BANDS[1:]], "bands[0].min_score", "start at 0"),
        ([BANDS[0], {**BANDS[1], "min_score": 0}], "bands[1].min_score", "higher than"),
        ([BANDS[0], {**BANDS[1], "min_score": 1.5}], "bands[1].min_score", "between 0 and 1"),
        ([BANDS[0], {**BANDS[1], "id": "not-ready"}], "bands[1].id", "duplicate"),
        ([BANDS[0], {**BANDS[1], "tint": "red"}], "bands[1].tint", "unknown key"),
        ([BANDS[0], {**BANDS[1], "colour": "red"}], "bands[1].colour", "must be"),
        (
            [BANDS[0], {**BANDS[1], "colour": {"light": "red", "dark": "#ffcc80"}}],
            "bands[1].colour.light",
            "a colour such as #1f5f99",
        ),
        ([BANDS[0], {**BANDS[1], "aliases": ["not-ready"]}], "bands[1].aliases", "duplicate"),
        ([BANDS[0], {**BANDS[1], "aliases": ["Old Name"]}], "bands[1].aliases", "not an id"),
    ],
)
def test_bad_rubric_names_file_and_key(bands, path, problem):
    """Broken verdict bands fail with `data/readiness.yml: <key>: <problem>`."""
    with pytest.raises(DataError) as caught:
        rubric(bands)
    assert str(caught.value).startswith(f"data/readiness.yml: {path}: ")
    assert problem in str(caught.value)
