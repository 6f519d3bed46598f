"""`pilot2prod evidence`, `evidence compare` and `assess --evidence`: reports, records, gates
and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pilot2prod.evidence.record import read_record
from tests.cli.support import document, run

HAND_MADE = Path(__file__).resolve().parents[1] / "fixtures" / "evidence" / "hand-made"
CASES = HAND_MADE / "cases.csv"
MIX = HAND_MADE / "mix.csv"


def test_without_a_slice_the_candidates_are_listed_and_one_suggested(capsys):
    """A first look lists the fields that could define slices and suggests one."""
    result = run(capsys, "evidence", CASES)
    assert result.code == 0
    assert "The evaluation says 77% (58\u201389%) over 26 cases." in result.out
    assert "Suggested: --slice category" in result.out


def test_the_json_output_is_the_record(capsys, tmp_path):
    """--format json prints the record with the fields the issue lists; -o writes the same."""
    target = tmp_path / "record.json"
    result = run(
        capsys,
        "evidence",
        CASES,
        "--slice",
        "category",
        "--mix",
        MIX,
        "--format",
        "json",
        "-o",
        target,
    )
    assert result.code == 0
    printed = json.loads(result.out)
    assert printed["format"] == "pilot2prod/evidence" and printed["version"] == 1
    assert {"cases", "passed", "rate", "low", "high"} <= set(printed["overall"])
    assert all(
        {"name", "cases", "passed", "rate", "low", "high"} <= set(s) for s in printed["slices"]
    )
    assert {"rate", "low", "high", "untested_share"} <= set(printed["production"])
    written = read_record(target.read_bytes(), "record.json")
    assert written.production is not None
    assert written.production.untested_share == pytest.approx(200 / 10_000)
    assert json.loads(target.read_text())["overall"] == printed["overall"]


@pytest.mark.parametrize(("bound", "code"), [("0.5", 0), ("90%", 1), ("0.95", 1)])
def test_the_lower_bound_gate(capsys, bound, code):
    """--fail-under-lower-bound exits 1 when the 95% lower bound (58%) is below it."""
    result = run(capsys, "evidence", CASES, "--fail-under-lower-bound", bound)
    assert result.code == code
    assert ("is below the gate" in result.out) == (code == 1)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--slice", "colour"], "is not a field of its cases"),
        (["--mix", "MIX"], "choose the slice field too"),
        (["--fail-under-lower-bound", "1.5"], "must lie between 0 and 1"),
        (["--target", "abc"], "is not a rate"),
        (["--fail-on-regression"], "applies to: pilot2prod evidence compare"),
    ],
)
def test_bad_options_exit_2_with_one_line(capsys, args, words):
    """A wrong option is named on stderr's last line (argparse prints its usage above it for
    option values), and the status is 2."""
    args = [str(MIX) if a == "MIX" else a for a in args]
    result = run(capsys, "evidence", CASES, *args)
    assert result.code == 2
    assert words in result.err.splitlines()[-1]


def test_an_unreadable_file_exits_2_naming_it(capsys, tmp_path):
    """Another tool's JSON exits 2 with the file named and what was expected."""
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}', encoding="utf-8")
    result = run(capsys, "evidence", other)
    assert result.code == 2
    assert result.err.startswith("pilot2prod: other.json: is JSON from a tool")


def _pair(tmp_path: Path, after_flips: int) -> tuple[Path, Path]:
    rows = [("id", "category", "passed")]
    rows += [(f"c{i}", "hard" if i < 60 else "easy", "true") for i in range(200)]
    old = tmp_path / "old.csv"
    old.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    flipped = [
        (i, c, "false" if c == "hard" and int(i[1:]) < after_flips else p) for i, c, p in rows[1:]
    ]
    new = tmp_path / "new.csv"
    new.write_text("\n".join(",".join(r) for r in [rows[0], *flipped]) + "\n", encoding="utf-8")
    return old, new


def test_compare_flags_a_real_regression_and_gates_on_it(capsys, tmp_path):
    """Twenty hard cases that used to pass now fail: a paired regression, exit 1 with the gate."""
    old, new = _pair(tmp_path, 20)
    record = tmp_path / "new-record.json"
    result = run(
        capsys,
        "evidence",
        "compare",
        old,
        new,
        "--slice",
        "category",
        "--fail-on-regression",
        "-o",
        record,
    )
    assert result.code == 1
    assert "regressions in all cases, hard" in result.out
    compared = read_record(record.read_bytes()).compared
    assert compared is not None and compared.regressions == ("all cases", "hard")


def test_compare_without_a_change_passes_the_gate(capsys, tmp_path):
    """The same run twice: no regression, exit 0."""
    old, new = _pair(tmp_path, 0)
    result = run(capsys, "evidence", "compare", old, new, "--fail-on-regression")
    assert result.code == 0
    assert "no regression" in result.out


def test_assess_marks_answers_with_the_evidence(capsys, tmp_path):
    """assess --evidence marks a Yes the evidence contradicts, and one it backs, in every format."""
    rows = ["id,category,source,passed"]
    rows += [f"p{i},billing,production,true" for i in range(40)]
    rows += [f"h{i},adversarial,synthetic,{'true' if i % 2 else 'false'}" for i in range(40)]
    results = tmp_path / "results.csv"
    results.write_text("\n".join(rows) + "\n", encoding="utf-8")
    mix = tmp_path / "mix.csv"
    mix.write_text("billing,10\nadversarial,10\n", encoding="utf-8")
    record = tmp_path / "record.json"
    assert (
        run(capsys, "evidence", results, "--slice", "category", "--mix", mix, "-o", record).code
        == 0
    )
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(document({"real-traffic-sample": "yes", "hard-cases-catalogued": "yes"})),
        encoding="utf-8",
    )
    text = run(capsys, "assess", answers, "--evidence", record)
    assert text.code == 0
    assert "[Backed by evidence] real-traffic-sample" in text.out
    assert "[Backed by evidence] hard-cases-catalogued" in text.out
    as_json = json.loads(
        run(capsys, "assess", answers, "--evidence", record, "--format", "json").out
    )
    statuses = {item["question"]: item["status"] for item in as_json["evidence"]["items"]}
    assert statuses["real-traffic-sample"] == "backed"
    md = run(capsys, "assess", answers, "--evidence", record, "--format", "md").out
    assert "    - Evidence: Backed by evidence" in md


def test_assess_names_a_broken_record(capsys, tmp_path):
    """A hand-edited record that claims a better rate is refused by field, exit 2."""
    record = tmp_path / "record.json"
    assert run(capsys, "evidence", CASES, "-o", record).code == 0
    value = json.loads(record.read_text())
    value["overall"]["rate"] = 0.99
    record.write_text(json.dumps(value), encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(document({})), encoding="utf-8")
    result = run(capsys, "assess", answers, "--evidence", record)
    assert result.code == 2
    assert "record.json: overall.rate: must be 20 of 26" in result.err
