"""Charts on a 390 px phone in Chromium: laid out for the width, text at 12 CSS px or more."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS

MEASURE = """() => [...document.querySelectorAll("svg.p2p-chart-svg, svg.p2p-readiness__svg")]
  .filter((svg) => svg.getBoundingClientRect().width > 0)
  .map((svg) => {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    return {
      layout: svg.getAttribute("class"),
      texts: [...svg.querySelectorAll("text")].map((text) => {
        const r = text.getBoundingClientRect();
        return {
          text: text.textContent,
          px: parseFloat(getComputedStyle(text).fontSize) * scale,
          inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5
            && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5,
        };
      }),
    };
  })"""

PAGES = [
    ("estimator/", '.p2p-calc[data-p2p-calc="effort"]', 2),
    ("run-cost/", '.p2p-calc[data-p2p-calc="cost"]', 2),
    ("assessment/", "[data-p2p-component='readiness']", 1),
]


@pytest.mark.parametrize(("path", "widget", "count"), PAGES, ids=[p for p, _, _ in PAGES])
def test_every_chart_text_is_at_least_12_px_and_inside_its_chart(
    new_context, site_url, path, widget, count
):
    """At 390 px each chart shows its narrow layout; every word is >= 12 px and not cut off."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(site_url + path)
    expect(page.locator(widget)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    charts = page.evaluate(MEASURE)
    assert len(charts) == count
    for found in charts:
        assert "p2p-chart-narrow" in found["layout"]
        assert found["texts"], found["layout"]
        small = [(t["text"], round(t["px"], 1)) for t in found["texts"] if t["px"] < 12]
        assert not small, f"text under 12 px on {path}: {small}"
        cut = [t["text"] for t in found["texts"] if not t["inside"]]
        assert not cut, f"text outside its chart on {path}: {cut}"


def test_a_desktop_shows_the_wide_layout(new_context, site_url):
    """At 1366 px the calculators draw their wide charts, and the narrow ones stay hidden."""
    page = new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.goto(site_url + "run-cost/")
    expect(page.locator("svg.p2p-chart-wide").first).to_be_visible()
    expect(page.locator("svg.p2p-chart-narrow").first).to_be_hidden()
