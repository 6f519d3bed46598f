"""When a calculator page starts Python: from its <head>, or on arrival by instant navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS

# Records, for every worker the page creates, how much of the page existed at that moment.
WATCH_WORKERS = """
window.__workersStarted = [];
const PageWorker = window.Worker;
window.Worker = function (url, options) {
  if (!String(url).includes("python-worker")) return new PageWorker(url, options); // search
  window.__workersStarted.push({
    url: String(url),
    body: document.body !== null,
    stylesheets: document.querySelectorAll('link[rel="stylesheet"]').length,
  });
  return new PageWorker(url, options);
};
"""

CALCULATOR_PAGES = {
    "assessment/": "[data-p2p-component='readiness']",
    "estimator/": "[data-p2p-component='calculator'][data-p2p-calc='effort']",
    "run-cost/": "[data-p2p-component='calculator'][data-p2p-calc='cost']",
}


@pytest.mark.parametrize("path", sorted(CALCULATOR_PAGES))
def test_python_starts_before_the_page_body_is_parsed(new_context, site_url, path):
    """The worker starts while the parser is still in the <head>, ahead of the stylesheets and
    the questions, on a first visit and from the cache, so Python's download starts at once."""
    context = new_context()
    context.add_init_script(WATCH_WORKERS)
    page = context.new_page()
    for _visit in ("cold", "warm"):
        page.goto(site_url + path)
        page.wait_for_function("window.__workersStarted.length > 0")
        first = page.evaluate("window.__workersStarted[0]")
        assert first == {**first, "body": False, "stylesheets": 0}
        expect(page.locator(CALCULATOR_PAGES[path])).to_have_attribute("data-p2p-mounted", "true")
        assert page.evaluate("window.__workersStarted.length") == 1, "a second worker started"


def test_instant_navigation_into_the_assessment_starts_python_there(new_context, site_url):
    """Arriving from a guide page by instant navigation (whose <head> never runs) still boots
    Python once and gives the live verdict."""
    context = new_context()
    context.add_init_script(WATCH_WORKERS)
    page = context.new_page()
    documents: list[str] = []
    page.goto(site_url + "why-pilots-stall/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__workersStarted.length") == 0
    page.on(
        "request",
        lambda request: (
            documents.append(request.url) if request.resource_type == "document" else None
        ),
    )
    page.locator('a[href$="assessment/"]').first.click()
    expect(page).to_have_url(re.compile(r"/assessment/(#.*)?$"))
    widget = page.locator("[data-p2p-component='readiness']")
    expect(widget).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    assert not documents, "the assessment was loaded in full instead of navigated instantly"
    assert page.evaluate("window.__workersStarted.length") == 1
