"""`pilot2prod plan`, `compare` and `portfolio`: formats, gates and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.support import document, run, site_call, write_json

BEFORE = {"real-traffic-sample": "yes", "named-operator": "yes", "integration-map": "partial"}
AFTER = {"real-traffic-sample": "no", "named-operator": "yes", "integration-map": "partial"}


def _files(tmp_path):
    old = write_json(tmp_path / "march.json", document(BEFORE, project="Claims"))
    new = write_json(tmp_path / "june.json", document(AFTER, project="Claims"))
    return old, new


def test_compare_json_is_what_the_api_computes(capsys, tmp_path):
    """compare --format json equals readiness.compare on the same two files."""
    old, new = _files(tmp_path)
    result = run(capsys, "compare", old, new, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out.pop("format") == "pilot2prod/comparison" and out.pop("version") == 1
    expected = site_call(
        "readiness.compare",
        {
            "old": document(BEFORE, project="Claims"),
            "new": document(AFTER, project="Claims"),
            "old_name": "march.json",
            "new_name": "june.json",
        },
    )
    assert out == expected


def test_fail_on_regression_exits_1_when_a_dimension_went_down(capsys, tmp_path):
    """A dimension score that fell fails the gate; the reverse direction passes."""
    old, new = _files(tmp_path)
    assert run(capsys, "compare", old, new, "--fail-on-regression").code == 1
    back = run(capsys, "compare", new, old, "--fail-on-regression")
    assert back.code == 0 and "no dimension went down" in back.out


def test_compare_markdown_lists_the_regressed_question(capsys, tmp_path):
    """The Markdown report names the question that went from Yes to No."""
    old, new = _files(tmp_path)
    out = run(capsys, "compare", old, new, "--format", "md").out
    regressed = out.split("## Regressed questions")[1]
    assert "real traffic" in regressed and "Yes → No" in regressed


def test_compare_bad_file_exits_2_naming_it(capsys, tmp_path):
    """A file that is not answers is refused by name, with exit 2."""
    old, _ = _files(tmp_path)
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "pilot2prod/answers",\n "version": 1,,}', encoding="utf-8")
    result = run(capsys, "compare", old, bad)
    assert result.code == 2 and "broken.json: line 2" in result.err


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_plan_formats(capsys, tmp_path, fmt):
    """plan prints a task list, tracker CSV that reads back, or JSON with issue bodies."""
    path = write_json(tmp_path / "a.json", document(AFTER, version=2, plan={}))
    result = run(capsys, "plan", path, "--format", fmt)
    assert result.code == 0, result.err
    if fmt == "md":
        assert result.out.startswith("# Improvement plan") and "- [ ] " in result.out
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.out.removeprefix("\ufeff"))))
        assert set(rows[0]) == {"Summary", "Description", "Assignee", "Due date", "Labels"}
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)
    else:
        out = json.loads(result.out)
        assert out["format"] == "pilot2prod/plan" and out["issues"][0]["body"]


def test_plan_fail_on_overdue(capsys, tmp_path):
    """An item not done past its due date fails the gate; a done one does not."""
    plan = {"real-traffic-sample": {"due": "2026-01-01", "status": "open"}}
    path = write_json(tmp_path / "a.json", document(AFTER, version=2, plan=plan))
    assert run(capsys, "plan", path, "--fail-on-overdue", "--today", "2026-02-01").code == 1
    assert run(capsys, "plan", path, "--fail-on-overdue", "--today", "2025-12-01").code == 0
    plan["real-traffic-sample"]["status"] = "done"
    write_json(path, document(AFTER, version=2, plan=plan))
    assert run(capsys, "plan", path, "--fail-on-overdue", "--today", "2026-02-01").code == 0


def test_plan_with_a_bad_plan_field_exits_2_naming_it(capsys, tmp_path):
    """A strict reader: a status that is not one is bad input, named by file and field."""
    plan = {"real-traffic-sample": {"status": "finished"}}
    path = write_json(tmp_path / "a.json", document(AFTER, version=2, plan=plan))
    result = run(capsys, "plan", path)
    assert result.code == 2
    assert "a.json: plan.real-traffic-sample: cannot be used: its status “finished”" in result.err


def test_portfolio_refuses_unreadable_files_by_name_and_counts_the_rest(capsys, tmp_path):
    """Broken and foreign files are named on stderr; the report counts the readable ones."""
    write_json(tmp_path / "one.json", document(BEFORE, project="One"))
    write_json(tmp_path / "two.json", document(AFTER, project="Two"))
    (tmp_path / "broken.json").write_text("{nope", encoding="utf-8")
    write_json(tmp_path / "other.json", {"format": "someone/else"})
    (tmp_path / "notes.txt").write_text("not an export", encoding="utf-8")
    result = run(capsys, "portfolio", tmp_path, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["projects"] == 2
    assert sorted(r["name"].rsplit("/", 1)[1] for r in out["refused"]) == [
        "broken.json",
        "other.json",
    ]
    lines = result.err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("pilot2prod: refused ") for line in lines)


def test_portfolio_with_nothing_readable_exits_2(capsys, tmp_path):
    """A folder without one readable export is bad input."""
    (tmp_path / "broken.json").write_text("{nope", encoding="utf-8")
    assert run(capsys, "portfolio", tmp_path).code == 2


def test_portfolio_older_than_lists_stale_assessments(capsys, tmp_path):
    """--older-than names the assessments dated before the cut-off, oldest first."""
    write_json(tmp_path / "a.json", document(BEFORE, project="Old", assessed="2025-01-01"))
    write_json(tmp_path / "b.json", document(BEFORE, project="New", assessed="2026-01-20"))
    result = run(
        capsys,
        "portfolio",
        tmp_path,
        "--older-than",
        "30",
        "--today",
        "2026-02-01",
        "--format",
        "md",
    )
    stale = result.out.split("## Assessed more than 30 days ago")[1]
    assert "Old" in stale and "New" not in stale


def test_portfolio_csv_reads_back(capsys, tmp_path):
    """The portfolio CSV parses with the csv module, one kind of row per ranked list."""
    write_json(tmp_path / "a.json", document(BEFORE, project="=HYPERLINK(1)"))
    out = run(capsys, "portfolio", tmp_path / "a.json", "--format", "csv").out
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    kinds = {row["kind"] for row in rows}
    assert {"band", "dimension", "question"} <= kinds
