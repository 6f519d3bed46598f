"""Page 1's "what will it take": owners, next actions, the path, the calculators' figures.

Each test is what a reader of the verdict box or of the printed page 1 would notice.
"""

from __future__ import annotations

from pilot2prod.calculators.takes import what_it_takes
from pilot2prod.readiness.presentation.views import owner_text
from tests.fixtures import answers_document, api_result, repo_data

DATA = repo_data()
PLAN_OWNER = "Platform team"


def _view(answers: dict[str, str], **payload: object) -> dict:
    return api_result(DATA, "readiness.view", {"document": answers_document(answers), **payload})


def _worked(effort: dict | None = None, cost: dict | None = None, day: str = "2026-12-01"):
    found = {}
    if effort is not None:
        found["effort"] = {"inputs": effort, "worked": day}
    if cost is not None:
        found["cost"] = {"inputs": cost, "worked": day}
    return found


def test_a_question_owned_only_through_its_plan_is_not_called_unowned():
    """The plan's action owner is named wherever the question's owner would be: risks, the
    path, the next actions and the Markdown export all say it."""
    doc = answers_document({"named-operator": "no"})
    doc["plan"] = {
        "named-operator": {"action": "", "owner": PLAN_OWNER, "due": "", "status": "in-progress"}
    }
    view = api_result(DATA, "readiness.view", {"document": doc})
    risk = next(r for r in view["risks"] if r["id"] == "named-operator")
    assert risk["owner_text"] == f"owner: {PLAN_OWNER}"
    first = view["next_actions"]["items"][0]
    assert first["id"] == "named-operator" and PLAN_OWNER in first["details"]
    assert "In progress" in first["details"]
    markdown = api_result(DATA, "readiness.score", {"document": doc, "markdown": True})
    assert f"owner: {PLAN_OWNER}" in markdown["markdown"]


def test_two_different_owners_are_both_named_for_what_they_own():
    """An answer's owner and another action owner: one phrase names each as such."""
    assert owner_text("Ops", "Data team") == "owner: Ops; action owner: Data team"
    assert owner_text("Ops", "Ops") == "owner: Ops"
    assert owner_text("", "") == "no owner named"


def test_next_actions_put_the_planned_work_first_with_due_date_and_status():
    """An action the team has taken up (owner and due date) comes before untouched ones."""
    doc = answers_document({"named-operator": "no", "cost-monitoring": "no"})
    entry = {"action": "Set a budget alarm", "owner": "Finance", "due": "2027-01-15"}
    doc["plan"] = {"cost-monitoring": entry | {"status": "open"}}
    actions = api_result(DATA, "readiness.view", {"document": doc})["next_actions"]
    first = actions["items"][0]
    assert first["action"] == "Set a budget alarm"
    assert first["details"] == "owner: Finance · due 2027-01-15 · Open"
    assert actions["title"].startswith(f"Next actions ({len(actions['items'])} of ")


def test_the_score_says_what_sets_it_and_an_unheard_dimension_makes_it_provisional():
    """One answer: the verdict is marked provisional and names the silent dimensions; once
    every dimension has an answer the mark goes."""
    one = _view({"named-operator": "yes"})
    assert one["score_explained"].endswith("(set by the weakest dimension)")
    assert one["verdict_text"] == f"{one['verdict']['label']} (provisional)"
    silent = [d["title"] for d in one["dimensions"] if d["score"] is None]
    assert silent and all(title in one["provisional_text"] for title in silent)
    checklist = DATA.scored_checklist
    each = {section.items[0].id: "yes" for section in checklist.sections}
    heard = _view(each)
    assert heard["provisional_text"] == "" and heard["verdict_text"] == heard["verdict"]["label"]


def test_the_path_lists_every_step_to_the_top_band():
    """From a low verdict the view holds one titled step per band above it, up to Ready."""
    view = _view({"named-operator": "no"})
    top = DATA.rubric.bands[-1].label
    assert view["path_title"] == f"The path to {top}"
    assert view["path"][-1]["target"]["label"] == top
    assert [s["title"] for s in view["path"]] == [
        f"Step {n}: {s['target']['label']}" for n, s in enumerate(view["path"], start=1)
    ]


def test_the_calculators_figures_reach_the_verdict_with_the_day_they_were_worked_out():
    """P80 effort, calendar time, cost and the monthly run cost, each as its calculator
    shows it, and the day each was worked out."""
    effort = DATA.effort.defaults()
    cost = DATA.cost.defaults()
    takes = _view({}, worked=_worked(effort, cost, "2026-11-30"))["takes"]
    shown = {line["id"]: line["text"] for line in takes["lines"]}
    estimate = api_result(DATA, "effort.estimate", {"inputs": effort})
    run = api_result(DATA, "cost.run", {"inputs": cost})
    assert shown["p80"] == estimate["outputs"]["p80"]["text"]
    assert shown["monthly"] == f"{run['outputs']['monthly']['text']} a month"
    assert {"calendar", "cost"} <= set(shown)
    assert "2026-11-30" in takes["as_of"] and takes["note"] == ""


def test_without_calculator_results_the_verdict_says_how_to_get_them():
    """Nothing kept, or a kept record that cannot be read, gives no figure and a way on."""
    assert _view({})["takes"]["lines"] == []
    broken = _worked({"pilot-weeks": "-5"}, None) | {"cost": {"inputs": {}, "worked": "soon"}}
    found = what_it_takes(DATA.effort, DATA.cost, broken)
    assert found["lines"] == [] and "estimator" in found["note"]


def test_the_estimators_headline_puts_p80_first():
    """The figures kept in view on the estimator start with P80, then P50 / P90."""
    headline = api_result(DATA, "effort.estimate", {"inputs": DATA.effort.defaults()})["headline"]
    assert [item["id"] for item in headline][:2] == ["p80", "p50-p90"]
