"""Evaluation files read as the tools write them, and hostile files refused by name."""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

from pilot2prod.evidence.errors import EvidenceError
from pilot2prod.evidence.formats import MAX_JSON_DEPTH, archive, read_run
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.evidence.summary import Options, summarise
from tests.unit.evidence_support import FIXTURES, HAND_MADE, settings

REAL = [
    ("promptfoo-0.120.27-before.json", "promptfoo", "0.120.27", 26, 20),
    ("promptfoo-0.120.27-after.json", "promptfoo", "0.120.27", 26, 20),
    ("inspect-0.3.285.json", "inspect-ai", "0.3.285", 52, 40),
    ("inspect-0.3.285.eval", "inspect-ai", "0.3.285", 52, 40),
]
MADE = [
    ("deepeval-test-run.json", "deepeval", 26, 20),
    ("lm-eval-samples_support_triage.jsonl", "lm-eval", 26, 20),
    ("promptfoo-older-table.json", "promptfoo", 26, 20),
    ("cases.csv", "csv", 26, 20),
    ("cases.jsonl", "jsonl", 26, 20),
]


def _read(data: bytes, name: str = "results.json"):
    return read_run(data, name, 0.5)


def _refused(data: bytes, name: str = "results.json") -> EvidenceError:
    with pytest.raises(EvidenceError) as caught:
        _read(data, name)
    return caught.value


@pytest.mark.parametrize(("name", "tool", "version", "cases", "passed"), REAL)
def test_real_tool_output_is_read(name, tool, version, cases, passed):
    """Files the pinned tools wrote are read with their tool, version, date and counts."""
    run = _read((FIXTURES / name).read_bytes(), name)
    assert (run.tool, run.tool_version) == (tool, version)
    assert (len(run.cases), sum(run.cases.passed)) == (cases, passed)
    assert run.run_date.startswith("20")
    assert len(run.sha256) == 64


@pytest.mark.parametrize(("name", "tool", "cases", "passed"), MADE)
def test_documented_formats_are_read(name, tool, cases, passed):
    """DeepEval, lm-eval, promptfoo's older table, CSV and JSONL give the same counts."""
    run = _read((HAND_MADE / name).read_bytes(), name)
    assert run.tool == tool
    assert (len(run.cases), sum(run.cases.passed)) == (cases, passed)


@pytest.mark.parametrize("name", [r[0] for r in REAL] + [m[0] for m in MADE])
def test_the_category_field_is_found_and_suggested(name):
    """Every format offers its category field as a slice candidate and suggests it."""
    folder = FIXTURES if (FIXTURES / name).exists() else HAND_MADE
    run = _read((folder / name).read_bytes(), name)
    summary = summarise(run, settings(), Options())
    assert summary.suggested is not None
    assert summary.suggested.rsplit(".", 1)[-1] in ("category", "subject", "tags")
    sliced = summarise(run, settings(), Options(slice_field=summary.suggested))
    names = {item.name for item in sliced.record.slices}
    assert {"billing", "delivery", "adversarial", "other"} <= names


def test_eval_archive_agrees_with_the_json_log():
    """The .eval archive and the JSON log of the same task give the same cases."""
    from_json = _read((FIXTURES / "inspect-0.3.285.json").read_bytes())
    from_zip = _read((FIXTURES / "inspect-0.3.285.eval").read_bytes(), "log.eval")
    assert sorted(zip(from_json.cases.ids, from_json.cases.passed, strict=True)) == sorted(
        zip(from_zip.cases.ids, from_zip.cases.passed, strict=True)
    )


def test_zstd_without_support_says_what_to_install(monkeypatch):
    """Where neither zipfile nor the zstandard package reads zstd, the message names the extra
    to install and the Inspect command that converts the log."""
    monkeypatch.setattr(archive, "native_zstd", lambda: False)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    error = _refused((FIXTURES / "inspect-0.3.285.eval").read_bytes(), "run.eval")
    assert "pip install 'pilot2prod[zstd]'" in error.problem
    assert "inspect log convert run.eval --to json" in error.problem


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive_file:
        for name, content in members.items():
            archive_file.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_bomb_is_stopped_at_the_limit(monkeypatch):
    """A member that expands past the limit is refused after reading only that much."""
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1024 * 1024)
    bomb = _zip({"header.json": b"{" + b" " * (8 * 1024 * 1024) + b"}"})
    assert len(bomb) < 64 * 1024
    error = _refused(bomb, "bomb.eval")
    assert "expands to more than 1 MB" in error.problem
    assert error.field == "header.json"


