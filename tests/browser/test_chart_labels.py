"""Every word of the calculators' charts inside its chart, on a desktop and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_charts_on_a_phone import MEASURE

PAGES = [
    ("estimator/", '.p2p-calc[data-p2p-calc="effort"]'),
    ("run-cost/", '.p2p-calc[data-p2p-calc="cost"]'),
]
WIDTHS = [(1280, "p2p-chart-wide"), (390, "p2p-chart-narrow")]


@pytest.mark.parametrize(("width", "layout"), WIDTHS, ids=[str(w) for w, _ in WIDTHS])
@pytest.mark.parametrize(("path", "widget"), PAGES, ids=[p for p, _ in PAGES])
def test_every_bar_name_lies_inside_the_chart(new_context, site_url, path, widget, width, layout):
    """No bar name, tick or legend of a drawn chart crosses the edge of its SVG."""
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(site_url + path)
    expect(page.locator(widget)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    charts = page.evaluate(MEASURE)
    assert len(charts) == 2
    for found in charts:
        assert layout in found["layout"]
        assert found["texts"], found["layout"]
        cut = [t["text"] for t in found["texts"] if not t["inside"]]
        assert not cut, f"text outside its chart on {path} at {width} px: {cut}"
