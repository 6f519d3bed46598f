"""A shared link opened where nothing is saved: the answers are shown as they are, read-only,
with one action that keeps them; no choice can empty the screen. Where the reader has something
of their own, they choose which to keep. The checklists and the calculators offer the same."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from pilot2prod import sharelink
from tests.browser.support import BOOT_TIMEOUT_MS, serious_axe_violations
from tests.browser.test_checklists import (
    ASSESSMENT,
    answers_doc,
    choose,
    item_ids,
    shown,
    stored,
    wait_mounted,
)
from tests.browser.test_checklists_transfer import banner
from tests.fixtures import api_result, repo_data

IDS = item_ids("readiness")
SHARED = answers_doc(
    "readiness",
    {IDS[0]: "yes", IDS[1]: "partial", IDS[2]: "no"},
    notes={IDS[1]: "Half the cases measured"},
    owners={IDS[2]: "Priya"},
)
ACTIONS = ("Save to this browser", "Keep mine", "Replace mine", "Save as a named copy")
COST = '.p2p-calc[data-p2p-calc="cost"]'
ESTIMATOR = '.p2p-calc[data-p2p-calc="effort"]'
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
}


def offered(page: Page, scope: str) -> list[str]:
    """The banner's actions a reader can see, in order."""
    return [
        name
        for name in ACTIONS
        if page.locator(scope).locator(".p2p-banner").get_by_role("button", name=name).is_visible()
    ]


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_a_reader_with_nothing_saved_sees_the_shared_answers_and_one_action(
    new_context, site_url, device
):
    """A fresh profile shows the link's answers, read-only, with the verdict Python gives them;
    nothing is stored and the address keeps the link until "Save to this browser"."""
    page = new_context(**VIEWPORTS[device]).new_page()
    page.goto(sharelink.link(site_url + ASSESSMENT, SHARED))
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert offered(page, "#readiness") == ["Save to this browser"]
    expect(banner(page)).to_contain_text("no answers saved in this browser")
    assert shown(page) == {k: SHARED[k] for k in ("answers", "notes", "owners")}
    expect(page.locator(f"#readiness-{IDS[3]}--yes")).to_be_disabled()
    expect(page.locator(f"#readiness-{IDS[0]}--yes")).to_be_disabled()
    view = api_result(repo_data(), "readiness.view", {"document": SHARED})
    expect(page.locator('[data-p2p-component="readiness"] output[name="verdict"]')).to_have_text(
        view["verdict_text"], timeout=BOOT_TIMEOUT_MS
    )
    assert stored(page) is None
    assert "#p2p=" in page.url
    assert serious_axe_violations(page) == []
    page.reload()
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert stored(page) is None

    banner(page).get_by_role("button", name="Save to this browser").click()
    expect(banner(page)).to_be_hidden()
    saved = stored(page)
    assert saved is not None
    assert {k: saved[k] for k in ("answers", "notes", "owners")} == {
        k: SHARED[k] for k in ("answers", "notes", "owners")
    }
    assert "p2p=" not in page.url
    expect(page.locator(f"#readiness-{IDS[3]}--yes")).to_be_enabled()
    choose(page, "readiness", IDS[3], "yes")
    page.wait_for_function(
        "([k, id]) => (JSON.parse(localStorage.getItem(k)) || {answers: {}}).answers[id] === 'yes'",
        arg=["pilot2prod:answers:readiness", IDS[3]],
    )


def test_answers_saved_in_another_tab_meanwhile_turn_the_action_into_a_choice(
    new_context, site_url
):
    """When the reader saves answers of their own in another tab while the link's are shown,
    the banner asks which to keep, and the form is no longer read-only."""
    context = new_context()
    page = context.new_page()
    page.goto(sharelink.link(site_url + ASSESSMENT, SHARED))
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert offered(page, "#readiness") == ["Save to this browser"]
    other = context.new_page()
    other.goto(site_url + ASSESSMENT)
    wait_mounted(other, "readiness")
    choose(other, "readiness", IDS[5], "yes")
    expect(banner(page).get_by_role("button", name="Keep mine")).to_be_visible()
    assert offered(page, "#readiness") == ["Keep mine", "Replace mine", "Save as a named copy"]
    expect(page.locator(f"#readiness-{IDS[3]}--yes")).to_be_enabled()
    banner(page).get_by_role("button", name="Keep mine").click()
    assert stored(page)["answers"] == {IDS[5]: "yes"}
    assert shown(page)["answers"] == {IDS[5]: "yes"}


