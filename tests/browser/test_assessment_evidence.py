"""Evidence on the assessment page: records kept in the browser mark each answer they inform,
suggest an answer where there is none (the reader chooses), and reach the exports."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Page, expect

from pilot2prod.evidence.record import Record, SliceTally, Source, record_to_value, tally
from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_checklists import ASSESSMENT, choose, open_page, shown
from tests.browser.test_checklists_transfer import download

QUESTION = "real-traffic-sample"
SECTION = '[data-p2p-component="backing"]'


def _record(passed: int = 35, cases: int = 40) -> dict:
    """An evaluation record of `cases` production cases (40 back an answer of Yes)."""
    counts = tally(passed, cases)
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = Record(
        kind="evaluation",
        created=now,
        source=Source("traffic.json", "csv", "", now, "a" * 64),
        slice_field="category",
        overall=tally(80, 100),
        sources=(
            SliceTally("production", cases, passed, counts.rate, counts.low, counts.high, False),
        ),
    )
    return record_to_value(record)


def _add(page: Page, path: Path) -> None:
    page.locator(f"{SECTION} [data-role='files']").set_input_files(str(path))


def _line(page: Page):
    return page.locator(f"#readiness-{QUESTION} [data-p2p-evidence]")


def test_a_record_suggests_an_answer_that_the_reader_chooses(page, site_url, tmp_path):
    """An unanswered question the evidence informs shows the suggestion with its figures; the
    answer changes only when the reader chooses it, and then reads as backed."""
    path = tmp_path / "traffic.evidence.json"
    path.write_text(json.dumps(_record()), encoding="utf-8")
    open_page(page, site_url + ASSESSMENT)
    _add(page, path)
    expect(page.locator(f"{SECTION} [data-role='records']")).to_contain_text(
        "traffic.evidence.json"
    )
    expect(_line(page)).to_contain_text(
        "evidence suggests", timeout=BOOT_TIMEOUT_MS, ignore_case=True
    )
    expect(_line(page)).to_contain_text("35 of 40")
    assert QUESTION not in shown(page)["answers"]
    _line(page).get_by_role("button", name="Answer Yes").click()
    expect(page.locator(f"#readiness-{QUESTION}--yes")).to_be_checked()
    expect(_line(page)).to_contain_text("Backed by evidence", timeout=BOOT_TIMEOUT_MS)


def test_a_yes_the_evidence_does_not_support_stays_self_reported_and_is_exported_so(
    page, site_url, tmp_path
):
    """The Markdown export marks each answer as the page does and ends with the evidence."""
    record = _record(10, 12)  # too few real cases: the evidence suggests Partly at most
    path = tmp_path / "few.evidence.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", QUESTION, "yes")
    _add(page, path)
    expect(_line(page)).to_contain_text("Self-reported", timeout=BOOT_TIMEOUT_MS)
    markdown = download(page, "Export Markdown")
    assert "Evidence: Self-reported" in markdown
    assert "### Evidence" in markdown and "few.evidence.json" in markdown


def test_a_file_that_is_no_record_is_refused_by_name_and_nothing_is_kept(page, site_url, tmp_path):
    """Python reads a record strictly before it is kept: another file is refused, naming why."""
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"format": "pilot2prod/answers", "version": 2}), encoding="utf-8")
    open_page(page, site_url + ASSESSMENT)
    _add(page, path)
    notices = page.locator(f"{SECTION} [data-role='notices']")
    expect(notices).to_contain_text(
        "“answers.json” was not added: answers.json: format", timeout=BOOT_TIMEOUT_MS
    )
    assert page.evaluate("localStorage.getItem('pilot2prod:evidence:readiness')") is None
    expect(_line(page)).to_have_count(0)
