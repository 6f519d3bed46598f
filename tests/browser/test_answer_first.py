"""Answer first (issue 26): on a phone and a desktop the questions come before the tools, the
answers are thumb-sized, the tools sit in one "Share and export" menu, and nothing the page
shows hides under the verdict bar."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import BOOT_TIMEOUT_MS, serious_axe_violations, tool
from tests.browser.test_checklists import ASSESSMENT, CHECKLISTS, item_ids, wait_mounted
from tests.fixtures import repo_data

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
WIDGET = "[data-p2p-component='readiness']"
BAR = "#readiness--summary"
TOOLS = (
    "Copy share link",
    "Export Markdown",
    "Copy Markdown",
    "Export JSON",
    "Export CSV",
    "Import JSON…",
    "Print report",
    "Named copies",
    "Reset…",
)


def _open(new_context, site_url: str, size: str, path: str = ASSESSMENT, live: bool = True):
    page = new_context(**SIZES[size]).new_page()
    page.goto(site_url + path)
    if path == ASSESSMENT and live:
        expect(page.locator(WIDGET)).to_have_attribute(
            "data-state", "live", timeout=BOOT_TIMEOUT_MS
        )
    return page


def _top(page: Page, selector: str) -> float:
    """Where an element starts, in CSS px from the top of the page."""
    return page.locator(selector).first.evaluate(
        "(el) => el.getBoundingClientRect().top + window.scrollY"
    )


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize(
    ("path", "first"),
    [
        (ASSESSMENT, f"#readiness-{item_ids('readiness')[0]}--no + label"),
        (CHECKLISTS, "form.p2p-checklist .p2p-item input[type=checkbox]"),
    ],
    ids=["assessment", "checklists"],
)
def test_the_first_answer_is_within_a_screen_and_a_half_on_a_phone(
    new_context, site_url, path, first
):
    """At 390 x 844 the first question's answer control starts within 1.5 screens (1,266 px)."""
    page = _open(new_context, site_url, "phone", path)
    wait_mounted(page, "readiness" if path == ASSESSMENT else "design-for-production")
    y = _top(page, first)
    print(f"\nfirst answer control at y={y:.0f} px on {path}")
    assert y <= 1.5 * 844


@pytest.mark.parametrize("size", list(SIZES))
def test_every_answer_is_at_least_44_px_high(new_context, site_url, size):
    """Each No / Partly / Yes / Not applicable target is 44 px or taller, text 14 px or more."""
    page = _open(new_context, site_url, size, live=False)
    wait_mounted(page, "readiness")
    sizes = page.locator("#readiness .p2p-choice label").evaluate_all(
        "(labels) => labels.map((l) => [l.getBoundingClientRect().height,"
        " parseFloat(getComputedStyle(l).fontSize)])"
    )
    assert sizes and min(height for height, _ in sizes) >= 44, sizes[:4]
    assert min(font for _, font in sizes) >= 14, sizes[:4]


