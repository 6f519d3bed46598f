"""Checklists in Chromium: filling, saving, restoring, keyboard, events, storage trouble, print."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from pilot2prod.model.checklists import Checklist
from tests.browser.support import AXE, tool, watch_errors
from tests.fixtures import repo_data

ASSESSMENT = "assessment/"
CHECKLISTS = "checklists/"


# ----- helpers shared with test_checklists_transfer.py ---------------------------------


@functools.cache
def checklist(checklist_id: str) -> Checklist:
    """A checklist from the project's real data."""
    return repo_data().checklists[checklist_id]


def item_ids(checklist_id: str) -> list[str]:
    """The item ids of a checklist, in page order."""
    return [item.id for item in checklist(checklist_id).items]


def answers_doc(
    checklist_id: str,
    answers: dict[str, str],
    notes: dict[str, str] | None = None,
    owners: dict[str, str] | None = None,
    orphans: dict[str, Any] | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """An answers document in the stored/exported format."""
    return {
        "format": "pilot2prod/answers",
        "version": 1,
        "checklist": checklist_id,
        "checklist_version": version if version is not None else checklist(checklist_id).version,
        "answers": answers,
        "notes": notes or {},
        "owners": owners or {},
        "orphans": orphans or {},
    }


def wait_mounted(page: Page, *checklist_ids: str) -> None:
    """Wait until the script has mounted each checklist form."""
    for checklist_id in checklist_ids:
        expect(page.locator(f"form#{checklist_id}")).to_have_attribute("data-p2p-mounted", "true")


def open_page(page: Page, url: str, *checklist_ids: str) -> None:
    """Go to `url` and wait for its checklists to mount."""
    page.goto(url)
    wait_mounted(page, *(checklist_ids or ("readiness",)))


def stored(page: Page, checklist_id: str = "readiness") -> dict[str, Any] | None:
    """The answers document saved in localStorage for a checklist, or None."""
    raw = page.evaluate("k => localStorage.getItem(k)", f"pilot2prod:answers:{checklist_id}")
    return json.loads(raw) if raw else None


def seed(page: Page, doc: dict[str, Any] | str, checklist_id: str = "readiness") -> None:
    """Save a document (or raw text) in localStorage as if a reader had saved it earlier."""
    text = doc if isinstance(doc, str) else json.dumps(doc)
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [f"pilot2prod:answers:{checklist_id}", text]
    )


def reopen_with(page: Page, doc: dict[str, Any] | str, checklist_id: str = "readiness") -> None:
    """Seed `doc` as the saved answers of the open page, reload, and wait for the form again."""
    seed(page, doc, checklist_id)
    page.reload()
    wait_mounted(page, checklist_id)


def shown(page: Page, checklist_id: str = "readiness") -> dict[str, dict[str, str]]:
    """What the form shows: {"answers": {...}, "notes": {...}, "owners": {...}}."""
    return page.evaluate(
        """(id) => {
          const form = document.getElementById(id);
          const out = {answers: {}, notes: {}, owners: {}};
          for (const input of form.querySelectorAll('input:checked')) {
            if (input.name && input.name.startsWith(id + '-')) {
              out.answers[input.name.slice(id.length + 1)] = input.value;
            }
          }
          for (const field of form.querySelectorAll('[data-field]')) {
            const item = field.closest('.p2p-item').dataset.item;
            const bucket = field.dataset.field === 'note' ? out.notes : out.owners;
            if (field.value) bucket[item] = field.value;
          }
          return out;
        }""",
        checklist_id,
    )


def choose(page: Page, checklist_id: str, item: str, value: str) -> None:
    """Pick an answer with the mouse (the radio or checkbox itself)."""
    page.locator(f"#{checklist_id}-{item}--{value}").check()


def write_field(page: Page, checklist_id: str, item: str, field: str, text: str) -> None:
    """Open an item's note fold and type into its note or owner field, then leave the field."""
    details = page.locator(f"#{checklist_id}-{item} details.p2p-item__more")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    target = page.locator(f"#{checklist_id}-{item}--{field}")
    target.fill(text)
    target.press("Tab")


