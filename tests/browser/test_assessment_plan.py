"""The improvement plan on the assessment page: answers format 2 in Chromium.

Each open question has a "Plan" fold (action, owner, due date, status) saved with the
answers; version 1 answers keep opening; the plan block lists Python's plan and exports
the same bytes as `pilot2prod plan` on the page's own JSON export.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from pilot2prod import sharelink
from pilot2prod.cli import main
from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    serious_axe_violations,
    share_link,
    watch_errors,
)
from tests.browser.test_checklists import (
    ASSESSMENT,
    answers_doc,
    checklist,
    choose,
    item_ids,
    open_page,
    reopen_with,
    shown,
    stored,
    wait_mounted,
    write_field,
)
from tests.browser.test_checklists_transfer import (
    SCRIPT_OWNER,
    XSS_NOTE,
    banner,
    download,
    import_file,
    notices,
    watch_dialogs,
)

PLAN = "[data-p2p-component='plan']"
IDS = item_ids("readiness")


def fold(page: Page, item: str):
    """The Plan fold of one question."""
    return page.locator(f"#readiness-{item} details.p2p-item__plan")


def plan_control(page: Page, item: str, field: str):
    return page.locator(f"#readiness-{item}--plan-{field}")


def open_fold(page: Page, item: str) -> None:
    details = fold(page, item)
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def write_plan(page: Page, item: str, **fields: str) -> None:
    """Fill plan fields of `item` as a reader does: type text, pick a date, choose a status."""
    open_fold(page, item)
    for field, value in fields.items():
        control = plan_control(page, item, field)
        if field == "status":
            control.select_option(value)
        else:
            control.fill(value)
            control.press("Tab")


def plan_shown(page: Page, item: str) -> dict[str, str]:
    """What an item's plan controls hold now."""
    return {
        field: plan_control(page, item, field).input_value()
        for field in ("action", "owner", "due", "status")
    }


def v2(answers: dict[str, str], plan: dict[str, Any], **parts: Any) -> dict[str, Any]:
    """A version 2 answers document as the page stores it."""
    return {**answers_doc("readiness", answers, **parts), "version": 2, "plan": plan}


def suggestion(item: str) -> str:
    return next(i.action for i in checklist("readiness").items if i.id == item)


# ----- version 1 keeps opening ----------------------------------------------------------


def test_v1_saved_answers_open_and_are_saved_back_as_v2(page, site_url):
    """Answers saved by the version 1 page reopen unchanged; the next edit saves version 2
    with the same answers, notes and owners and the new plan entry."""
    open_page(page, site_url + ASSESSMENT)
    old = answers_doc(
        "readiness",
        {IDS[0]: "no", IDS[1]: "yes"},
        notes={IDS[0]: "Tried once"},
        owners={IDS[0]: "Ana"},
    )
    assert old["version"] == 1
    reopen_with(page, old)
    assert shown(page) == {k: old[k] for k in ("answers", "notes", "owners")}
    write_plan(page, IDS[0], owner="Ops")
    saved = stored(page)
    assert saved["version"] == 2
    assert {k: saved[k] for k in ("answers", "notes", "owners", "orphans")} == {
        k: old[k] for k in ("answers", "notes", "owners", "orphans")
    }
    assert saved["plan"] == {IDS[0]: {"owner": "Ops"}}


