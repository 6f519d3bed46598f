"""The run-cost page's model picker in Chromium: listed prices in, own prices kept, dates."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod.calculators.runcost.prices import price_fields, shipped_table
from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    OUTPUTS,
    live_page,
    python_result,
    serious_axe_violations,
    set_inputs,
)
from tests.fixtures import repo_files

CALC = '.p2p-calc[data-p2p-calc="cost"]'
PICKER = "#cost-model"
KEY = "anthropic/claude-sonnet-4-5"
BATCH_20 = "x-ai/grok-4.3"
"""A listed model whose batch tier is 20% off, not the usual half."""
NO_BATCH = "anthropic/claude-3-haiku"
"""A listed model with no batch tier at all."""
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def live(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    with live_page(browser, site_url + "run-cost/", CALC) as live_parts:
        yield live_parts


def _choose(page: Page, key: str) -> None:
    """Type a model's name into the picker and confirm it with Enter, as a keyboard user does."""
    picker = page.locator(PICKER)
    picker.fill("")
    picker.press_sequentially(key[:12])
    # What a reader sees before going on: the matches for what they typed (or that none match).
    expect(page.locator('[data-role="price-summary"]')).to_contain_text(key[:12])
    picker.fill(key)
    picker.press("Enter")


def _mark(page: Page, field: str):
    """The line under a field that says where its value came from."""
    return page.locator(f'{CALC} [data-source-for="{field}"]')


def test_choosing_a_model_fills_its_prices_and_names_the_source(live):
    """Picking a listed model fills the price fields, cites the date and links the price page."""
    page, _, errors = live
    table = shipped_table()
    listed = table.find(KEY)
    assert listed is not None
    _choose(page, KEY)
    for name, value in price_fields(listed).items():
        expect(page.locator(f'{CALC} [name="{name}"]')).to_have_value(value)
        expect(_mark(page, name)).to_have_attribute("data-source", "preset")
        expect(_mark(page, name)).to_have_text(
            f"From the price list for {listed.provider_name} {listed.name}."
        )
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
    expect(_mark(page, "price-out")).to_have_attribute("data-source", "own")
    expect(_mark(page, "price-out")).to_contain_text("Your own figure")
    expect(_mark(page, "price-in")).to_have_attribute("data-source", "preset")


def test_an_unknown_model_changes_no_price(live):
    """A name not in the list gets a message; the price fields keep what they held."""
    page, _, _ = live
    price = page.locator(f'{CALC} [name="price-in"]')
    price.fill("4.2")
    _choose(page, "acme/<b>nothing</b>")
    summary = page.locator('[data-role="price-summary"]')
    expect(summary).to_contain_text("No listed model matches")
    expect(summary.locator("b")).to_have_count(0)
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
    expect(_mark(page, "price-in")).to_have_attribute("data-source", "own")
    page.wait_for_timeout(400)  # the debounced save
    page.reload()
    expect(page.locator(CALC)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    expect(page.locator(PICKER)).to_have_value(KEY)
    expect(_mark(page, "price-in")).to_have_attribute("data-source", "own")
    expect(_mark(page, "price-out")).to_have_attribute("data-source", "preset")


@pytest.mark.parametrize(("age", "stale"), [(90, False), (91, True)])
def test_old_prices_get_a_notice(new_context, site_url, age, stale):
    """Past 90 days after the list's as-of date (by the browser's clock) a notice says so."""
    as_of = shipped_table().as_of
    page = new_context().new_page()
    now = datetime.datetime.combine(as_of + datetime.timedelta(days=age), datetime.time(9))
    page.clock.set_fixed_time(now.replace(tzinfo=datetime.UTC))
    page.goto(site_url + "run-cost/")
    expect(page.locator(PICKER)).to_be_visible()
    page.wait_for_function("() => document.querySelector('[data-role=price-source]') !== null")
    notice = page.locator('[data-role="price-stale"]')
    if stale:
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(f"{age} days old")
    else:
        expect(notice).to_be_hidden()


def test_a_model_never_replaces_a_typed_price_without_naming_it_and_undo_restores_it(
    new_context, site_url
):
    """Choosing a model over a price the reader typed names that price in a notice, and one
    Undo puts back the typed price and the model that was there."""
    page = new_context().new_page()
    page.goto(site_url + "run-cost/")
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    set_inputs(page, CALC, {"price-in": "2.9"})
    expect(_mark(page, "price-in")).to_have_attribute("data-source", "own")
    _choose(page, KEY)
    listed = shipped_table().find(KEY)
    assert listed is not None
    notice = root.locator('[data-role="notice"]')
    expect(notice).to_contain_text(
        f"Price of input tokens from $2.9 per million tokens (your own figure) to "
        f"${price_fields(listed)['price-in']} per million tokens"
    )
    expect(root.locator('[name="price-in"]')).to_have_value(price_fields(listed)["price-in"])
    undo = root.get_by_role("button", name="Undo")
    expect(undo).to_be_visible()
    undo.click()
    expect(root.locator('[name="price-in"]')).to_have_value("2.9")
    expect(notice).to_contain_text("Undone")
    expect(undo).to_be_hidden()
    expect(_mark(page, "price-in")).to_have_attribute("data-source", "own")
    saved = page.evaluate(
        "(key) => JSON.parse(localStorage.getItem(key)).inputs['price-in']",
        root.get_attribute("data-storage-key"),
    )
    assert saved == "2.9"


def test_a_model_without_a_batch_tier_gives_no_discount_and_the_command_lines_total(
    new_context, site_url, tmp_path
):
    """After a model with a batch tier, one without has no batch discount (the list's truth,
    not the last model's figure as "your own"), and the total is `cost --model`'s."""
    page = new_context().new_page()
    page.goto(site_url + "run-cost/")
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    set_inputs(page, CALC, {"batch-share": "40"})
    before = json.loads(root.get_attribute("data-computed-inputs") or "{}")
    _choose(page, BATCH_20)
    expect(root.locator('[name="batch-discount"]')).to_have_value("20")
    _choose(page, NO_BATCH)
    expect(root.locator('[name="batch-discount"]')).to_have_value("0")
    expect(_mark(page, "batch-discount")).to_have_attribute("data-source", "preset")
    page.wait_for_function(
        "([s, key]) => JSON.parse(document.querySelector(s).dataset.computedInputs || '{}')"
        ".model === key",
        arg=[CALC, NO_BATCH],
    )
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"inputs": before}), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pilot2prod.cli",
            "cost",
            str(inputs),
            "--model",
            NO_BATCH,
            "--format",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    cli = json.loads(result.stdout)
    assert cli["inputs"]["model"] == NO_BATCH
    for name, text, _ in root.evaluate(OUTPUTS):
        assert cli["outputs"][name]["text"] == text, name


