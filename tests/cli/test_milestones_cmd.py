"""`pilot2prod milestones FILE`: the page's milestones export read as the page reads an import."""

from __future__ import annotations

import json

from tests.cli.support import document, readiness_checklist, run, write_json

SAME = "2026-01-10T09:00:00.000Z"


def _file(*entries: dict) -> dict:
    return {
        "format": "pilot2prod/milestones",
        "version": 1,
        "checklist": "readiness",
        "milestones": list(entries),
    }


def _entry(ident: str, name: str, answers: dict, saved: str = SAME) -> dict:
    return {"id": ident, "name": name, "saved": saved, "document": document(answers)}


def test_each_milestone_gets_the_verdict_worked_out_from_its_answers(capsys, tmp_path):
    """Verdicts come from the answers (a file's own word is never taken); ties keep the order
    saved, oldest first."""
    first = readiness_checklist().items[0].id
    path = write_json(
        tmp_path / "m.json",
        _file(_entry("m-a", "Kick-off", {first: "no"}), _entry("m-b", "Review", {first: "yes"})),
    )
    result = run(capsys, "milestones", path, "--format", "json")
    assert result.code == 0, result.err
    view = json.loads(result.out)
    assert [m["name"] for m in view["milestones"]] == ["Kick-off", "Review"]
    assert view["milestones"][0]["verdict"] == "Not ready"
    assert view["trend"]["columns"][1:] == ["Kick-off", "Review"]


def test_a_file_the_page_refuses_is_refused_with_the_same_reason(capsys, tmp_path):
    """Duplicate ids, too many milestones or an answers file instead: exit 2, one line."""
    answers_file = write_json(tmp_path / "a.json", document({}))
    result = run(capsys, "milestones", answers_file)
    assert result.code == 2
    assert "this is an answers file, not a milestones file" in result.err
    twice = write_json(tmp_path / "t.json", _file(_entry("m-a", "A", {}), _entry("m-a", "B", {})))
    result = run(capsys, "milestones", twice)
    assert result.code == 2 and "used by two milestones" in result.err
    many = write_json(
        tmp_path / "n.json", _file(*(_entry(f"m-{n}", f"N{n}", {}) for n in range(201)))
    )
    result = run(capsys, "milestones", many)
    assert result.code == 2 and "at most 200" in result.err