def test_a_reader_with_answers_of_their_own_chooses_and_is_never_offered_save(
    new_context, site_url
):
    """With answers saved, the link's answers are shown beside the choice to keep or replace."""
    context = new_context()
    own = context.new_page()
    own.goto(site_url + ASSESSMENT)
    wait_mounted(own, "readiness")
    choose(own, "readiness", IDS[5], "no")
    own.wait_for_function("() => localStorage.getItem('pilot2prod:answers:readiness')")
    page = context.new_page()
    page.goto(sharelink.link(site_url + ASSESSMENT, SHARED))
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert offered(page, "#readiness") == ["Keep mine", "Replace mine", "Save as a named copy"]
    expect(banner(page)).to_contain_text("untouched until you choose")
    assert stored(page)["answers"] == {IDS[5]: "no"}


def _storage(page: Page, root: str) -> dict[str, Any] | None:
    key = page.locator(root).get_attribute("data-storage-key")
    raw = page.evaluate("(k) => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


@pytest.mark.parametrize("keep", ["Save to this browser", "a change"])
def test_a_calculator_link_in_a_fresh_profile_is_kept_by_saving_or_by_a_change(
    new_context, site_url, keep
):
    """The run-cost page offers the same single action; nothing is stored before the reader
    acts, and a change, with nothing of theirs to lose, keeps the inputs with it."""
    page = new_context().new_page()
    page.goto(site_url + "run-cost/")
    fmt = page.locator(COST).get_attribute("data-format")
    page.goto(
        sharelink.link(
            site_url + "run-cost/",
            {"format": fmt, "version": 1, "inputs": {"requests-per-day": "2222"}},
        )
    )
    page.reload()
    field = page.locator(COST).locator('[name="requests-per-day"]')
    expect(field).to_have_value("2222", timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(COST).locator(".p2p-banner")).to_be_visible()
    assert offered(page, COST) == ["Save to this browser"]
    assert "#p2p=" in page.url
    page.wait_for_timeout(300)
    assert _storage(page, COST) is None
    if keep == "a change":
        field.fill("3333")
        field.dispatch_event("input")
    else:
        page.locator(COST).get_by_role("button", name="Save to this browser").click()
    expect(page.locator(COST).locator(".p2p-banner")).to_be_hidden()
    expected = "3333" if keep == "a change" else "2222"
    assert _storage(page, COST)["inputs"]["requests-per-day"] == expected
    assert "p2p=" not in page.url


def test_scores_carried_from_the_assessment_are_saved_on_arrival(new_context, site_url):
    """The estimator link the assessment writes holds only the reader's own scores: they are
    kept at once, so only reading the estimate loses nothing."""
    data = repo_data()
    dimensions = [{"id": section.id, "score": 0.41} for section in data.scored_checklist.sections]
    link = api_result(data, "effort.carried_link", {"dimensions": dimensions})["link"]
    page = new_context().new_page()
    page.goto(f"{site_url}estimator/#p2p={link}")
    root = page.locator(ESTIMATOR)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=BOOT_TIMEOUT_MS)
    key = root.get_attribute("data-storage-key")
    page.wait_for_function("(k) => localStorage.getItem(k)", arg=key, timeout=BOOT_TIMEOUT_MS)
    expect(root.locator(".p2p-banner")).to_have_count(0)
    saved = _storage(page, ESTIMATOR)["inputs"]
    text = json.dumps(sharelink.decode(link))
    carried = api_result(data, "calculators.read", {"calculator": "effort", "text": text})["given"]
    assert {key: saved[key] for key in carried} == carried
