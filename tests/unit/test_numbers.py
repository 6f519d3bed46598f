"""The guide's numbers: defined once in data/figures.yml, filled into data text naming them."""

from __future__ import annotations

import copy

import pytest

from pilot2prod.dataset import FIGURES_SOURCE, Dataset
from pilot2prod.guide.numbers import Number, Numbers
from pilot2prod.model.errors import DataError
from tests.fixtures import repo_data


def _numbers() -> Numbers:
    return Numbers(
        (
            Number("cases", "Cases per slice", 50, "cases", "Enough."),
            Number("share", "Hostile share", 20, "%", "Some."),
        )
    )


def test_a_placeholder_becomes_the_value_with_its_unit():
    """`{n:id}` reads as prose: "50 cases", "20%"."""
    text = "At least {n:cases} per slice, {n:share} of them hostile."
    assert _numbers().fill_text(text, "data/x.yml", "a") == (
        "At least 50 cases per slice, 20% of them hostile."
    )


def test_filling_walks_lists_and_mappings_and_leaves_other_values_alone():
    """Every string inside a parsed file is filled; numbers, booleans and keys stay as they are."""
    raw = {"items": [{"text": "{n:cases}", "weight": 3, "critical": True}], "{n:cases}": "x"}
    assert _numbers().fill(raw, "data/x.yml") == {
        "items": [{"text": "50 cases", "weight": 3, "critical": True}],
        "{n:cases}": "x",
    }


def test_an_unknown_number_names_the_file_the_key_and_the_known_ids():
    """A typo in an id fails with where it is and what could have been meant."""
    raw = {"items": [{"text": "at least {n:casse}"}]}
    with pytest.raises(DataError) as caught:
        _numbers().fill(raw, "data/checklists/x.yml")
    message = str(caught.value)
    assert message.startswith("data/checklists/x.yml: items[0].text: names no number 'casse'")
    assert "known: cases, share" in message


def test_a_malformed_placeholder_is_refused_rather_than_printed():
    """`{n:Cases}` (not an id) never reaches a page as literal braces."""
    with pytest.raises(DataError, match=r"data/x.yml: a: has a '\{n:'"):
        _numbers().fill_text("at least {n:Cases}", "data/x.yml", "a")


def test_two_numbers_with_one_id_are_refused():
    """Each number is defined once."""
    twice = (Number("a", "A", 1, "days", "R."), Number("a", "B", 2, "days", "R."))
    with pytest.raises(DataError, match=r"numbers\[1\]\.id: duplicate id 'a'"):
        Numbers(twice, FIGURES_SOURCE)


def test_changing_a_number_changes_every_question_that_quotes_it_and_the_version():
    """One edit in data/figures.yml rewords the readiness questions and bumps the checklist
    version, so saved answers open with the "questions reworded" note."""
    real = repo_data()
    files = copy.deepcopy(dict(real.files))
    for number in files[FIGURES_SOURCE]["numbers"]:
        if number["id"] == "cases-per-slice":
            number["value"] = 77
    edited = Dataset(files)
    before = {item.id: item.text for item in real.checklist("readiness").items}
    after = {item.id: item.text for item in edited.checklist("readiness").items}
    changed = {key for key in before if before[key] != after[key]}
    assert changed and all("77 cases" in after[key] for key in changed)
    assert edited.checklist("readiness").version != real.checklist("readiness").version


def test_the_real_data_names_only_numbers_that_exist():
    """Every `{n:id}` in data/ fills in: the build's own check, on the real files."""
    data = repo_data()
    for source in data.files:
        assert "{n:" not in str(data.raw(source)) or source == FIGURES_SOURCE
