"""The worked examples on the method page, scored with the real data under data/."""

from __future__ import annotations

from pathlib import Path

import pytest

from pilot2prod.answers import read_answers
from pilot2prod.errors import DataError
from pilot2prod.example_answers import load_example_answers
from pilot2prod.loader import load_site
from pilot2prod.scoring import assess
from tests.unit.data_source import IN_PYODIDE, all_data_files

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site():
    if IN_PYODIDE:
        # No macros/ in Pyodide: the same parsed data, validated without the pages' anchors.
        return load_site(all_data_files())
    from macros.data_files import load_project_data

    return load_project_data(ROOT, ROOT / "docs")


def _result(site, example_id):
    checklist = site.checklists["readiness"]
    entry = site.extra["example_assessments"].get(example_id)
    return assess(checklist, site.extra["readiness"], read_answers(dict(entry.answers), checklist))


def test_support_assistant(site):
    """Operations 1/16 sets the score; four critical Nos; four items lift it to Early."""
    result = _result(site, "support-assistant")
    # reliability 3.5/16, integration 5/15, operations 1/16 (only cost monitoring, Partly, weight 2)
    assert [d.score for d in result.dimensions] == pytest.approx([3.5 / 16, 5 / 15, 1 / 16])
    assert result.score == pytest.approx(1 / 16)
    assert result.band.id == "not-ready" and result.weakest.id == "operations"
    assert [i.id for i in result.capping] == [
        "validation-and-fallback",
        "hardest-link-built",
        "named-operator",
        "open-ended-funding",
    ]
    assert result.what_if.target.id == "early"
    assert [i.id for i in result.what_if.items] == [
        "hard-cases-catalogued",  # reliability 3.5 + 3 = 6.5 of 16 >= 0.4
        "hardest-link-built",  # integration 5 + 3 = 8 of 15
        "named-operator",  # operations 1 + 3 + 3 = 7 of 16
        "quality-monitoring",
    ]


def test_document_processing(site):
    """Reliability 8/16 is the weakest; two reliability items lift it to Nearly ready."""
    result = _result(site, "document-processing")
    # integration 12.5/15, operations 12/16
    assert [d.score for d in result.dimensions] == pytest.approx([8 / 16, 12.5 / 15, 12 / 16])
    assert result.band.id == "early" and result.weakest.id == "reliability"
    assert result.capping == ()
    assert result.what_if.target.id == "nearly-ready"
    # 8 + 2 (unassisted, No, weight 2) + 1.5 (real traffic, Partly, weight 3) = 11.5 of 16 >= 0.7
    assert [i.id for i in result.what_if.items] == ["real-traffic-sample", "unassisted-results"]


def test_internal_tool(site):
    """Operations 5.5/16 holds a strong reliability score down; one owner lifts it to Early."""
    result = _result(site, "internal-tool")
    assert [d.score for d in result.dimensions] == pytest.approx([12 / 16, 7 / 15, 5.5 / 16])
    assert result.band.id == "not-ready" and result.weakest.id == "operations"
    assert [i.id for i in result.capping] == ["named-operator", "open-ended-funding"]
    assert [i.id for i in result.what_if.items] == ["named-operator"]  # 8.5 of 16


def test_every_worked_example_has_answers(site):
    """Each worked example on the examples page has a complete set of readiness answers."""
    examples = [r.id for r in site.collections["examples"].records]
    assessed = [e.example for e in site.extra["example_assessments"].examples]
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