def test_v1_file_imports_and_v1_link_opens(new_context, site_url, tmp_path):
    """A version 1 export imports, and a version 1 share link opens and can be adopted;
    both are stored as version 2 with an empty plan."""
    old = answers_doc("readiness", {IDS[2]: "partial", IDS[3]: "na"}, notes={IDS[3]: "Batch"})
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    page = new_context().new_page()
    open_page(page, site_url + ASSESSMENT)
    import_file(page, path)
    expect(notices(page)).to_contain_text("Imported 2 answers", timeout=BOOT_TIMEOUT_MS)
    assert stored(page)["answers"] == old["answers"]
    assert stored(page)["version"] == 2 and stored(page)["plan"] == {}

    other = new_context().new_page()
    other.goto(f"{site_url}{ASSESSMENT}#p2p={sharelink.encode(old)}")
    wait_mounted(other, "readiness")
    expect(banner(other)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    banner(other).get_by_role("button", name="Save to this browser").click()
    assert stored(other)["answers"] == old["answers"]
    assert stored(other)["notes"] == old["notes"]
    assert stored(other)["version"] == 2 and stored(other)["plan"] == {}


# ----- editing the plan -------------------------------------------------------------------


def test_plan_fold_is_for_open_questions_and_starts_from_the_suggestion(page, site_url):
    """A question answered Yes shows no Plan fold; an open one does, collapsed, with the
    suggested action, which the reader can rewrite and reset."""
    open_page(page, site_url + ASSESSMENT)
    item = IDS[5]
    expect(fold(page, item)).to_be_visible()
    expect(fold(page, item)).not_to_have_attribute("open", "")
    choose(page, "readiness", item, "yes")
    expect(fold(page, item)).to_be_hidden()
    choose(page, "readiness", item, "no")
    open_fold(page, item)
    action = plan_control(page, item, "action")
    expect(action).to_have_value(suggestion(item))
    reset = fold(page, item).get_by_role("button", name="Reset to suggestion")
    expect(reset).to_be_disabled()
    write_plan(page, item, action="Sample 300 real tickets by Friday")
    assert stored(page)["plan"] == {item: {"action": "Sample 300 real tickets by Friday"}}
    expect(reset).to_be_enabled()
    reset.click()
    expect(action).to_have_value(suggestion(item))
    assert stored(page)["plan"] == {}


def test_plan_fields_survive_reload_export_import_and_share(new_context, site_url, tmp_path):
    """Action, owner, due date and status are saved, reload as typed, and travel in the JSON
    export (which imports elsewhere) and in the share link."""
    page = new_context().new_page()
    open_page(page, site_url + ASSESSMENT)
    item = IDS[1]
    choose(page, "readiness", item, "partial")
    entry = {"action": "Write the runbook", "owner": "Kim", "due": "2027-01-15"}
    write_plan(page, item, **entry, status="in-progress")
    expected = {**entry, "status": "in-progress"}
    assert stored(page)["plan"] == {item: expected}
    page.reload()
    wait_mounted(page, "readiness")
    assert plan_shown(page, item) == expected

    text = download(page, "Export JSON")
    assert json.loads(text)["plan"] == {item: expected}
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    fresh = new_context().new_page()
    open_page(fresh, site_url + ASSESSMENT)
    import_file(fresh, path)
    expect(notices(fresh)).to_contain_text("Imported 1 answer", timeout=BOOT_TIMEOUT_MS)
    assert plan_shown(fresh, item) == expected
    assert stored(fresh)["plan"] == {item: expected}

    link = share_link(page)
    assert sharelink.decode(link)["plan"] == {item: expected}
    receiver = new_context().new_page()
    receiver.goto(link)
    wait_mounted(receiver, "readiness")
    expect(banner(receiver)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert plan_shown(receiver, item) == expected
    assert stored(receiver) is None


def test_hostile_plan_text_stays_text_on_the_page(new_context, site_url):
    """Markup typed as an action or owner shows as those characters, runs nothing, and comes
    back from a share link as text too."""
    page = new_context().new_page()
    dialogs = watch_dialogs(page)
    open_page(page, site_url + ASSESSMENT)
    item = IDS[4]
    choose(page, "readiness", item, "no")
    write_plan(page, item, action=XSS_NOTE, owner=SCRIPT_OWNER)
    expect(fold(page, item).locator("[data-p2p-plan-state]")).to_contain_text(SCRIPT_OWNER)
    listed = page.locator(f"{PLAN} [data-item='{item}']")
    expect(listed).to_contain_text(XSS_NOTE, timeout=120_000)
    link = share_link(page)
    receiver = new_context().new_page()
    receiver_dialogs = watch_dialogs(receiver)
    receiver.goto(link)
    wait_mounted(receiver, "readiness")
    expect(plan_control(receiver, item, "action")).to_have_value(XSS_NOTE)
    for tab in (page, receiver):
        assert tab.locator("img[src='x'], .p2p-plan script, .p2p-checklist script").count() == 0
    assert dialogs == [] and receiver_dialogs == []


# ----- plan entries the page cannot use -------------------------------------------------------


def test_an_unusable_plan_entry_in_a_file_is_kept_aside_with_a_notice(page, site_url, tmp_path):
    """A status the page does not know sets that entry aside (kept, shown, named in the
    notice); the file's other answers and plan entries are read."""
    bad = {"status": "urgent", "owner": "Bo"}
    doc = v2({IDS[0]: "no", IDS[1]: "no"}, {IDS[0]: bad, IDS[1]: {"owner": "Ana"}})
    path = tmp_path / "bad-plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    open_page(page, site_url + ASSESSMENT)
    import_file(page, path)
    expect(notices(page)).to_contain_text(
        "One plan entry could not be used", timeout=BOOT_TIMEOUT_MS
    )
    expect(notices(page)).to_contain_text(
        "“urgent” is not one of: Open, In progress, Done", timeout=BOOT_TIMEOUT_MS
    )
    saved = stored(page)
    assert saved["answers"] == doc["answers"]
    assert saved["plan"] == {IDS[1]: {"owner": "Ana"}}
    assert json.loads(saved["orphans"][IDS[0]]["plan"]) == bad
    expect(page.locator("#readiness .p2p-orphans")).to_contain_text("urgent")


def test_an_unusable_saved_plan_entry_is_kept_and_the_rest_still_opens(page, site_url):
    """Saved answers whose plan holds a date that is no date still open; the entry is moved
    aside, not deleted, and the reader is told once."""
    open_page(page, site_url + ASSESSMENT)
    bad = {"due": "2026-13-45", "action": "Ship it"}
    reopen_with(page, v2({IDS[2]: "partial"}, {IDS[2]: bad}, owners={IDS[2]: "Lee"}))
    expect(notices(page)).to_contain_text("is not a date (YYYY-MM-DD)")
    assert shown(page)["answers"] == {IDS[2]: "partial"}
    saved = stored(page)
    assert saved["owners"] == {IDS[2]: "Lee"} and saved["plan"] == {}
    assert json.loads(saved["orphans"][IDS[2]]["plan"]) == bad
    page.reload()
    wait_mounted(page, "readiness")
    expect(notices(page)).to_be_empty()


# ----- two tabs -------------------------------------------------------------------------


def test_two_tabs_merge_plan_fields_one_by_one(context, site_url):
    """One tab sets a question's plan owner, the other its due date: both are kept, in
    storage and on both pages."""
    first, second = context.new_page(), context.new_page()
    open_page(first, site_url + ASSESSMENT)
    open_page(second, site_url + ASSESSMENT)
    item = IDS[6]
    write_plan(first, item, owner="Noor")
    expect(plan_control(second, item, "owner")).to_have_value("Noor")
    write_plan(second, item, due="2027-02-01")
    expect(plan_control(first, item, "due")).to_have_value("2027-02-01")
    write_plan(first, item, status="done")
    expect(plan_control(second, item, "status")).to_have_value("done")
    expected = {"owner": "Noor", "due": "2027-02-01", "status": "done"}
    assert stored(first)["plan"] == {item: expected}
    assert plan_shown(second, item) == plan_shown(first, item)


# ----- the plan block, its exports, and access -------------------------------------------------


@pytest.fixture
def live(page: Page, site_url: str) -> Page:
    """The assessment with Python booted and the plan block listing the plan."""
    open_page(page, site_url + ASSESSMENT)
    expect(page.locator(PLAN)).to_have_attribute("data-state", "live", timeout=120_000)
    return page


def test_plan_exports_are_the_clis_bytes(live, site_url, tmp_path):
    """The plan block's Markdown, CSV and JSON equal `pilot2prod plan --format md|csv|json`
    on the page's own JSON export, hostile text included."""
    choose(live, "readiness", IDS[0], "no")
    choose(live, "readiness", IDS[3], "partial")
    choose(live, "readiness", IDS[8], "yes")
    write_field(live, "readiness", IDS[3], "owner", "=SUM(A1)")
    write_plan(live, IDS[0], action="Fix *it* <b>now</b> | `x`", owner=SCRIPT_OWNER)
    write_plan(live, IDS[3], due="2020-01-01", status="in-progress")
    write_plan(live, IDS[5], status="done")
    expect(live.locator(f"{PLAN} [data-item='{IDS[5]}']")).to_have_attribute("data-status", "done")
    exported = tmp_path / "answers.json"
    exported.write_text(download(live, "Export JSON"), encoding="utf-8")
    today = date.today().isoformat()
    for button, fmt in (
        ("Export plan (Markdown tasks)", "md"),
        ("Export plan for a tracker (CSV)", "csv"),
        ("Export issue bodies (JSON)", "json"),
    ):
        page_text = download(live, button, scope=PLAN)
        out = tmp_path / f"cli.{fmt}"
        args = ["plan", str(exported), "--format", fmt, "--site-url", site_url]
        assert main([*args, "--today", today, "--output", str(out)]) == 0
        assert out.read_text(encoding="utf-8") == page_text, fmt
    assert "<b>" not in download(live, "Export plan (Markdown tasks)", scope=PLAN)
    issues = json.loads(download(live, "Export issue bodies (JSON)", scope=PLAN))
    assert issues["overdue"] == [IDS[3]]


def test_assessment_with_the_plan_open_has_no_serious_axe_violations(live):
    """axe-core finds nothing serious with a Plan fold and the plan list open."""
    errors = watch_errors(live)
    choose(live, "readiness", IDS[0], "no")
    write_plan(live, IDS[0], owner="Ana")
    live.locator(f"{PLAN} details summary").click()
    expect(live.locator(f"{PLAN} [data-item='{IDS[0]}']")).to_contain_text("owner: Ana")
    assert serious_axe_violations(live) == []
    assert errors.messages == []


def test_plan_fold_fits_a_phone_and_works_by_keyboard(new_context, site_url):
    """At 390 px the open fold scrolls nothing sideways, and every plan control is reached
    and used with the keyboard alone."""
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    open_page(page, site_url + ASSESSMENT)
    item = IDS[2]
    summary = fold(page, item).locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(fold(page, item)).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(plan_control(page, item, "action")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Keyboard action")
    for _ in range(2):  # past the (now enabled) reset button to the owner
        page.keyboard.press("Tab")
    expect(plan_control(page, item, "owner")).to_be_focused()
    page.keyboard.type("Kai")
    status = plan_control(page, item, "status")
    for _ in range(6):  # past the due date (and its parts) to the status
        page.keyboard.press("Tab")
        if status.evaluate("e => e === document.activeElement"):
            break
    expect(status).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert stored(page)["plan"] == {
        item: {"action": "Keyboard action", "owner": "Kai", "status": "in-progress"}
    }
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390


HOLD_STORAGE = """
window.addEventListener("storage", (event) => {
  if (window.__holdStorage) event.stopImmediatePropagation();
}, true);
"""
"""Registered before the page's scripts: while `__holdStorage` is set, this tab has not yet
heard of the other tab's save, as when both tabs edit at the same moment."""


def test_plan_edits_made_at_once_in_two_tabs_keep_both_fields(context, site_url):
    """One tab sets a plan's owner while the other, not yet told, sets its due date: the
    second save merges field by field, so neither edit is lost."""
    first, second = context.new_page(), context.new_page()
    second.add_init_script(HOLD_STORAGE)
    open_page(first, site_url + ASSESSMENT)
    open_page(second, site_url + ASSESSMENT)
    second.evaluate("() => { window.__holdStorage = true; }")
    item = IDS[9]
    write_plan(first, item, owner="Noor")
    assert stored(first)["plan"] == {item: {"owner": "Noor"}}
    expect(plan_control(second, item, "owner")).to_have_value("")
    write_plan(second, item, due="2027-02-01")
    assert stored(second)["plan"] == {item: {"owner": "Noor", "due": "2027-02-01"}}
    expect(plan_control(second, item, "owner")).to_have_value("Noor")
    expect(plan_control(first, item, "due")).to_have_value("2027-02-01")
    expect(plan_control(first, item, "owner")).to_have_value("Noor")
