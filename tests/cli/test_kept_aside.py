"""Answers the page set aside (questions no longer asked) show in the Markdown report too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import document, readiness_checklist, run, site_call, write_json

HEADING = "### Answers kept aside (questions no longer in this checklist)"


def _kept_doc() -> dict:
    first = readiness_checklist().items[0].id
    return document(
        {first: "yes"},
        orphans={
            "old-question": {"answer": "partial", "note": "see *the* <b>old</b> plan"},
            "older-one": {"owner": "Ana"},
        },
    )


def test_the_pages_markdown_lists_the_answers_kept_aside() -> None:
    """The page's Markdown export names each set-aside answer, its answer, owner and note."""
    view = site_call("readiness.score", {"document": _kept_doc(), "markdown": True})
    report = view["markdown"]
    section = report[report.index(HEADING) :].splitlines()
    assert section[2:] == [
        "- old-question: Partly",
        "    - Note: see \\*the\\* \\<b\\>old\\</b\\> plan",
        "- older-one: no answer",
        "    - Owner: Ana",
    ]


def test_a_document_with_nothing_kept_aside_has_no_such_section() -> None:
    """Without set-aside answers the report carries no empty heading."""
    view = site_call("readiness.score", {"document": document({}), "markdown": True})
    assert HEADING not in view["markdown"]


def test_the_command_line_prints_the_same_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`pilot2prod assess --format md` on the export prints the page's very Markdown."""
    doc = _kept_doc()
    result = run(capsys, "assess", write_json(tmp_path / "a.json", doc), "--format", "md")
    assert result.code == 0, result.err
    page = site_call("readiness.score", {"document": doc, "markdown": True})["markdown"]
    assert HEADING in result.out
    assert result.out.rstrip("\n") == page.rstrip("\n")


def test_an_answer_to_a_question_no_longer_asked_is_kept_aside_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The page keeps such an answer aside, and so does assess: scored without it, exit 0,
    with one note on stderr naming the id, so a misspelt id is seen rather than scored."""
    first = readiness_checklist().items[0].id
    path = write_json(tmp_path / "a.json", document({first: "yes", "named-operater": "yes"}))
    result = run(capsys, "assess", path, "--format", "json")
    assert result.code == 0, result.err
    assert result.err == (
        f"pilot2prod: note: {path}: answers: 1 answer kept aside, not scored: "
        "no question 'named-operater' in 'readiness'\n"
    )
    assert '"named-operater"' in result.out