def record_events(page: Page) -> None:
    """Start collecting every pilot2prod:answers event that reaches the document."""
    page.evaluate(
        """() => {
          window.__p2pEvents = [];
          document.addEventListener('pilot2prod:answers', (e) => window.__p2pEvents.push(e.detail));
        }"""
    )


def events(page: Page) -> list[dict[str, Any]]:
    """The pilot2prod:answers events recorded so far."""
    return page.evaluate("window.__p2pEvents")


# ----- filling, saving, restoring ------------------------------------------------------


def test_fill_reload_same_state(page, site_url):
    """Answers, notes and owners survive a reload exactly as they were left."""
    errors = watch_errors(page)
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    choose(page, "readiness", ids[1], "partial")
    choose(page, "readiness", ids[2], "no")
    choose(page, "readiness", ids[3], "na")
    write_field(page, "readiness", ids[3], "note", "We never show outputs to customers.")
    write_field(page, "readiness", ids[1], "owner", "Priya (QA)")
    write_field(page, "readiness", ids[1], "note", "Two of five hostile sets done.\nSee ticket 42.")
    before = shown(page)
    assert before["answers"] == {ids[0]: "yes", ids[1]: "partial", ids[2]: "no", ids[3]: "na"}

    page.reload()
    wait_mounted(page, "readiness")
    assert shown(page) == before
    saved = stored(page)
    assert saved["answers"] == before["answers"]
    assert saved["notes"] == before["notes"]
    assert saved["owners"] == {ids[1]: "Priya (QA)"}
    assert saved["checklist_version"] == checklist("readiness").version
    expect(page.locator("#readiness .p2p-progress__label")).to_contain_text(
        f"4 of {len(ids)} answered"
    )
    assert errors.messages == []


def test_changing_and_clearing_an_answer_is_saved(page, site_url):
    """Switching an answer replaces it; unticking a checkbox removes it from the saved answers."""
    open_page(page, site_url + CHECKLISTS, "design-for-production")
    first = item_ids("design-for-production")[0]
    box = page.locator(f"#design-for-production-{first}--done")
    box.check()
    assert stored(page, "design-for-production")["answers"] == {first: "done"}
    box.uncheck()
    assert stored(page, "design-for-production")["answers"] == {}
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[0]
    choose(page, "readiness", item, "no")
    choose(page, "readiness", item, "yes")
    assert stored(page)["answers"] == {item: "yes"}


def test_progress_per_section_and_overall(page, site_url):
    """The overall bar and each section's bar count answered items."""
    open_page(page, site_url + ASSESSMENT)
    sections = checklist("readiness").sections
    for item in sections[1].items[:3]:
        choose(page, "readiness", item.id, "yes")
    overall = page.locator("#readiness .p2p-progress__bar")
    expect(overall).to_have_attribute("value", "3")
    expect(overall).to_have_attribute("max", str(len(checklist("readiness").items)))
    second = page.locator(f'#readiness .p2p-section[data-section="{sections[1].id}"]')
    expect(second.locator(".p2p-section-progress__label")).to_have_text(
        f"{sections[1].title}: 3 of {len(sections[1].items)} answered"
    )
    first = page.locator(f'#readiness .p2p-section[data-section="{sections[0].id}"]')
    expect(first.locator(".p2p-section-progress progress")).to_have_attribute("value", "0")


def test_filter_shows_open_items_or_gaps_only(page, site_url):
    """'Unanswered items only' hides answered items; 'Gaps' shows only No and Partly."""
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    choose(page, "readiness", ids[1], "no")
    choose(page, "readiness", ids[2], "partial")
    choose(page, "readiness", ids[3], "na")  # no reason yet: still open
    select = page.locator("#readiness--filter")
    select.select_option("open")
    for item, visible in [(ids[0], False), (ids[1], False), (ids[3], True), (ids[4], True)]:
        locator = page.locator(f"#readiness-{item}")
        expect(locator).to_be_visible() if visible else expect(locator).to_be_hidden()
    expect(page.locator("#readiness .p2p-filter__count")).to_have_text(
        f"{len(ids) - 3} of {len(ids)} items shown"
    )
    select.select_option("gaps")
    expect(page.locator("#readiness .p2p-item:visible")).to_have_count(2)
    select.select_option("all")
    expect(page.locator("#readiness .p2p-item:visible")).to_have_count(len(ids))


