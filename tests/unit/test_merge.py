"""Merging people's answers: side by side, disagreements flagged, a cautious team verdict."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod import api
from pilot2prod.model.dataset import Dataset
from pilot2prod.readiness.answers import READINESS_VALUES, read_document
from pilot2prod.readiness.merge import (
    APPLICABILITY,
    CONFLICT,
    PARTLY,
    disagreement,
    merge,
    team_answer,
    unique_names,
)
from pilot2prod.readiness.scoring import assess
from pilot2prod.readiness.team_view import team_view
from tests.unit.scoring_fixtures import answers, checklist, item, rubric
from tests.unit.test_scoring_properties import _bundle_files

CHECKLIST = checklist(
    {
        "reliability": [item("q0", 1), item("q1", 2, critical=True)],
        "operations": [item("q2", 3), item("q3", 4)],
    }
)
RUBRIC = rubric()


def _doc(values: dict, **extra) -> dict:
    return {
        "format": "pilot2prod/answers",
        "version": 1,
        "checklist": "readiness",
        "answers": values,
        **extra,
    }


@pytest.mark.parametrize(
    ("given_answers", "expected"),
    [
        (["yes", "no"], "no"),
        (["yes", "partial"], "partial"),
        (["partial", "no", "yes"], "no"),
        (["yes", "yes"], "yes"),
        (["na", "yes"], "yes"),
        (["na", "partial", None], "partial"),
        (["na", "na"], "na"),
        (["na", None], "na"),
        ([None, "yes"], "yes"),
        ([None, None], None),
    ],
)
def test_team_answer_is_the_most_cautious_counted_answer(given_answers, expected):
    """No beats Partly beats Yes; N/A only when nobody counted the item; blanks are no answer."""
    assert team_answer(given_answers) == expected


@pytest.mark.parametrize(
    ("given_answers", "expected"),
    [
        (["yes", "no"], CONFLICT),
        (["yes", "partial", "no"], CONFLICT),
        (["yes", "na", "no"], CONFLICT),
        (["partial", "yes"], PARTLY),
        (["no", "partial"], PARTLY),
        (["partial", "na", "yes"], PARTLY),
        (["na", "yes"], APPLICABILITY),
        (["na", "partial"], APPLICABILITY),
        (["yes", "yes", None], None),
        (["partial", "partial"], None),
        (["na", "na", None], None),
        ([None, "no"], None),
    ],
)
def test_disagreement_is_the_strongest_kind_present(given_answers, expected):
    """Yes against No outranks Partly against either, which outranks Not applicable against any."""
    assert disagreement(given_answers) == expected


def test_merge_puts_answers_side_by_side_and_scores_the_cautious_set():
    """Each item carries everyone's answer; the team verdict is assess() of the cautious set."""
    alice = answers({"q0": "yes", "q1": "yes", "q2": "yes", "q3": "partial"}, CHECKLIST)
    bob = answers({"q0": "no", "q1": "yes", "q2": "na", "q3": "yes"}, CHECKLIST)
    result = merge(CHECKLIST, RUBRIC, [("alice.json", alice), ("bob.json", bob)])
    by_id = {i.id: i for i in result.items}
    assert by_id["q0"].answers == ("yes", "no")
    assert by_id["q0"].disagreement == CONFLICT
    assert by_id["q2"].disagreement == APPLICABILITY
    assert by_id["q3"].disagreement == PARTLY
    assert by_id["q1"].disagreement is None
    assert dict(result.team.values) == {"q0": "no", "q1": "yes", "q2": "yes", "q3": "partial"}
    expected = assess(CHECKLIST, RUBRIC, answers(dict(result.team.values), CHECKLIST))
    assert result.assessment.score == expected.score
    assert result.assessment.band == expected.band
    # reliability (0*1 + 1*2)/3, operations (3 + 4*0.5)/7: the minimum is 2/3
    assert result.assessment.score == pytest.approx(2 / 3)
    assert [a.band.id for a in result.individual] == [
        assess(CHECKLIST, RUBRIC, p).band.id for p in (alice, bob)
    ]


