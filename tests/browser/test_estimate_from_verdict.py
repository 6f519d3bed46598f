"""From the verdict to the estimate in Chromium: the estimator opens at its top, with a notice."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_readiness_widget import SET_ANSWERS, digest
from tests.fixtures import answers_document, api_result, repo_data, repo_files

CALC = '.p2p-calc[data-p2p-calc="effort"]'
IN_VIEW = """(element) => {
  const box = element.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
}"""


CARRIES = """async ([codecUrl, expected]) => {
  const { decodeFragment, fragmentParam } = await import(codecUrl);
  const link = document.querySelector("a[data-p2p-estimate-link]");
  const payload = fragmentParam(new URL(link.href).hash);
  if (!payload) return false;
  const doc = await decodeFragment(payload);
  return JSON.stringify(doc.inputs.readiness.dimensions) === JSON.stringify(expected) && link.href;
}"""
"""The link's address if it carries `expected` (the dimensions of the answers shown), else false."""


def wait_until_carried(page: Page, site_url: str, carried: list[dict]) -> str:
    """The assessment's estimate link once it carries `carried`. Polled here: a predicate that
    returns a promise is truthy at once for wait_for_function, so it would not wait at all."""
    codec = site_url + "assets/js/lib/sharelink.js"
    for _ in range(300):
        href = page.evaluate(CARRIES, [codec, carried])
        if href:
            return href
        page.wait_for_timeout(100)
    raise AssertionError(f"the estimate link never carried {carried}")


def _estimate_from(page: Page, site_url: str, answers: dict[str, str]) -> dict:
    """Answer `answers` on the assessment, follow its estimate link; the assessment's result."""
    view = api_result(repo_files(), "readiness.score", {"document": answers_document(answers)})
    page.goto(site_url + "assessment/")
    widget = page.locator("[data-p2p-component='readiness']")
    expect(widget).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    if answers:
        page.evaluate(SET_ANSWERS, [answers])
        expect(widget).to_have_attribute("data-scored-answers", digest(answers))
    # The link is rewritten after every result: wait for the one of these answers.
    carried = [{"id": d["id"], "score": d["score"]} for d in view["dimensions"]]
    wait_until_carried(page, site_url, carried)
    page.locator("a[data-p2p-estimate-link]").click()
    expect(page).to_have_url(re.compile(r"/estimator/"))
    return view


@pytest.mark.parametrize("size", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_estimate_link_opens_the_estimator_with_a_notice_of_what_was_carried(
    new_context, site_url, size
):
    """After the link, a notice at the estimator's top names each carried score, and is in view."""
    width, height = size
    page = new_context(viewport={"width": width, "height": height}).new_page()
    answers = {"real-traffic-sample": "yes", "load-measured": "partial", "named-operator": "yes"}
    _estimate_from(page, site_url, answers)
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


def _answers(kind: str) -> dict[str, str]:
    """No answers, only the reliability questions answered, or every question answered."""
    checklist = repo_data().checklist("readiness")
    if kind == "empty":
        return {}
    sections = checklist.sections[:1] if kind == "partial" else checklist.sections
    values = ("yes", "partial", "no", "yes", "yes")
    return {
        item.id: values[index % len(values)]
        for section in sections
        for index, item in enumerate(section.items)
    }


@pytest.mark.parametrize("kind", ["empty", "partial", "complete"])
def test_a_dimension_without_a_score_carries_nothing_into_the_estimator(
    new_context, site_url, kind
):
    """Estimate the remaining work fills each scored dimension with the score the assessment
    shows and leaves an unscored one empty, with a notice naming it and why."""
    page = new_context().new_page()
    view = _estimate_from(page, site_url, _answers(kind))
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-opened-outcome", "ok", timeout=BOOT_TIMEOUT_MS)
    notice = root.locator('[data-role="carried"]')
    unscored = []
    for dimension in view["dimensions"]:
        field = root.locator(f'[name="readiness-{dimension["id"]}"]')
        label = root.locator(f'label[for="effort-readiness-{dimension["id"]}"]').inner_text()
        if dimension["score"] is None:
            unscored.append(label)
            expect(field).to_have_value("")
        else:
            expect(field).to_have_value(dimension["score_text"].removesuffix("%"))
            expect(notice).to_contain_text(f"{label} {dimension['score_text']}")
    if unscored:
        expect(notice).to_contain_text("empty: the assessment has no score for")
        for label in unscored:
            expect(notice).to_contain_text(label)
    else:
        expect(notice).not_to_contain_text("empty")
    applied = "Not applied" if len(unscored) == len(view["dimensions"]) else "Applied"
    expect(root.locator('output[name="readiness"]')).to_contain_text(
        applied, timeout=BOOT_TIMEOUT_MS
    )
