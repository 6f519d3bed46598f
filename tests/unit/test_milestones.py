"""The milestones file: read strictly, merged without ever changing a kept milestone."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pilot2prod import api
from pilot2prod.readiness.milestones import (
    MAX_MILESTONES,
    MilestonesError,
    merge,
    read_milestones,
)
from tests.fixtures import repo_data

DATA = repo_data()
CHECKLIST, RUBRIC = DATA.scored_checklist, DATA.rubric
IDS = [item.id for item in CHECKLIST.items]


def _document(values: dict[str, str]) -> dict[str, Any]:
    return {
        "format": "pilot2prod/answers",
        "version": 1,
        "checklist": "readiness",
        "answers": values,
    }


def _entry(ident: str, name: str = "March", values: dict[str, str] | None = None) -> dict:
    return {
        "id": ident,
        "name": name,
        "saved": "2026-03-01T10:00:00.000Z",
        "document": _document(values or {}),
    }


def _file(*entries: dict) -> dict[str, Any]:
    return {
        "format": "pilot2prod/milestones",
        "version": 1,
        "checklist": "readiness",
        "milestones": list(entries),
    }


def _read(*entries: dict):
    return read_milestones(_file(*entries), CHECKLIST, RUBRIC)


def test_the_verdict_is_worked_out_not_taken_from_the_file():
    """A file claiming 'Ready' for an empty assessment gets the verdict Python works out."""
    all_yes = {ident: "yes" for ident in IDS}
    claimed = _entry("m1") | {"verdict": "Ready"}
    read = _read(claimed, _entry("m2", values=all_yes))
    assert read[0].verdict == RUBRIC.unscored.label
    assert read[1].verdict == RUBRIC.bands[-1].label


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ([], "JSON object"),
        (_document({}), "answers file, not a milestones file"),
        ({"format": "pilot2prod/team"}, "not a pilot2prod milestones file"),
        (_file() | {"version": 9}, "newer pilot2prod"),
        (_file() | {"checklist": "design-for-production"}, "not for the 'readiness'"),
        (_file() | {"milestones": {"a": 1}}, "must be a list"),
        (_file("x"), "milestones[0] must be an object"),
        (_file(_entry("__proto__ x")), "milestones[0].id"),
        (_file(_entry("m1", name="")), "milestones[0].name must be text"),
        (_file(_entry("m1", name="n" * 81)), "longer than 80"),
        (_file(_entry("m1") | {"saved": "yesterday"}), "not a date and time"),
        (_file(_entry("m1") | {"script": "<b>"}), "keys a milestone does not have"),
        (_file(_entry("m1") | {"document": {"format": "x"}}), "milestones[0].document: format"),
        (_file(_entry("m1"), _entry("m1")), "used by two milestones"),
        (_file(*[_entry(f"m{n}") for n in range(MAX_MILESTONES + 1)]), "at most 200"),
    ],
)
def test_a_bad_file_is_refused_whole_with_the_reason(raw, words):
    """Each kind of wrong file is refused, and the message says what is wrong."""
    with pytest.raises(MilestonesError, match=words.replace("[", r"\[").replace("]", r"\]")):
        read_milestones(raw, CHECKLIST, RUBRIC)


def test_new_milestones_join_after_the_kept_ones():
    """Milestones with new ids are added after the kept ones, which stay as they were."""
    kept = _read(_entry("a", "January"))
    result = merge(kept, _read(_entry("b", "February")))
    assert [m["id"] for m in result["milestones"]] == ["a", "b"]
    assert result["milestones"][0] == kept[0].entry()
    assert (result["added"], result["copies"], result["unchanged"]) == (1, 0, 0)


def test_an_identical_milestone_is_skipped_and_a_different_one_with_its_id_is_a_copy():
    """Importing one's own export again adds nothing; a clash of ids never overwrites."""
    kept = _read(_entry("a", "January", {IDS[0]: "yes"}))
    again = merge(kept, kept)
    assert again["milestones"] == [kept[0].entry()] and again["unchanged"] == 1
    clash = merge(kept, _read(_entry("a", "Imposter", {IDS[0]: "no"}), _entry("a-copy", "x")))
    ids = [m["id"] for m in clash["milestones"]]
    assert ids == ["a", "a-copy-2", "a-copy"]
    assert clash["milestones"][0] == kept[0].entry()
    assert clash["milestones"][1]["name"] == "Imposter (imported copy)"
    assert clash["milestones"][1]["document"]["answers"] == {IDS[0]: "no"}
    assert "kept as a copy" in clash["summary"]


def test_the_api_refuses_a_bad_file_in_plain_words():
    """readiness.milestones_import answers a foreign file with an error naming the reason."""
    answer = json.loads(api.call("readiness.milestones_import", json.dumps({"file": []}), DATA))
    assert answer == {"error": "a milestones file holds a JSON object, not a list"}


def test_the_api_merges_a_file_into_the_kept_milestones():
    """The kept milestones and the file's new ones come back in one list, with a summary."""
    payload = {"file": _file(_entry("b", "<b>February</b>")), "kept": _file(_entry("a"))}
    answer = json.loads(api.call("readiness.milestones_import", json.dumps(payload), DATA))
    assert [m["name"] for m in answer["milestones"]] == ["March", "<b>February</b>"]
    assert answer["summary"] == "1 milestone added."