def test_a_question_nobody_answered_stays_open_and_caps_the_team():
    """A blank from everyone leaves the team's answer open, which holds the verdict below ready."""
    alice = answers({"q0": "yes", "q1": "yes", "q2": "yes"}, CHECKLIST)
    bob = answers({"q0": "yes", "q1": "yes", "q2": "yes"}, CHECKLIST)
    result = merge(CHECKLIST, RUBRIC, [("a", alice), ("b", bob)])
    assert result.team.unanswered == ("q3",)
    assert result.assessment.capped
    assert result.items[3].missing == 2


def test_one_persons_critical_no_caps_the_team_verdict():
    """Someone answering No to a critical item is enough to cap the team, as it should be."""
    yes_all = {"q0": "yes", "q1": "yes", "q2": "yes", "q3": "yes"}
    result = merge(
        CHECKLIST,
        RUBRIC,
        [("a", answers(yes_all, CHECKLIST)), ("b", answers({**yes_all, "q1": "no"}, CHECKLIST))],
    )
    assert result.individual[0].band.id == "ready"
    assert result.assessment.band.id != "ready"
    assert [r.id for r in result.assessment.capping] == ["q1"]


def test_merge_refuses_answers_for_another_checklist_and_empty_teams():
    """Answers to a different checklist, or no answers at all, cannot be merged."""
    other = checklist({"reliability": [item("q0")]}, checklist_id="other")
    foreign = answers({"q0": "yes"}, other)
    with pytest.raises(ValueError, match="for 'other', not 'readiness'"):
        merge(CHECKLIST, RUBRIC, [("x", foreign)])
    with pytest.raises(ValueError, match="at least one"):
        merge(CHECKLIST, RUBRIC, [])


def test_repeated_names_are_told_apart():
    """Two files with the same name still get two distinct columns."""
    assert unique_names(["a.json", "b.json", "a.json", ""]) == (
        "a.json",
        "b.json",
        "a.json (2)",
        "answers",
    )


def test_team_view_words_the_disagreements_and_carries_notes():
    """The view counts each kind of disagreement and keeps each person's note in their column."""
    alice = read_document(
        _doc({"q0": "yes", "q1": "partial"}, notes={"q0": "eval report"}), CHECKLIST
    )
    bob = read_document(_doc({"q0": "no", "q1": "yes"}, owners={"q1": "Dana"}), CHECKLIST)
    result = merge(CHECKLIST, RUBRIC, [("alice", alice), ("bob", bob)])
    view = team_view(result, CHECKLIST, RUBRIC, site_root="../")
    assert view["disagreements"] == {CONFLICT: 1, PARTLY: 1, APPLICABILITY: 0}
    assert view["disagreement_summary"].startswith("2 of 4 questions have answers that disagree")
    q0 = view["items"][0]
    assert q0["notes"] == ["eval report", ""]
    assert q0["answer_labels"] == ["Yes", "No"]
    assert q0["team_label"] == "No"
    assert view["items"][1]["owners"] == ["", "Dana"]
    assert q0["question_href"] == "../assessment/#readiness-q0"
    assert [p["name"] for p in view["people"]] == ["alice", "bob"]
    assert json.dumps(view, allow_nan=False)


