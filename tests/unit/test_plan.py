"""The answers document's version 2 (the improvement plan) and the plan's exports."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pilot2prod.readiness.answers import (
    FORMAT_VERSION,
    PlanEntry,
    read_document,
    write_document,
)
from pilot2prod.readiness.plan import plan_items, plan_view
from pilot2prod.readiness.plan_export import TRACKER_COLUMNS, issues, plan_csv, plan_markdown
from pilot2prod.readiness.scoring import assess
from pilot2prod.sharelink import decode, encode
from tests.fixtures import repo_data

DATA = repo_data()
CHECKLIST = DATA.scored_checklist

V1 = {
    "format": "pilot2prod/answers",
    "version": 1,
    "checklist": "readiness",
    "checklist_version": CHECKLIST.version,
    "answers": {"real-traffic-sample": "no", "named-operator": "partial", "integration-map": "yes"},
    "notes": {"named-operator": "Ops team asked, no answer yet."},
    "owners": {"real-traffic-sample": "Zoë"},
    "orphans": {"retired-question": {"answer": "yes"}},
    "project": "Claims triage",
}


def _plan(doc):
    answers = read_document(doc, CHECKLIST)
    assessment = assess(CHECKLIST, DATA.rubric, answers)
    return plan_view(assessment, CHECKLIST, answers, "https://example.org/", True)


def test_version_1_file_reads_as_before_with_an_empty_plan():
    """A v1 export keeps every answer, note, owner and its identity, and gets an empty plan."""
    read = read_document(V1, CHECKLIST)
    assert FORMAT_VERSION == 2
    assert dict(read.values) == {
        "real-traffic-sample": "no",
        "integration-map": "yes",
        "named-operator": "partial",
    }
    assert read.notes == V1["notes"] and read.owners == V1["owners"]
    assert read.identity.project == "Claims triage"
    assert read.plan == {} and read.problems == ()


def test_a_version_1_document_is_written_back_as_version_2_with_nothing_lost():
    """Migration keeps every v1 answer, note, owner and kept-aside entry and adds an empty plan."""
    written = write_document(read_document(V1, CHECKLIST), CHECKLIST)
    assert written["version"] == 2 and written["plan"] == {}
    for key in ("answers", "notes", "owners", "orphans"):
        assert written[key] == V1.get(key, {}), key


def test_version_1_share_link_opens_with_the_same_answers():
    """A share link made before version 2 decodes and reads exactly like the v1 file."""
    from_link = read_document(decode(encode(V1)), CHECKLIST)
    assert from_link == read_document(V1, CHECKLIST)


def test_version_2_plan_is_read_with_its_fields():
    """Action, owner, due date and status come back as written."""
    entry = {"action": "Sample 300 tickets", "owner": "Ana", "due": "2026-03-01", "status": "done"}
    doc = {**V1, "version": 2, "plan": {"real-traffic-sample": entry}}
    read = read_document(doc, CHECKLIST)
    assert read.plan == {"real-traffic-sample": PlanEntry(**entry)}


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ({"status": "finished"}, "its status “finished” is not one of: Open, In progress, Done"),
        ({"due": "next week"}, "its due date “next week” is not a date (YYYY-MM-DD)"),
        ({"owner": 42}, "its owner is not text"),
        ({"action": "x" * 501}, "its action is longer than 500 characters"),
        ({"colour": "red"}, "it has a field “colour” a plan does not have"),
    ],
)
def test_a_plan_entry_that_cannot_be_used_is_kept_aside_with_why(entry, why):
    """A plan entry this version cannot use is kept aside as the JSON it was (the data's plan
    rules may change), with the reason; it is no fault and the rest of the document reads."""
    read = read_document({**V1, "version": 2, "plan": {"named-operator": entry}}, CHECKLIST)
    assert read.problems == () and read.plan == {}
    assert read.plans_kept_aside == (("named-operator", why),)
    assert json.loads(read.kept_aside["named-operator"]["plan"]) == entry
    assert read.values["named-operator"] == "partial"


def test_plan_for_an_unknown_question_is_kept_aside_not_planned():
    """A plan entry whose question is gone is kept aside with it, never a key in the plan."""
    read = read_document({**V1, "version": 2, "plan": {"__proto__": {"owner": "x"}}}, CHECKLIST)
    assert read.plan == {} and read.problems == ()
    assert read.kept_aside["__proto__"] == {"plan": '{"owner":"x"}'}


def test_plan_lists_every_open_question_with_the_suggested_action():
    """Open questions get the data's suggested action; the question's owner is the default."""
    view = _plan(V1)
    ids = [item["id"] for item in view["items"]]
    assert "integration-map" not in ids  # answered Yes: nothing to plan
    assert len(ids) == len(CHECKLIST.items) - 1
    first = view["items"][0]
    assert first["id"] == "real-traffic-sample" and first["risk"] == "high"
    suggested = next(i.action for i in CHECKLIST.items if i.id == "real-traffic-sample")
    assert first["action"] == suggested and first["suggested"] is True
    assert first["owner"] == "Zoë"


def test_every_readiness_question_has_a_suggested_action():
    """The data gives each scored question an action, so no plan item starts empty."""
    assert all(item.action.strip() for item in CHECKLIST.items)


def test_readers_own_plan_overrides_the_suggestion():
    """The reader's action, owner and status replace the defaults."""
    entry = {"action": "Our own step", "owner": "Bo", "status": "in-progress"}
    doc = {**V1, "version": 2, "plan": {"real-traffic-sample": entry}}
    (item,) = [i for i in _plan(doc)["items"] if i["id"] == "real-traffic-sample"]
    assert (item["action"], item["owner"], item["status"], item["suggested"]) == (
        "Our own step",
        "Bo",
        "in-progress",
        False,
    )


