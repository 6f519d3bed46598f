"""Answers leaving and entering the page: exports, imports, share links, copies, hostile input."""

from __future__ import annotations

import base64
import csv
import io
import json
import zlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from pilot2prod import sharelink
from tests.browser.support import BOOT_TIMEOUT_MS, share_link, tool
from tests.browser.test_checklists import (
    ASSESSMENT,
    CHECKLISTS,
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

XSS_NOTE = "<img src=x onerror=alert(1)>"
SCRIPT_OWNER = "<script>alert(2)</script>"


def watch_dialogs(page: Page) -> list[str]:
    """Record (and dismiss) every alert/confirm/prompt the page opens."""
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    return seen


def fill_sample(page: Page) -> dict[str, Any]:
    """Answer a few items with notes and owners that stress escaping; return what was entered."""
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    choose(page, "readiness", ids[1], "partial")
    choose(page, "readiness", ids[7], "no")
    choose(page, "readiness", ids[15], "na")
    write_field(page, "readiness", ids[0], "note", XSS_NOTE)
    write_field(page, "readiness", ids[1], "note", 'Half done, "mostly" fine\nsecond line')
    write_field(page, "readiness", ids[1], "owner", "=SUM(A1:A9)")
    write_field(page, "readiness", ids[15], "note", "No on-call needed: batch job")
    write_field(page, "readiness", ids[7], "owner", SCRIPT_OWNER)
    return shown(page)


def download(page: Page, button: str, scope: str = "#readiness") -> str:
    """Click an export button and return the downloaded file's text."""
    # An export waits for Python's report, behind any scoring still queued on a busy machine.
    with page.expect_download(timeout=BOOT_TIMEOUT_MS) as info:
        tool(page.locator(scope), button).click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def import_file(page: Page, path: Path, scope: str = "#readiness") -> None:
    """Import a file through the Import button's file chooser."""
    with page.expect_file_chooser() as chooser:
        tool(page.locator(scope), "Import JSON…").click()
    chooser.value.set_files(str(path))


def banner(page: Page, scope: str = "#readiness"):
    """The keep/replace/copy banner of a checklist."""
    return page.locator(f"{scope} .p2p-banner")


def notices(page: Page, scope: str = "#readiness"):
    """The live notice area of a checklist."""
    return page.locator(f"{scope} .p2p-notices")


# ----- export and import --------------------------------------------------------------


def test_export_json_then_import_in_a_fresh_context_gives_the_same_state(
    new_context, site_url, tmp_path
):
    """A JSON export imported into a fresh browser profile restores answers, notes and owners."""
    first = new_context().new_page()
    open_page(first, site_url + ASSESSMENT)
    entered = fill_sample(first)
    text = download(first, "Export JSON")
    exported = json.loads(text)
    assert exported["format"] == "pilot2prod/answers"
    assert exported["version"] == 2
    assert exported["checklist"] == "readiness"
    assert exported["checklist_version"] == checklist("readiness").version
    assert exported["answers"] == entered["answers"]
    assert exported["notes"] == entered["notes"]
    assert exported["owners"] == entered["owners"]
    assert exported["orphans"] == {}
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")

    second = new_context().new_page()
    dialogs = watch_dialogs(second)
    open_page(second, site_url + ASSESSMENT)
    import_file(second, path)
    expect(notices(second)).to_contain_text("Imported 4 answers", timeout=BOOT_TIMEOUT_MS)
    assert shown(second) == entered
    assert stored(second)["answers"] == entered["answers"]
    second.reload()
    wait_mounted(second, "readiness")
    assert shown(second) == entered
    assert dialogs == []


def test_markdown_export_is_ready_for_a_proposal(page, site_url):
    """The assessment's Markdown is Python's report: verdict first, then every answer with its
    note and owner, user text escaped only where Markdown needs it."""
    open_page(page, site_url + ASSESSMENT)
    fill_sample(page)
    text = download(page, "Export Markdown")
    ids = item_ids("readiness")
    assert text.startswith("## Readiness verdict: ")
    assert f"- **Assessed on:** {date.today().isoformat()}" in text
    assert f"- **Checklist version:** `{checklist('readiness').version}`" in text
    assert f"- **Answered:** 4 of {len(ids)} questions answered" in text
    answers = text.split("\n### Answers\n", 1)[1]
    for section in checklist("readiness").sections:
        assert f"#### {section.title}" in answers
    assert "    - Note: \\<img src=x onerror=alert(1)\\>" in text
    assert "<img" not in text.replace("\\<img", "")
    assert "    - Owner: =SUM(A1:A9)" in text
    assert "    - Owner: \\<script\\>alert(2)\\</script\\>" in text
    assert "    - Why it does not apply: No on-call needed: batch job" in text
    assert "\\(" not in text
    assert answers.count("\n- **") == len(ids)


def test_markdown_of_a_done_checklist_uses_task_boxes(page, site_url):
    """A done-list exports as `- [x]` / `- [ ]` lines under its sections."""
    open_page(page, site_url + CHECKLISTS, "scope-and-budget")
    ids = item_ids("scope-and-budget")
    page.locator(f"#scope-and-budget-{ids[0]}--done").check()
    text = download(page, "Export Markdown", "#scope-and-budget")
    assert text.startswith("# Scoping and budgeting the production work\n")
    assert "1 of 8 done" in text
    assert text.count("\n- [x] ") == 1
    assert text.count("\n- [ ] ") == len(ids) - 1


def test_copy_markdown_puts_the_same_text_on_the_clipboard(new_context, site_url):
    """'Copy Markdown' copies exactly what 'Export Markdown' downloads."""
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    fill_sample(page)
    exported = download(page, "Export Markdown")
    tool(page.locator("#readiness"), "Copy Markdown").click()
    expect(notices(page)).to_contain_text("Markdown copied", timeout=BOOT_TIMEOUT_MS)
    assert page.evaluate("navigator.clipboard.readText()") == exported


def test_csv_export_quotes_fields_and_defuses_formulas(page, site_url):
    """CSV (Python's): the result's rows, then one quoted row per question, commas, quotes and
    newlines intact, formula-like cells defused; answers set aside stay in the JSON export."""
    open_page(page, site_url + ASSESSMENT)
    entered = fill_sample(page)
    seed_orphan = answers_doc(
        "readiness",
        entered["answers"],
        entered["notes"],
        entered["owners"],
        orphans={"old-item": {"answer": "yes", "note": "from last year"}},
    )
    reopen_with(page, seed_orphan)
    with page.expect_download() as info:
        tool(page.locator("#readiness"), "Export CSV").click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    ids = item_ids("readiness")
    questions = [r for r in rows if r["kind"] == "question"]
    assert [r["question_id"] for r in questions] == ids
    assert rows[0]["kind"] == "project"
    assert "verdict" in [r["kind"] for r in rows[: -len(ids)]]
    by_item = {r["question_id"]: r for r in questions}
    assert by_item[ids[0]]["answer"] == "Yes"
    assert by_item[ids[0]]["value"] == "yes"
    assert by_item[ids[0]]["note"] == XSS_NOTE
    assert by_item[ids[1]]["note"] == 'Half done, "mostly" fine\nsecond line'
    assert by_item[ids[1]]["owner"] == "'=SUM(A1:A9)"
    assert by_item[ids[2]]["answer"] == "Not answered"
    assert by_item[ids[0]]["critical"] == "yes"
    assert by_item[ids[0]]["question"] == checklist("readiness").items[0].text
    for line in raw.decode("utf-8-sig").split("\r\n")[:-1]:
        assert line.startswith('"')
    kept = json.loads(download(page, "Export JSON"))
    assert kept["orphans"] == {"old-item": {"answer": "yes", "note": "from last year"}}


def test_import_over_own_answers_asks_before_replacing(page, site_url, tmp_path):
    """Importing while answers exist shows them under a banner; nothing is saved until a choice."""
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "no")
    mine = stored(page)
    path = tmp_path / "colleague.json"
    path.write_text(json.dumps(answers_doc("readiness", {ids[0]: "yes", ids[1]: "yes"})), "utf-8")
    import_file(page, path)
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(banner(page)).to_contain_text("colleague.json")
    assert shown(page)["answers"] == {ids[0]: "yes", ids[1]: "yes"}
    assert stored(page) == mine
    banner(page).get_by_role("button", name="Replace mine").click()
    expect(banner(page)).to_be_hidden()
    assert stored(page)["answers"] == {ids[0]: "yes", ids[1]: "yes"}
    notices(page).get_by_role("button", name="Undo").click()
    assert stored(page)["answers"] == {ids[0]: "no"}
    assert shown(page)["answers"] == {ids[0]: "no"}


