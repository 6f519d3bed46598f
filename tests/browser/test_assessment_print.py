"""The printed assessment: page 1 is the result, on A4 and on US Letter; the answers follow."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_assessment_plan import write_plan
from tests.browser.test_checklists import ASSESSMENT, wait_mounted, write_field
from tests.fixtures import repo_data

WIDGET = "[data-p2p-component='readiness']"
PROJECT = "Support assistant pilot"
OWNER = "Service desk team"


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_page_one_holds_the_result_and_the_answers_follow(new_context, site_url, paper, capsys):
    """Printed to PDF, page 1 names the project, verdict, score, blockers with their owners,
    the path to Ready and the next actions; buttons, fields and web addresses print nowhere."""
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
    assert "Score" in first and "(set by the weakest dimension)" in first
    assert "Blockers: critical questions answered No" in first
    assert words(blocker.text) in first
    assert f"owner: {OWNER}" in first
    assert "The path to Ready" in first and "Next actions" in first
    # The chart and the top risks follow, on page 1 or just after it.
    assert "Score by dimension" in " ".join(pages[:2]) and "Top risks" in " ".join(pages[:2])
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


# ----- page 1 says what it will take (issue 26) ------------------------------------------

PLAN_OWNER = "Finance lead"
PLAN_DUE = "2027-02-15"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def _calculate(page, site_url: str, path: str, field: str, value: str) -> None:
    """Open a calculator and change one input as a reader would, until its result is live."""
    page.goto(site_url + path)
    root = page.locator(".p2p-calc")
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    control = root.locator(f"[data-field] [name='{field}']")
    control.fill(value)
    control.press("Tab")
    expect(root).to_have_attribute(
        "data-computed-inputs", re.compile(f'"{field}":"{value}"'), timeout=BOOT_TIMEOUT_MS
    )


@pytest.mark.parametrize("size", list(SIZES))
def test_page_one_says_what_it_will_take_with_plan_owners_and_the_calculators(
    new_context, site_url, size, capsys
):
    """After the estimator and the run-cost calculator were used in this browser, page 1
    holds the P80 effort and the monthly cost with their day, the plan's actions with owner,
    due date and status, and the path to Ready; a question owned only through its plan is
    named with that owner, and no section prints empty."""
    data = repo_data()
    context = new_context(viewport=SIZES[size], has_touch=size == "phone")
    page = context.new_page()
    _calculate(page, site_url, "estimator/", "pilot-weeks", "10")
    p80 = page.locator(".p2p-calc__headline [data-headline='p80'] dd").text_content()
    _calculate(page, site_url, "run-cost/", "requests-per-day", "2500")
    monthly = page.locator(".p2p-calc__headline [data-headline='monthly'] dd").text_content()
    page.goto(site_url + ASSESSMENT)
    wait_mounted(page, "readiness")
    answers = {"named-operator": "no", "cost-monitoring": "partial"}
    for item_id, value in answers.items():
        page.locator(f"#readiness-{item_id}--{value}").check()
    write_plan(page, "cost-monitoring", owner=PLAN_OWNER, due=PLAN_DUE, status="in-progress")
    widget = page.locator(WIDGET)
    takes = widget.locator("[data-role='takes']")
    expect(takes).to_contain_text(p80, timeout=BOOT_TIMEOUT_MS)
    expect(takes).to_contain_text(monthly)
    expect(widget.locator("[data-role='actions-list']")).to_contain_text(PLAN_OWNER)

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [words(p.extract_text()) for p in pdf.pages]
    first = pages[0]
    top = data.rubric.bands[-1].label
    assert f"What it will take Production work at P80 {p80}" in first
    assert f"Running cost {monthly} a month" in first
    assert "Worked out in this browser: the effort on " in first
    assert f"The path to {top}" in first and "Step 1:" in first
    assert f"owner: {PLAN_OWNER} · due {PLAN_DUE} · In progress" in first
    assert "no owner named" not in first.split("Next actions")[1].split(")")[0]
    everything = " ".join(pages)
    assert not everything.rstrip().endswith("Milestones")
    with capsys.disabled():
        print(f"\npage 1 at {size}: {first[:1500]}")
