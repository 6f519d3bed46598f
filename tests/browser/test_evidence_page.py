"""The evidence page in Chromium: dropped result files give the command line's figures, a
chart with its table, a record to download; bad files leave what is shown alone."""

from __future__ import annotations

import hashlib
import json

from playwright.sync_api import Page, expect

from pilot2prod.dataset import Dataset
from pilot2prod.evidence.formats import read_run
from pilot2prod.evidence.record import read_record
from pilot2prod.evidence.summary import options_from_settings, summarise
from pilot2prod.evidence.view import summary_view
from tests.browser.support import serious_axe_violations, watch_errors
from tests.serving import ROOT

EVIDENCE = "evidence/"
ROOT_SELECTOR = "[data-p2p-component='evidence']"
BOOT = 120_000
"""Pyodide's first boot in a fresh context can take a while on a busy machine."""

FIXTURES = ROOT / "tests" / "fixtures" / "evidence"
PROMPTFOO = FIXTURES / "promptfoo-0.120.27-before.json"
AFTER = FIXTURES / "promptfoo-0.120.27-after.json"
INSPECT_EVAL = FIXTURES / "inspect-0.3.285.eval"
MIX = "billing,5200\ndelivery,3100\nadversarial,900\nother,600\nreturns,200\n"


def _expected(path, slice_field=None, mix=None) -> dict:
    settings = Dataset.from_directory(ROOT / "data").evidence
    run = read_run(path.read_bytes(), path.name, settings.passing_score)
    options = options_from_settings(settings, slice_field=slice_field, mix=mix)
    return summary_view(summarise(run, settings, options))


def _file(path) -> dict:
    return {"name": path.name, "mimeType": "application/octet-stream", "buffer": path.read_bytes()}


def _open(page: Page, site_url: str) -> None:
    page.goto(site_url + EVIDENCE)
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-p2p-mounted", "true")


def _drop(page: Page, *files: dict) -> None:
    page.locator(f'{ROOT_SELECTOR} [data-role="files"]').set_input_files(list(files))


def _live(page: Page) -> None:
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("data-state", "live", timeout=BOOT)


def test_a_promptfoo_file_shows_the_command_lines_figures(page, site_url):
    """The real promptfoo output gives the CLI's headline and slice table, by the suggested
    field, with the chart drawn and the record downloadable with the file's SHA-256."""
    errors = watch_errors(page)
    expected = _expected(PROMPTFOO, slice_field="vars.category")
    _open(page, site_url)
    _drop(page, _file(PROMPTFOO))
    _live(page)
    expect(page.locator('output[name="evidence-headline"]')).to_have_text(expected["headline"])
    expect(page.locator('[data-role="slice"]')).to_have_value("vars.category")
    rows = page.locator('[data-role="rows"] tr')
    expect(rows).to_have_count(len(expected["rows"]))
    for index, row in enumerate(expected["rows"]):
        expect(rows.nth(index).locator("th")).to_have_text(row["name"])
        expect(rows.nth(index).locator("td").nth(2)).to_have_text(row["rate_text"])
    expect(page.locator('[data-role="chart"] rect.p2p-evidence__interval')).to_have_count(
        len(expected["rows"])
    )
    assert serious_axe_violations(page) == []  # at rest, before a button takes the focus
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the evidence record (.json)").click()
    record = read_record(info.value.path().read_bytes(), "downloaded")
    assert record.source.sha256 == hashlib.sha256(PROMPTFOO.read_bytes()).hexdigest()
    assert record.source.tool_version == "0.120.27"
    assert not errors.messages


def test_a_mix_weighs_the_figures_and_a_bad_file_changes_nothing(page, site_url):
    """Typing a mix gives the weighted headline; a file Python refuses is listed with its
    reason while the figures already shown stay as they were."""
    expected = _expected(
        PROMPTFOO,
        "vars.category",
        {name: float(count) for name, count in (line.split(",") for line in MIX.split())},
    )
    _open(page, site_url)
    _drop(page, _file(PROMPTFOO))
    _live(page)
    page.locator('[data-role="mix"]').fill(MIX)
    headline = page.locator('output[name="evidence-headline"]')
    expect(headline).to_have_text(expected["headline"])
    assert "Weighted to your traffic" in expected["headline"]
    _drop(
        page,
        {
            "name": "answers.json",
            "mimeType": "application/json",
            "buffer": json.dumps({"format": "pilot2prod/answers", "version": 2}).encode(),
        },
    )
    refused = page.locator('[data-role="refused-list"] li')
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text("readiness answers file")
    expect(headline).to_have_text(expected["headline"])
    _drop(
        page,
        {
            "name": "deep.json",
            "mimeType": "application/json",
            "buffer": b"[" * 10_000 + b"]" * 10_000,
        },
    )
    expect(refused).to_contain_text("nested more than")
    expect(headline).to_have_text(expected["headline"])


def test_a_zstd_eval_log_opens_in_the_page(page, site_url):
    """An Inspect .eval log with zstd members opens in the browser (Pyodide's Python 3.14)."""
    expected = _expected(INSPECT_EVAL, slice_field="metadata.category")
    _open(page, site_url)
    _drop(page, _file(INSPECT_EVAL))
    _live(page)
    expect(page.locator('output[name="evidence-headline"]')).to_have_text(expected["headline"])


def test_two_runs_are_compared_slice_by_slice(page, site_url):
    """Before and after runs give a paired comparison with a verdict per slice."""
    _open(page, site_url)
    _drop(page, _file(PROMPTFOO), _file(AFTER))
    _live(page)
    page.get_by_role("button", name="Compare").click()
    rows = page.locator('[data-role="compare-rows"] tr')
    expect(rows.first).to_contain_text("all cases")
    expect(rows.first.locator("td").nth(3)).to_have_text("yes")
    expect(page.locator('output[name="evidence-compare"]')).to_contain_text("Overall:")


def test_the_page_reads_on_a_phone(new_context, site_url):
    """At 390 px the narrow chart replaces the wide one and nothing scrolls sideways."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    _open(page, site_url)
    _drop(page, _file(PROMPTFOO))
    _live(page)
    expect(page.locator('[data-role="chart-narrow"]')).to_be_visible()
    expect(page.locator('[data-role="chart"]')).to_be_hidden()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390
