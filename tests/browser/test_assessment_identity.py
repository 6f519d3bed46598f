"""The assessment's project, assessor and date: typed once, kept with the answers everywhere."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.support import share_link
from tests.browser.test_checklists import (
    ASSESSMENT,
    answers_doc,
    choose,
    item_ids,
    open_page,
    reopen_with,
    shown,
    stored,
    wait_mounted,
)
from tests.browser.test_checklists_transfer import banner, download, import_file, notices

PROJECT = 'Support assistant <b>pilot</b> & "friends"'
ASSESSOR = "Ana <script>alert(1)</script>"
DAY = "2026-11-30"


def identity(page: Page) -> dict[str, str]:
    """What the three identity fields show."""
    return {
        key: page.locator(f"#readiness--{key}").input_value()
        for key in ("project", "assessor", "assessed")
    }


def fill_identity(page: Page) -> None:
    """Type project and assessor, set the date, each field left as a reader would."""
    page.get_by_label("Project name").fill(PROJECT)
    page.get_by_label("Project name").press("Tab")
    page.get_by_label("Assessor").fill(ASSESSOR)
    page.get_by_label("Assessor").press("Tab")
    page.get_by_label("Assessment date").fill(DAY)
    page.get_by_label("Assessment date").press("Tab")


WANTED = {"project": PROJECT, "assessor": ASSESSOR, "assessed": DAY}


def test_identity_fields_survive_a_reload(page, site_url):
    """Project, assessor and date typed at the top are saved and shown again after a reload."""
    open_page(page, site_url + ASSESSMENT)
    expect(page.get_by_label("Project name")).to_be_visible()
    fill_identity(page)
    choose(page, "readiness", item_ids("readiness")[0], "yes")
    page.reload()
    wait_mounted(page, "readiness")
    assert identity(page) == WANTED
    assert {key: stored(page)[key] for key in WANTED} == WANTED


def test_the_date_defaults_to_today_and_old_answers_still_open(page, site_url):
    """Answers saved before the identity fields existed open, dated today, with no names."""
    first = item_ids("readiness")[0]
    page.goto(site_url + ASSESSMENT)
    reopen_with(page, answers_doc("readiness", {first: "partial"}, notes={first: "half"}))
    assert shown(page)["answers"] == {first: "partial"}
    assert identity(page) == {"project": "", "assessor": "", "assessed": date.today().isoformat()}


def test_identity_travels_in_the_share_link(new_context, site_url):
    """A share link made after filling the identity opens with it in another browser profile."""
    sender = new_context().new_page()
    open_page(sender, site_url + ASSESSMENT)
    fill_identity(sender)
    link = share_link(sender)

    receiver = new_context().new_page()
    open_page(receiver, link)
    expect(banner(receiver)).to_contain_text("share link")
    assert identity(receiver) == WANTED
    # The names are shown as typed, never run as markup.
    assert receiver.locator("#readiness b, #readiness script").count() == 0


def test_identity_survives_export_then_import(new_context, site_url, tmp_path: Path):
    """Exported JSON carries the identity, and importing it elsewhere restores it."""
    first = new_context().new_page()
    open_page(first, site_url + ASSESSMENT)
    fill_identity(first)
    choose(first, "readiness", item_ids("readiness")[2], "no")
    text = download(first, "Export JSON")
    assert {key: json.loads(text)[key] for key in WANTED} == WANTED
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")

    second = new_context().new_page()
    open_page(second, site_url + ASSESSMENT)
    import_file(second, path)
    expect(notices(second)).to_contain_text("Imported 1 answer from")
    assert identity(second) == WANTED
    second.reload()
    wait_mounted(second, "readiness")
    assert identity(second) == WANTED


def test_a_bad_identity_in_a_file_is_refused_with_a_reason(page, site_url, tmp_path: Path):
    """A file whose date is not a date is not imported, and says why."""
    open_page(page, site_url + ASSESSMENT)
    path = tmp_path / "bad.json"
    doc = answers_doc("readiness", {item_ids("readiness")[0]: "yes"}) | {"assessed": "soon"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    import_file(page, path)
    expect(notices(page)).to_contain_text("is not a date (YYYY-MM-DD)")
    assert shown(page)["answers"] == {}