def test_every_field_says_where_its_value_came_from(live):
    """A field left alone says it is the default; one the reader changed, that it is theirs."""
    page, _, _ = live
    set_inputs(page, CALC, {"requests-per-day": "2000", "review-minutes": "7"})
    expect(_mark(page, "requests-per-day")).to_have_attribute("data-source", "default")
    expect(_mark(page, "requests-per-day")).to_have_text("Default.")
    expect(_mark(page, "review-minutes")).to_have_attribute("data-source", "own")
    expect(_mark(page, "review-minutes")).to_have_text("Your own figure.")


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1366, "height": 900}}


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    ("typed", "key"),
    [("gpt-4o", "openai/gpt-4o"), ("claude sonnet 4.5", "anthropic/claude-sonnet-4-5")],
)
def test_a_plain_model_name_picks_the_model_and_shows_the_total_beside_it(
    new_context, site_url, size, typed, key
):
    """Typing a model's everyday name and pressing Enter chooses the maker's listing, fills its
    prices, and the monthly total appears beside the picker, the same as in the results."""
    page = new_context(**size).new_page()
    page.goto(site_url + "run-cost/")
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    picker = page.locator(PICKER)
    picker.press_sequentially(typed)
    first = page.locator('[data-role="price-matches"] button').first
    expect(first).to_have_attribute("data-key", key)
    picker.press("Enter")
    expect(picker).to_have_value(key)
    listed = shipped_table().find(key)
    assert listed is not None
    expect(root.locator('[name="price-in"]')).to_have_value(price_fields(listed)["price-in"])
    page.wait_for_function(
        "([s, key]) => JSON.parse(document.querySelector(s).dataset.computedInputs || '{}')"
        ".model === key",
        arg=[CALC, key],
    )
    total = page.locator('[data-role="price-total"]')
    expect(total).to_be_visible()
    monthly = root.locator('output[name="monthly"]').text_content() or ""
    expect(total).to_contain_text(monthly)
    box, field = total.bounding_box(), picker.bounding_box()
    assert box is not None and field is not None
    # Beside the picker, or right under it on a phone: in view together, never a screen away.
    assert abs(box["y"] - field["y"]) < 2 * field["height"] + 10


def test_the_picker_is_wide_enough_to_read_a_models_key(new_context, site_url):
    """At 1366 px the field shows a long key such as openrouter's Claude Sonnet 4.5 whole."""
    page = new_context(**DESKTOP).new_page()
    page.goto(site_url + "run-cost/")
    picker = page.locator(PICKER)
    expect(picker).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    picker.fill("openrouter/anthropic/claude-sonnet-4.5:batch")
    fits = picker.evaluate("(el) => el.scrollWidth <= el.clientWidth")
    assert fits, picker.bounding_box()


def test_a_match_is_chosen_by_keyboard_from_the_list(new_context, site_url):
    """Tab from the field reaches the matches; Enter on the second one chooses it."""
    page = new_context(**DESKTOP).new_page()
    page.goto(site_url + "run-cost/")
    expect(page.locator(CALC)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    picker = page.locator(PICKER)
    picker.press_sequentially("gpt-4o")
    matches = page.locator('[data-role="price-matches"] button')
    expect(matches.first).to_have_attribute("data-key", "openai/gpt-4o")
    second = matches.nth(1).get_attribute("data-key")
    picker.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(picker).to_have_value(second or "")
    expect(matches).to_have_count(0)


SLOW_REPLACE = """(() => {
  // Python's answer about a preset arrives two seconds late, as on a slow phone.
  const send = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.name === "calculators.replace") {
      setTimeout(() => send.call(this, message, ...rest), 2000);
      return;
    }
    return send.call(this, message, ...rest);
  };
})();"""


def test_a_price_typed_while_a_model_is_being_filled_in_is_named_before_it_is_replaced(
    new_context, site_url
):
    """A figure typed while Python works out a model's prices is part of what Python is asked
    about: the notice names it as the reader's own, and Undo brings it back."""
    context = new_context()
    context.add_init_script(SLOW_REPLACE)
    page = context.new_page()
    page.goto(site_url + "run-cost/")
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    _choose(page, KEY)
    set_inputs(page, CALC, {"price-in": "3.7"})
    listed = price_fields(shipped_table().find(KEY))
    notice = root.locator('[data-role="notice"]')
    expect(notice).to_contain_text(
        "from $3.7 per million tokens (your own figure)", timeout=BOOT_TIMEOUT_MS
    )
    expect(root.locator('[name="price-in"]')).to_have_value(listed["price-in"])
    root.get_by_role("button", name="Undo").click()
    expect(root.locator('[name="price-in"]')).to_have_value("3.7")
