"""The verdict says what the guide says: caps, open N/A, risks, weight words, path, identity."""

from __future__ import annotations

import json

from pilot2prod import api
from pilot2prod.dataset import Dataset
from pilot2prod.readiness.answers import read_document
from pilot2prod.readiness.presentation.report import assessment_markdown
from pilot2prod.readiness.presentation.views import assessment_view
from pilot2prod.readiness.scoring import assess
from tests.unit.scoring_fixtures import THREE, answers, checklist, item, rubric
from tests.unit.test_scoring_properties import _bundle_files

DATA = Dataset(_bundle_files())  # q0 is critical; weights 1-4


def _doc(values, **extra):
    return {"format": "pilot2prod/answers", "version": 1, "checklist": "readiness"} | {
        "answers": values,
        **extra,
    }


def _score(payload):
    return json.loads(api.call("readiness.score", json.dumps(payload), DATA))


def test_risk_levels_follow_the_rubric_rules_first_match_wins():
    """Critical No or open is high; essential No high; important open medium; else low."""
    c = checklist({"reliability": [item("c", 1, critical=True), item("e", 3), item("u", 1)]})
    result = assess(c, rubric(), answers({"c": "no", "e": "no", "u": "partial"}, c))
    assert {ref.id: ref.risk for ref in result.risks} == {"c": "high", "e": "high", "u": "low"}
    assert [ref.weight_word for ref in result.items] == ["useful", "essential", "useful"]


def test_settled_questions_carry_no_risk():
    """Yes and a reasoned N/A are not open, so they have no risk level."""
    c = checklist({"reliability": [item("a"), item("b")]})
    result = assess(c, rubric(), answers({"a": "yes", "b": "na"}, c))
    assert result.risks == () and all(ref.risk is None for ref in result.items)


def test_path_reaches_every_higher_band_in_order_without_repeats():
    """From Not ready the path has one step per higher band, each adding new questions."""
    c = checklist(THREE)
    result = assess(c, rubric(), answers({"r1": "no"}, c))
    ids = [step.target.id for step in result.path]
    assert ids == ["early", "nearly-ready", "ready"][-len(ids) :]
    seen = [i.id for step in result.path for i in step.items]
    assert len(seen) == len(set(seen))
    assert set(seen) >= {ref.id for ref in result.unanswered}


def test_na_without_reason_is_open_through_the_api_and_a_note_settles_it():
    """The page sends notes with the answers: a reason turns an open N/A into a counted one."""
    values = {"q0": "yes", "q1": "yes", "q2": "yes", "q3": "na"}
    bare = _score({"document": _doc(values)})
    assert [i["id"] for i in bare["unreasoned"]] == ["q3"] and not bare["complete"]
    reasoned = _score({"document": _doc(values, notes={"q3": "No such traffic here."})})
    assert reasoned["unreasoned"] == [] and reasoned["complete"]
    assert reasoned["verdict"]["id"] == "ready"


def test_identity_travels_and_bad_values_are_set_aside_with_a_problem():
    """Project, assessor and date appear in the view; a date that is not one is reported."""
    c = DATA.scored_checklist
    doc = _doc({"q0": "yes"}, project="Support bot", assessor="Ana", assessed="2026-02-30")
    read = read_document(doc, c)
    assert read.identity.project == "Support bot" and read.identity.assessed == ""
    assert any(p.where == "assessed" for p in read.problems)
    view = _score({"document": _doc({"q0": "yes"}, project="Bot", assessed="2026-12-01")})
    assert view["identity"] == {"project": "Bot", "assessor": "", "assessed": "2026-12-01"}


def test_old_answers_without_identity_still_open():
    """A v1 export from before identity existed scores as before, with an empty identity."""
    view = _score({"document": _doc({"q0": "no"})})
    assert view["identity"] == {"project": "", "assessor": "", "assessed": ""}
    assert view["verdict"]["id"] == "not-ready"


def test_markdown_report_carries_result_before_answers():
    """Identity, verdict, blockers, path and then every answer with its note and owner."""
    doc = _doc(
        {"q0": "no", "q1": "yes", "q2": "partial"},
        project="Bot",
        notes={"q1": "Load test *report*"},
        owners={"q0": "Ops [team]"},
    )
    text = _score({"document": doc, "markdown": True})["markdown"]
    order = ["**Project:** Bot", "**Blockers:** 1 critical No", "### The path to", "### Answers"]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "owner: Ops \\[team\\]" in text and "Note: Load test \\*report\\*" in text
    assert "\\(" not in text


def test_team_columns_are_named_by_assessor_then_file_name():
    """Each respondent's column uses the assessor their file names, else the file name."""
    out = json.loads(
        api.call(
            "readiness.merge",
            json.dumps(
                {
                    "documents": [
                        {"name": "a.json", "document": _doc({"q0": "yes"}, assessor="Ana")},
                        {"name": "b.json", "document": _doc({"q0": "no"})},
                    ]
                }
            ),
            DATA,
        )
    )
    assert [p["name"] for p in out["people"]] == ["Ana", "b.json"]


def test_report_is_the_same_function_for_page_and_cli():
    """The API's markdown is exactly assessment_markdown of the view it returns."""
    c = DATA.scored_checklist
    read = read_document(_doc({"q0": "partial"}), c)
    view = assessment_view(assess(c, DATA.rubric, read), c, DATA.rubric)
    assert _score({"document": _doc({"q0": "partial"}), "markdown": True})["markdown"] == (
        assessment_markdown(view)
    )


def test_csv_export_reads_back_with_result_rows_first_and_defused_text():
    """The CSV parses with the csv module: identity and verdict rows, then every question."""
    import csv
    import io

    doc = _doc({"q0": "no"}, project="=HYPERLINK(1)", owners={"q0": "@ops"})
    text = _score({"document": doc, "markdown": True})["csv"]
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    kinds = [row["kind"] for row in rows]
    assert kinds[:5] == ["project", "assessor", "assessed", "verdict", "score"]
    assert kinds.index("question") > kinds.index("blocker")
    assert rows[0]["value"] == "'=HYPERLINK(1)"
    q0 = next(r for r in rows if r["kind"] == "question" and r["question_id"] == "q0")
    assert q0["owner"] == "'@ops" and q0["risk"] == "high" and q0["answer"] == "No"
