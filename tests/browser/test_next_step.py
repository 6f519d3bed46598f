"""The next step beside the verdict (issue 26, item 4), at 1366x900 and 390x844 (touch).

"Estimate the remaining work" sits inside the verdict box; the scores it carries are kept by
the estimator on arrival, as the assessment shows them; each calculator keeps a short summary
of its results in view while the reader scrolls through the form.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.support import AXE, BOOT_TIMEOUT_MS
from tests.browser.test_estimate_from_verdict import _estimate_from
from tests.fixtures import repo_data

SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
WIDGET = "[data-p2p-component='readiness']"
SAVED = "pilot2prod/calculator/effort/v1"
TOP_OF = "(selector) => document.querySelector(selector).getBoundingClientRect().top + scrollY"


def _context(new_context, size: str):
    return new_context(viewport=SIZES[size], has_touch=size == "phone")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_estimate_link_is_inside_the_verdict_box_below_the_verdict(
    new_context, site_url, size, capsys
):
    """The way to the estimate sits in the verdict's own box, within a screen of the verdict's
    heading, before the chart and the path (it used to follow the milestones)."""
    page = _context(new_context, size).new_page()
    page.goto(site_url + "assessment/")
    expect(page.locator(WIDGET)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    link = page.locator(f"{WIDGET} a[data-p2p-estimate-link]")
    expect(link).to_have_count(1)
    expect(page.locator("a[data-p2p-estimate-link]")).to_have_count(1)
    heading = page.evaluate(TOP_OF, "#readiness-result-title")
    at = page.evaluate(TOP_OF, f"{WIDGET} a[data-p2p-estimate-link]")
    chart = page.evaluate(TOP_OF, f"{WIDGET} [data-role='chart']")
    assert heading < at < chart
    assert at - heading < SIZES[size]["height"]
    with capsys.disabled():
        print(f"\n{size}: verdict heading y={heading:.0f}, estimate link y={at:.0f}")


@pytest.mark.parametrize("size", list(SIZES))
def test_carried_scores_are_kept_on_arrival_with_the_assessments_rounding(
    new_context, site_url, size
):
    """Following the link and only reading: the scores are saved in this browser at once, as
    whole percentages like the assessment's, and are still there on the next visit."""
    page = _context(new_context, size).new_page()
    answers = {"real-traffic-sample": "yes", "load-measured": "partial", "named-operator": "yes"}
    view = _estimate_from(page, site_url, answers)
    root = page.locator(".p2p-calc[data-p2p-calc='effort']")
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    expect(root.locator("[data-role='carried']")).to_contain_text("saved in this browser")
    page.wait_for_function(f"() => localStorage.getItem({json.dumps(SAVED)}) !== null")
    saved = json.loads(page.evaluate(f"() => localStorage.getItem({json.dumps(SAVED)})"))
    for dimension in view["dimensions"]:
        field = saved["inputs"][f"readiness-{dimension['id']}"]
        if dimension["score"] is None:
            assert field == ""
        else:
            assert f"{field}%" == dimension["score_text"]  # "41", never "40.6"
    page.goto(site_url + "faq/")
    page.goto(site_url + "estimator/")
    reliability = page.locator("[name='readiness-reliability']")
    expect(reliability).to_have_value(saved["inputs"]["readiness-reliability"])


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize(("path", "first"), [("estimator/", "p80"), ("run-cost/", "monthly")])
def test_the_results_summary_is_near_the_top_and_stays_in_view(
    new_context, site_url, size, path, first, capsys
):
    """P80 leads the estimator's summary (the monthly total the run cost's), above the form;
    scrolled down to the full results, the summary is still on screen under the header."""
    page = _context(new_context, size).new_page()
    page.goto(site_url + path)
    root = page.locator(".p2p-calc")
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    headline = root.locator(".p2p-calc__headline")
    cells = headline.locator("[data-headline]")
    assert cells.first.get_attribute("data-headline") == first
    if first == "p80":
        p80 = root.locator("output[name='p80']").text_content()
        expect(cells.first.locator("dd")).to_have_text(p80)
        assert [cells.nth(i).get_attribute("data-headline") for i in range(2)] == [
            "p80",
            "p50-p90",
        ]
    top = page.evaluate(TOP_OF, ".p2p-calc__headline")
    form = page.evaluate(TOP_OF, ".p2p-calc__form")
    assert top < form
    results = page.evaluate(TOP_OF, ".p2p-calc__results")
    page.evaluate("(y) => window.scrollTo(0, y)", results)
    page.wait_for_timeout(200)
    box = headline.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header is not None
    assert header["y"] + header["height"] - 1 <= box["y"] < SIZES[size]["height"] / 3
    assert box["height"] < SIZES[size]["height"] / 4
    with capsys.disabled():
        print(
            f"\n{path} {size}: summary y={top:.0f} h={box['height']:.0f}, results y={results:.0f}"
        )
    # The summary itself, as axe-core judges it (the page's tables have their own checks).
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document.querySelector(".p2p-calc__headline"))).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)"""
    )
    assert found == []


def test_the_chart_names_every_zone_with_its_threshold_not_ready_included(new_context, site_url):
    """On the page, the verdict chart's zone names include the lowest band and each number."""
    page = _context(new_context, "desktop").new_page()
    page.goto(site_url + "assessment/")
    names = page.locator(f"{WIDGET} svg.p2p-chart-wide .p2p-chart__tick").all_text_contents()
    bands = repo_data().rubric.bands
    assert names[0].startswith(bands[0].label) and names[0].endswith("%")
    assert [n.split(" ")[0] for n in names] == [b.label.split(" ")[0] for b in bands]
    zones = page.locator(f"{WIDGET} svg.p2p-chart-wide rect.p2p-chart__zone")
    expect(zones).to_have_count(len(bands))
