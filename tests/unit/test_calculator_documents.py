"""The calculators' inputs documents: one strict reader and writer for the pages and the CLI."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod.calculators import documents, sources
from pilot2prod.model.errors import DocumentError
from tests.unit.calculator_fixtures import cost_model, effort_model


def _effort() -> documents.InputsFormat:
    return documents.effort_format(effort_model())


def _cost() -> documents.InputsFormat:
    return documents.cost_format(cost_model())


def _refused(fmt: documents.InputsFormat, data: bytes) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        documents.read_bytes(fmt, data)
    return caught.value


def test_what_the_page_writes_holds_every_form_field_and_reads_back_the_same():
    """The estimator's saved file, start date included, reads back into the same form."""
    fmt = _effort()
    typed = {"pilot-weeks": "11", "start-date": "2027-02-01", "history": "5, 40"}
    doc = documents.write(fmt, typed, "https://example.org/estimator/")
    assert set(doc["inputs"]) == set(fmt.form_fields)
    read = documents.read_bytes(fmt, documents.dumps(doc).encode("utf-8"))
    assert read.form() == doc["inputs"]
    assert read.form()["start-date"] == "2027-02-01"


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_valid_run_cost_inputs_survive_a_write_and_a_read(data):
    """Whatever numbers in range a reader types, the saved file reopens with the same text."""
    fmt = _cost()
    typed = {
        spec.id: data.draw(
            st.floats(min_value=spec.minimum, max_value=min(spec.maximum, 1e9)).map(repr)
        )
        for spec in cost_model().inputs
        if spec.id not in ("prompt-cache-share", "cache-write-share")
    }
    messages = fmt.check(typed)
    if messages:
        with pytest.raises(DocumentError):
            documents.write(fmt, typed)
        return
    doc = documents.write(fmt, typed)
    again = documents.read_bytes(fmt, documents.dumps(doc).encode("utf-8")).form()
    assert {key: again[key] for key in typed} == typed


@settings(max_examples=60, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=1e12))
def test_a_number_in_a_hand_written_file_reaches_the_form_as_the_same_number(value):
    """A JSON number opens in the form as text that reads back as exactly that number."""
    text = documents.number_text(value)
    assert float(text) == value


def test_a_byte_order_mark_is_read_and_other_encodings_are_refused():
    """UTF-8 with a byte-order mark opens; Latin-1 is refused as a whole, never guessed."""
    doc = b'{"inputs": {"model": "Caf\xc3\xa9"}}'
    assert documents.read_bytes(_cost(), b"\xef\xbb\xbf" + doc).inputs["model"] == "Café"
    error = _refused(_cost(), doc.replace(b"\xc3\xa9", b"\xe9"))
    assert error.where == "" and "not UTF-8" in error.problem


@pytest.mark.parametrize(
    "text",
    [
        '{"inputs": {"pilot-weeks": "6", "pilot-weeks": "7"}}',
        '{"inputs": {"readiness": {"dimensions": {"reliability": 0.5, "reliability": 1}}}}',
    ],
)
def test_a_key_written_twice_is_refused_never_settled_by_keeping_the_last(text):
    """A repeated key, at any depth, refuses the document as every other reader does."""
    error = _refused(_effort(), text.encode())
    assert error.where == "" and "appears twice" in error.problem


def test_a_value_over_the_length_limit_is_refused_naming_its_field():
    """A value longer than MAX_VALUE_CHARS is refused by field on reading and on writing."""
    long = "m" * (documents.MAX_VALUE_CHARS + 1)
    assert _refused(_cost(), json.dumps({"inputs": {"model": long}}).encode()).where == (
        "inputs.model"
    )
    with pytest.raises(DocumentError) as caught:
        documents.write(_cost(), {"model": long})
    assert caught.value.where == "inputs.model"


def test_the_command_lines_result_reads_as_its_inputs_and_nothing_else_does():
    """A `-result` document opens for its inputs; its outputs are not allowed beside a
    plain document's inputs."""
    fmt = _cost()
    result = {"format": "pilot2prod/run-cost-result", "version": 1, "inputs": {}, "outputs": {}}
    assert documents.read(fmt, result).inputs == {}
    plain = {**result, "format": "pilot2prod/run-cost"}
    with pytest.raises(DocumentError) as caught:
        documents.read(fmt, plain)
    assert caught.value.where == "outputs"


def test_each_field_says_whether_it_is_the_presets_the_readers_or_the_default():
    """Sources: the preset's value, the reader's own figure (with the preset's), the default."""
    fmt = _cost()
    preset = sources.Preset("price-list", "ACME Small", {"price-in": "0.5", "price-out": "2"})
    found = sources.field_sources(fmt, {"price-in": "0.50", "price-out": "3"}, preset)
    assert found["price-in"] == {"kind": "preset", "text": "From the price list for ACME Small."}
    assert found["price-out"]["kind"] == "own"
    assert "the price list for ACME Small gives $2 per million tokens" in found["price-out"]["text"]
    assert found["tokens-in"] == {"kind": "default", "text": "Default."}
    assert "model" not in found


def test_a_preset_names_the_readers_own_figures_it_replaces_first():
    """Replacing names every change, the reader's own figures first and marked as theirs."""
    fmt = _cost()
    listed = {"price-in": "0.5", "price-out": "15", "batch-discount": "0"}
    source = sources.Preset("price-list", "ACME Small", listed)
    change = sources.replacement(fmt, {"price-in": "2.9"}, listed, source, None)
    assert change["changed"] == ["price-in", "batch-discount"]
    assert change["own"] == ["price-in"]
    assert change["notice"].startswith(
        "The price list for ACME Small changed 2 fields: Price of input tokens from $2.9 per "
        "million tokens (your own figure) to $0.5 per million tokens; Batch discount from 50%"
    )
    assert change["inputs"]["price-in"] == "0.5"
    same = sources.replacement(fmt, change["inputs"], listed, source, source)
    assert same["changed"] == [] and "nothing changed" in same["notice"]
