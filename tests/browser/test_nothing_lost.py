"""Nothing a reader saved is lost: unreadable storage, full storage, two tabs, links, odd ids.

Each test pins one thing a reader would notice: a saved value that this page cannot read is
still there afterwards under a key of its own, a note typed in one tab survives a save in
another, a calculator link does not replace saved inputs without asking, and an item id such
as "__proto__" is shown as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from pilot2prod import sharelink
from tests.browser.support import BOOT_TIMEOUT_MS, serious_axe_violations, tool, watch_errors
from tests.browser.test_checklists import (
    ASSESSMENT,
    answers_doc,
    choose,
    item_ids,
    reopen_with,
    seed,
    shown,
    stored,
)
from tests.browser.test_checklists_transfer import banner, import_file, notices
from tests.cli.support import document

COST = '.p2p-calc[data-p2p-calc="cost"]'
TEAM_ROOT = "[data-p2p-component='team']"
BOOT = 120_000
MOUNT = 30_000
"""Module loading is quick, but this machine is shared: allow for a busy moment."""


def wait_mounted(page: Page, checklist_id: str = "readiness") -> None:
    """Wait, generously, until the checklist's script has mounted the form."""
    expect(page.locator(f"form#{checklist_id}")).to_have_attribute(
        "data-p2p-mounted", "true", timeout=MOUNT
    )


def open_page(page: Page, url: str) -> None:
    """Go to `url` and wait for the readiness checklist to mount."""
    page.goto(url)
    wait_mounted(page)


def click_answer(page: Page, item: str, value: str) -> None:
    """Pick an answer by clicking the radio from script: a notice another tab's save shows
    a moment earlier can shift the layout under a mouse click, not under this."""
    page.evaluate("(id) => document.getElementById(id).click()", f"readiness-{item}--{value}")


def set_aside(page: Page, key: str) -> list[str]:
    """The texts kept under `key`'s set-aside keys, oldest first."""
    return page.evaluate(
        """(key) => Object.keys(localStorage)
            .filter((k) => k.startsWith(key + ':unreadable:')).sort()
            .map((k) => localStorage.getItem(k))""",
        key,
    )


# ----- storage never destroys what it cannot read --------------------------------------


def test_each_unreadable_save_is_set_aside_under_its_own_key(page, site_url):
    """Two unreadable saves in a row give two set-aside copies; the first is not overwritten."""
    open_page(page, site_url + ASSESSMENT)
    key = "pilot2prod:answers:readiness"
    reopen_with(page, "{not json at all")
    expect(notices(page)).to_contain_text("set aside in this browser under")
    reopen_with(page, json.dumps({**answers_doc("readiness", {}), "version": 9}))
    expect(notices(page)).to_contain_text("newer version")
    assert set_aside(page, key) == [
        "{not json at all",
        json.dumps({**answers_doc("readiness", {}), "version": 9}),
    ]


def test_unreadable_named_copies_are_set_aside_not_overwritten(page, site_url):
    """Named copies in a newer format are kept aside when a new copy is saved, and it says so."""
    open_page(page, site_url + ASSESSMENT)
    newer = json.dumps({"format": "pilot2prod/copies", "version": 2, "copies": [{"x": 1}]})
    page.evaluate("(v) => localStorage.setItem('pilot2prod:copies:readiness', v)", newer)
    page.reload()
    wait_mounted(page)
    tool(page.locator("#readiness"), "Named copies").click()
    expect(notices(page)).to_contain_text("named copies could not be read")
    page.locator("#readiness--copy-name").fill("Mine")
    page.locator("#readiness--copies").get_by_role("button", name="Save copy").click()
    saved = json.loads(page.evaluate("localStorage.getItem('pilot2prod:copies:readiness')"))
    assert [c["name"] for c in saved["copies"]] == ["Mine"]
    assert set_aside(page, "pilot2prod:copies:readiness") == [newer]


FULL_NOT_EMPTY = """(() => {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
})();"""


def test_full_storage_at_load_still_shows_saved_answers(new_context, site_url):
    """Storage full at load: the saved answers are still shown, and saving is said to fail."""
    context = new_context()
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    first = item_ids("readiness")[0]
    choose(page, "readiness", first, "partial")
    page.close()
    context.add_init_script(FULL_NOT_EMPTY)
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    assert shown(page)["answers"] == {first: "partial"}
    expect(page.locator("#readiness .p2p-storage")).to_contain_text("is full")


def test_unreadable_calculator_inputs_are_set_aside_not_deleted(page, site_url):
    """A saved calculator value the page cannot read stays in storage under a key of its own."""
    page.goto(site_url + "run-cost/")
    root = page.locator(COST)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    key = root.get_attribute("data-storage-key")
    newer = json.dumps({"format": root.get_attribute("data-format"), "version": 5, "inputs": {}})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, newer])
    page.reload()
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    expect(root.locator('[data-role="notice"]')).to_contain_text("set aside")
    assert set_aside(page, key) == [newer]
    assert page.evaluate("(k) => localStorage.getItem(k)", key) is None


