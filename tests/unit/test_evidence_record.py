"""The evidence record: read strictly, written so it always reads back, faults named by field."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.evidence.record import (
    FORMAT,
    Check,
    Compared,
    Cost,
    Latency,
    Production,
    Record,
    RecordError,
    SliceTally,
    Source,
    Tally,
    Target,
    read_record,
    record_from_value,
    record_to_value,
    tally,
    write_record,
)

DIGEST = "a" * 64


def _slice(name: str, passed: int, cases: int, **extra) -> SliceTally:
    counts = tally(passed, cases)
    return SliceTally(name, cases, passed, counts.rate, counts.low, counts.high, **extra)


def _evaluation(**changes) -> Record:
    fields = {
        "kind": "evaluation",
        "created": "2026-12-06T10:00:00Z",
        "source": Source("results.json", "promptfoo", "0.120.0", "2026-12-01T09:12:00Z", DIGEST),
        "slice_field": "category",
        "overall": tally(113, 120),
        "slices": (_slice("easy", 98, 100), _slice("hard", 15, 20)),
        "production": Production(0.81, 0.74, 0.87, 0.12, 0.65, 0.89),
        "latency_ms": Latency(812, 1900, 2500),
        "cost": Cost(0.0021, 0.0023),
        "compared": Compared("b" * 64, ("hard",)),
        "target": Target(0.95),
    }
    return Record(**(fields | changes))


def _checks() -> Record:
    return Record(
        kind="checks",
        created="2026-12-06T10:00:00Z",
        source=Source("", "pilot2prod-check"),
        repository="shop-assistant",
        checks=(
            Check("runbook-off-switch", ("incident-routine",), True, "pass", "docs/runbook.md", 12),
            Check("eval-in-ci", ("repeatable-evaluation",), False, "fail", message="no workflow"),
        ),
    )


def _value(record: Record | None = None) -> dict:
    return json.loads(write_record(record or _evaluation()))


def _fault(value: object) -> RecordError:
    with pytest.raises(RecordError) as caught:
        record_from_value(value, "r.json")
    return caught.value


@pytest.mark.parametrize("record", [_evaluation(), _checks(), _evaluation(slices=())])
def test_a_written_record_reads_back_unchanged(record):
    """What the writer produces, the reader reads back field for field."""
    text = write_record(record)
    again = read_record(text.encode(), "r.json")
    assert record_to_value(again) == record_to_value(record)
    assert json.loads(text)["format"] == FORMAT


@given(
    counts=st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(
            lambda pair: (min(pair), max(pair))
        ),
        max_size=6,
    )
)
def test_any_counts_make_a_record_that_reads_back(counts):
    """Slices with any counts (none, all passing, all failing) survive a write and a read."""
    slices = tuple(_slice(f"s{index}", p, n) for index, (p, n) in enumerate(counts))
    total = tally(sum(p for p, _ in counts), sum(n for _, n in counts))
    record = _evaluation(slices=slices, overall=total, production=None)
    assert read_record(write_record(record)) == record


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda v: v.update(version=2), "version", "newer pilot2prod"),
        (lambda v: v.update(kind="survey"), "kind", "must be one of"),
        (lambda v: v["overall"].update(rate=0.99), "overall.rate", "113 of 120"),
        (lambda v: v["overall"].update(low=0.95), "overall.low", "Wilson low bound"),
        (lambda v: v["overall"].update(passed=121), "overall.passed", "more than its 120"),
        (lambda v: v["slices"][1].update(high=float("nan")), "slices[1].high", "finite"),
        (lambda v: v["slices"][1].update(name="easy"), "slices[1].name", "listed twice"),
        (lambda v: v["slices"][0].update(colour="red"), "slices[0].colour", "unknown field"),
        (lambda v: v["source"].update(sha256="xyz"), "source.sha256", "64 lower-case hex"),
        (lambda v: v["source"].update(file="/home/me/r.json"), "source.file", "base name"),
        (lambda v: v["source"].update(tool="excel"), "source.tool", "must be one of"),
        (lambda v: v["source"].update(run_date="yesterday"), "source.run_date", "not a date"),
        (lambda v: v.update(created="2026-12-06"), "created", "date and time"),
        (lambda v: v["latency_ms"].update(p95=5000), "latency_ms.p95", "must not fall"),
        (lambda v: v["production"].update(rate=0.5), "production.rate", "outside its interval"),
        (lambda v: v.update(checks=[]), "checks", "another kind"),
        (lambda v: v.pop("overall"), "overall", "is missing"),
        (lambda v: v["cost"].update(per_case=-1), "cost.per_case", "0 or more"),
    ],
)
def test_a_fault_is_named_by_its_field(change, field, words):
    """Each wrong field is refused with its own key path and what was expected there."""
    value = _value()
    change(value)
    error = _fault(value)
    assert error.source == "r.json"
    assert error.field == field
    assert words in error.problem


def test_another_document_is_refused_by_what_it_is():
    """An answers file or another tool's JSON is named as such, not as a broken record."""
    answers = {"format": "pilot2prod/answers", "version": 2, "answers": {}}
    assert "answers file" in _fault(answers).problem
    assert "pilot2prod evidence FILE" in _fault({"results": {"results": []}}).problem
    assert "must be an object" in _fault([1, 2]).problem


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "is empty"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b'{"format": "pilot2prod/evidence", "format": "x"}', "appears twice"),
        (b'{"a": NaN}', "not a number JSON allows"),
        (b"[" * 10_000 + b"]" * 10_000, "nested more than"),
        (b'{"format": ', "not valid JSON"),
        (b" " * (4 * 1024 * 1024 + 1), "larger than 4 MB"),
    ],
)
def test_unreadable_bytes_are_refused_plainly(raw, words):
    """Empty, non-UTF-8, repeated keys, NaN, deep nesting, truncation and huge files each get a
    plain message, never a traceback."""
    with pytest.raises(RecordError) as caught:
        read_record(raw, "r.json")
    assert words in str(caught.value)
    assert str(caught.value).startswith("r.json")


def test_the_writer_refuses_what_the_reader_would():
    """A record with inconsistent figures is never written."""
    bad = _evaluation(overall=Tally(120, 113, 0.5, 0.4, 0.6))
    with pytest.raises(RecordError) as caught:
        write_record(bad)
    assert caught.value.field == "overall.rate"


def test_checks_records_carry_file_and_line():
    """A checks record keeps each rule's outcome, questions, file and line."""
    value = _value(_checks())
    assert value["checks"][0] == {
        "rule": "runbook-off-switch",
        "questions": ["incident-routine"],
        "required": True,
        "outcome": "pass",
        "file": "docs/runbook.md",
        "line": 12,
        "message": "",
    }
    assert "line" not in value["checks"][1]
    value["checks"][1]["outcome"] = "maybe"
    assert _fault(value).field == "checks[1].outcome"