def test_a_zip_that_is_not_a_log_is_named():
    """Another zip, or a damaged one, is refused as what it is."""
    assert "not an Inspect AI log" in _refused(_zip({"a.txt": b"hi"}), "a.eval").problem
    assert "damaged or incomplete" in _refused(b"PK\x03\x04broken", "b.eval").problem


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b'{"foo": 1, "bar": []}', "does not read (its top-level keys: bar, foo)"),
        (b'{"format": "pilot2prod/answers", "version": 2}', "readiness answers file"),
        (b'{"format": "pilot2prod/evidence", "version": 1}', "already an evidence record"),
        (b'{"results": {"results": [{"success": true}', "cut off"),
        (b"\xff\xfeid,passed\n", "not UTF-8"),
        (b"\x00\x01\x02binary", "binary data"),
        (b"[" * 10_000 + b"]" * 10_000, f"nested more than {MAX_JSON_DEPTH} levels"),
        (b'{"a": ' * 10_000 + b"1" + b"}" * 10_000, "nested more than"),
        (b"name,colour\nx,red\n", "has no passed column"),
        (b"[1, 2]", "must be an object with a passed field"),
    ],
)
def test_unusable_files_are_refused_plainly(data, words):
    """Each unusable file gets one message naming it and what was expected, never a crash
    (10,000-deep nesting included: it would overflow the browser's stack if parsed)."""
    error = _refused(data)
    assert words in str(error)
    assert str(error).startswith("results.json")


def _promptfoo(results: list[dict]) -> bytes:
    return json.dumps({"results": {"results": results}}).encode()


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (b"id,passed,score\na,true,NaN\n", "row 2: score", "finite"),
        (b"id,passed,score\na,true,1.5\n", "row 2: score", "between 0 and 1"),
        (b"id,passed,latency_ms\na,true,-3\n", "row 2: latency_ms", "0 or more"),
        (b"id,passed\na,maybe\n", "row 2: passed", "expected true or false"),
        (b"id,passed\na,true\na,false\n", "id", "appears twice"),
        (
            b'{"id": "a", "passed": true, "score": Infinity}\n{"id": "b", "passed": true}\n',
            "line 1: score",
            "finite",
        ),
        (
            _promptfoo([{"success": True, "score": float("nan")}]),
            "results.results[0].score",
            "finite",
        ),
        (_promptfoo([{"success": "yes"}]), "results.results[0].success", "true or false"),
        (
            _promptfoo([{"success": True, "latencyMs": 1e400}]),
            "results.results[0].latencyMs",
            "finite",
        ),
    ],
)
def test_bad_values_are_named_by_field(data, field, words):
    """NaN, Infinity, out-of-range scores, unreadable pass marks and repeated ids are refused
    with the row or key path that holds them."""
    name = "cases.jsonl" if data.startswith(b'{"id"') else "results.json"
    error = _refused(data, name)
    assert error.field == field
    assert words in error.problem


def test_inspect_scores_read_letters_numbers_and_booleans():
    """C passes; I, P and N fail (partial answers noted); numbers pass at the passing score."""
    samples = [
        {"id": n, "epoch": 1, "scores": {"s": {"value": value}}, "metadata": {}}
        for n, value in enumerate(["C", "I", "P", "N", 0.7, 0.2, True])
    ]
    log = {"eval": {"task": "t", "created": "2026-01-01T00:00:00+00:00"}, "samples": samples}
    run = _read(json.dumps(log).encode())
    assert run.cases.passed == [True, False, False, False, True, False, True]
    assert any("partly correct" in note for note in run.notes)
    samples[0]["scores"]["s"]["value"] = "X"
    error = _refused(json.dumps(log).encode())
    assert error.field == "samples[0].scores.s.value"


def test_many_distinct_slice_values_keep_the_largest_and_group_the_rest():
    """100,000 distinct slice values: the largest are shown, the rest join one slice, and the
    record stays small."""
    rows = [{"id": f"b{i}", "passed": i % 3 != 0, "topic": "big"} for i in range(500)]
    rows += [{"id": f"u{i}", "passed": True, "topic": f"t{i}"} for i in range(100_000)]
    data = "\n".join(json.dumps(row) for row in rows).encode()
    run = _read(data, "many.jsonl")
    own: EvidenceSettings = settings()
    summary = summarise(run, own, Options(slice_field="topic"))
    slices = summary.record.slices
    assert len(slices) == own.slices_shown
    assert slices[0].name == "big" and slices[0].cases == 500
    assert slices[-1].name.endswith("other values)")
    assert sum(item.cases for item in slices) == 100_500
    assert any("100,001 values" in note for note in summary.notes)


def test_slice_names_with_markup_stay_text():
    """A slice named with HTML is kept as text in the record and escaped in Markdown."""
    from pilot2prod.evidence.report import summary_markdown
    from pilot2prod.evidence.view import summary_view

    data = b"id,passed,kind\na,true,<img src=x onerror=alert(1)>\nb,false,plain\n"
    summary = summarise(_read(data, "x.csv"), settings(), Options(slice_field="kind"))
    assert summary.record.slices[0].name in ("<img src=x onerror=alert(1)>", "plain")
    markdown = summary_markdown(summary_view(summary))
    assert re.search(r"(?<!\\)<img", markdown) is None
    assert "\\<img" in markdown


def test_files_are_refused_by_content_not_by_name(tmp_path: Path):
    """A CSV named .json is still read as CSV; the name decides nothing."""
    run = _read(b"id,passed\na,true\nb,false\n", "looks-like.json")
    assert run.tool == "csv" and len(run.cases) == 2
