"""Validation of answers documents: clear messages, nothing silently counted."""

from __future__ import annotations

import pytest

from pilot2prod.readiness.answers import AnswersError, blank_document, read_answers, read_document
from tests.unit.scoring_fixtures import THREE, checklist

C = checklist(THREE)


def _doc(**changes):
    doc = blank_document(C)
    doc.update(changes)
    return doc


def test_valid_document_reads_answers_in_checklist_order():
    """Known ids with valid values are kept in the checklist's order; the rest are open."""
    read = read_document(_doc(answers={"o1": "no", "r1": "yes", "i1": "na"}), C)
    assert list(read.values.items()) == [("r1", "yes"), ("i1", "na"), ("o1", "no")]
    assert read.unanswered == ("r2", "r3", "i2", "o2", "o3")
    assert read.problems == ()


def test_empty_and_null_mean_unanswered_without_a_problem():
    """The browser sends '' or null for an item not answered yet; that is not a fault."""
    read = read_answers({"r1": "", "r2": None}, C)
    assert read.values == {} and "r1" in read.unanswered and read.problems == ()


@pytest.mark.parametrize(
    ("answers", "where", "fragment"),
    [
        ({"zz": "yes"}, "answers.zz", "there is no question 'zz' in 'readiness'"),
        ({"r1": "maybe"}, "answers.r1", "'maybe' is not an answer (use no, partial, yes, na)"),
        ({"r1": 1}, "answers.r1", "not a number"),
        ({"r1": ["yes"]}, "answers.r1", "not a list"),
        ({"r1": True}, "answers.r1", 'quote it: "yes"'),
        ({"r1": "YES"}, "answers.r1", "is not an answer"),
    ],
)
def test_item_faults_are_reported_and_left_out(answers, where, fragment):
    """Unknown ids and values that are not answers become a Problem naming the key."""
    read = read_answers(answers, C)
    assert len(read.problems) == 1
    assert read.problems[0].where == where
    assert fragment in read.problems[0].message
    assert read.values == {}


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (["not", "an", "object"], "must hold a JSON object, not a list"),
        ({"version": 1}, "format: missing"),
        (_doc(format="something/else"), "format: 'something/else' is not a pilot2prod answers"),
        (_doc(version=3), "version: this file uses answers format 3, written by a newer"),
        (_doc(version="1"), "version: must be a whole number, not text"),
        (_doc(version=True), "version: must be a whole number, not true/false"),
        (_doc(version=0), "version: 0 is not an answers format version"),
        (_doc(checklist="scoping"), "checklist: these answers are for 'scoping'"),
        ({k: v for k, v in _doc().items() if k != "answers"}, "answers: missing"),
        (_doc(answers=["r1"]), "answers: must be an object mapping question ids"),
    ],
)
def test_foreign_documents_are_refused_with_a_clear_message(doc, message):
    """A document that is not a version-1 answers file for this checklist is refused."""
    with pytest.raises(AnswersError) as caught:
        read_document(doc, C)
    assert message in str(caught.value)


def test_notes_and_owners_are_kept_for_known_items_only():
    """Notes travel with known items; wrong types are reported, not fatal."""
    read = read_document(
        _doc(
            answers={"r1": "yes"},
            notes={"r1": "load test on 10k real tickets", "gone": "old"},
            owners={"r1": 7},
        ),
        C,
    )
    assert read.notes == {"r1": "load test on 10k real tickets"}
    assert read.owners == {}
    assert [str(p) for p in read.problems] == ["owners.r1: must be text, not a number; ignored"]


def test_unknown_top_level_key_is_reported():
    """An extra key in the document is named, and the answers are still read."""
    read = read_document(_doc(answers={"r1": "yes"}, colour="blue"), C)
    assert read.values == {"r1": "yes"}
    assert [str(p) for p in read.problems] == ["colour: unknown key; ignored"]


def test_hostile_keys_are_shortened_in_messages():
    """A very long id does not produce a very long message."""
    read = read_answers({"x" * 5000: "yes"}, C)
    assert len(str(read.problems[0])) < 200