@pytest.mark.parametrize("size", list(SIZES))
def test_the_tools_are_one_menu_after_the_progress_and_work_by_keyboard(
    new_context, site_url, size
):
    """Before the questions there is one "Share and export" button, after the progress; Enter
    opens it on its first tool, arrows move, Escape closes it and returns to the button."""
    page = _open(new_context, site_url, size, live=False)
    wait_mounted(page, "readiness")
    form = page.locator("#readiness")
    toggle = form.get_by_role("button", name="Share and export")
    for name in TOOLS:
        expect(form.get_by_role("button", name=name, exact=True)).to_be_hidden()
    first_item = f"#readiness-{item_ids('readiness')[0]}"
    assert _top(page, ".p2p-progress") < _top(page, "#readiness [data-action=tools]")
    assert _top(page, "#readiness [data-action=tools]") < _top(page, first_item)
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    for name in TOOLS:
        expect(form.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(form.get_by_role("button", name=TOOLS[0])).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(form.get_by_role("button", name=TOOLS[1])).to_be_focused()
    page.keyboard.press("End")
    expect(form.get_by_role("button", name=TOOLS[-1])).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(form.get_by_role("button", name=TOOLS[0])).to_be_hidden()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_open_menu_is_accessible(new_context, site_url, size):
    """axe-core finds nothing serious with the menu open and a verdict showing."""
    page = _open(new_context, site_url, size)
    tool(page, "Copy share link")
    assert serious_axe_violations(page) == []


def test_a_notice_shows_above_the_verdict_bar_on_a_phone(new_context, site_url):
    """ "Share link copied" (or ready) is shown clear of the bar fixed at the foot of the screen."""
    page = _open(new_context, site_url, "phone")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    tool(page, "Copy share link").click()
    notice = page.locator("#readiness .p2p-notices .p2p-notice")
    expect(notice).to_contain_text("Share link")
    expect(notice).to_be_in_viewport(ratio=1)
    box, bar = notice.bounding_box(), page.locator(BAR).bounding_box()
    assert box is not None and bar is not None
    assert not _overlap(box, bar), (box, bar)


def test_the_open_details_cover_at_most_a_third_of_a_phone_screen(new_context, site_url):
    """With Details open, the verdict bar takes no more than a third of the 844 px screen."""
    page = _open(new_context, site_url, "phone")
    data = repo_data()
    critical = [item.id for item in data.checklists["readiness"].items if item.critical]
    for item in critical:
        page.locator(f"#readiness-{item}--no").check()
    expect(page.locator(f"{BAR} [data-summary=blockers]")).to_have_text(
        f"{len(critical)} critical No"
    )
    page.locator(f"{BAR} .p2p-verdict-bar__toggle").click()
    expect(page.locator(f"{BAR} .p2p-verdict-bar__link")).to_be_visible()
    box = page.locator(BAR).bounding_box()
    assert box is not None and box["height"] <= 844 / 3, box


@pytest.mark.parametrize("size", list(SIZES))
def test_a_blocker_link_lands_its_question_clear_of_the_header_and_the_bar(
    new_context, site_url, size
):
    """Following a blocker's link puts its question in view below the header and, on a wide
    screen, below the verdict stuck under the header."""
    page = _open(new_context, site_url, size)
    data = repo_data()
    item = [i.id for i in data.checklists["readiness"].items if i.critical][-1]
    page.locator(f"#readiness-{item}--no").check()
    link = page.locator(f'{WIDGET} a[href$="#readiness-{item}"]').first
    expect(link).to_be_visible()
    link.click()
    question = page.locator(f"#readiness-{item}")
    expect(question).to_be_in_viewport()
    page.wait_for_timeout(300)  # smooth scrolling, if any, has settled
    top = question.evaluate("(el) => el.getBoundingClientRect().top")
    header = page.locator(".md-header").bounding_box()
    assert header is not None and top >= header["y"] + header["height"] - 1
    if size == "desktop":
        bar = page.locator(BAR).bounding_box()
        assert bar is not None and top >= bar["y"] + bar["height"] - 1, (top, bar)


def test_the_filter_says_unanswered_not_open(new_context, site_url):
    """ "Open" is a plan status; the filter names what it keeps in other words."""
    page = _open(new_context, site_url, "desktop", live=False)
    wait_mounted(page, "readiness")
    options = page.locator("#readiness--filter option").all_text_contents()
    assert "Unanswered items only" in options
    assert not any(option.startswith("Open") for option in options)


def test_the_checklist_version_is_after_the_questions(new_context, site_url):
    """The version stamp is at the foot of the form, after the last question, not before the
    first (the report still carries it)."""
    page = _open(new_context, site_url, "desktop", live=False)
    wait_mounted(page, "readiness")
    last = f"#readiness-{item_ids('readiness')[-1]}"
    assert _top(page, "#readiness .p2p-checklist__meta") > _top(page, last)
    assert _top(page, "#readiness .p2p-checklist__meta") > _top(page, "#readiness .p2p-identity")
