"""The verdict in view while answering: the compact summary on a desktop and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.support import BOOT_TIMEOUT_MS, serious_axe_violations
from tests.browser.test_checklists import ASSESSMENT, item_ids, wait_mounted
from tests.fixtures import repo_data

WIDGET = "[data-p2p-component='readiness']"
SUMMARY = "#readiness--summary"

SIZES = {
    "desktop-light": ({"width": 1366, "height": 900}, "light"),
    "desktop-dark": ({"width": 1366, "height": 900}, "dark"),
    "phone-light": ({"width": 390, "height": 844}, "light"),
    "phone-dark": ({"width": 390, "height": 844}, "dark"),
}


@pytest.fixture
def opened(new_context, site_url):
    """Open the assessment at one of SIZES in a fresh profile, Python booted."""

    def _open(size: str) -> Page:
        viewport, scheme = SIZES[size]
        page = new_context(viewport=viewport, color_scheme=scheme).new_page()
        page.goto(site_url + ASSESSMENT)
        expect(page.locator(WIDGET)).to_have_attribute(
            "data-state", "live", timeout=BOOT_TIMEOUT_MS
        )
        return page

    return _open


def value(page: Page, name: str):
    return page.locator(f'{SUMMARY} [data-summary="{name}"]')


def wait_scored(page: Page, answers: dict[str, str]) -> None:
    wanted = ";".join(f"{k}={v}" for k, v in sorted(answers.items()))
    expect(page.locator(WIDGET)).to_have_attribute("data-scored-answers", wanted)
    expect(page.locator(SUMMARY)).to_have_attribute("aria-busy", "false")


@pytest.mark.parametrize("size", ["desktop-light", "phone-dark"])
def test_summary_is_in_view_after_the_first_and_the_last_answer(opened, size):
    """Answering from the first question to the last, the summary stays on screen and shows the
    verdict Python gives; all Yes but a critical No ends capped, with one blocker counted."""
    page = opened(size)
    data = repo_data()
    checklist = data.checklists["readiness"]
    ids = item_ids("readiness")
    answers: dict[str, str] = {}
    summary = page.locator(SUMMARY)

    answers[ids[0]] = "yes"
    page.locator(f"#readiness-{ids[0]}--yes").check()
    wait_scored(page, answers)
    expect(summary).to_be_in_viewport(ratio=1)
    expect(value(page, "answered")).to_have_text(f"1 of {len(ids)}")

    for item in checklist.items[1:]:
        answers[item.id] = "no" if item.id == "named-operator" else "yes"
        page.locator(f"#readiness-{item.id}--{answers[item.id]}").check()
    wait_scored(page, answers)
    expect(summary).to_be_in_viewport(ratio=1)
    capped = data.rubric.bands[data.rubric.cap_index].label
    expect(value(page, "verdict")).to_have_text(capped)
    expect(page.locator(f'{WIDGET} output[name="verdict"]')).to_have_text(capped)
    expect(value(page, "blockers")).to_have_text("1 critical No")
    expect(value(page, "answered")).to_have_text(f"{len(ids)} of {len(ids)}")


def test_while_python_starts_the_summary_counts_and_says_so(new_context, site_url):
    """Before Python is up the summary shows the count and that the verdict is being worked out,
    not the empty assessment's verdict; once Python is up, the real verdict replaces it."""
    context = new_context(viewport={"width": 1366, "height": 900})
    held: list[Route] = []
    holding = [True]

    def hold(route: Route) -> None:
        if route.request.method == "HEAD" or not holding[0]:
            route.continue_()
        else:
            held.append(route)

    context.route("**/*.wasm", hold)
    page = context.new_page()
    page.goto(site_url + ASSESSMENT)
    wait_mounted(page, "readiness")
    first = item_ids("readiness")[0]
    page.locator(f"#readiness-{first}--no").check()
    expect(value(page, "answered")).to_have_text(f"1 of {len(item_ids('readiness'))}")
    expect(value(page, "verdict")).to_have_text("Working out the verdict…")
    expect(page.locator(SUMMARY)).to_be_in_viewport()
    holding[0] = False
    for route in held:
        route.continue_()
    expect(page.locator(WIDGET)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    wait_scored(page, {first: "no"})
    expect(value(page, "verdict")).not_to_have_text("Working out the verdict…")


def test_phone_bar_opens_and_closes_from_the_keyboard(opened):
    """On a phone, Details opens the weakest dimension and the link; Escape closes it again."""
    page = opened("phone-light")
    toggle = page.locator(f"{SUMMARY} .p2p-verdict-bar__toggle")
    link = page.locator(f"{SUMMARY} .p2p-verdict-bar__link")
    expect(link).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(link).to_be_visible()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(link).to_be_hidden()
    expect(toggle).to_be_focused()


def test_the_verdict_has_a_table_of_contents_entry_the_summary_links_to(opened):
    """The full verdict is listed in the table of contents, and the summary's link goes there."""
    page = opened("desktop-light")
    toc = page.locator('.md-sidebar--secondary a[href$="#readiness-result-title"]')
    expect(toc).to_have_text("Your readiness verdict")
    page.locator(f"{SUMMARY} .p2p-verdict-bar__link").click()
    expect(page.locator("#readiness-result-title")).to_be_in_viewport()


@pytest.mark.parametrize("size", list(SIZES))
def test_no_serious_accessibility_violation_with_the_summary(opened, size):
    """axe-core finds nothing serious with the summary showing a verdict (phone: opened)."""
    page = opened(size)
    first = item_ids("readiness")[0]
    page.locator(f"#readiness-{first}--partial").check()
    wait_scored(page, {first: "partial"})
    if size.startswith("phone"):
        page.locator(f"{SUMMARY} .p2p-verdict-bar__toggle").click()
    assert serious_axe_violations(page) == []
