"""The shared reader of exported files (lib/file-drop.js) in Chromium, on the pages that use it."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from tests.browser.support import watch_errors

PORTFOLIO_ROOT = "[data-p2p-component='portfolio']"
TEAM_ROOT = "[data-p2p-component='team']"

_READ = """async ([url, files, options]) => {
  const { readExportFile } = await import(url);
  const found = {};
  for (const [name, text] of Object.entries(files)) {
    const read = await readExportFile(new File([text], name), options);
    found[name] = read.refused || `object with ${Object.keys(read.document).length} keys`;
  }
  return found;
}"""


def test_one_reader_refuses_what_is_not_an_answers_export(page: Page, site_url: str) -> None:
    """Too large, too deep, not JSON, not an object: each file is refused with its reason."""
    page.goto(site_url + "team/")
    files = {
        "good.json": json.dumps({"format": "pilot2prod/answers", "version": 1}),
        "huge.json": "{" + " " * 2048 + "}",
        "deep.json": "[" * 10 + "]" * 10,
        "junk.json": "{nope",
        "list.json": "[1, 2]",
    }
    found = page.evaluate(
        _READ, [site_url + "assets/js/lib/file-drop.js", files, {"maxBytes": 1024, "maxDepth": 5}]
    )
    assert found["good.json"] == "object with 2 keys"
    assert found["huge.json"].startswith("larger than 1 KB")
    assert found["deep.json"].startswith("is nested more than 5 levels deep")
    assert found["junk.json"].startswith("is not JSON")
    assert found["list.json"].startswith("does not hold an answers export")


def test_files_dropped_on_the_portfolio_box_are_read(page: Page, site_url: str) -> None:
    """A file dropped on the portfolio's box is read like a chosen one, refusal listed by name."""
    errors = watch_errors(page)
    page.goto(site_url + "portfolio/")
    expect(page.locator(PORTFOLIO_ROOT)).to_have_attribute("data-p2p-mounted", "true")
    page.evaluate(
        """() => {
          const transfer = new DataTransfer();
          transfer.items.add(new File(["{nope"], "dropped.json", { type: "application/json" }));
          const box = document.querySelector('[data-role="drop"]');
          const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
          box.dispatchEvent(new DragEvent("dragover", init));
          box.dispatchEvent(new DragEvent("drop", init));
        }"""
    )
    refused = page.locator('[data-role="refused-list"] li')
    expect(refused).to_have_count(1, timeout=120_000)
    expect(refused.first).to_contain_text("dropped.json: is not JSON")
    expect(page.locator('[data-role="refused-count"]')).to_have_text("1 file was not used:")
    expect(page.locator('[data-role="drop"]')).to_have_attribute("data-over", "false")
    assert not errors.messages


def test_status_offers_dropping_only_where_there_is_a_box(page: Page, site_url: str) -> None:
    """The portfolio (a drop box) says "Choose or drop"; the team view (none) says "Choose"."""
    page.goto(site_url + "portfolio/")
    expect(page.locator(PORTFOLIO_ROOT + ' [data-role="status"]')).to_have_text(
        "Ready. Choose or drop the exported files; they are read in your browser and sent nowhere.",
        timeout=120_000,
    )
    page.goto(site_url + "team/")
    expect(page.locator(TEAM_ROOT + ' [data-role="status"]')).to_have_text(
        "Ready. Choose the exported files; they are read in your browser and sent nowhere.",
        timeout=120_000,
    )
