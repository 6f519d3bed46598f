"""The printed assessment: page 1 is the result, on A4 and on US Letter; the answers follow."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_checklists import ASSESSMENT, wait_mounted, write_field
from tests.fixtures import repo_data

WIDGET = "[data-p2p-component='readiness']"
PROJECT = "Support assistant pilot"
OWNER = "Service desk team"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_page_one_holds_the_result_and_the_answers_follow(new_context, site_url, paper, capsys):
    """Printed to PDF, page 1 names the project, verdict, score, chart, blockers and top risks
    with their owners; buttons, fields and web addresses print nowhere."""
    data = repo_data()
    checklist = data.checklists["readiness"]
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(site_url + ASSESSMENT)
    wait_mounted(page, "readiness")
    page.get_by_label("Project name").fill(PROJECT)
    page.get_by_label("Project name").press("Tab")
    answers = {item.id: "yes" for item in checklist.items} | {"named-operator": "no"}
    answers |= {"cost-monitoring": "partial"}
    for item_id, value in answers.items():
        page.locator(f"#readiness-{item_id}--{value}").check()
    write_field(page, "readiness", "named-operator", "owner", OWNER)
    wanted = ";".join(f"{k}={v}" for k, v in sorted(answers.items()))
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-scored-answers", wanted, timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(".p2p-print-report")).to_contain_text(OWNER)

    pdf = PdfReader(io.BytesIO(page.pdf(format=paper)))
    pages = [words(p.extract_text()) for p in pdf.pages]
    first = pages[0]
    capped = data.rubric.bands[data.rubric.cap_index].label
    blocker = next(item for item in checklist.items if item.id == "named-operator")
    assert PROJECT in first
    assert f"Verdict {capped}" in first
    assert "Score" in first
    assert "Score by dimension" in first  # the chart's caption, under the chart
    assert "Blockers: critical questions answered No" in first
    assert words(blocker.text) in first
    assert "Top risks" in first
    assert f"owner: {OWNER}" in first
    everything = " ".join(pages)
    # The one address that prints is the page's own, in the answers' header; no link's does.
    assert everything.count("http") == everything.count(site_url + ASSESSMENT) == 1
    labels = ("Estimate the remaining work", "Export Markdown", "Copy share link", "Project name")
    for button in (*labels, "Details"):
        assert button not in everything
    # The appendix: every question's text, after page 1.
    rest = " ".join(pages[1:])
    assert all(words(item.text)[:50] in rest for item in checklist.items)
    with capsys.disabled():
        print(f"\nprinted assessment on {paper}: {len(pages)} pages")
