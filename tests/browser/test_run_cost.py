"""The run-cost calculator in Chromium: Python's numbers, inline messages, no stray requests."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod.calculators.runcost.model import CostModel, load_cost_model
from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    NOT_A_NUMBER,
    OUTPUTS,
    live_page,
    python_result,
    serious_axe_violations,
    set_inputs,
    watch_errors,
)
from tests.fixtures import repo_files
from tests.serving import ROOT

CALC = '.p2p-calc[data-p2p-calc="cost"]'


@pytest.fixture(scope="module")
def files() -> dict[str, object]:
    return repo_files()


@pytest.fixture(scope="module")
def model(files) -> CostModel:
    return load_cost_model(files["data/cost.yml"])


def python_view(files, inputs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """What pilot2prod computes for `inputs` in this test process."""
    return python_result(files, "cost.run", {"inputs": inputs, **extra})


@pytest.fixture(scope="module")
def live(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    """One run-cost page with Python booted, shared by every test here."""
    with live_page(browser, site_url + "run-cost/", CALC) as live_parts:
        yield live_parts


def random_inputs(rng: random.Random, model: CostModel) -> dict[str, str]:
    """A valid set of inputs spread over each field's range, as a reader would type them."""
    inputs = {}
    for spec in model.inputs:
        top = min(spec.maximum, (spec.default or 1) * 10)
        value = rng.choice([0.0, rng.uniform(spec.minimum, top), spec.default or 0])
        inputs[spec.id] = f"{value:.{rng.choice([0, 1, 3])}f}"
    return inputs


def test_ten_random_input_sets_match_python(live, files, model):
    """For 10 random valid input sets the page shows exactly what pilot2prod computes here."""
    page, _, errors = live
    rng = random.Random(20261102)
    root = page.locator(CALC)
    for round_ in range(10):
        inputs = random_inputs(rng, model)
        set_inputs(page, CALC, inputs)
        view = python_view(files, inputs)
        assert view["ok"], view
        expect(root).to_have_attribute("data-state", "live")
        shown = root.evaluate(OUTPUTS)
        assert {name for name, _, _ in shown} == set(view["outputs"])
        for name, text, value in shown:
            expected = view["outputs"][name]
            assert text == expected["text"], (round_, name, inputs)
            if expected["value"] is None:
                assert value is None, (round_, name)
            else:
                assert float(value) == expected["value"], (round_, name, inputs)
        for table in ("breakdown", "sensitivity"):
            rows = root.locator(f'[data-table="{table}"] tbody tr').all_inner_texts()
            assert [r.split("\t") for r in rows] == view["tables"][table]["rows"], (round_, table)
        bars = root.locator('[data-chart="sensitivity"] svg.p2p-chart-wide rect.p2p-up')
        expect(bars).to_have_count(len(view["tables"]["sensitivity"]["rows"]) + 1)
    assert not errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("requests-per-day", ""),
        ("requests-per-day", "-100"),
        ("tokens-in", "9e999"),
        ("price-out", "fifteen"),
        ("cache-hit-rate", "NaN"),
        ("staff-yearly", "-Infinity"),
        ("review-share", "120"),
    ],
)
def test_bad_input_gets_its_message_and_no_nan(live, files, model, field, value):
    """Odd values get Python's message beside their field; no output shows NaN."""
    page, _, errors = live
    valid = model.defaults()
    set_inputs(page, CALC, valid)
    set_inputs(page, CALC, {field: value})
    view = python_view(files, {**valid, field: value})
    assert not view["ok"]
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "invalid")
    message = root.locator(f'[data-message-for="{field}"]')
    expect(message).to_have_text(view["messages"][field])
    expect(root.locator(f'[name="{field}"]')).to_have_attribute("aria-invalid", "true")
    for _, text, shown in root.evaluate(OUTPUTS):
        assert text == "—" and shown is None
    assert not NOT_A_NUMBER.search(root.locator(".p2p-calc__results").inner_text())
    set_inputs(page, CALC, valid)
    expect(message).to_be_hidden()
    assert not errors


def test_markdown_export_is_pythons(live, files, model):
    """Export Markdown shows the text Python writes for these inputs, dated today."""
    page, _, _ = live
    set_inputs(page, CALC, model.defaults())
    root = page.locator(CALC)
    root.locator('[data-action="markdown"]').click()
    area = root.locator('[data-role="markdown"]')
    expect(area).to_have_value(re.compile(r"^## Run-cost estimate"))
    text = area.input_value()
    date = re.search(r" on (\d{4}-\d{2}-\d{2})\.\*", text)
    assert date is not None
    expected = python_view(
        files, model.defaults(), markdown=True, page_url=page.url.split("#")[0], date=date[1]
    )["markdown"]
    assert text == expected


def test_run_cost_is_accessible(live):
    """Live results and a field message: axe finds nothing serious; outputs are live."""
    page, _, _ = live
    set_inputs(page, CALC, {"tokens-in": "lots"})
    assert serious_axe_violations(page) == []
    set_inputs(page, CALC, {"tokens-in": "3000"})
    summary = page.locator(CALC).locator('[data-role="summary"]')
    assert summary.get_attribute("aria-live") == "polite"
    assert serious_axe_violations(page) == []


def test_saved_inputs_give_the_same_numbers_on_the_command_line(live, model, tmp_path):
    """Save inputs as JSON, run `pilot2prod cost` on the file: the same outputs as the page."""
    page, _, _ = live
    set_inputs(page, CALC, {**model.defaults(), "requests-per-day": "7300", "review-share": "2.5"})
    root = page.locator(CALC)
    with page.expect_download() as download:
        root.locator('[data-action="json"]').click()
    saved = tmp_path / "inputs.json"
    download.value.save_as(saved)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["format"] == "pilot2prod/run-cost" and doc["version"] == 1
    assert doc["inputs"]["requests-per-day"] == "7300"
    result = subprocess.run(
        [sys.executable, "-m", "pilot2prod.cli", "cost", str(saved), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    outputs = json.loads(result.stdout)["outputs"]
    for name, text, value in root.evaluate(OUTPUTS):
        assert outputs[name]["text"] == text, name
        assert (value is None) == (outputs[name]["value"] is None), name


def test_works_without_local_storage(new_context, files, site_url):
    """With storage refused, the calculator still computes and says inputs will not persist."""
    context = new_context()
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(site_url + "run-cost/")
    root = page.locator(CALC)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    set_inputs(page, CALC, {"requests-per-day": "4321"})
    expect(root.locator('[data-role="notice"]')).to_contain_text("will be gone when you leave")
    view = python_view(files, json.loads(root.get_attribute("data-computed-inputs")))
    expect(root.locator('output[name="monthly"]')).to_have_text(view["outputs"]["monthly"]["text"])
    assert not errors.messages


@pytest.mark.parametrize("path", ["estimator/", "run-cost/"])
def test_calculators_are_accessible_in_the_dark_scheme(new_context, site_url, path):
    """In the dark palette too, axe finds nothing serious on a mounted calculator."""
    page = new_context(color_scheme="dark").new_page()
    page.goto(site_url + path)
    expect(page.locator(".p2p-calc")).to_have_attribute("data-p2p-mounted", "true")
    expect(page.locator('.p2p-calc [data-role="actions"]')).to_be_visible()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert serious_axe_violations(page) == []
