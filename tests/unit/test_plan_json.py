"""The plan's JSON from the API: what the page exports and `pilot2prod plan --format json`."""

from __future__ import annotations

import json

from pilot2prod.readiness.answers import FORMAT_VERSION, PAGE_VERSION, blank_document
from pilot2prod.readiness.presentation.plan_export import PLAN_FORMAT
from tests.fixtures import api_result, repo_data

DATA = repo_data()
DOC = {
    "format": "pilot2prod/answers",
    "version": 2,
    "checklist": "readiness",
    "answers": {"real-traffic-sample": "no", "named-operator": "partial"},
    "plan": {
        "real-traffic-sample": {"due": "2026-03-01", "status": "in-progress"},
        "named-operator": {"due": "2026-01-01", "status": "done"},
    },
}


def _plan(today: str) -> dict:
    payload = {"document": DOC, "exports": True, "today": today}
    return api_result(DATA, "readiness.plan", payload)


def test_plan_json_counts_overdue_items_from_the_day_given():
    """An item not done is overdue the day after its due date; a done one never is."""
    assert json.loads(_plan("2026-03-01")["json"])["overdue"] == []
    assert json.loads(_plan("2026-03-02")["json"])["overdue"] == ["real-traffic-sample"]


def test_plan_json_carries_the_plan_and_one_issue_per_item_not_done():
    """The JSON holds the plan's format tag, its items and the issue bodies, and no copy of
    the Markdown or CSV it was built beside."""
    view = _plan("2026-03-02")
    document = json.loads(view["json"])
    assert document["format"] == PLAN_FORMAT and document["version"] == 1
    assert document["items"] == view["items"]
    assert [i["id"] for i in document["issues"]] == [
        i["id"] for i in view["items"] if i["status"] != "done"
    ]
    assert not {"markdown", "csv", "json"} & set(document)
    assert view["json"].endswith("}\n")


def test_a_today_that_is_no_date_is_refused_by_name():
    """`today` must be YYYY-MM-DD; anything else is an input error naming it."""
    payload = {"document": DOC, "exports": True, "today": "soon"}
    assert "'today'" in api_result(DATA, "readiness.plan", payload)["error"]


def test_the_page_writes_the_newest_format():
    """The site's pages write answers format 2 (with a plan), the newest this package reads."""
    assert PAGE_VERSION == FORMAT_VERSION == 2
    assert blank_document(DATA.scored_checklist)["plan"] == {}
