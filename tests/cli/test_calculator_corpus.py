"""The calculators' conformance corpus through `pilot2prod estimate` and `pilot2prod cost`."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.support import run
from tests.corpus.calculators import CORPUS, FOLDERS, Case, cases

ALL = [pytest.param(case, id=f"{case.folder}/{case.name}") for f in FOLDERS for case in cases(f)]

FIELD_FIRST = re.compile(r"^[A-Za-z][\w.\-\[\]]*: ")
"""A message that starts with a key path names a field; one about the whole file does not."""


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_the_corpus_is_laid_out_as_every_surface_reads_it(folder):
    """Each folder holds 20 or more documents, each with one outcome in expected.json."""
    files = {path.name for path in (CORPUS / folder).iterdir() if path.name != "expected.json"}
    found = cases(folder)
    assert {case.name for case in found} == files
    assert len(found) >= 20
    assert {case.expected["outcome"] for case in found} == {"ok", "refused"}
    for case in found:
        if case.ok:
            assert case.figures, case.name
        else:
            assert set(case.expected) == {"outcome", "field"}, case.name


@pytest.mark.parametrize("case", ALL)
def test_every_corpus_document_has_its_outcome_on_the_command_line(capsys, case: Case):
    """A document gives the corpus's figures, or exit 2 naming the corpus's field and no other."""
    result = run(capsys, FOLDERS[case.folder][1], case.path, "--format", "json")
    if case.ok:
        assert result.code == 0, result.err
        outputs = json.loads(result.out)["outputs"]
        assert {key: outputs[key]["text"] for key in case.figures} == case.figures
        return
    assert result.code == 2, result.out[:200]
    prefix = f"pilot2prod: {case.path}: "
    assert result.err.startswith(prefix), result.err
    rest = result.err[len(prefix) :]
    field = case.expected["field"]
    if field:
        assert rest.startswith(f"{field}: "), result.err
    else:
        assert not FIELD_FIRST.match(rest), result.err
