"""The live readiness verdict in Chromium: same numbers as Python, a fallback, no stray requests."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    python_result,
    serious_axe_violations,
)
from tests.browser.support import live_page as open_live_page
from tests.fixtures import answers_document, repo_data, repo_files

WIDGET = "[data-p2p-component='readiness']"
CHECKLIST = '.p2p-checklist[data-checklist="readiness"]'
FALLBACK = "The live score is not available"

SET_ANSWERS = """
([answers]) => {
  const form = document.querySelector('.p2p-checklist[data-checklist="readiness"]');
  for (const [item, value] of Object.entries(answers)) {
    let changed = null;
    for (const radio of form.querySelectorAll(`input[name="readiness-${item}"]`)) {
      const wanted = radio.value === value;
      if (radio.checked !== wanted) {
        radio.checked = wanted;
        changed = radio;
      }
    }
    if (changed) changed.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
"""


@pytest.fixture(scope="module")
def site():
    return repo_data()


@pytest.fixture(scope="module")
def files():
    return repo_files()


def python_view(files, answers: dict) -> dict:
    """What pilot2prod computes for `answers` in this test process."""
    return python_result(files, "readiness.score", {"document": answers_document(answers)})


def digest(answers: dict) -> str:
    """The widget's record of which answers its result belongs to."""
    return ";".join(f"{k}={v}" for k, v in sorted(answers.items()) if v)


@pytest.fixture(scope="module")
def live_page(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    """One assessment page with Python booted, shared by the tests that only change answers."""
    with open_live_page(browser, site_url + "assessment/", WIDGET) as live_parts:
        yield live_parts


def _expect_result(page: Page, view: dict) -> None:
    widget = page.locator(WIDGET)
    expect(widget.locator('output[name="verdict"]')).to_have_text(view["verdict_text"])
    expect(widget.locator('output[name="score"]')).to_have_text(view["score_explained"])
    expect(widget.locator('output[name="weakest"]')).to_have_text(view["weakest_text"])


def test_a_click_rescores_with_pythons_numbers(live_page, files):
    """Answering one question by clicking updates verdict, score and weakest dimension."""
    page, _, errors = live_page
    page.locator(CHECKLIST).locator('input[name="readiness-named-operator"][value="no"]').check()
    expect(page.locator(WIDGET)).to_have_attribute("data-scored-answers", "named-operator=no")
    _expect_result(page, python_view(files, {"named-operator": "no"}))
    # The next step's questions, in view at the head of the whole path.
    what_if = page.locator(WIDGET).locator('[data-role="path-list"] > li:first-child > ol > li')
    expect(what_if).to_have_count(1)
    assert not errors


def test_twenty_random_answer_sets_match_python(live_page, files, site):
    """For 20 random answer sets the widget shows exactly what pilot2prod computes here."""
    page, _, errors = live_page
    items = [item.id for item in site.checklists["readiness"].items]
    rng = random.Random(20261126)
    widget = page.locator(WIDGET)
    for round_ in range(20):
        answers = {item: rng.choice(["yes", "partial", "no", "na", None, None]) for item in items}
        page.evaluate(SET_ANSWERS, [answers])
        expect(widget).to_have_attribute("data-scored-answers", digest(answers))
        view = python_view(files, {k: v for k, v in answers.items() if v})
        _expect_result(page, view)
        expected_what_if = [i["text"] for i in (view["what_if"] or {"items": []})["items"]]
        assert widget.locator(
            '[data-role="path-list"] > li:first-child > ol > li > a:first-child'
        ).all_text_contents() == (expected_what_if), round_
        # Every step of the path to the top band is on the page, as in the Markdown export.
        expected_steps = [step["title"] for step in view["path"]]
        assert [
            text.split(".")[0]
            for text in widget.locator(
                '[data-role="path-list"] > li > p strong'
            ).all_text_contents()
        ] == expected_steps, round_
        bars = widget.locator("rect.p2p-chart__bar")
        for index, dimension in enumerate(view["dimensions"]):
            width = float(bars.nth(index).get_attribute("width"))
            assert width == pytest.approx(4 * (dimension["percent"] or 0), abs=0.06), round_
    assert not errors


def _widget_axe_violations(page: Page) -> list[str]:
    """Serious or critical axe-core findings inside the widget only (axe is already injected)."""
    found = page.evaluate(
        """async (selector) => (await axe.run(document.querySelector(selector))).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)""",
        WIDGET,
    )
    return list(found)


def test_live_result_is_accessible(live_page):
    """With a verdict, caps and a what-if showing, axe finds nothing serious, light or dark."""
    page, _, _ = live_page
    page.evaluate(SET_ANSWERS, [{"real-traffic-sample": "no", "load-measured": "yes"}])
    expect(page.locator(WIDGET).locator('[data-role="capping"]')).to_be_visible()
    summary = page.locator(WIDGET).locator('[data-role="summary"]')
    assert summary.get_attribute("aria-live") == "polite"
    assert serious_axe_violations(page) == []
    # Dark scheme: the widget's own colours (the site's chrome has its own checks).
    scheme = "(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)"
    page.evaluate(scheme, "slate")
    try:
        # Material fades colours between schemes; wait for the end of the fade before checking.
        link = page.locator(WIDGET).locator(".p2p-readiness__guidance").first
        expect(link).to_have_css("color", "rgb(157, 179, 245)")
        assert _widget_axe_violations(page) == []
    finally:
        page.evaluate(scheme, "default")


def test_worker_is_reused_after_instant_navigation(live_page, site_url):
    """Leaving and coming back by instant navigation rescored without booting Pyodide again."""
    page, _, errors = live_page
    fetched: list[str] = []
    documents: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.on(
        "request",
        lambda request: (
            documents.append(request.url) if request.resource_type == "document" else None
        ),
    )
    page.locator('a[href="../faq/"], a[href$="/faq/"]').first.click()
    expect(page).to_have_url(re.compile(r"/faq/(#.*)?$"))
    # The address changes before Material swaps the content in: wait for the swap.
    expect(page.locator(WIDGET)).to_have_count(0)
    page.go_back()
    expect(page).to_have_url(re.compile(r"/assessment/(#.*)?$"))
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-state", "live", timeout=10_000)
    assert not [url for url in fetched if "/assets/pyodide/" in url or ".whl" in url]
    assert not documents, "a page was loaded in full instead of navigated instantly"
    assert not errors


def test_content_page_starts_no_python(new_context, site_url):
    """Reading a guide page downloads nothing of Pyodide and starts no worker."""
    context = new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "why-pilots-stall/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "pyodide" in url or ".whl" in url or ".wasm" in url]
    assert not [w.url for w in page.workers if "pyodide" in w.url]


def test_blocked_wasm_shows_fallback_and_checklist_still_saves(new_context, site_url):
    """With the .wasm blocked the widget says so in plain words and answers still persist."""
    context = new_context()
    context.route("**/*.wasm", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + "assessment/")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-state", "failed", timeout=BOOT_TIMEOUT_MS)
    expect(widget.locator('[data-role="status"]')).to_contain_text(FALLBACK)
    expect(widget.locator('[data-role="status"]')).to_contain_text("could not be downloaded")
    radio = page.locator(CHECKLIST).locator('input[name="readiness-load-measured"][value="yes"]')
    radio.check()
    page.wait_for_function(
        """() => Object.keys(localStorage).some((key) => key.startsWith("pilot2prod:answers:")
              && localStorage.getItem(key).includes('"load-measured":"yes"'))"""
    )
    page.reload()
    expect(
        page.locator(CHECKLIST).locator('input[name="readiness-load-measured"][value="yes"]')
    ).to_be_checked()
    expect(widget).to_have_attribute("data-state", "failed", timeout=BOOT_TIMEOUT_MS)


def test_hanging_runtime_is_stopped_by_the_time_limit(new_context, site_url):
    """When the .wasm download never finishes, the widget gives up at its own time limit."""
    context = new_context()
    held: list[Route] = []

    def hold(route: Route) -> None:
        if route.request.method == "HEAD":
            route.continue_()
        else:
            held.append(route)  # never answered: the boot hangs as Pyodide 314 does

    def short_limit(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace(
            # The page's head says where Python is and how long it may take to start.
            '<meta name="p2p-python" ',
            '<meta name="p2p-python" data-boot-timeout="3000" ',
            1,
        )
        route.fulfill(response=response, body=body)

    context.route("**/*.wasm", hold)
    context.route("**/assessment/", short_limit)
    page = context.new_page()
    page.goto(site_url + "assessment/")
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute("data-state", "failed", timeout=60_000)
    expect(widget.locator('[data-role="status"]')).to_contain_text("took too long to start")
    for route in held:
        route.abort()


def test_example_link_opens_the_assessment_with_its_verdict(new_context, site_url, site, files):
    """A worked example's link fills the assessment, and the widget scores those answers."""
    entry = site.example_assessments.examples[1]
    context = new_context()
    page = context.new_page()
    page.goto(site_url + "examples/")
    page.locator(".p2p-example-links a").nth(1).click()
    expect(page).to_have_url(re.compile(r"/assessment/"))
    widget = page.locator(WIDGET)
    expect(widget).to_have_attribute(
        "data-scored-answers", digest(dict(entry.answers)), timeout=BOOT_TIMEOUT_MS
    )
    _expect_result(page, python_view(files, dict(entry.answers)))
