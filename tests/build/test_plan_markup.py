"""The improvement plan's markup: a Plan fold per readiness question, the rules from Python."""

from __future__ import annotations

import json
from html import unescape

import pytest

from pilot2prod.model.checklists import OWNER_MAX
from pilot2prod.readiness.answers import ACTION_MAX, PLAN_STATUSES
from pilot2prod.readiness.plan import STATUS_LABELS
from tests.build.test_checklist_markup import _form, _page, built_rules
from tests.fixtures import repo_data

DATA = repo_data()
READINESS = DATA.scored_checklist


def test_the_form_hands_the_script_pythons_plan_rules(built_site):
    """Statuses, their labels and the length limits the script checks a plan entry against
    are answers.py's own (the words on the readiness form, the rest in the built rules)."""
    words = json.loads(_form(built_site, READINESS).attrs["data-plan"])
    assert words == {"status_labels": STATUS_LABELS}
    rules = built_rules(built_site)["answers"]
    assert rules["plan_statuses"] == list(PLAN_STATUSES)
    assert rules["status_labels"] == STATUS_LABELS
    assert (rules["action_max"], rules["owner_max"]) == (ACTION_MAX, OWNER_MAX)
    for checklist in DATA.checklists.values():
        if checklist.id != READINESS.id:
            form = _form(built_site, checklist)
            assert "data-plan" not in form.attrs
            assert form.find_all("details", class_="p2p-item__plan") == []


def test_every_question_has_a_plan_fold_starting_from_its_suggested_action(built_site):
    """Each readiness question has one collapsed Plan fold, hidden without the script, whose
    labelled action field holds the data's suggested action and whose status lists the three."""
    form = _form(built_site, READINESS)
    for item in READINESS.items:
        (li,) = form.find_all("li", id=f"readiness-{item.id}")
        (fold,) = li.find_all("details", class_="p2p-item__plan")
        assert "hidden" in fold.attrs and "open" not in fold.attrs
        (action,) = fold.find_all("textarea", data_plan_field="action")
        assert unescape(action.text()) == " ".join(item.action.split())
        assert action.attrs["maxlength"] == str(ACTION_MAX)
        for field in ("action", "owner", "due", "status"):
            control_id = f"readiness-{item.id}--plan-{field}"
            assert len(fold.find_all("label", for_=control_id)) == 1, control_id
        (status,) = fold.find_all("select", data_plan_field="status")
        assert [o.attrs["value"] for o in status.find_all("option")] == list(PLAN_STATUSES)
        assert fold.find_all("input", type="date", data_plan_field="due")


@pytest.mark.parametrize("label", ["Markdown tasks", "for a tracker (CSV)", "issue bodies"])
def test_the_plan_block_follows_the_checklist_with_its_exports(built_site, label):
    """The assessment page holds the plan block for the readiness checklist, with each export
    button waiting (disabled) until Python is up."""
    (block,) = _page(built_site, "assessment.md").find_all("section", data_p2p_component="plan")
    assert block.attrs["data-checklist"] == READINESS.id
    buttons = [b for b in block.find_all("button") if label in b.text()]
    assert len(buttons) == 1 and "disabled" in buttons[0].attrs
