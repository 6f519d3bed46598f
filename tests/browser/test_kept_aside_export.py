"""Answers the assessment page set aside reach its Markdown export, not only the JSON one."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.support import BOOT_TIMEOUT_MS, tool
from tests.browser.test_checklists import answers_doc, item_ids, open_page, seed, wait_mounted

WIDGET = "[data-p2p-component='readiness']"


def test_the_markdown_export_lists_answers_kept_aside(page: Page, site_url: str) -> None:
    """An answer to a retired question, kept aside on load, is listed in the exported Markdown."""
    open_page(page, site_url + "assessment/")
    first = item_ids("readiness")[0]
    seed(
        page,
        answers_doc(
            "readiness",
            {first: "yes", "retired-question": "partial"},
            notes={"retired-question": "Old <b>evidence</b>"},
        ),
    )
    page.reload()
    wait_mounted(page, "readiness")
    expect(page.locator(WIDGET)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    with page.expect_download() as info:
        tool(page.locator("#readiness"), "Export Markdown").click()
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert "### Answers kept aside (questions no longer in this checklist)" in markdown
    assert "- retired-question: Partly\n    - Note: Old \\<b\\>evidence\\</b\\>" in markdown