def _bad_files() -> list[tuple[str, bytes, str]]:
    first = item_ids("readiness")[0]
    good = answers_doc("readiness", {first: "yes"})
    return [
        ("not-json", b"{this is not json", "not valid JSON"),
        ("array", b"[1, 2, 3]", "must hold a JSON object, not a list"),
        (
            "wrong-format",
            json.dumps({**good, "format": "other/tool"}).encode(),
            "format: 'other/tool' is not a pilot2prod answers file",
        ),
        ("newer", json.dumps({**good, "version": 3}).encode(), "written by a newer pilot2prod"),
        (
            "other-checklist",
            json.dumps({**good, "checklist": "scope-and-budget"}).encode(),
            "scope-and-budget",
        ),
        ("bad-value", json.dumps({**good, "answers": {first: "maybe"}}).encode(), "maybe"),
        (
            "bad-id",
            json.dumps({**good, "answers": {"x" * 81: "yes"}}).encode(),
            "is not a question id",
        ),
        (
            "note-not-text",
            json.dumps({**good, "notes": {first: 42}}).encode(),
            f"notes.{first}: must be text, not a number",
        ),
        ("binary", bytes(range(256)) * 4, "is not UTF-8 text"),
        (
            "oversized",
            json.dumps({**good, "notes": {first: "x" * 6_000_000}}).encode(),
            "larger than 5 MB",
        ),
        (
            "duplicate-key",
            json.dumps(good)[:-1].encode() + b', "format": "pilot2prod/answers"}',
            "key 'format' appears twice",
        ),
        (
            "latin-1",
            json.dumps({**good, "project": "Café"}, ensure_ascii=False).encode("latin-1"),
            "is not UTF-8 text",
        ),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"), _bad_files(), ids=[b[0] for b in _bad_files()]
)
def test_bad_import_is_refused_and_changes_nothing(
    page, site_url, tmp_path, name, content, message
):
    """Malformed, foreign, hostile or oversized files are refused with a notice; answers stay."""
    dialogs = watch_dialogs(page)
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[3], "partial")
    before_store, before_shown = stored(page), shown(page)
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    import_file(page, path)
    expect(notices(page)).to_contain_text("was not imported", timeout=BOOT_TIMEOUT_MS)
    expect(notices(page)).to_contain_text(message, timeout=BOOT_TIMEOUT_MS)
    expect(notices(page)).to_contain_text("Nothing was changed", timeout=BOOT_TIMEOUT_MS)
    expect(banner(page)).to_be_hidden()
    assert stored(page) == before_store
    assert shown(page) == before_shown
    assert dialogs == []