def test_not_applicable_asks_for_a_reason_kept_as_the_note(page, site_url):
    """Choosing N/A opens the note, marks it required and warns until a reason is written."""
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[5]
    choose(page, "readiness", item, "na")
    note = page.locator(f"#readiness-{item}--note")
    expect(note).to_be_visible()
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"label[for='readiness-{item}--note']")).to_contain_text(
        "Why it does not apply"
    )
    warning = page.locator(f"#readiness-{item}--warning")
    expect(warning).to_be_visible()
    expect(page.locator("#readiness .p2p-progress__detail")).to_contain_text("needs a reason")
    write_field(page, "readiness", item, "note", "No customer-facing output at all.")
    expect(warning).to_be_hidden()
    expect(note).to_have_attribute("aria-invalid", "false")
    assert stored(page)["notes"] == {item: "No customer-facing output at all."}
    assert stored(page)["answers"] == {item: "na"}


def test_reset_asks_first_and_can_be_undone(page, site_url):
    """Reset clears only after confirming inline; Undo brings the answers back."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    write_field(page, "readiness", ids[0], "owner", "Sam")
    tool(page, "Reset…").click()
    page.get_by_role("button", name="Cancel").click()
    assert stored(page)["answers"] == {ids[0]: "yes"}
    tool(page, "Reset…").click()
    page.get_by_role("button", name="Yes, clear my answers").click()
    assert stored(page)["answers"] == {}
    assert stored(page)["owners"] == {}
    assert shown(page)["answers"] == {}
    page.locator("#readiness .p2p-notices").get_by_role("button", name="Undo").click()
    assert stored(page)["answers"] == {ids[0]: "yes"}
    assert shown(page)["owners"] == {ids[0]: "Sam"}
    assert dialogs == []


def test_orphaned_answers_are_kept_shown_and_discardable(page, site_url):
    """Answers to removed items are kept aside, listed, and dropped only on request."""
    open_page(page, site_url + ASSESSMENT)
    first = item_ids("readiness")[0]
    seed(
        page,
        answers_doc(
            "readiness",
            {first: "yes", "retired-question": "partial"},
            notes={"retired-question": "Old <b>evidence</b>"},
            owners={"retired-question": "Lee"},
            version="0ld0ld0ld0ld",
        ),
    )
    page.reload()
    wait_mounted(page, "readiness")
    panel = page.locator("#readiness .p2p-orphans")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("retired-question")
    expect(panel).to_contain_text("Partly")
    expect(panel).to_contain_text("Old <b>evidence</b>")
    expect(page.locator("#readiness .p2p-notices")).to_contain_text("0ld0ld0ld0ld")
    saved = stored(page)
    assert saved["answers"] == {first: "yes"}
    assert saved["orphans"] == {
        "retired-question": {"answer": "partial", "note": "Old <b>evidence</b>", "owner": "Lee"}
    }
    assert saved["checklist_version"] == checklist("readiness").version
    choose(page, "readiness", item_ids("readiness")[1], "no")
    assert "retired-question" in stored(page)["orphans"]
    panel.get_by_role("button", name="Discard these answers").click()
    expect(panel).to_be_hidden()
    assert stored(page)["orphans"] == {}


def test_unreadable_saved_answers_are_set_aside_not_destroyed(page, site_url):
    """Saved data the page cannot read is moved to a side key and reported, not overwritten."""
    open_page(page, site_url + ASSESSMENT)
    reopen_with(page, '{"format": "pilot2prod/answers", "version": 7, "checklist": "readiness"}')
    expect(page.locator("#readiness .p2p-notices")).to_contain_text("could not be read")
    expect(page.locator("#readiness .p2p-notices")).to_contain_text("newer version")
    kept = page.evaluate(
        """() => Object.keys(localStorage)
            .filter((k) => k.startsWith('pilot2prod:answers:readiness:unreadable:'))
            .map((k) => localStorage.getItem(k))"""
    )
    assert [json.loads(text)["version"] for text in kept] == [7]
    choose(page, "readiness", item_ids("readiness")[0], "yes")
    assert stored(page)["version"] == 2


def test_several_checklists_on_one_page_keep_separate_answers(page, site_url):
    """Each checklist on the checklists page saves and restores under its own key."""
    ids = (
        "design-for-production",
        "scope-and-budget",
        "operations-handover",
        "organisational-commitment",
    )
    open_page(page, site_url + CHECKLISTS, *ids)
    for checklist_id in ids[:2]:
        page.locator(f"#{checklist_id}-{item_ids(checklist_id)[1]}--done").check()
    page.reload()
    wait_mounted(page, *ids)
    assert shown(page, ids[0])["answers"] == {item_ids(ids[0])[1]: "done"}
    assert shown(page, ids[1])["answers"] == {item_ids(ids[1])[1]: "done"}
    assert shown(page, ids[2])["answers"] == {}
    assert stored(page, ids[2]) is None
    expect(page.locator(f"#{ids[0]} .p2p-progress__label")).to_contain_text("1 of 9 done")


def test_a_note_typed_just_before_leaving_is_saved(page, site_url):
    """Text typed a moment before a reload (no blur, before the save delay) is not lost."""
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[6]
    page.locator(f"#readiness-{item} .p2p-item__more summary").click()
    page.locator(f"#readiness-{item}--note").fill("Typed and gone at once")
    page.reload()
    wait_mounted(page, "readiness")
    assert shown(page)["notes"] == {item: "Typed and gone at once"}


def test_answers_saved_in_another_tab_appear_here(context, site_url):
    """A change saved in one tab updates the same checklist open in another tab."""
    first, second = context.new_page(), context.new_page()
    open_page(first, site_url + ASSESSMENT)
    open_page(second, site_url + ASSESSMENT)
    record_events(second)
    item = item_ids("readiness")[8]
    choose(first, "readiness", item, "partial")
    expect(second.locator(f"#readiness-{item}--partial")).to_be_checked()
    second.wait_for_function("window.__p2pEvents.some(e => e.reason === 'sync')")
    synced = [e["document"]["answers"] for e in events(second) if e["reason"] == "sync"]
    assert synced == [{item: "partial"}]


def test_a_question_can_be_deep_linked(page, site_url):
    """`#<checklist>-<item>` opens the page at that question, highlighted; its own link says so."""
    item = checklist("readiness").items[12]
    page.goto(f"{site_url}{ASSESSMENT}#readiness-{item.id}")
    wait_mounted(page, "readiness")
    target = page.locator(f"#readiness-{item.id}")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == f"readiness-{item.id}"
    link = target.get_by_role("link", name="Link to this question")
    expect(link).to_have_attribute("href", re.compile(f"#readiness-{item.id}$"))


# ----- keyboard -----------------------------------------------------------------------


def _focused(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
          const a = document.activeElement;
          const item = a && a.closest ? a.closest('.p2p-item') : null;
          return {
            tag: a ? a.tagName : '', type: a ? a.type : '', name: a ? a.name : '',
            field: a && a.dataset ? a.dataset.field || '' : '',
            form: a && a.form ? a.form.id : '', item: item ? item.dataset.item : '',
            checked: !!(a && a.checked),
          };
        }"""
    )


