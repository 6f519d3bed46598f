"""The worked examples on the method page, scored with the real data under data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from pilot2prod.model.errors import DataError
from pilot2prod.readiness.answers import read_answers
from pilot2prod.readiness.examples import load_example_answers
from pilot2prod.readiness.scoring import assess
from tests.fixtures import repo_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site():
    return repo_data()


def _result(site, example_id):
    checklist = site.checklists["readiness"]
    entry = site.example_assessments.get(example_id)
    return assess(checklist, site.rubric, read_answers(dict(entry.answers), checklist))


VALUE = {"yes": 1.0, "partial": 0.5, "no": 0.0}


def _weighted_means(site, example_id):
    """Each dimension's score worked out by hand from the data: the weights of Yes, plus half
    those of Partly, over the weights of the questions answered (the totals come from the
    data, so a new question changes them here too)."""
    answers = site.example_assessments.get(example_id).answers
    means = []
    for section in site.checklists["readiness"].sections:
        counted = [i for i in section.items if answers.get(i.id) in VALUE]
        total = sum(i.weight for i in counted)
        means.append(sum(i.weight * VALUE[answers[i.id]] for i in counted) / total)
    return means


def _band(site, position):
    """The id of the band at `position` (0 the lowest), as data/readiness.yml names it."""
    return site.rubric.bands[position].id


def test_support_assistant(site):
    """Operations sets the score; four critical Nos hold it in the lowest band, and the path to
    the next band fixes them and adds the essential items each short dimension still needs."""
    result = _result(site, "support-assistant")
    # Today: reliability 3.5/21, integration 7.5/20, operations 1/19 (cost monitoring, Partly).
    assert [d.score for d in result.dimensions] == pytest.approx(
        _weighted_means(site, "support-assistant")
    )
    assert result.score == pytest.approx(min(_weighted_means(site, "support-assistant")))
    assert result.band.id == _band(site, 0) and result.weakest.id == "operations"
    assert [i.id for i in result.capping] == [
        "validation-and-fallback",
        "hardest-link-built",
        "named-operator",
        "open-ended-funding",
    ]
    assert result.what_if.target.id == _band(site, 1)
    assert [i.id for i in result.what_if.items] == [
        "hard-cases-catalogued",  # reliability 3.5 + 3 + 3 = 9.5 of 21 >= 0.4
        "validation-and-fallback",
        "hardest-link-built",  # integration 7.5 + 3 = 10.5 of 20
        "named-operator",  # operations 1 + 3 + 3 + 3 = 10 of 19
        "quality-monitoring",
        "open-ended-funding",
    ]
    assert [step.target.id for step in result.path] == [b.id for b in site.rubric.bands[1:]]
    assert all(i.risk == "high" for i in result.capping)


def test_document_processing(site):
    """Reliability is the weakest; two reliability items and one operations item lift it two
    bands up."""
    result = _result(site, "document-processing")
    # Today: reliability 11.5/21, integration 17.5/20, operations 13/19.
    assert [d.score for d in result.dimensions] == pytest.approx(
        _weighted_means(site, "document-processing")
    )
    assert result.band.id == _band(site, 1) and result.weakest.id == "reliability"
    assert result.capping == ()
    assert result.what_if.target.id == _band(site, 2)
    # reliability 11.5 + 1.5 (real traffic, Partly, weight 3) + 2 (unassisted, No, weight 2)
    # = 15 of 21 >= 0.7; operations 13 + 1.5 (quality monitoring, Partly, weight 3) = 14.5 of 19
    assert [i.id for i in result.what_if.items] == [
        "real-traffic-sample",
        "unassisted-results",
        "quality-monitoring",
    ]


def test_internal_tool(site):
    """Operations holds a strong reliability score down; one owner and a standing budget lift
    it a band. Not applicable, with its reason, leaves tool permissions out."""
    result = _result(site, "internal-tool")
    # Today: reliability 14.5/21, integration 8/17, operations 5.5/19.
    assert [d.score for d in result.dimensions] == pytest.approx(
        _weighted_means(site, "internal-tool")
    )
    assert result.band.id == _band(site, 0) and result.weakest.id == "operations"
    assert [i.id for i in result.capping] == ["named-operator", "open-ended-funding"]
    # Both critical Nos must go before any band above the cap: operations 5.5 + 3 + 3 of 19.
    assert [i.id for i in result.what_if.items] == ["named-operator", "open-ended-funding"]


def test_every_worked_example_has_answers(site):
    """Each worked example on the examples page has a complete set of readiness answers."""
    examples = [r.id for r in site.collections["examples"].records]
    assessed = [e.example for e in site.example_assessments.examples]
    assert sorted(assessed) == sorted(examples)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"example": "no-such-example"}, "examples[0].example: no worked example"),
        ({"answers": {"real-traffic-sample": True}}, "quote it"),
        ({"answers": {"made-up": "yes"}}, "examples[0].answers.made-up: there is no question"),
        ({"answers": {"real-traffic-sample": "yes"}}, "examples[0].answers: question"),
        ({"colour": "red"}, "examples[0].colour: unknown key"),
    ],
)
def test_broken_example_answers_name_file_and_key(site, change, message):
    """A fault in data/example-assessments.yml fails with the file and the key."""
    entry = {"example": "support-assistant", "title": "T", "summary": "S", "answers": {}} | change
    raw = {"checklist": "readiness", "examples": [entry]}
    ids = [r.id for r in site.collections["examples"].records]
    with pytest.raises(DataError) as caught:
        load_example_answers(raw, site.checklists, ids)
    assert str(caught.value).startswith("data/example-assessments.yml: ")
    assert message in str(caught.value)
