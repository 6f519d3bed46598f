"""Comparing two assessments, and the trend of dimension scores over milestones."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pilot2prod import charts
from pilot2prod.readiness.answers import READINESS_VALUES, read_document
from pilot2prod.readiness.compare import compare, trend
from pilot2prod.readiness.presentation.compare_report import compare_markdown
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


def _label_boxes(chart: charts.Chart) -> list[tuple[float, float, str]]:
    """The estimated left and right edge and the text of each milestone name under the plot."""
    boxes = []
    for shape in chart["shapes"]:
        attrs = shape["attrs"]
        if shape["tag"] != "text" or "dominant-baseline" in attrs or attrs.get("y") != 208:
            continue
        if attrs.get("class") != "p2p-tick":
            continue
        width = charts.text_width(shape["text"])
        anchor = attrs.get("text-anchor", "start")
        left = attrs["x"] - {"start": 0, "middle": width / 2, "end": width}[anchor]
        boxes.append((left, left + width, shape["text"]))
    return boxes


@settings(max_examples=60, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=100),
    name=st.text(min_size=0, max_size=60),
)
@example(count=96, name="")  # the room per name reaches 0: numbers still spaced by the gap
@example(count=100, name="Milestone 2026-03-01")
@example(count=5, name="W" * 60)
@example(count=2, name="W" * 60)  # both names pinned, each to its own edge
def test_milestone_names_under_the_trend_never_meet_or_leave_the_chart(count, name):
    """However many milestones and however long their names, the labels under the trend stay
    inside the chart and apart; past four milestones they are numbers, as the table's columns."""
    one = _assessment({"real-traffic-sample": "partial"})
    names = [f"{name} {n}" for n in range(count)]
    result = trend([(n, one) for n in names])
    boxes = sorted(_label_boxes(result["chart"]))
    assert boxes, "no milestone is labelled"
    assert all(left >= 0 and right <= result["chart"]["width"] for left, right, _ in boxes)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(boxes)), boxes
    numbered = count > 4
    assert result["numbered"] is numbered
    if numbered:
        assert all(text.isdigit() for _, _, text in boxes)
        assert result["table"]["columns"][1:] == [f"{i}. {n}" for i, n in enumerate(names, 1)]
    else:
        assert len(boxes) == count
        assert result["table"]["columns"][1:] == names