def test_assessment_can_be_completed_by_keyboard_only(page, site_url):
    """Tab, arrows, space and typing answer every item (a reason for each N/A) with no mouse."""
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    keys = {
        "no": ["Space"],
        "partial": ["ArrowRight"],
        "yes": ["ArrowRight", "ArrowRight"],
        "na": ["ArrowLeft"],
    }
    plan = {item: ["no", "partial", "yes", "na"][i % 4] for i, item in enumerate(ids)}
    answered: set[str] = set()
    reasons: set[str] = set()
    for _ in range(800):
        page.keyboard.press("Tab")
        focus = _focused(page)
        if focus["form"] != "readiness" or not focus["item"]:
            if answered == set(ids) and focus["form"] != "readiness":
                break
            continue
        item = focus["item"]
        if focus["type"] == "radio" and item not in answered:
            for key in keys[plan[item]]:
                page.keyboard.press(key)
            answered.add(item)
        elif focus["field"] == "note" and plan[item] == "na" and item not in reasons:
            page.keyboard.type(f"Reason for {item}")
            reasons.add(item)
    assert answered == set(ids)
    assert shown(page)["answers"] == plan
    saved = stored(page)
    assert saved["answers"] == plan
    assert saved["notes"] == {item: f"Reason for {item}" for item, v in plan.items() if v == "na"}
    expect(page.locator("#readiness .p2p-progress__label")).to_contain_text(
        f"{len(ids)} of {len(ids)} answered"
    )
    expect(page.locator("#readiness .p2p-item__warning:visible")).to_have_count(0)


