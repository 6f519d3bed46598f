"""The shared reader of exported files (lib/file-drop.js) in Chromium, on the pages that use it."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.support import watch_errors

PORTFOLIO_ROOT = "[data-p2p-component='portfolio']"
TEAM_ROOT = "[data-p2p-component='team']"

_READ = """async ([url, rulesUrl]) => {
  const { readFileText } = await import(url);
  const { RULES } = await import(rulesUrl);
  const files = {
    "good.json": new TextEncoder().encode('{"format": "pilot2prod/answers", "name": "Café"}'),
    "bom.json": new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    "latin1.json": new Uint8Array([0x7b, 0x22, 0x43, 0x61, 0x66, 0xe9, 0x22, 0x7d]),
    "huge.json": new Uint8Array(RULES.documents.max_bytes + 1),
  };
  const found = {};
  for (const [name, bytes] of Object.entries(files)) {
    const read = await readFileText(new File([bytes], name));
    found[name] = read.refused ? `refused: ${read.refused}` : read.text;
  }
  return found;
}"""


def test_every_page_reads_a_file_as_strict_utf8_within_pythons_size_limit(
    page: Page, site_url: str
) -> None:
    """Before Python parses a file, the page reads its text by the rules Python states: UTF-8
    only (a byte-order mark dropped, never a lossy "Caf\ufffd"), and no larger than the
    documents' limit; the parsing, and its refusals, are Python's."""
    page.goto(site_url + "team/")
    found = page.evaluate(
        _READ,
        [site_url + "assets/js/lib/file-drop.js", site_url + "assets/js/lib/rules.js"],
    )
    assert found["good.json"] == '{"format": "pilot2prod/answers", "name": "Café"}'
    assert found["bom.json"] == "{}"
    assert (
        found["latin1.json"] == "refused: is not UTF-8 text; save it as UTF-8 and choose it again"
    )
    assert found["huge.json"].startswith("refused: is larger than 5 MB")


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
    expect(refused.first).to_contain_text("dropped.json: line 1 column 2: not valid JSON")
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
