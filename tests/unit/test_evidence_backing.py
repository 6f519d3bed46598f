"""Evidence weighed against answers: suggestions from the data's rules, and each answer marked
backed, self-reported, contradicted or stale."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date

import pytest

from pilot2prod import api
from pilot2prod.api import uploads
from pilot2prod.evidence.backing import back_answers, findings
from pilot2prod.evidence.record import (
    Check,
    Compared,
    Cost,
    Latency,
    Production,
    Record,
    SliceTally,
    Source,
    record_to_value,
    tally,
)
from tests.unit.evidence_support import HAND_MADE, dataset, settings

TODAY = date(2026, 12, 6)


def _slice(name: str, passed: int, cases: int) -> SliceTally:
    counts = tally(passed, cases)
    too_few = cases < settings().min_cases_per_slice
    return SliceTally(name, cases, passed, counts.rate, counts.low, counts.high, too_few)


def _record(**changes) -> Record:
    base = Record(
        kind="evaluation",
        created="2026-12-01T10:00:00Z",
        source=Source("r.json", "csv", "", "2026-12-01T09:00:00Z", "a" * 64),
        slice_field="category",
        overall=tally(90, 100),
    )
    return replace(base, **changes)


def _questions() -> list[str]:
    return [item.id for item in dataset().scored_checklist.items]


def _status(record: Record, answers: dict[str, str], today: date = TODAY) -> dict[str, tuple]:
    found, _ = findings([("r.json", record)], settings(), _questions(), today)
    return {
        b.question: (b.suggestion, b.status)
        for b in back_answers(answers, found, _questions())
        if b.status
    }


def test_a_real_traffic_sample_backs_a_yes():
    """Enough cases marked as from production suggest Yes and back a Yes answer."""
    record = _record(sources=(_slice("production", 35, 40), _slice("synthetic", 50, 60)))
    assert _status(record, {"real-traffic-sample": "yes"})["real-traffic-sample"] == (
        "yes",
        "backed",
    )


def test_too_few_real_cases_suggest_partly():
    """A real-traffic sample below the minimum suggests Partly, so a Yes stays self-reported."""
    record = _record(sources=(_slice("production", 10, 12),))
    assert _status(record, {"real-traffic-sample": "yes"})["real-traffic-sample"] == (
        "partial",
        "self-reported",
    )


def test_a_mostly_untested_mix_contradicts_a_yes():
    """When most production traffic falls in slices never tested, Yes is contradicted."""
    record = _record(production=Production(0.9, 0.8, 0.95, 0.6, 0.32, 0.98))
    assert _status(record, {"real-traffic-sample": "yes"})["real-traffic-sample"] == (
        "no",
        "contradicted",
    )
    assert _status(record, {"real-traffic-sample": "no"})["real-traffic-sample"] == (
        "no",
        "backed",
    )


def test_a_hard_slice_is_recognised_by_its_name():
    """A slice named like the data's hard-input words informs the hard-cases question."""
    record = _record(slices=(_slice("Adversarial prompts", 20, 40), _slice("easy", 40, 40)))
    assert _status(record, {})["hard-cases-catalogued"] == ("yes", "suggested")


def test_caps_from_the_data_hold():
    """Two compared runs and measured latency and cost suggest Partly at most."""
    record = _record(
        compared=Compared("b" * 64, ()),
        latency_ms=Latency(100, 200, 300),
        cost=Cost(0.01, 0.012),
    )
    marks = _status(record, {"repeatable-evaluation": "yes", "load-measured": "partial"})
    assert marks["repeatable-evaluation"] == ("partial", "self-reported")
    assert marks["load-measured"] == ("partial", "backed")


def test_old_evidence_is_stale_and_counts_for_nothing():
    """A record older than the data's age is listed as stale, never as backing."""
    record = _record(sources=(_slice("production", 35, 40),))
    later = date(2027, 6, 1)
    assert _status(record, {"real-traffic-sample": "yes"}, later)["real-traffic-sample"] == (
        None,
        "stale",
    )


def test_answers_without_evidence_are_self_reported():
    """An answered question no record informs is self-reported; an unanswered one is not shown."""
    marks = _status(_record(), {"named-operator": "yes"})
    assert marks == {"named-operator": (None, "self-reported")}