# ----- share links --------------------------------------------------------------------


def _own_answers_context(new_context, site_url: str) -> tuple[BrowserContext, Page, dict[str, Any]]:
    """A fresh profile whose reader has already saved answers of their own."""
    context = new_context()
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "no")
    choose(page, "readiness", ids[20], "partial")
    write_field(page, "readiness", ids[20], "owner", "Me myself")
    return context, page, stored(page)


def _shared_doc() -> dict[str, Any]:
    ids = item_ids("readiness")
    return answers_doc(
        "readiness",
        {ids[0]: "yes", ids[4]: "partial", ids[9]: "na"},
        notes={ids[9]: XSS_NOTE, ids[4]: "Fallback built, checks pending"},
        owners={ids[4]: SCRIPT_OWNER},
    )


def test_share_link_made_on_the_page_opens_in_a_fresh_context(new_context, site_url):
    """'Copy share link' gives a link that shows the same answers in another browser profile."""
    sender = new_context().new_page()
    open_page(sender, site_url + ASSESSMENT)
    entered = fill_sample(sender)
    link = share_link(sender)
    field = sender.locator("#readiness--share-url")
    expect(field).to_be_visible()
    expect(field).to_have_attribute("readonly", "")
    assert link.startswith(f"{site_url}{ASSESSMENT}#p2p=v2.")
    assert sharelink.decode(link)["answers"] == entered["answers"]

    context, _, mine = _own_answers_context(new_context, site_url)
    receiver = context.new_page()
    dialogs = watch_dialogs(receiver)
    receiver.goto(link)
    wait_mounted(receiver, "readiness")
    expect(banner(receiver)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert shown(receiver) == entered
    assert stored(receiver) == mine
    assert dialogs == []


@pytest.mark.parametrize("choice", ["Keep mine", "Replace mine", "Save as a named copy"])
def test_opening_a_share_link_never_overwrites_without_consent(new_context, site_url, choice):
    """A link opened in a new tab shows shared answers; the reader's stay until they choose."""
    context, _, mine = _own_answers_context(new_context, site_url)
    shared = _shared_doc()
    page = context.new_page()
    dialogs = watch_dialogs(page)
    page.goto(sharelink.link(site_url + ASSESSMENT, shared))
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(banner(page)).to_contain_text("share link")
    expect(banner(page)).to_contain_text("untouched until you choose")
    assert shown(page) == {k: shared[k] for k in ("answers", "notes", "owners")}
    # Editing while the banner shows is allowed but not saved.
    choose(page, "readiness", item_ids("readiness")[2], "yes")
    assert stored(page) == mine
    page.reload()
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    assert stored(page) == mine

    expect(page.locator("#readiness--banner-name")).to_be_hidden()
    banner(page).get_by_role("button", name=choice).click()
    if choice == "Save as a named copy":
        name = page.locator("#readiness--banner-name")
        expect(name).to_be_focused()
        name.fill("Vendor's view <i>draft</i>")
        banner(page).get_by_role("button", name="Save copy").click()
    expect(banner(page)).to_be_hidden()
    assert "p2p=" not in page.url
    own_view = {k: mine[k] for k in ("answers", "notes", "owners")}
    shared_view = {k: shared[k] for k in ("answers", "notes", "owners")}
    if choice == "Replace mine":
        assert {k: stored(page)[k] for k in shared_view} == shared_view
        assert shown(page) == shared_view
    else:
        assert stored(page) == mine
        assert shown(page) == own_view
    if choice == "Save as a named copy":
        copies = json.loads(page.evaluate("localStorage.getItem('pilot2prod:copies:readiness')"))
        assert [c["name"] for c in copies["copies"]] == ["Vendor's view <i>draft</i>"]
        assert copies["copies"][0]["doc"]["answers"] == shared["answers"]
        tool(page.locator("#readiness"), "Named copies").click()
        listed = page.locator("#readiness .p2p-copy__name")
        expect(listed).to_have_text("Vendor's view <i>draft</i>")
        expect(page.locator("#readiness .p2p-copies i")).to_have_count(0)
    assert dialogs == []
    expect(page.locator("#readiness img")).to_have_count(0)


def test_share_link_pasted_into_an_open_tab_asks_too(new_context, site_url):
    """Changing only the fragment of an open page (hashchange) shows the banner as well."""
    _, page, mine = _own_answers_context(new_context, site_url)
    shared = _shared_doc()
    page.evaluate("document.getElementById('readiness').dataset.before = 'yes'")
    page.goto(sharelink.link(site_url + ASSESSMENT, shared))
    # Material answers the history change by re-rendering the page in place; the form that
    # counts is the new one, which must show the banner too.
    page.wait_for_function("!document.getElementById('readiness').dataset.before")
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(f"#readiness-{item_ids('readiness')[0]}--yes")).to_be_checked()
    assert shown(page)["answers"] == shared["answers"]
    assert stored(page) == mine