# ----- two tabs -------------------------------------------------------------------------


def test_a_note_being_typed_survives_a_save_in_another_tab(context, site_url):
    """Tab A types a note (not yet saved) while tab B saves an answer: both are kept, A is told."""
    first, second = context.new_page(), context.new_page()
    open_page(first, site_url + ASSESSMENT)
    open_page(second, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    first.locator(f"#readiness-{ids[3]} .p2p-item__more summary").click()
    # Typed without leaving the field: the note waits for its delayed save.
    first.locator(f"#readiness-{ids[3]}--note").fill("Typed in tab A")
    click_answer(second, ids[5], "yes")
    expect(first.locator(f"#readiness-{ids[5]}--yes")).to_be_checked()
    expect(first.locator(f"#readiness-{ids[3]}--note")).to_have_value("Typed in tab A")
    expect(notices(first)).to_contain_text("Another tab changed 1 field")
    expect(second.locator(f"#readiness-{ids[3]}--note")).to_have_value("Typed in tab A")
    for page in (first, second):
        saved = stored(page)
        assert saved["answers"] == {ids[5]: "yes"}
        assert saved["notes"] == {ids[3]: "Typed in tab A"}


def test_different_answers_in_two_tabs_are_both_kept(context, site_url):
    """Each tab answers a different question; both tabs end up showing and saving both."""
    first, second = context.new_page(), context.new_page()
    open_page(first, site_url + ASSESSMENT)
    open_page(second, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    click_answer(first, ids[1], "no")
    click_answer(second, ids[2], "partial")
    expected = {ids[1]: "no", ids[2]: "partial"}
    for page in (first, second):
        expect(page.locator(f"#readiness-{ids[1]}--no")).to_be_checked()
        expect(page.locator(f"#readiness-{ids[2]}--partial")).to_be_checked()
    assert stored(first)["answers"] == expected


def test_a_save_racing_another_tabs_save_merges_instead_of_overwriting(page, site_url):
    """A save that finds storage changed behind its back (event not yet in) merges, never undoes."""
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "no")
    # What another tab wrote a moment ago; a tab gets no storage event for its own writes,
    # so this is exactly a save whose event has not arrived yet.
    behind = answers_doc("readiness", {ids[0]: "no", ids[7]: "yes"}, notes={ids[7]: "from B"})
    seed(page, behind)
    choose(page, "readiness", ids[1], "partial")
    assert stored(page)["answers"] == {ids[0]: "no", ids[1]: "partial", ids[7]: "yes"}
    assert stored(page)["notes"] == {ids[7]: "from B"}
    expect(page.locator(f"#readiness-{ids[7]}--yes")).to_be_checked()
    expect(notices(page)).to_contain_text("Another tab changed 2 fields")


# ----- links ----------------------------------------------------------------------------


def _cost_link(site_url: str, root_format: str, inputs: dict[str, str]) -> str:
    doc = {"format": root_format, "version": 1, "inputs": inputs}
    return sharelink.link(site_url + "run-cost/", doc)


def _own_cost_inputs(page: Page, site_url: str) -> tuple[str, str]:
    page.goto(site_url + "run-cost/")
    root = page.locator(COST)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    field = root.locator('[name="requests-per-day"]')
    field.fill("1111")
    field.dispatch_event("input")
    key = root.get_attribute("data-storage-key")
    page.wait_for_function("(k) => localStorage.getItem(k)", arg=key)
    return key, root.get_attribute("data-format")


def _saved_requests(page: Page, key: str) -> str:
    return json.loads(page.evaluate("(k) => localStorage.getItem(k)", key))["inputs"][
        "requests-per-day"
    ]


def test_a_calculator_link_asks_before_replacing_saved_inputs(page, site_url):
    """Saved inputs stay until the reader chooses; edits meanwhile are not saved; Keep restores."""
    key, fmt = _own_cost_inputs(page, site_url)
    page.goto(_cost_link(site_url, fmt, {"requests-per-day": "2222"}))
    page.reload()  # a fresh load of the link, not an in-page hash change
    root = page.locator(COST)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    field = root.locator('[name="requests-per-day"]')
    # Python reads the link, as the command line would, once it has started.
    expect(field).to_have_value("2222", timeout=BOOT_TIMEOUT_MS)
    choice = root.locator(".p2p-banner")
    expect(choice).to_be_visible()
    field.fill("3333")
    field.dispatch_event("input")
    page.wait_for_timeout(300)
    assert _saved_requests(page, key) == "1111"
    choice.get_by_role("button", name="Keep mine").click()
    expect(field).to_have_value("1111")
    expect(choice).to_be_hidden()
    assert _saved_requests(page, key) == "1111"


def test_a_calculator_link_replaces_saved_inputs_only_when_chosen(page, site_url):
    """'Replace mine' saves them in place of the reader's own."""
    key, fmt = _own_cost_inputs(page, site_url)
    page.goto(_cost_link(site_url, fmt, {"requests-per-day": "2222"}))
    page.reload()
    root = page.locator(COST)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    assert _saved_requests(page, key) == "1111"
    expect(root.locator(".p2p-banner")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    root.locator(".p2p-banner").get_by_role("button", name="Replace mine").click()
    expect(root.locator('[data-role="notice"]')).to_contain_text("replaced")
    assert _saved_requests(page, key) == "2222"


def test_an_empty_calculator_link_gets_a_notice(page, site_url):
    """`#p2p=` with nothing after it says the link is empty; the form keeps its values."""
    page.goto(site_url + "run-cost/#p2p=")
    root = page.locator(COST)
    expect(root).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    notice = root.locator('[data-role="notice"]')
    expect(notice).to_contain_text("is empty", timeout=BOOT_TIMEOUT_MS)
    expect(root.locator(".p2p-banner")).to_have_count(0)


def test_an_old_v1_link_opens_marked_unverifiable(new_context, site_url):
    """A v1 link (no check) still shows its answers, and the banner says it cannot be verified."""
    page = new_context().new_page()
    first = item_ids("readiness")[0]
    doc = answers_doc("readiness", {first: "yes"})
    page.goto(f"{site_url}{ASSESSMENT}#p2p={sharelink.encode_v1(doc)}")
    wait_mounted(page)
    expect(banner(page)).to_be_visible()
    expect(banner(page)).to_contain_text("cannot be verified")
    assert shown(page)["answers"] == {first: "yes"}


def test_a_v2_link_made_in_python_opens_without_the_warning(new_context, site_url):
    """A checked link opens with no 'cannot be verified' words: the check vouches for it."""
    page = new_context().new_page()
    first = item_ids("readiness")[0]
    page.goto(sharelink.link(site_url + ASSESSMENT, answers_doc("readiness", {first: "no"})))
    wait_mounted(page)
    expect(banner(page)).to_be_visible()
    expect(banner(page)).not_to_contain_text("cannot be verified")


# ----- ids are data ---------------------------------------------------------------------

BUILT_IN_IDS = ["__proto__", "constructor", "toString", "hasOwnProperty"]


def test_built_in_names_as_item_ids_are_kept_aside_as_written(page, site_url, tmp_path: Path):
    """Ids like __proto__ in an import are kept aside, shown as written; no built-in is touched."""
    errors = watch_errors(page)
    open_page(page, site_url + ASSESSMENT)
    first = item_ids("readiness")[0]
    raw = (
        '{"format": "pilot2prod/answers", "version": 1, "checklist": "readiness", '
        f'"answers": {{"{first}": "yes", "__proto__": "no", "constructor": "yes", '
        '"toString": "partial", "hasOwnProperty": "na"}, '
        '"notes": {"constructor": "a note"}, "owners": {}, "orphans": {}}'
    )
    path = tmp_path / "odd-ids.json"
    path.write_text(raw, encoding="utf-8")
    import_file(page, path)
    orphans = page.locator("#readiness .p2p-orphans code")
    expect(orphans).to_have_count(4)
    assert sorted(orphans.all_inner_texts()) == sorted(BUILT_IN_IDS)
    assert shown(page)["answers"] == {first: "yes"}
    saved: dict[str, Any] = stored(page) or {}
    assert sorted(saved["orphans"]) == sorted(BUILT_IN_IDS)
    assert saved["orphans"]["constructor"] == {"answer": "yes", "note": "a note"}
    assert saved["orphans"]["__proto__"] == {"answer": "no"}
    untouched = page.evaluate(
        """() => [typeof ({}).toString, ({}).constructor === Object,
                  Object.prototype.answer === undefined, Object.answer === undefined]"""
    )
    assert untouched == ["function", True, True, True]
    page.reload()
    wait_mounted(page)
    expect(orphans).to_have_count(4)
    assert not errors.messages


# ----- team view ------------------------------------------------------------------------


def test_team_view_refuses_a_deep_file_by_name_and_merges_the_others(page, site_url):
    """A file nested thousands of levels deep is listed as refused; the good files are merged."""
    page.goto(site_url + "team/")
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    good = json.dumps(document({item_ids("readiness")[0]: "yes"})).encode()
    deep = ("[" * 5000 + "]" * 5000).encode()
    page.locator('[data-role="files"]').set_input_files(
        [
            {"name": "deep.json", "mimeType": "application/json", "buffer": deep},
            {"name": "good.json", "mimeType": "application/json", "buffer": good},
        ]
    )
    root = page.locator(TEAM_ROOT)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT)
    refused = page.locator('[data-role="refused-list"] li')
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("deep.json")
    expect(refused).to_contain_text("levels deep")
    expect(page.locator('[data-role="people-rows"] tr')).to_have_count(1)


def test_unreadable_answers_stay_put_when_even_a_set_aside_copy_cannot_be_stored(
    new_context, site_url
):
    """Full storage and unreadable answers: the text is left as it was, and answering keeps it."""
    context = new_context()
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    seed(page, "{broken")
    page.close()
    context.add_init_script(FULL_NOT_EMPTY)
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    expect(notices(page)).to_contain_text("left exactly as it was")
    choose(page, "readiness", item_ids("readiness")[0], "yes")
    assert page.evaluate("localStorage.getItem('pilot2prod:answers:readiness')") == "{broken"


def test_the_calculator_link_choice_is_accessible(page, site_url):
    """With the keep / replace choice showing, axe finds nothing serious on the calculator page."""
    _, fmt = _own_cost_inputs(page, site_url)
    page.goto(_cost_link(site_url, fmt, {"requests-per-day": "2222"}))
    page.reload()
    expect(page.locator(COST)).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    choice = page.locator(COST).locator(".p2p-banner")
    expect(choice).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    choice.get_by_role("button", name="Keep mine").focus()
    page.keyboard.press("Enter")
    expect(page.locator(COST).locator('[name="requests-per-day"]')).to_have_value("1111")
    # The same link opened afresh in another tab of this browser: the choice is offered again.
    other = page.context.new_page()
    other.goto(_cost_link(site_url, fmt, {"requests-per-day": "2222"}))
    expect(other.locator(COST)).to_have_attribute("data-p2p-mounted", "true", timeout=MOUNT)
    expect(other.locator(COST).locator(".p2p-banner")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert serious_axe_violations(other) == []


def test_answers_given_before_the_checklist_code_runs_are_kept(page, site_url):
    """Answers picked while the checklist's code is still on its way (a slow link) are kept and
    saved over the answers restored from storage, never drawn over by them."""
    ids = item_ids("readiness")
    page.goto(site_url + ASSESSMENT)
    seed(page, answers_doc("readiness", {ids[0]: "no", ids[1]: "yes"}, notes={ids[1]: "before"}))
    held = []
    page.route("**/components/checklist.js*", lambda route: held.append(route))  # held back
    page.reload()
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the checklist's code was never asked for"
    choose(page, "readiness", ids[0], "yes")
    choose(page, "readiness", ids[2], "partial")
    assert page.locator("form#readiness").get_attribute("data-p2p-mounted") == "pending"
    held[0].continue_()
    wait_mounted(page)
    expected = {
        "answers": {ids[0]: "yes", ids[1]: "yes", ids[2]: "partial"},
        "notes": {ids[1]: "before"},
    }
    assert {k: shown(page)[k] for k in expected} == expected
    assert {k: stored(page)[k] for k in expected} == expected


def answered_in_another_tab(page: Page, site_url: str, item: str, value: str) -> None:
    """Answer `item` with `value` in a second tab of the same browser, then close it."""
    other = page.context.new_page()
    open_page(other, site_url + ASSESSMENT)
    choose(other, "readiness", item, value)
    other.close()


def test_a_reload_shows_what_another_tab_saved_not_the_old_ticks(page, site_url):
    """A tab reloaded after another tab changed an answer shows the saved answer: the browser's
    memory of the old ticks is not mistaken for the reader's own early answers."""
    ids = item_ids("readiness")
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", ids[0], "yes")
    answered_in_another_tab(page, site_url, ids[0], "no")
    page.reload()
    wait_mounted(page)
    assert shown(page)["answers"] == {ids[0]: "no"}
    assert stored(page)["answers"] == {ids[0]: "no"}


BACK_FROM_CACHE = "window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))"
"""What the browser fires when it shows a page again from its back-forward cache."""


def test_a_tab_back_from_the_cache_shows_what_another_tab_saved_meanwhile(page, site_url):
    """A tab shown again from the back-forward cache, which missed the storage events of its
    time away, shows the answers another tab saved in the meantime."""
    ids = item_ids("readiness")
    # While "away", this tab hears nothing of the other tab's saves.
    page.add_init_script(
        "window.addEventListener('storage', (e) => { if (!window.__back) "
        "e.stopImmediatePropagation(); })"
    )
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", ids[0], "yes")
    answered_in_another_tab(page, site_url, ids[0], "no")
    assert shown(page)["answers"] == {ids[0]: "yes"}  # it has not been told
    page.evaluate(f"window.__back = true; {BACK_FROM_CACHE}")
    expect(page.locator(f"#readiness-{ids[0]}--no")).to_be_checked()
    assert stored(page)["answers"] == {ids[0]: "no"}
