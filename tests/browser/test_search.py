"""Search finds guidance: typed as a reader types, each first hit is the section answering it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

ANSWERS = {
    "legacy": "why-pilots-stall/#skipped-integration",
    "owner": "checklists/#operations-handover-ownership",
    "drift": "what-changes/#operations",
    "budget": "checklists/#scope-and-budget-title",
    "fallback": "crossing-the-gap/#fallback",
    "escalation": "crossing-the-gap/#hand-off",
    "golden set": "evaluate/#golden-set",
    "canary": "launch-and-run/#staged-rollout",
    "prompt injection": "launch-and-run/#security",
    "fail-under": "use-in-your-repository/#gate-a-release-on-the-verdict",
    "share link": "method/#share-links",
    "calibration": "estimator/#calibrate-it-with-your-own-projects",
    "N/A": "method/#scoring-method",
}
"""What a reader types, and the section whose address the first result must be."""


def _first_hit(page) -> str:
    # Material groups hits by page: the page heading first, then its best sections in order.
    link = page.locator(".md-search-result__item").first.locator("a[href*='#']").first
    href = link.get_attribute("href") or ""
    return re.sub(r"\?h=[^#]*", "", href)


@pytest.fixture
def search_box(page, site_url):
    """The search box of the home page, once Material's worker has built the index."""
    page.goto(site_url)
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    return page.locator("input.md-search__input")


@pytest.mark.parametrize("query", list(ANSWERS))
def test_first_search_result_answers_the_query(page, site_url, search_box, query) -> None:
    """Typing the query key by key puts the section that answers it first."""
    search_box.press_sequentially(query, delay=20)
    expected = site_url + ANSWERS[query]
    first = page.locator(".md-search-result__item").first.locator("a[href*='#']").first
    expect(first).to_have_attribute("href", re.compile(re.escape(expected.split("#")[0]) + r".*#"))
    # Results redraw as each key arrives; judge the list the last key produced.
    page.wait_for_timeout(300)
    assert _first_hit(page) == expected


def test_parameter_tables_are_not_in_the_search_index(built_site) -> None:
    """The estimator's and calculator's parameter tables and form labels stay out of the index."""
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Why this default" not in index
    assert "Retry and fallback rate" not in index