def test_done_checklist_can_be_completed_by_keyboard_only(page, site_url):
    """Tab and space tick every item of the first checklist on the checklists page."""
    open_page(page, site_url + CHECKLISTS, "design-for-production")
    ids = item_ids("design-for-production")
    ticked: set[str] = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        focus = _focused(page)
        if (
            focus["form"] == "design-for-production"
            and focus["type"] == "checkbox"
            and not focus["checked"]
        ):
            page.keyboard.press("Space")
            ticked.add(focus["item"])
        if ticked == set(ids):
            break
    assert stored(page, "design-for-production")["answers"] == {item: "done" for item in ids}


def test_tools_and_note_fold_work_from_the_keyboard(page, site_url):
    """The note fold opens with Enter; the reset confirmation is reached and cancelled by keys."""
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[0]
    page.locator(f"#readiness-{item} .p2p-item__more summary").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#readiness-{item}--note")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.type("Typed evidence")
    page.keyboard.press("Tab")
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    assert stored(page)["owners"] == {item: "Kim"}
    tool(page, "Reset…").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Yes, clear my answers")).to_be_visible()
    page.keyboard.press("Tab")  # from the first focused control in the panel to Cancel
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Yes, clear my answers")).to_be_hidden()
    assert stored(page)["notes"] == {item: "Typed evidence"}


# ----- events for other widgets -------------------------------------------------------


def test_every_change_dispatches_one_answers_event(page, site_url):
    """A change bubbles one `pilot2prod:answers` event carrying the whole answers document."""
    open_page(page, site_url + ASSESSMENT)
    record_events(page)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "partial")
    page.wait_for_function("window.__p2pEvents.some(e => e.reason === 'change')")
    changes = [e for e in events(page) if e["reason"] == "change"]
    assert len(changes) == 1
    detail = changes[0]
    assert detail["checklist"] == "readiness"
    doc = detail["document"]
    assert doc["format"] == "pilot2prod/answers" and doc["checklist"] == "readiness"
    assert doc["checklist_version"] == checklist("readiness").version
    assert doc["answers"] == {ids[0]: "partial"}
    assert doc["notes"] == {} and doc["owners"] == {} and doc["plan"] == {}
    write_field(page, "readiness", ids[0], "note", "Evidence")
    page.wait_for_function("window.__p2pEvents.some(e => e.reason === 'note')")
    notes = [e["document"]["notes"] for e in events(page) if e["reason"] == "note"]
    assert notes == [{ids[0]: "Evidence"}]


def test_answers_request_makes_the_form_repeat_its_answers(page, site_url):
    """A late widget dispatching `pilot2prod:answers-request` on the form gets the answers."""
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[2]
    choose(page, "readiness", item, "yes")
    detail = page.evaluate(
        """() => new Promise((resolve) => {
          const form = document.querySelector('form.p2p-checklist[data-checklist="readiness"]');
          form.addEventListener('pilot2prod:answers', (e) => resolve(e.detail), {once: true});
          form.dispatchEvent(new CustomEvent('pilot2prod:answers-request'));
        })"""
    )
    assert detail["document"]["answers"] == {item: "yes"}
    assert detail["reason"] == "request"
    latest = "document.getElementById('readiness').pilot2prodAnswers.document.answers"
    assert page.evaluate(latest) == {item: "yes"}


def test_restored_answers_are_announced_on_mount(page, site_url):
    """Opening the page with saved answers dispatches them once the form is mounted."""
    page.add_init_script(
        """document.addEventListener('pilot2prod:answers', (e) => {
             (window.__early = window.__early || []).push(e.detail);
           });"""
    )
    open_page(page, site_url + ASSESSMENT)
    item = item_ids("readiness")[0]
    reopen_with(page, answers_doc("readiness", {item: "no"}))
    restores = page.evaluate("(window.__early || []).filter(e => e.reason === 'restore')")
    assert [e["document"]["answers"] for e in restores] == [{item: "no"}]


