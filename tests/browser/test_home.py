"""The home page's first screen tells who the site is for and offers each reader a next step."""

from __future__ import annotations

import re

from playwright.sync_api import expect

NEXT_STEPS = {
    "Read the guide": "why-pilots-stall/",
    "Take the assessment": "assessment/",
    "Estimate effort": "estimator/",
    "Estimate cost": "run-cost/",
    "Use the CLI": "use-in-your-repository/",
}


def _in_first_screen(page, name: str) -> bool:
    box = page.get_by_role("link", name=name, exact=True).bounding_box()
    assert box is not None, name
    return box["y"] + box["height"] <= page.viewport_size["height"]


def test_every_next_step_is_on_the_first_screen(new_context, site_url) -> None:
    """On a laptop screen all next steps show without scrolling, each going to its page."""
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(site_url)
    expect(page.locator(".p2p-lead")).to_contain_text("This site is for teams")
    for name, path in NEXT_STEPS.items():
        link = page.get_by_role("link", name=name, exact=True)
        assert (link.get_attribute("href") or "").endswith(path), name
        assert _in_first_screen(page, name), name


def test_a_phone_reader_sees_who_it_is_for_and_a_first_step(new_context, site_url) -> None:
    """At 390 px the first screen still says who the site is for and offers the guide."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(site_url)
    expect(page.locator(".p2p-lead")).to_be_in_viewport()
    assert _in_first_screen(page, "Read the guide")
    page.get_by_role("link", name="Use the CLI", exact=True).click()
    # Material's navigation.tracking may add the heading in view as a fragment: ignore it.
    expect(page).to_have_url(
        re.compile(re.escape(site_url + "use-in-your-repository/") + "(#.*)?$")
    )
