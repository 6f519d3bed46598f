"""The answers corpus through every command that reads an answers file: one outcome each.

`assess`, `merge`, `plan` and `compare` read a file for one person's use: a document read
whole gives the corpus's verdict and score; one with a fault inside, or not an answers file at
all, exits 2 naming the corpus's field. `portfolio` counts a document read in part and names it
with that field, and refuses the rest by name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import run
from tests.corpus import Document, documents

CORPUS = documents("answers")
IDS = [doc.name for doc in CORPUS]


def _refusal_prefix(path: Path, field: str) -> str:
    return f"pilot2prod: {path}: {field}: " if field else f"pilot2prod: {path}: "


def _check_one_reader(result, doc: Document, field: str | None = None) -> None:
    """A reader for one person: the verdict and score, or exit 2 naming the field."""
    field = doc.field if field is None else field
    if doc.outcome == "ok" and field == doc.field:
        assert result.code == 0, result.err
        view = json.loads(result.out)
        verdict = view.get("verdict") or view["team"]["verdict"]
        assert verdict["id"] == doc.expected["verdict"]
        score = view["score"] if "score" in view else view["team"]["score"]
        assert (
            score == pytest.approx(doc.expected["score"], abs=1e-6)
            if score is not None
            else (doc.expected["score"] is None)
        )
        return
    assert result.code == 2, result.out
    assert result.err.startswith(_refusal_prefix(doc.path, field)), result.err
    assert result.err.count("\n") == 1


@pytest.mark.parametrize("doc", CORPUS, ids=IDS)
def test_assess_gives_each_document_its_outcome(capsys, doc):
    """`pilot2prod assess` scores a whole document as the corpus says, and refuses the rest
    naming the corpus's field."""
    _check_one_reader(run(capsys, "assess", doc.path, "--format", "json"), doc)


@pytest.mark.parametrize("doc", CORPUS, ids=IDS)
def test_merge_of_one_file_gives_each_document_its_outcome(capsys, doc):
    """`pilot2prod merge` reads each file strictly: one person's team verdict is theirs."""
    _check_one_reader(run(capsys, "merge", doc.path, "--format", "json"), doc)


@pytest.mark.parametrize("doc", CORPUS, ids=IDS)
def test_plan_gives_each_document_its_outcome(capsys, doc):
    """`pilot2prod plan` reads as assess does, and also refuses a plan it cannot use."""
    field = doc.expected.get("plan_command_field")
    result = run(capsys, "plan", doc.path, "--format", "json")
    if doc.outcome == "ok" and field is None:
        assert result.code == 0, result.err
        return
    assert result.code == 2, result.out
    assert result.err.startswith(_refusal_prefix(doc.path, field or doc.field)), result.err


@pytest.mark.parametrize("doc", CORPUS, ids=IDS)
def test_compare_gives_each_document_its_outcome(capsys, doc):
    """`pilot2prod compare` refuses what assess refuses, naming the same field."""
    result = run(capsys, "compare", doc.path, doc.path, "--format", "json")
    if doc.outcome == "ok":
        assert result.code == 0, result.err
    else:
        assert result.code == 2, result.out
        assert result.err.startswith(_refusal_prefix(doc.path, doc.field)), result.err


def test_portfolio_counts_refuses_and_names_each_document_as_the_corpus_says(capsys):
    """`pilot2prod portfolio` over the whole corpus: whole and partly read documents counted,
    each partly read one named with the corpus's field, every other one refused by name."""
    paths = [doc.path for doc in CORPUS]
    result = run(capsys, "portfolio", *paths, "--format", "json")
    assert result.code == 0, result.err
    view = json.loads(result.out)
    counted = [doc for doc in CORPUS if doc.outcome != "refused"]
    assert view["projects"] == len(counted)
    refused = {Path(entry["name"]).name: entry["message"] for entry in view["refused"]}
    assert sorted(refused) == sorted(doc.name for doc in CORPUS if doc.outcome == "refused")
    for doc in CORPUS:
        if doc.outcome == "refused" and doc.field:
            assert refused[doc.name].startswith(f"{doc.field}: "), (doc.name, refused[doc.name])
    partial = {Path(entry["name"]).name: entry["problems"] for entry in view["partial"]}
    assert sorted(partial) == sorted(doc.name for doc in CORPUS if doc.outcome == "partial")
    for doc in CORPUS:
        if doc.outcome == "partial":
            assert partial[doc.name][0].startswith(f"{doc.field}: "), (doc.name, partial[doc.name])
    for line in (f"read in part {doc.path}" for doc in CORPUS if doc.outcome == "partial"):
        assert line in result.err