def test_markdown_task_list_ticks_done_items_and_escapes_reader_text():
    """Done items are ticked; a hostile action is shown as text, not markup."""
    plan = {
        "real-traffic-sample": {"action": "<img src=x onerror=alert(1)> [x](javascript:1)"},
        "named-operator": {"status": "done"},
    }
    text = plan_markdown(_plan({**V1, "version": 2, "plan": plan}), links=True)
    assert "\\<img" in text and "\\[x\\]" in text and "**<img" not in text
    lines = [line for line in text.splitlines() if line.startswith("- [")]
    assert sum(line.startswith("- [x]") for line in lines) == 1
    assert len(lines) == len(CHECKLIST.items) - 1


def test_tracker_csv_reads_back_with_the_importer_columns():
    """The CSV parses with the csv module: the importer's columns, one row per item not done."""
    plan = {"named-operator": {"status": "done"}, "real-traffic-sample": {"owner": "=cmd|' /C"}}
    view = _plan({**V1, "version": 2, "plan": plan})
    rows = list(csv.reader(io.StringIO(plan_csv(view).removeprefix("\ufeff"))))
    assert tuple(rows[0]) == TRACKER_COLUMNS
    assert len(rows) - 1 == len(view["items"]) - 1
    first = dict(zip(rows[0][:4], rows[1][:4], strict=True))
    assert first["Assignee"] == "'=cmd|' /C"  # a formula is neutralised
    assert rows[1][4:] == ["pilot2prod", "readiness-reliability", "risk-high", "critical"]
    assert "Why it matters" in first["Description"]


def test_issue_body_has_question_why_and_guidance_link():
    """Each gap's issue names the question, why it matters and links the guidance."""
    (body,) = [i["body"] for i in issues(_plan(V1), links=True) if i["id"] == "named-operator"]
    item = next(i for i in CHECKLIST.items if i.id == "named-operator")
    assert item.text in body and item.why.split(".")[0] in body
    assert "(https://example.org/readiness-questions/#operations)" in body


def test_plan_items_follow_the_risk_order():
    """Highest risk first, as the verdict ranks risks."""
    answers = read_document(V1, CHECKLIST)
    items = plan_items(assess(CHECKLIST, DATA.rubric, answers), CHECKLIST, answers)
    order = {"high": 0, "medium": 1, "low": 2}
    assert [order[i.risk] for i in items] == sorted(order[i.risk] for i in items)