def test_script_in_a_shared_note_or_owner_stays_text(new_context, site_url):
    """Notes and owners carrying markup never run (no dialog) and show literally."""
    context = new_context()
    page = context.new_page()
    dialogs = watch_dialogs(page)
    ids = item_ids("readiness")
    page.goto(sharelink.link(site_url + ASSESSMENT, _shared_doc()))
    wait_mounted(page, "readiness")
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(f"#readiness-{ids[9]}--note")).to_have_value(XSS_NOTE)
    expect(page.locator(f"#readiness-{ids[4]}--owner")).to_have_value(SCRIPT_OWNER)
    expect(page.locator(f"#readiness-{ids[4]} .p2p-item__more-state")).to_contain_text(SCRIPT_OWNER)
    page.emulate_media(media="print")
    expect(page.locator(f"#readiness-{ids[9]} .p2p-item__print")).to_contain_text(XSS_NOTE)
    page.emulate_media(media="screen")
    banner(page).get_by_role("button", name="Save to this browser").click()
    page.reload()
    wait_mounted(page, "readiness")
    page.wait_for_timeout(300)
    expect(page.locator("#readiness img")).to_have_count(0)
    expect(page.locator("#readiness script")).to_have_count(0)
    assert dialogs == []


def _raw_payload(raw: bytes) -> str:
    compressor = zlib.compressobj(wbits=-15)
    packed = compressor.compress(raw) + compressor.flush()
    return "v1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def _hostile_fragments() -> list[tuple[str, str, str]]:
    first = item_ids("readiness")[0]
    return [
        ("script-tag", "v1.<script>alert(1)</script>", "damaged"),
        ("javascript-url", "javascript:alert(1)", "not in a format"),
        ("not-base64", "v1.!!!!", "damaged"),
        (
            "not-deflate",
            "v1." + base64.urlsafe_b64encode(b"plain words").decode().rstrip("="),
            "damaged",
        ),
        ("truncated", sharelink.encode(_shared_doc())[:40], "damaged"),
        ("array", _raw_payload(b"[1,2]"), "must hold a JSON object, not a list"),
        ("bomb", _raw_payload(b'{"a":"' + b"0" * 2_000_000 + b'"}'), "more than 1 MB"),
        (
            "other-checklist",
            sharelink.encode({**_shared_doc(), "checklist": "nope"}),
            "not on this page",
        ),
        (
            "bad-answer",
            sharelink.encode(answers_doc("readiness", {first: "<b>yes</b>"})),
            "is not an answer",
        ),
        ("not-ours", sharelink.encode({"hello": "world"}), "format: missing"),
        ("empty", "", "is empty"),
        ("changed-on-the-way", _changed_on_the_way(), "does not match its check"),
    ]