def test_instant_navigation_away_and_back_keeps_one_handler(page, site_url):
    """After instant navigation away and back, one change gives one save and one event."""
    page.add_init_script(
        """(() => {
             const original = Storage.prototype.setItem;
             window.__saves = 0;
             Storage.prototype.setItem = function (key, value) {
               if (String(key).startsWith('pilot2prod:answers:readiness')) window.__saves += 1;
               return original.call(this, key, value);
             };
           })();"""
    )
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    page.evaluate("window.__p2pMarker = 'same document'")
    for _ in range(2):
        page.locator(".md-sidebar--primary a[href$='checklists/']").first.click()
        wait_mounted(page, "design-for-production")
        page.locator(".md-sidebar--primary a[href$='assessment/']").first.click()
        wait_mounted(page, "readiness")
    assert page.evaluate("window.__p2pMarker") == "same document"
    assert shown(page)["answers"] == {ids[0]: "yes"}
    record_events(page)
    page.evaluate("window.__saves = 0")
    choose(page, "readiness", ids[1], "no")
    page.wait_for_function("window.__p2pEvents.some(e => e.reason === 'change')")
    page.wait_for_timeout(600)  # longer than the note-save delay: any late duplicate would show
    assert len([e for e in events(page) if e["reason"] == "change"]) == 1
    assert page.evaluate("window.__saves") == 1
    expect(page.locator("#readiness .p2p-toolbar")).to_have_count(1)
    expect(page.locator("#readiness .p2p-section-progress")).to_have_count(
        len(checklist("readiness").sections)
    )


# ----- storage trouble ----------------------------------------------------------------

BLOCKED = """Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});"""

FULL = """(() => {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
})();"""


@pytest.mark.parametrize(("script", "message"), [(BLOCKED, "will not persist"), (FULL, "is full")])
def test_without_local_storage_it_still_works_and_says_so(new_context, site_url, script, message):
    """Blocked or full storage: the checklist still answers, counts and exports, and says so."""
    context = new_context()
    context.add_init_script(script)
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    note = page.locator("#readiness .p2p-storage")
    expect(note).to_be_visible()
    expect(note).to_contain_text(message)
    ids = item_ids("readiness")
    record_events(page)
    choose(page, "readiness", ids[0], "yes")
    choose(page, "readiness", ids[1], "na")
    write_field(page, "readiness", ids[1], "note", "Kept in memory")
    expect(page.locator("#readiness .p2p-progress__label")).to_contain_text(
        f"2 of {len(ids)} answered"
    )
    assert events(page)[-1]["document"]["answers"] == {ids[0]: "yes", ids[1]: "na"}
    with page.expect_download() as info:
        tool(page, "Export JSON").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert exported["answers"] == {ids[0]: "yes", ids[1]: "na"}
    # Instant navigation keeps the in-memory answers for the rest of the visit.
    page.locator(".md-sidebar--primary a[href$='checklists/']").first.click()
    wait_mounted(page, "design-for-production")
    page.locator(".md-sidebar--primary a[href$='assessment/']").first.click()
    wait_mounted(page, "readiness")
    assert shown(page)["answers"] == {ids[0]: "yes", ids[1]: "na"}


# ----- print and accessibility --------------------------------------------------------


