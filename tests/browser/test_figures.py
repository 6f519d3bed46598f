"""The guide's figures as a reader sees them: readable on a phone, in light and dark."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import serious_axe_violations

GUIDE_PAGES = [
    "",
    "why-pilots-stall/",
    "what-changes/",
    "crossing-the-gap/",
    "examples/",
    "readiness-questions/",
]

_MEASURE = """() => [...document.querySelectorAll('figure.p2p-figure')].map((figure) => {
    const shown = [...figure.querySelectorAll('svg')]
        .filter((svg) => svg.getBoundingClientRect().width > 0);
    if (!shown.length) return {visible: 0};
    const box = shown[0].getBoundingClientRect();
    const scale = box.width / shown[0].viewBox.baseVal.width;
    const sizes = [...shown[0].querySelectorAll('text')].map(
        (t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {
        visible: shown.length,
        right: box.right, left: box.left, width: document.documentElement.clientWidth,
        smallest: Math.min(...sizes),
        ink: getComputedStyle(shown[0].querySelector('text')).fill,
        paper: getComputedStyle(document.body).backgroundColor,
    };
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figures_fit_a_phone_with_readable_text(new_context, site_url, scheme) -> None:
    """At 390 px one layout of each figure shows, inside the screen, with text of 12 px or more."""
    context = new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    for path in GUIDE_PAGES:
        page.goto(site_url + path)
        expect(page.locator("figure.p2p-figure").first).to_be_visible()
        for figure in page.evaluate(_MEASURE):
            assert figure["visible"] == 1, path
            assert figure["left"] >= 0 and figure["right"] <= figure["width"], (path, figure)
            assert figure["smallest"] >= 12, (path, figure)
            assert figure["ink"] != figure["paper"], (path, figure)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_text_follows_the_colour_scheme(new_context, site_url, scheme) -> None:
    """Figure text takes the page's text colour, so dark mode draws light words on dark."""
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "crossing-the-gap/")
    colours = page.evaluate(
        """() => [getComputedStyle(document.querySelector('figure svg text')).fill,
                  getComputedStyle(document.querySelector('.md-typeset')).color]"""
    )
    lightness = sum(float(v) for v in re.findall(r"[\d.]+", colours[0])[:3])
    assert (lightness > 382) == (scheme == "dark"), colours


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_guide_pages_pass_axe(new_context, site_url, scheme) -> None:
    """axe-core finds no serious or critical problem on the guide pages in either scheme."""
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    for path in GUIDE_PAGES:
        page.goto(site_url + path)
        assert serious_axe_violations(page) == [], path
