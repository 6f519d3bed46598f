"""The run-cost page's model picker in Chromium: listed prices in, own prices marked, dates."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod.calculators.runcost.prices import price_fields, shipped_table
from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    live_page,
    python_result,
    serious_axe_violations,
)
from tests.fixtures import repo_files

CALC = '.p2p-calc[data-p2p-calc="cost"]'
PICKER = "#cost-model"
KEY = "anthropic/claude-sonnet-4-5"


@pytest.fixture(scope="module")
def live(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    with live_page(browser, site_url + "run-cost/", CALC) as live_parts:
        yield live_parts


def _choose(page: Page, key: str) -> None:
    """Type a model's name into the picker and confirm it with Enter, as a keyboard user does."""
    picker = page.locator(PICKER)
    picker.fill("")
    picker.press_sequentially(key[:12])
    picker.fill(key)
    picker.press("Enter")


def _mark(page: Page, field: str):
    return page.locator(f'{CALC} [data-field="{field}"] [data-price-mark]')


def test_choosing_a_model_fills_its_prices_and_names_the_source(live):
    """Picking a listed model fills the price fields, cites the date and links the price page."""
    page, _, errors = live
    table = shipped_table()
    listed = table.find(KEY)
    assert listed is not None
    expect(page.locator(f"{CALC} datalist option")).to_have_count(len(table.models))
    _choose(page, KEY)
    for name, value in price_fields(listed).items():
        expect(page.locator(f'{CALC} [name="{name}"]')).to_have_value(value)
        expect(_mark(page, name)).to_have_attribute("data-price-mark", "list")
    source = page.locator('[data-role="price-source"]')
    expect(source).to_contain_text(f"as of {table.as_of.isoformat()}")
    expect(source.locator("a")).to_have_attribute("href", listed.provider_url)
    page.wait_for_function(
        "([s, v]) => JSON.parse(document.querySelector(s).dataset.computedInputs || '{}')"
        "['price-out'] === v",
        arg=[CALC, price_fields(listed)["price-out"]],
    )
    computed = page.locator(CALC).get_attribute("data-computed-inputs")
    view = python_result(repo_files(), "cost.run", {"inputs": json.loads(computed or "{}")})
    expect(page.locator(f'{CALC} output[name="monthly"]')).to_have_text(
        view["outputs"]["monthly"]["text"]
    )
    assert not errors


def test_an_edited_price_is_marked_as_the_readers_own(live):
    """Changing a filled price marks that field as the reader's figure, and only that one."""
    page, _, _ = live
    _choose(page, KEY)
    page.locator(f'{CALC} [name="price-out"]').fill("12.5")
    expect(_mark(page, "price-out")).to_have_attribute("data-price-mark", "own")
    expect(_mark(page, "price-out")).to_contain_text("Your own figure")
    expect(_mark(page, "price-in")).to_have_attribute("data-price-mark", "list")


def test_an_unknown_model_changes_no_price(live):
    """A name not in the list gets a message; the price fields keep what they held."""
    page, _, _ = live
    price = page.locator(f'{CALC} [name="price-in"]')
    price.fill("4.2")
    _choose(page, "acme/<b>nothing</b>")
    expect(page.locator('[data-role="price-source"]')).to_contain_text("No model")
    expect(page.locator('[data-role="price-source"] b')).to_have_count(0)
    expect(price).to_have_value("4.2")


def test_picker_is_accessible_with_a_model_chosen(live):
    """With a model chosen and a price edited, axe finds nothing serious or critical."""
    page, _, _ = live
    _choose(page, KEY)
    page.locator(f'{CALC} [name="price-in"]').fill("2")
    expect(page.locator(PICKER)).to_be_visible()
    assert serious_axe_violations(page) == []


def test_choice_and_marks_survive_a_reload(new_context, site_url):
    """The chosen model is saved with the inputs: after a reload an edited price is still own."""
    page = new_context().new_page()
    page.goto(site_url + "run-cost/")
    expect(page.locator(CALC)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    _choose(page, KEY)
    page.locator(f'{CALC} [name="price-in"]').fill("3.5")
    expect(_mark(page, "price-in")).to_have_attribute("data-price-mark", "own")
    page.wait_for_timeout(400)  # the debounced save
    page.reload()
    expect(page.locator(CALC)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(PICKER)).to_have_value(KEY)
    expect(_mark(page, "price-in")).to_have_attribute("data-price-mark", "own")
    expect(_mark(page, "price-out")).to_have_attribute("data-price-mark", "list")


@pytest.mark.parametrize(("age", "stale"), [(90, False), (91, True)])
def test_old_prices_get_a_notice(new_context, site_url, age, stale):
    """Past 90 days after the list's as-of date (by the browser's clock) a notice says so."""
    as_of = shipped_table().as_of
    page = new_context().new_page()
    now = datetime.datetime.combine(as_of + datetime.timedelta(days=age), datetime.time(9))
    page.clock.set_fixed_time(now.replace(tzinfo=datetime.UTC))
    page.goto(site_url + "run-cost/")
    expect(page.locator(PICKER)).to_be_visible()
    expect(page.locator(f"{CALC} datalist option").first).to_be_attached()
    notice = page.locator('[data-role="price-stale"]')
    if stale:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(f"{age} days old")
    else:
        expect(notice).to_be_hidden()