def test_print_layout_hides_controls_and_shows_answers(page, site_url):
    """In print media the tools and controls vanish and each answer, note and owner is printed."""
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "partial")
    write_field(page, "readiness", ids[0], "owner", "Ana")
    write_field(page, "readiness", ids[0], "note", "Half the sample reviewed")
    page.emulate_media(media="print")
    form = page.locator("#readiness")
    for hidden in (".p2p-toolbar", ".p2p-choices", "summary", ".p2p-item__guidance"):
        expect(form.locator(hidden).first).to_be_hidden()
    expect(form.locator("input[type=radio]").first).to_be_hidden()
    expect(form.locator("button").first).to_be_hidden()
    first = page.locator(f"#readiness-{ids[0]}")
    expect(first.locator(".p2p-item__status")).to_be_visible()
    expect(first.locator(".p2p-item__status")).to_have_text("Partly")
    expect(first.locator(".p2p-item__print")).to_have_text(
        "Owner: Ana · Note: Half the sample reviewed"
    )
    expect(page.locator(f"#readiness-{ids[1]} .p2p-item__status")).to_have_text("Not answered")
    expect(page.locator("article > p").first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    header = form.locator(".p2p-print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text(checklist("readiness").version)
    expect(header).to_contain_text(site_url + ASSESSMENT)
    page.emulate_media(media="screen")
    expect(form.locator(".p2p-toolbar")).to_be_visible()
    expect(first.locator(".p2p-item__status")).to_be_hidden()


def test_printed_assessment_fits_one_a4_page(page, site_url):
    """Fully answered, with notes and owners on a third of the items, the answers fit one A4
    (they follow the one-page result, from a page of their own)."""
    open_page(page, site_url + ASSESSMENT)
    for index, item in enumerate(item_ids("readiness")):
        choose(page, "readiness", item, ["yes", "partial", "no", "na"][index % 4])
    for item in item_ids("readiness")[::3]:
        write_field(
            page, "readiness", item, "note", "Evidence: the test report of November, reviewed"
        )
        write_field(page, "readiness", item, "owner", "Ana Lopez")
    # A4 at 96 dpi less 12 mm margins each side: 703 x 1032 CSS pixels of printable area.
    page.set_viewport_size({"width": 703, "height": 1032})
    page.emulate_media(media="print")
    height = page.evaluate(
        """() => document.getElementById('readiness').getBoundingClientRect().bottom
                 - document.getElementById('readiness').getBoundingClientRect().top"""
    )
    assert 300 < height <= 1032


def test_print_button_prints_only_its_own_checklist(page, site_url):
    """On the checklists page, 'Print report' of one checklist hides the other three on paper."""
    ids = (
        "design-for-production",
        "scope-and-budget",
        "operations-handover",
        "organisational-commitment",
    )
    open_page(page, site_url + CHECKLISTS, *ids)
    page.evaluate(
        "window.print = () => { window.__printed = document.documentElement.dataset.p2pPrint; }"
    )
    tool(page.locator("#scope-and-budget"), "Print report").click()
    assert page.evaluate("window.__printed") == "scope-and-budget"
    page.evaluate("document.documentElement.dataset.p2pPrint = 'scope-and-budget'")
    page.evaluate("document.getElementById('scope-and-budget').dataset.p2pPrinting = 'true'")
    page.emulate_media(media="print")
    expect(page.locator("#scope-and-budget")).to_be_visible()
    expect(page.locator("#design-for-production")).to_be_hidden()
    expect(page.locator("#organisational-commitment")).to_be_hidden()


def serious_violations_outside(page: Page, exclude: list[str]) -> list[str]:
    """Serious or critical axe-core violations on the page, leaving out `exclude` selectors."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (exclude) => {
             const context = {include: [[':root']], exclude: exclude.map((s) => [s])};
             return JSON.stringify((await axe.run(context)).violations);
           }""",
        exclude,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in json.loads(result)
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(
    ("path", "ids"),
    [
        (ASSESSMENT, ("readiness",)),
        (CHECKLISTS, ("design-for-production", "organisational-commitment")),
    ],
)
def test_checklist_pages_have_no_serious_axe_violations(page, site_url, path, ids, scheme):
    """axe-core finds nothing serious, light or dark, with notes, warnings and panels open."""
    errors = watch_errors(page)
    open_page(page, site_url + path, *ids)
    page.evaluate("(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    first = checklist(ids[0]).items[0].id
    if ids[0] == "readiness":
        choose(page, "readiness", first, "na")
        choose(page, "readiness", checklist(ids[0]).items[1].id, "no")
    else:
        page.locator(f"#{ids[0]}-{first}--done").check()
        page.locator(f"#{ids[0]}-{first} summary").click()
    form = page.locator(f"#{ids[0]}")
    tool(form, "Named copies").click()
    tool(form, "Copy share link").click()
    expect(page.locator(f"#{ids[0]}--share-url")).to_be_visible()
    # The readiness verdict widget beside the assessment belongs to its own tests (and to the
    # page-wide axe check in test_pages.py); this test covers everything else on the page.
    assert serious_violations_outside(page, [".p2p-readiness"]) == []
    assert errors.messages == []
