"""The pages read and export every checklist's answers through Python (api/answers.py)."""

from __future__ import annotations

import json

from tests.fixtures import api_result, repo_data

DOC = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness"}


def _read(text: str, **payload: object) -> dict:
    return api_result(
        repo_data(), "answers.read", {"text": text, "checklist": "readiness", **payload}
    )


def test_a_file_is_read_into_the_document_the_page_stores():
    """Answers to questions no longer asked are kept aside; the count has its noun right."""
    first = repo_data().scored_checklist.items[0].id
    result = _read(json.dumps(DOC | {"version": 1, "answers": {first: "yes", "gone": "no"}}))
    assert result["document"]["version"] == 2
    assert result["document"]["answers"] == {first: "yes"}
    assert result["document"]["orphans"] == {"gone": {"answer": "no"}}
    assert result["answered_text"] == "1 answer"
    assert result["newly_kept_aside"] == ["gone"]


def test_a_fault_inside_refuses_the_file_naming_the_field_as_the_command_line_does():
    """A mistyped answer refuses the whole file (nothing half-imported), field first."""
    first = repo_data().scored_checklist.items[0].id
    result = _read(json.dumps(DOC | {"answers": {first: "Yes"}}))
    assert result["error"].startswith(f"answers.{first}: 'Yes' is not an answer")


def test_a_key_written_twice_or_an_empty_file_is_refused_in_plain_words():
    """The text is read strictly; a fault of the whole file is said of "the file"."""
    assert "key 'format' appears twice" in _read('{"format": 1, "format": 2}')["error"]
    assert _read("  ")["error"].startswith("the file is empty")


def test_a_share_link_on_a_page_of_several_checklists_finds_its_own():
    """With the page's checklists listed, the document's own names the one it belongs to;
    another one is refused as not on this page."""
    ids = repo_data().checklist_ids()
    doc = DOC | {"checklist": "operations-handover", "answers": {}}
    found = api_result(repo_data(), "answers.read", {"text": json.dumps(doc), "checklists": ids})
    assert found["checklist"] == "operations-handover"
    other = api_result(
        repo_data(), "answers.read", {"text": json.dumps(doc), "checklists": ["readiness"]}
    )
    assert other["error"] == (
        "checklist: it holds answers for 'operations-handover', which is not on this page"
    )


def test_every_checklist_exports_markdown_csv_and_json_from_python():
    """One escape and one set of columns for every page: each export is Python's text, and
    the JSON export reads back as the same answers."""
    for checklist_id in repo_data().checklist_ids():
        doc = DOC | {"checklist": checklist_id, "answers": {}, "notes": {}}
        for kind in ("md", "csv", "json"):
            payload = {
                "checklist": checklist_id,
                "document": doc,
                "kind": kind,
                "date": "2026-12-06",
            }
            out = api_result(repo_data(), "answers.export", payload)
            assert out["name"] == f"pilot2prod-{checklist_id}-2026-12-06.{kind}"
            if kind == "json":
                again = api_result(
                    repo_data(), "answers.read", {"text": out["text"], "checklist": checklist_id}
                )
                assert again["document"]["answers"] == {}
            if kind == "csv":
                assert out["text"].startswith("\ufeff")
