"""Comparing two assessments, and the trend of dimension scores over milestones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod import charts
from pilot2prod.readiness.answers import READINESS_VALUES, read_document
from pilot2prod.readiness.compare import compare, trend
from pilot2prod.readiness.compare_report import compare_markdown
from pilot2prod.readiness.scoring import assess
from tests.fixtures import repo_data

DATA = repo_data()
CHECKLIST = DATA.scored_checklist
IDS = [item.id for item in CHECKLIST.items]


def _assessment(values: dict, notes: dict | None = None):
    doc = {
        "format": "pilot2prod/answers",
        "version": 2,
        "checklist": "readiness",
        "answers": values,
        "notes": notes or {},
    }
    return assess(CHECKLIST, DATA.rubric, read_document(doc, CHECKLIST))


answer_sets = st.dictionaries(st.sampled_from(IDS), st.sampled_from(READINESS_VALUES))


@settings(max_examples=60, deadline=None)
@given(answer_sets, answer_sets)
def test_comparing_b_with_a_is_the_reverse_of_a_with_b(first, second):
    """Improved and regressed swap, each dimension's change flips sign, the verdicts swap."""
    a, b = _assessment(first), _assessment(second)
    forward, backward = compare(a, b, DATA.rubric), compare(b, a, DATA.rubric)
    assert [q["id"] for q in forward["improved"]] == [q["id"] for q in backward["regressed"]]
    assert [q["id"] for q in forward["regressed"]] == [q["id"] for q in backward["improved"]]
    for there, back in zip(forward["dimensions"], backward["dimensions"], strict=True):
        assert there["change"] == (None if back["change"] is None else -back["change"])
    assert forward["old"] == backward["new"] and forward["new"] == backward["old"]
    flipped = {"up": "down", "down": "up", "same": "same"}
    assert flipped[forward["verdict_change"]] == backward["verdict_change"]


def test_a_fallen_dimension_is_a_regression_with_its_points():
    """Yes becoming No lowers the dimension, names the question and flags a regression."""
    before = _assessment({"real-traffic-sample": "yes", "hard-cases-catalogued": "yes"})
    after = _assessment({"real-traffic-sample": "no", "hard-cases-catalogued": "yes"})
    result = compare(before, after, DATA.rubric)
    assert result["regression"] is True
    reliability = result["dimensions"][0]
    assert reliability["id"] == "reliability" and reliability["change"] == -50.0
    assert [q["id"] for q in result["regressed"]] == ["real-traffic-sample"]
    assert result["verdict_change"] == "down"


def test_not_applicable_with_a_reason_counts_as_settled():
    """Moving from No to a reasoned Not applicable is an improvement; without a reason it is not."""
    before = _assessment({"load-measured": "no"})
    reasoned = _assessment({"load-measured": "na"}, {"load-measured": "Ten requests a day."})
    unreasoned = _assessment({"load-measured": "na"})
    assert [q["id"] for q in compare(before, reasoned, DATA.rubric)["improved"]] == [
        "load-measured"
    ]
    assert compare(before, unreasoned, DATA.rubric)["improved"] == []


def test_trend_has_a_point_per_dimension_and_milestone_and_a_matching_table():
    """Each milestone's score appears in the table; the chart draws one dot per scored point."""
    points = [
        ("March", _assessment({"real-traffic-sample": "no"})),
        ("June", _assessment({"real-traffic-sample": "partial", "named-operator": "yes"})),
        ("September", _assessment({"real-traffic-sample": "yes", "named-operator": "yes"})),
    ]
    result = trend(points)
    assert result["table"]["columns"] == ["Dimension", "March", "June", "September"]
    assert result["table"]["rows"][0] == ["Reliability across real inputs", "0%", "50%", "100%"]
    dots = [s for s in result["chart"]["shapes"] if s["tag"] == "circle"]
    scored = sum(v is not None for s in result["series"] for v in s["scores"])
    assert len(dots) == scored == 5
    svg = charts.to_svg(result["chart"])
    assert svg.startswith("<svg") and "Dimension scores over milestones" in svg


def test_compare_markdown_escapes_file_names():
    """A file name with markup is shown as text in the report's title."""
    a = _assessment({})
    text = compare_markdown(compare(a, a, DATA.rubric), "<b>old</b>.json", "new.json")
    assert "\\<b\\>old" in text and "<b>" not in text
