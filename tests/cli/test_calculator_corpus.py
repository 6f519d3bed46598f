"""The calculators' conformance corpus through `pilot2prod estimate` and `pilot2prod cost`."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.support import run
from tests.corpus import HERE, Document, documents
from tests.corpus.calculators import FOLDERS, figures

ALL = [
    pytest.param(folder, doc, id=f"{folder}/{doc.name}")
    for folder in FOLDERS
    for doc in documents(folder)
]

FIELD_FIRST = re.compile(r"^(?:[A-Za-z][\w.\-\[\]]*|line \d+ column \d+): ")
"""A message that starts with a key path names a field; one about the whole file does not."""


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_the_corpus_is_laid_out_as_every_surface_reads_it(folder):
    """Each folder holds 20 or more documents, each with one outcome in expected.json."""
    found = documents(folder)
    assert len(found) >= 20
    assert {doc.outcome for doc in found} == {"ok", "refused"}
    assert len(list((HERE / folder).iterdir())) == len(found) + 1
    for doc in found:
        assert figures(doc) if doc.outcome == "ok" else set(doc.expected) == {"outcome", "field"}


@pytest.mark.parametrize(("folder", "doc"), ALL)
def test_every_corpus_document_has_its_outcome_on_the_command_line(capsys, folder, doc: Document):
    """A document gives the corpus's figures, or exit 2 naming the corpus's field and no other."""
    result = run(capsys, FOLDERS[folder][1], doc.path, "--format", "json")
    if doc.outcome == "ok":
        assert result.code == 0, result.err
        outputs = json.loads(result.out)["outputs"]
        assert {key: outputs[key]["text"] for key in figures(doc)} == figures(doc)
        return
    assert result.code == 2, result.out[:200]
    prefix = f"pilot2prod: {doc.path}: "
    assert result.err.startswith(prefix), result.err
    rest = result.err[len(prefix) :]
    if doc.field:
        assert rest.startswith(f"{doc.field}: "), result.err
    else:
        assert not FIELD_FIRST.match(rest), result.err
