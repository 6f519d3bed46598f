"""From the verdict to the estimate in Chromium: the estimator opens at its top, with a notice."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_readiness_widget import SET_ANSWERS, digest

CALC = '.p2p-calc[data-p2p-calc="effort"]'
IN_VIEW = """(element) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}"""


@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_estimate_link_opens_the_estimator_with_a_notice_of_what_was_carried(
    new_context, site_url, size
):
    """After the link, a notice at the estimator's top names each carried score, and is in view."""
    width, height = size
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(site_url + "assessment/")
    widget = page.locator("[data-p2p-component='readiness']")
    expect(widget).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    answers = {"real-traffic-sample": "yes", "load-measured": "partial", "named-operator": "yes"}
    page.evaluate(SET_ANSWERS, [answers])
    expect(widget).to_have_attribute("data-scored-answers", digest(answers))
    page.wait_for_function(
        "() => document.querySelector('a[data-p2p-estimate-link]').href.includes('#p2p=')"
    )
    page.locator("a[data-p2p-estimate-link]").click()
    expect(page).to_have_url(re.compile(r"/estimator/"))
    notice = page.locator(f'{CALC} [data-role="carried"]')
    expect(notice).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    expect(notice).to_contain_text("Carried in from the readiness assessment")
    root = page.locator(CALC)
    for name in ("readiness-reliability", "readiness-integration", "readiness-operations"):
        value = root.locator(f'[name="{name}"]').input_value()
        if value:
            label = root.locator(f'label[for="effort-{name}"]').inner_text()
            expect(notice).to_contain_text(f"{label} {value}%")
    page.wait_for_function(IN_VIEW, arg=notice.element_handle())
    header = page.locator(".md-header").bounding_box()
    box = notice.bounding_box()
    assert header is not None and box is not None
    assert box["y"] >= header["y"] + header["height"] - 1, "the notice hides under the header"
