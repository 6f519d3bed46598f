"""Every page of the built site, opened in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import serious_axe_violations, watch_errors
from tests.serving import ROOT


def _page_paths() -> list[str]:
    """URL paths of every Markdown page, derived from docs/ (directory URLs)."""
    paths = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").as_posix().removesuffix(".md")
        if rel == "index":
            paths.append("")
        else:
            paths.append(rel.removesuffix("/index") + "/")
    return paths


@pytest.mark.parametrize("path", _page_paths())
def test_page_opens_cleanly_and_accessibly(page, site_url, path):
    """The page renders with a heading, logs no error, and axe finds nothing serious."""
    errors = watch_errors(page)
    page.goto(site_url + path)
    expect(page.locator("article h1").first).to_be_visible()
    assert serious_axe_violations(page) == []
    assert errors.messages == []


def test_instant_navigation_loads_the_next_page_in_place(page, site_url):
    """Following a nav link swaps the content without a full reload (instant navigation)."""
    page.goto(site_url)
    # Material reads the sitemap before it takes over links; wait until the page is idle.
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__p2pMarker = 'still here'")
    page.locator(".md-sidebar--primary a[href$='faq/']").first.click()
    expect(page).to_have_url(site_url + "faq/")
    expect(page.locator("article h1").first).to_be_visible()
    assert page.evaluate("window.__p2pMarker") == "still here"


def test_search_finds_a_faq_entry_offline(page, site_url):
    """Built-in search runs locally and finds FAQ entries."""
    page.goto(site_url)
    # Material says "Initializing search" until its worker has built the index.
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    page.locator("input.md-search__input").press_sequentially("purgatory", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_theme_toggle_switches_to_dark(page, site_url):
    """The palette toggle switches between light and dark."""
    page.goto(site_url)
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "")


def test_heading_permalinks_exist(page, site_url):
    """Every section heading carries a permalink for proposals to cite."""
    page.goto(site_url + "why-pilots-stall/")
    expect(page.locator("article h2 a.headerlink").first).to_be_attached()
