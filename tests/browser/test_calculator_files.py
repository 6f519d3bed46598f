"""The calculators' files in Chromium: what a page saves the command line reads, and the reverse.

Each download button that writes inputs ("Save inputs as JSON", on both pages) is run through
the matching command with equal numbers; the commands' JSON results open in the pages with
equal numbers; a loaded file names what it changed and can be undone; and every limit is
refused with a message before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pilot2prod.calculators import documents
from pilot2prod.cli import main
from pilot2prod.model.documents import MAX_DOCUMENT_BYTES
from tests.browser.support import BOOT_TIMEOUT_MS, COMPUTED, OUTPUTS, set_inputs

PAGES = {
    "effort": ("estimator/", "estimate"),
    "cost": ("run-cost/", "cost"),
}
CHOSEN = {
    "effort": {
        "pilot-weeks": "11",
        "systems": "3",
        "integration": "legacy",
        "readiness-reliability": "55",
        "history": "5, 40\n9, 61",
        "team-size": "4",
        "start-date": "2027-02-01",
    },
    "cost": {
        "requests-per-day": "7300",
        "review-share": "2.5",
        "batch-share": "30",
        "model": "anthropic/claude-sonnet-4-5",
    },
}


def _calc(kind: str) -> str:
    return f'.p2p-calc[data-p2p-calc="{kind}"]'


def _open(new_context, site_url: str, kind: str) -> Page:
    page = new_context().new_page()
    page.goto(site_url + PAGES[kind][0])
    expect(page.locator(_calc(kind))).to_have_attribute(
        "data-state", "live", timeout=BOOT_TIMEOUT_MS
    )
    return page


def _shown(page: Page, kind: str) -> dict[str, str]:
    return {name: text for name, text, _ in page.locator(_calc(kind)).evaluate(OUTPUTS)}


def _cli(capsys, command: str, path: Path) -> dict:
    capsys.readouterr()
    code = main([command, str(path), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


@pytest.mark.parametrize("kind", list(PAGES))
def test_saved_inputs_give_the_pages_numbers_on_the_command_line(
    new_context, site_url, tmp_path, capsys, kind
):
    """ "Save inputs as JSON", run through `pilot2prod estimate` or `cost`: the same outputs
    (on the estimator with a start date, which the command line once refused)."""
    page = _open(new_context, site_url, kind)
    set_inputs(page, _calc(kind), CHOSEN[kind])
    with page.expect_download() as download:
        page.locator(f'{_calc(kind)} [data-action="json"]').click()
    saved = tmp_path / "inputs.json"
    download.value.save_as(saved)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["version"] == documents.VERSION
    assert {key: doc["inputs"][key] for key in CHOSEN[kind]} == CHOSEN[kind]
    out = _cli(capsys, PAGES[kind][1], saved)
    assert {name: value["text"] for name, value in out["outputs"].items()} == _shown(page, kind)


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_command_lines_result_opens_in_the_page_with_its_numbers(
    new_context, site_url, tmp_path, capsys, kind
):
    """A `--format json` result of the command line loads into the page: the same outputs."""
    source = tmp_path / "inputs.json"
    source.write_text(json.dumps({"inputs": CHOSEN[kind]}), encoding="utf-8")
    result = tmp_path / "result.json"
    result.write_text(json.dumps(_cli(capsys, PAGES[kind][1], source)), encoding="utf-8")
    expected = {
        name: value["text"] for name, value in json.loads(result.read_text())["outputs"].items()
    }
    page = _open(new_context, site_url, kind)
    root = page.locator(_calc(kind))
    page.locator(f'{_calc(kind)} [data-role="load-file"]').set_input_files(result)
    expect(root).to_have_attribute("data-opened-outcome", "ok", timeout=30_000)
    page.wait_for_function(COMPUTED, arg=[_calc(kind), CHOSEN[kind]], timeout=30_000)
    assert _shown(page, kind) == expected


def test_a_loaded_file_names_what_it_replaced_and_undo_puts_it_back(
    new_context, site_url, tmp_path
):
    """Loading a file over figures the reader typed names each one it changes; Undo restores
    them, and a refused file changes nothing."""
    page = _open(new_context, site_url, "effort")
    calc = _calc("effort")
    root = page.locator(calc)
    set_inputs(page, calc, {"pilot-weeks": "14", "team-size": "6"})
    good = tmp_path / "plan.json"
    good.write_text(
        json.dumps({"format": "pilot2prod/estimate", "version": 1, "inputs": {"pilot-weeks": "5"}}),
        encoding="utf-8",
    )
    page.locator(f'{calc} [data-role="load-file"]').set_input_files(good)
    notice = root.locator('[data-role="notice"]')
    expect(notice).to_contain_text("“plan.json” changed 2 fields")
    expect(notice).to_contain_text("Pilot effort from 14 person-weeks (your own figure) to 5")
    expect(root.locator('[name="team-size"]')).to_have_value("3")
    root.get_by_role("button", name="Undo").click()
    expect(root.locator('[name="pilot-weeks"]')).to_have_value("14")
    expect(root.locator('[name="team-size"]')).to_have_value("6")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"inputs": {"pilot-weeks": "5", "pilot-weeks": "6"}}')
    page.locator(f'{calc} [data-role="load-file"]').set_input_files(bad)
    expect(notice).to_contain_text("“bad.json” was not opened: not valid JSON: key 'pilot-weeks'")
    expect(root.locator('[name="pilot-weeks"]')).to_have_value("14")


def test_a_value_past_the_limit_is_refused_before_anything_is_written(new_context, site_url):
    """A past-projects list over Python's length limit is not kept on this device, and neither
    saved nor shared; the message names the field."""
    page = _open(new_context, site_url, "effort")
    calc = _calc("effort")
    root = page.locator(calc)
    key = root.get_attribute("data-storage-key")
    set_inputs(page, calc, {"pilot-weeks": "9"})
    page.wait_for_timeout(400)  # the save after an edit
    kept = page.evaluate("(key) => localStorage.getItem(key)", key)
    too_long = "6, 40\n" * (documents.MAX_VALUE_CHARS // 6 + 1)
    set_inputs(page, calc, {"history": too_long})
    notice = root.locator('[data-role="notice"]')
    expect(notice).to_contain_text(
        "Not saved on this device: Your past projects (optional) holds more than"
    )
    assert page.evaluate("(key) => localStorage.getItem(key)", key) == kept
    root.locator('[data-action="share"]').click()
    expect(notice).to_contain_text("Correct the marked fields first")
    expect(root.locator('[data-message-for="history"]')).to_be_visible()
    expect(root.locator('[data-role="share"]')).to_be_hidden()


def test_a_file_over_the_size_limit_is_refused_unread(new_context, site_url, tmp_path):
    """A file larger than Python's limit for any document is refused by name, unread."""
    page = _open(new_context, site_url, "cost")
    calc = _calc("cost")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_DOCUMENT_BYTES + 1) + b"{}")
    page.locator(f'{calc} [data-role="load-file"]').set_input_files(big)
    root = page.locator(calc)
    expect(root).to_have_attribute("data-opened-outcome", "refused", timeout=30_000)
    megabytes = MAX_DOCUMENT_BYTES // (1024 * 1024)
    expect(root.locator('[data-role="notice"]')).to_contain_text(
        f"“big.json” was not opened: it is larger than {megabytes} MB"
    )