def _changed_on_the_way() -> str:
    """A v2 link whose content was altered but still inflates to valid answers: its check fails."""
    first = item_ids("readiness")[0]
    honest = sharelink.encode(answers_doc("readiness", {first: "no"}))
    altered = sharelink.encode(answers_doc("readiness", {first: "yes"}))
    return f"{honest.split('.')[0]}.{honest.split('.')[1]}.{altered.split('.', 2)[2]}"


@pytest.mark.parametrize(
    ("name", "fragment", "message"), _hostile_fragments(), ids=[f[0] for f in _hostile_fragments()]
)
def test_hostile_fragment_is_refused_and_changes_nothing(
    new_context, site_url, name, fragment, message
):
    """A malformed, hostile or oversized fragment is refused with a notice; nothing changes."""
    context, _, mine = _own_answers_context(new_context, site_url)
    page = context.new_page()
    dialogs = watch_dialogs(page)
    page.goto(f"{site_url}{ASSESSMENT}#p2p={fragment}")
    wait_mounted(page, "readiness")
    expect(notices(page)).to_contain_text(message, timeout=BOOT_TIMEOUT_MS)
    expect(banner(page)).to_be_hidden()
    assert stored(page) == mine
    assert shown(page)["answers"] == mine["answers"]
    assert dialogs == []
    expect(page.locator("#readiness script")).to_have_count(0)


