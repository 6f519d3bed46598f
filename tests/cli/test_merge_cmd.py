"""`pilot2prod merge`: a team's answers side by side, disagreements flagged, a cautious verdict."""

from __future__ import annotations

import json
import re

import yaml

from tests.cli.support import document, readiness_checklist, run, site_call, write_json
from tests.serving import ROOT


def _examples() -> list[tuple[str, dict]]:
    raw = yaml.safe_load((ROOT / "data/example-assessments.yml").read_text(encoding="utf-8"))
    return [
        (e["example"], document(e["answers"], notes=e.get("notes", {}))) for e in raw["examples"]
    ]


def _write_examples(tmp_path) -> list:
    return [write_json(tmp_path / f"{name}.json", doc) for name, doc in _examples()]


def test_json_output_is_what_the_team_view_page_computes(capsys, tmp_path):
    """merge --format json equals the site's readiness.merge for the same files."""
    paths = _write_examples(tmp_path)
    result = run(capsys, "merge", *paths, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    expected = site_call(
        "readiness.merge",
        {"documents": [{"name": p.name, "document": json.loads(p.read_text())} for p in paths]},
    )
    assert expected.pop("refused") == []
    assert out.pop("format") == "pilot2prod/team"
    assert out.pop("version") == 1
    assert out.pop("gate") is None
    assert out == expected


def test_team_verdict_is_the_assessment_of_the_most_cautious_answers(capsys, tmp_path):
    """The team's score equals scoring, on its own, the most cautious answer to each question."""
    paths = _write_examples(tmp_path)
    out = json.loads(run(capsys, "merge", *paths, "--format", "json").out)
    rank = {"no": 0, "partial": 1, "yes": 2}
    cautious = {}
    for item in readiness_checklist().items:
        given = [doc["answers"].get(item.id) for _, doc in _examples()]
        counted = [a for a in given if a in rank]
        if counted:
            cautious[item.id] = min(counted, key=rank.__getitem__)
        elif "na" in given:
            cautious[item.id] = "na"
    alone = site_call("readiness.score", {"document": document(cautious)})
    assert out["team"]["score"] == alone["score"]
    assert out["team"]["verdict"] == alone["verdict"]


def test_disagreements_are_flagged_in_markdown_and_text(capsys, tmp_path):
    """A Yes against a No is flagged in both reports; agreeing answers are not."""
    ids = [i.id for i in readiness_checklist().items]
    a = write_json(tmp_path / "alice.json", document({ids[0]: "yes", ids[1]: "yes"}))
    b = write_json(tmp_path / "bob.json", document({ids[0]: "no", ids[1]: "yes"}))
    md = run(capsys, "merge", a, b, "--format", "md")
    assert md.code == 0
    rows = [line for line in md.out.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Person | Verdict")
    header = next(r for r in rows if r.startswith("| Question"))
    assert "| alice.json | bob.json | Team | Disagreement |" in header
    items = readiness_checklist().items
    first = next(r for r in rows if r.startswith("| " + items[0].text[:20]))
    second = next(r for r in rows if r.startswith("| " + items[1].text[:20]))
    assert "| Yes | No | **No** | **Yes against No** |" in first
    assert second.endswith("| Yes | Yes | **Yes** |  |")
    assert "1 of 21 questions have answers that disagree (1 Yes against No)" in md.out
    text = run(capsys, "merge", a, b)
    assert "[Yes against No]" in text.out
    assert text.out.count("[Yes against No]") == 1


def test_gate_applies_to_the_team_verdict(capsys, tmp_path):
    """--fail-under on merge gates on the team verdict, not on anyone's own."""
    ids = [i.id for i in readiness_checklist().items]
    optimist = write_json(tmp_path / "o.json", document(dict.fromkeys(ids, "yes")))
    sceptic = write_json(tmp_path / "s.json", document(dict.fromkeys(ids, "no")))
    assert run(capsys, "assess", optimist, "--fail-under", "ready").code == 0
    assert run(capsys, "merge", optimist, sceptic, "--fail-under", "early").code == 1
    assert run(capsys, "merge", optimist, optimist, "--fail-under", "ready").code == 0


def test_same_file_names_in_different_folders_keep_their_paths(capsys, tmp_path):
    """Two people's answers.json files are told apart by their folders."""
    (tmp_path / "alice").mkdir()
    (tmp_path / "bob").mkdir()
    a = write_json(tmp_path / "alice" / "answers.json", document({}))
    b = write_json(tmp_path / "bob" / "answers.json", document({}))
    out = json.loads(run(capsys, "merge", a, b, "--format", "json").out)
    assert [p["name"] for p in out["people"]] == [str(a), str(b)]


def test_hostile_names_and_notes_are_escaped_in_markdown(capsys, tmp_path):
    """Markdown and HTML in a note or a file name show as text, never as links or markup."""
    first = readiness_checklist().items[0].id
    doc = document(
        {first: "yes"}, notes={first: "<img src=x onerror=alert(1)> [click](http://evil)"}
    )
    path = write_json(tmp_path / "[x](http:evil).json", doc)
    out = run(capsys, "merge", path, "--format", "md").out
    assert re.search(r"(?<!\\)<img", out) is None
    assert "[click](http://evil)" not in out
    assert "\\<img src=x onerror=alert(1)\\>" in out
    assert "\\[x\\](http:evil).json" in out