def test_checks_records_inform_the_questions_they_name():
    """A failed required check suggests No; all passing, Yes; an unknown question is noted."""
    record = Record(
        kind="checks",
        created="2026-12-05T10:00:00Z",
        source=Source("", "pilot2prod-check"),
        repository="shop",
        checks=(
            Check("runbook", ("incident-routine",), True, "fail", "docs/runbook.md", 3),
            Check("eval-ci", ("repeatable-evaluation",), True, "pass"),
            Check("ghost", ("no-such-question",), False, "pass"),
        ),
    )
    found, notes = findings([("checks.json", record)], settings(), _questions(), TODAY)
    marks = {
        b.question: b.status
        for b in back_answers(
            {"incident-routine": "yes", "repeatable-evaluation": "yes"}, found, _questions()
        )
        if b.status
    }
    assert marks["incident-routine"] == "contradicted"
    assert marks["repeatable-evaluation"] == "backed"
    assert any("no-such-question" in note for note in notes)


def test_evidence_that_disagrees_is_weighed_by_its_most_cautious_record():
    """A real-traffic sample that would back a Yes does not outweigh a record saying most of
    production was never tested: the Yes is contradicted, not backed."""
    backing = _record(sources=(_slice("production", 35, 40),))
    against = _record(production=Production(0.9, 0.8, 0.95, 0.6, 0.32, 0.98))
    records = [("a.json", backing), ("b.json", against)]
    found, _ = findings(records, settings(), _questions(), TODAY)
    marks = {
        b.question: (b.suggestion, b.status)
        for b in back_answers({"real-traffic-sample": "yes"}, found, _questions())
    }
    assert marks["real-traffic-sample"] == ("no", "contradicted")


def test_the_api_reads_summarises_and_backs():
    """The page's path: bytes handed over, read once, summarised twice, then weighed."""
    uploads.put("k1", (HAND_MADE / "cases.csv").read_bytes())
    opened = json.loads(
        api.call("evidence.read", json.dumps({"file": "k1", "name": "cases.csv"}), dataset())
    )
    assert opened["cases"] == 26 and opened["suggested"] == "category"
    first = json.loads(
        api.call("evidence.summarise", json.dumps({"run": opened["run"]}), dataset())
    )
    sliced = json.loads(
        api.call(
            "evidence.summarise",
            json.dumps(
                {"run": opened["run"], "slice": "category", "mix_csv": "billing,3\nother,1\n"}
            ),
            dataset(),
        )
    )
    assert first["rows"] == [] and len(sliced["rows"]) == 4
    assert "Weighted to your traffic" in sliced["headline"]
    record = json.loads(sliced["record_json"])
    backed = json.loads(
        api.call(
            "evidence.back",
            json.dumps(
                {
                    "records": [{"name": "r.json", "record": record}],
                    "document": {
                        "format": "pilot2prod/answers",
                        "version": 2,
                        "checklist": "readiness",
                        "answers": {"real-traffic-sample": "yes"},
                    },
                    "today": "2026-12-06",
                }
            ),
            dataset(),
        )
    )
    assert backed["counts"]["self-reported"] == 1
    again = json.loads(
        api.call("evidence.read", json.dumps({"file": "k1", "name": "x"}), dataset())
    )
    assert "choose it again" in again["error"]


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"records": [{"name": "r", "record": {"format": "x"}}]}, "r: format"),
        (
            {"records": [{"name": "r", "record": "RECORD"}], "today": "soon"},
            "'today' must be a date",
        ),
        ({"records": []}, "at least one"),
    ],
)
def test_the_api_names_a_bad_request(payload, words):
    """A bad record or date in the request comes back as a plain error."""
    record = record_to_value(_record())
    for entry in payload.get("records", []):
        if entry["record"] == "RECORD":
            entry["record"] = record
    answer = json.loads(api.call("evidence.back", json.dumps(payload), dataset()))
    assert words in answer["error"]


def test_what_the_worker_measured_is_used_only_in_its_proper_form():
    """A well-formed SHA-256 from the browser is kept; a malformed one is replaced by Python's,
    and a file handed over without the depth mark is still measured by Python."""
    data = (HAND_MADE / "cases.csv").read_bytes()
    uploads.put("k2", data, "f" * 64)
    kept = json.loads(
        api.call("evidence.read", json.dumps({"file": "k2", "name": "a.csv"}), dataset())
    )
    uploads.put("k3", data, "not a digest")
    redone = json.loads(
        api.call("evidence.read", json.dumps({"file": "k3", "name": "a.csv"}), dataset())
    )
    record = lambda run: json.loads(  # noqa: E731
        api.call("evidence.summarise", json.dumps({"run": run}), dataset())
    )["record"]["source"]["sha256"]
    assert record(kept["run"]) == "f" * 64
    assert record(redone["run"]) == hashlib.sha256(data).hexdigest()
    uploads.put("k4", b"[" * 5000 + b"]" * 5000, None, None)
    deep = json.loads(
        api.call("evidence.read", json.dumps({"file": "k4", "name": "d.json"}), dataset())
    )
    assert "nested more than" in deep["error"]