def test_python_and_browser_codecs_agree(page, site_url):
    """The page's encodeFragment decodes in Python, and Python's encode decodes in the page."""
    open_page(page, site_url + ASSESSMENT)
    doc = _shared_doc()
    js_text = page.evaluate(
        """async (doc) => {
          const codec = await import('/assets/js/lib/sharelink.js');
          return codec.encodeFragment(doc);
        }""",
        doc,
    )
    assert js_text.startswith("v2.")
    assert sharelink.decode(js_text) == doc
    back = page.evaluate(
        """async (text) => {
          const codec = await import('/assets/js/lib/sharelink.js');
          return codec.decodeFragment(text);
        }""",
        sharelink.encode(doc),
    )
    assert back == doc
    message = page.evaluate(
        """async (text) => {
          const codec = await import('/assets/js/lib/sharelink.js');
          try { await codec.decodeFragment(text, {maxBytes: 100}); return 'accepted'; }
          catch (error) { return error.message; }
        }""",
        sharelink.encode({"note": "y" * 500}),
    )
    assert "more than 1 MB" in message or "too large" in message


def test_share_link_reaches_the_right_checklist_among_several(new_context, site_url):
    """On the checklists page, a link for one checklist opens its banner and leaves the others."""
    context = new_context()
    page = context.new_page()
    ids = item_ids("operations-handover")
    doc = answers_doc("operations-handover", {ids[0]: "done", ids[3]: "done"})
    page.goto(sharelink.link(site_url + CHECKLISTS, doc))
    wait_mounted(page, "design-for-production", "operations-handover")
    expect(banner(page, "#operations-handover")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(banner(page, "#operations-handover")).to_be_in_viewport()
    expect(banner(page, "#design-for-production")).to_be_hidden()
    assert shown(page, "operations-handover")["answers"] == {ids[0]: "done", ids[3]: "done"}
    assert stored(page, "operations-handover") is None
    banner(page, "#operations-handover").get_by_role("button", name="Save to this browser").click()
    assert stored(page, "operations-handover")["answers"] == {ids[0]: "done", ids[3]: "done"}
    assert stored(page, "design-for-production") is None


def test_named_copies_can_be_saved_opened_adopted_and_deleted(page, site_url):
    """A named copy snapshots the answers; opening shows it under a banner; delete can be undone."""
    dialogs = watch_dialogs(page)
    open_page(page, site_url + ASSESSMENT)
    ids = item_ids("readiness")
    choose(page, "readiness", ids[0], "yes")
    form = page.locator("#readiness")
    tool(form, "Named copies").click()
    expect(form.locator(".p2p-copies__empty")).to_be_visible()
    page.locator("#readiness--copy-name").fill("Before the review")
    form.get_by_role("button", name="Save copy").click()
    expect(form.locator(".p2p-copy__name")).to_have_text("Before the review")
    choose(page, "readiness", ids[0], "no")
    form.get_by_role("button", name="Open copy Before the review").click()
    expect(banner(page)).to_contain_text("Before the review")
    expect(banner(page).get_by_role("button", name="Save as a named copy")).to_be_hidden()
    assert shown(page)["answers"] == {ids[0]: "yes"}
    assert stored(page)["answers"] == {ids[0]: "no"}
    banner(page).get_by_role("button", name="Keep mine").click()
    assert shown(page)["answers"] == {ids[0]: "no"}
    tool(form, "Named copies").click()
    form.get_by_role("button", name="Delete copy Before the review").click()
    expect(form.locator(".p2p-copy__name")).to_have_count(0)
    notices(page).get_by_role("button", name="Undo").click()
    expect(form.locator(".p2p-copy__name")).to_have_text("Before the review")
    assert dialogs == []