COUNTED = st.sampled_from(("yes", "partial", "no"))
IDS = ("q0", "q1", "q2", "q3")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.fixed_dictionaries({q: COUNTED for q in IDS}), min_size=1, max_size=6))
def test_team_score_is_at_most_everyones_own_score(people):
    """With every item counted by everyone, the team scores no higher than any member."""
    merged = merge(
        CHECKLIST, RUBRIC, [(f"p{i}", answers(p, CHECKLIST)) for i, p in enumerate(people)]
    )
    for own in merged.individual:
        assert merged.assessment.score <= own.score + 1e-9


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {}, optional={q: st.sampled_from((*READINESS_VALUES, None)) for q in IDS}
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_mix_of_answers_merges_into_finite_json(people):
    """Blanks, Not applicable and every answer value merge without error into finite JSON."""
    merged = merge(
        CHECKLIST, RUBRIC, [(f"p{i}", answers(p, CHECKLIST)) for i, p in enumerate(people)]
    )
    view = team_view(merged, CHECKLIST, RUBRIC)
    assert len(view["items"]) == 4
    assert all(len(i["answers"]) == len(people) for i in view["items"])
    json.dumps(view, allow_nan=False)


def _call(payload):
    return json.loads(api.call("readiness.merge", json.dumps(payload), Dataset(_bundle_files())))


def test_browser_entry_point_merges_and_refuses_bad_documents():
    """readiness.merge merges good documents and lists each refused one with its reason."""
    out = _call(
        {
            "documents": [
                {"name": "a.json", "document": _doc({"q0": "yes", "q1": "no"})},
                {"name": "b.json", "document": _doc({"q0": "partial", "q1": "no"})},
                {"name": "c.json", "document": {**_doc({}), "format": "nope"}},
                {"name": "d.json", "document": {**_doc({}), "checklist": "other"}},
            ],
            "site_root": "",
        }
    )
    assert [p["name"] for p in out["people"]] == ["a.json", "b.json"]
    assert [r["name"] for r in out["refused"]] == ["c.json", "d.json"]
    assert [r["index"] for r in out["refused"]] == [2, 3]
    assert "format" in out["refused"][0]["message"]
    assert "for 'other'" in out["refused"][1]["message"]
    assert out["items"][0]["team"] == "partial"
    assert out["team"]["verdict"]["id"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({}, "'documents' must be a list"),
        ({"documents": []}, "at least one"),
        ({"documents": [{"name": 3, "document": {}}]}, "documents[0].name"),
        ({"documents": [{"name": "x"}]}, "documents[0] needs the file's 'text'"),
        ({"documents": [{"name": "x", "document": {}}] * 51}, "at most 50"),
    ],
)
def test_browser_entry_point_refuses_malformed_requests(payload, message):
    """A malformed merge request comes back as one plain message."""
    assert message in _call(payload)["error"]


def test_browser_entry_point_reports_when_every_document_is_refused():
    """When nothing can be merged, the reader hears why, file by file."""
    out = _call({"documents": [{"name": "x.json", "document": {"format": "nope"}}]})
    assert out["people"] == []
    assert out["team"] is None
    assert out["refused"][0]["name"] == "x.json"


def test_browser_entry_point_returns_the_cli_markdown_on_request():
    """With "markdown": true, the page gets what `pilot2prod merge --format md` prints."""
    from pilot2prod.readiness.report import team_markdown

    documents = [
        {"name": "a.json", "document": _doc({"q0": "yes"})},
        {"name": "b.json", "document": _doc({"q0": "no"})},
    ]
    plain = _call({"documents": documents, "site_root": "https://example.org/"})
    out = _call({"documents": documents, "site_root": "https://example.org/", "markdown": True})
    view = {k: v for k, v in plain.items() if k != "refused"}
    assert out["markdown"] == team_markdown(view, links=True)
    assert "(https://example.org/assessment/#readiness-q0)" in out["markdown"]


def test_a_team_of_one_gets_that_persons_verdict_na_reasons_included():
    """Everyone's reasons for Not applicable are the team's: a one-person team is not scored
    lower than the person for a reason the merge dropped."""
    values = {"q0": "na", "q1": "yes", "q2": "yes", "q3": "yes"}
    notes = {"q0": "No such traffic here."}
    alone = read_document(_doc(values, notes=notes), CHECKLIST)
    result = merge(CHECKLIST, RUBRIC, [("Ana", alone)])
    assert result.assessment.band == assess(CHECKLIST, RUBRIC, alone).band
    assert result.team.notes == notes
