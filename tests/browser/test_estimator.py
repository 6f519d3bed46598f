"""The production-effort estimator in Chromium: Python's numbers, inline messages, sharing."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod import sharelink
from pilot2prod.calculators.effort.loader import load_effort_model
from pilot2prod.calculators.effort.model import EffortModel
from tests.browser.support import (
    BOOT_TIMEOUT_MS,
    COMPUTED,
    NOT_A_NUMBER,
    OUTPUTS,
    live_page,
    python_result,
    serious_axe_violations,
    set_inputs,
    watch_errors,
)
from tests.browser.test_estimate_from_verdict import wait_until_carried
from tests.browser.test_readiness_widget import SET_ANSWERS, digest
from tests.fixtures import answers_document, repo_files

CALC = '.p2p-calc[data-p2p-calc="effort"]'


@pytest.fixture(scope="module")
def files() -> dict[str, object]:
    return repo_files()


@pytest.fixture(scope="module")
def model(files) -> EffortModel:
    return load_effort_model(files["data/effort.yml"])


def python_view(files, inputs: dict[str, Any]) -> dict[str, Any]:
    """What pilot2prod computes for `inputs` in this test process."""
    return python_result(files, "effort.estimate", {"inputs": inputs})


@pytest.fixture(scope="module")
def live(browser: Browser, site_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    """One estimator page with Python booted, shared by the tests that only change inputs."""
    with live_page(browser, site_url + "estimator/", CALC) as live_parts:
        yield live_parts


def assert_outputs_match(page: Page, view: dict[str, Any], label: object) -> None:
    """Every output shows Python's text, and carries Python's number."""
    shown = page.locator(CALC).evaluate(OUTPUTS)
    assert {name for name, _, _ in shown} == set(view["outputs"]), label
    for name, text, value in shown:
        expected = view["outputs"][name]
        assert text == expected["text"], (label, name)
        if expected["value"] is None:
            assert value is None, (label, name)
        else:
            # Same code, same seed; only the last bit of a libm function may differ.
            assert float(value) == pytest.approx(expected["value"], rel=1e-9), (label, name)


def random_inputs(rng: random.Random, model: EffortModel) -> dict[str, str]:
    """A valid set of inputs, written the way a reader would type them."""
    inputs = {
        "pilot-weeks": str(round(rng.uniform(0.5, 120), rng.choice([0, 1, 2]))),
        "systems": str(rng.randint(0, 9)),
    }
    for trait in model.traits:
        inputs[trait.id] = rng.choice([level.id for level in trait.levels])
    if inputs["systems"] == "0":
        inputs["integration"] = "standalone"
    for dim in model.readiness.dimensions:
        inputs[f"readiness-{dim}"] = rng.choice(["", str(rng.randint(0, 100))])
    pairs = [
        f"{rng.randint(1, 30)}, {rng.randint(5, 300)}" for _ in range(rng.choice([0, 0, 1, 3]))
    ]
    inputs["history"] = "\n".join(pairs)
    return inputs


def test_ten_random_input_sets_match_python(live, files, model):
    """For 10 random valid input sets the page shows exactly what pilot2prod computes here."""
    page, _, errors = live
    rng = random.Random(20261101)
    for round_ in range(10):
        inputs = random_inputs(rng, model)
        set_inputs(page, CALC, inputs)
        view = python_view(files, inputs)
        assert view["ok"], view
        expect(page.locator(CALC)).to_have_attribute("data-state", "live")
        assert_outputs_match(page, view, (round_, inputs))
        rows = page.locator(f'{CALC} [data-table="streams"] tbody tr')
        assert [r.split("\t") for r in rows.all_inner_texts()] == view["tables"]["streams"]["rows"]
        bars = page.locator(f'{CALC} [data-chart="streams"] svg.p2p-chart-wide rect.p2p-range')
        expect(bars).to_have_count(len(model.streams) + 1)  # one per stream and the legend
    assert not errors


BAD_INPUTS = [
    ("pilot-weeks", ""),
    ("pilot-weeks", "-4"),
    ("pilot-weeks", "1e400"),
    ("pilot-weeks", "eight"),
    ("pilot-weeks", "NaN"),
    ("systems", "Infinity"),
    ("systems", "2.5"),
    ("readiness-reliability", "150"),
    ("history", "6, lots"),
]


@pytest.mark.parametrize(("field", "value"), BAD_INPUTS)
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
    expect(message).to_be_visible()
    expect(message).to_have_text(view["messages"][field])
    expect(root.locator(f'[data-field="{field}"] [name="{field}"]')).to_have_attribute(
        "aria-invalid", "true"
    )
    for _, text, shown in root.evaluate(OUTPUTS):
        assert text == "—" and shown is None
    assert not NOT_A_NUMBER.search(root.locator(".p2p-calc__results").inner_text())
    set_inputs(page, CALC, valid)
    expect(message).to_be_hidden()
    expect(root).to_have_attribute("data-state", "live")
    assert not errors


def test_readiness_result_is_carried_in_by_link(live, files, site_url):
    """A link carrying the assessment's result fills the readiness fields and credits them."""
    page, _, errors = live
    doc = {
        "format": "pilot2prod/estimate",
        "version": 1,
        "inputs": {
            "readiness": {
                "score": 0.25,
                "dimensions": [
                    {"id": "reliability", "score": 0.5},
                    {"id": "integration", "score": 0.25},
                    {"id": "operations", "score": 0.875},
                ],
            }
        },
    }
    page.goto(f"{site_url}estimator/#{sharelink.FRAGMENT_KEY}{sharelink.encode(doc)}")
    root = page.locator(CALC)
    expect(root.locator('[name="readiness-reliability"]')).to_have_value("50")
    expect(root.locator('[name="readiness-integration"]')).to_have_value("25")
    # As the assessment shows it (88%), never a more precise figure behind it.
    expect(root.locator('[name="readiness-operations"]')).to_have_value("88")
    # Only the assessment's scores: kept at once with the reader's own inputs (issue 26).
    expect(root.locator('[data-role="carried"]')).to_contain_text("saved in this browser")
    carried = {"readiness-reliability": "50", "readiness-integration": "25"}
    page.wait_for_function(COMPUTED, arg=[CALC, carried], timeout=30_000)
    inputs = {**json.loads(root.get_attribute("data-computed-inputs"))}
    assert_outputs_match(page, python_view(files, inputs), "carried")
    expect(root.locator('output[name="readiness"]')).to_contain_text("Applied")
    assert not errors


def test_markdown_export_matches_python(live, files):
    """Export Markdown shows the proposal text Python writes for these inputs."""
    page, _, errors = live
    root = page.locator(CALC)
    root.locator('[data-action="markdown"]').click()
    area = root.locator('[data-role="markdown"]')
    expect(area).to_be_visible()
    text = area.input_value()
    inputs = json.loads(root.get_attribute("data-computed-inputs"))
    view = python_view(files, inputs)
    assert text.startswith("## Production-effort estimate")
    assert f"| Pilot effort | {inputs['pilot-weeks']} person-weeks |" in text
    p50 = view["outputs"]["p50"]["text"].split()[0]
    assert f"**Production work (P50 / P80 / P90):** {p50} /" in text
    assert not errors


def test_estimator_is_accessible(live):
    """Live results, a field message and the export open: axe finds nothing serious."""
    page, _, _ = live
    set_inputs(page, CALC, {"pilot-weeks": "abc"})
    assert serious_axe_violations(page) == []
    set_inputs(page, CALC, {"pilot-weeks": "8"})
    summary = page.locator(CALC).locator('[data-role="summary"]')
    assert summary.get_attribute("aria-live") == "polite"
    assert summary.locator("output").count() >= 6
    assert serious_axe_violations(page) == []


def test_share_link_reopens_the_inputs_elsewhere(live, new_context, site_url):
    """A copied share link opened in a fresh browser shows the same inputs and results."""
    page, _, _ = live
    page.goto(site_url + "estimator/")
    expect(page.locator(CALC)).to_have_attribute(
        "data-computed-inputs", re.compile("."), timeout=BOOT_TIMEOUT_MS
    )
    chosen = {"pilot-weeks": "14", "stakes": "regulated", "history": "5, 40\n9, 61"}
    set_inputs(page, CALC, chosen)
    root = page.locator(CALC)
    root.locator('[data-action="share"]').click()
    link = root.locator('[data-role="share-link"]')
    expect(link).to_have_value(re.compile(r"/estimator/#p2p=v2\.[0-9a-f]{8}\."))
    shared = link.input_value()
    before = root.evaluate(OUTPUTS)

    other = new_context().new_page()
    errors = watch_errors(other)
    other.goto(shared)
    calc = other.locator(CALC)
    # Python reads the link, as the command line would, once it has started.
    expect(calc).to_have_attribute("data-opened-outcome", "ok", timeout=BOOT_TIMEOUT_MS)
    for name, value in chosen.items():
        expect(calc.locator(f'[data-field] [name="{name}"]')).to_have_value(value)
    expect(calc).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    other.wait_for_function(COMPUTED, arg=[CALC, chosen], timeout=30_000)
    assert calc.evaluate(OUTPUTS) == before
    key = calc.get_attribute("data-storage-key")
    saved = other.evaluate("(key) => localStorage.getItem(key)", key)
    assert saved is None, f"{key} was saved before the reader edited anything: {saved}"
    assert not errors.messages


def test_inputs_survive_a_reload(live):
    """Inputs are saved on this device and come back after a reload."""
    page, _, _ = live
    set_inputs(page, CALC, {"pilot-weeks": "21", "volume": "high"})
    page.reload()
    root = page.locator(CALC)
    expect(root.locator('[name="pilot-weeks"]')).to_have_value("21")
    expect(root.locator('[name="volume"]')).to_have_value("high")
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)


def test_assessment_link_carries_the_readiness_scores(live, files, site_url):
    """The assessment's "Estimate the remaining work" link fills in its dimension scores as it
    shows them, and leaves a dimension without a score empty."""
    page, _, errors = live
    page.goto(site_url + "assessment/")
    widget = page.locator("[data-p2p-component='readiness']")
    expect(widget).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    answers = {"real-traffic-sample": "yes", "load-measured": "partial", "named-operator": "no"}
    page.evaluate(SET_ANSWERS, [answers])
    expect(widget).to_have_attribute("data-scored-answers", digest(answers))
    view = python_result(files, "readiness.score", {"document": answers_document(answers)})
    carried = [{"id": d["id"], "score": d["score"]} for d in view["dimensions"]]
    # The link is rewritten after every result; wait for the one of these answers.
    wait_until_carried(page, site_url, carried)
    page.locator("a[data-p2p-estimate-link]").click()
    # Material's navigation.tracking may already have replaced the fragment with an anchor.
    expect(page).to_have_url(re.compile(r"/estimator/"))
    root = page.locator(CALC)
    for dimension in view["dimensions"]:
        shown = dimension["score_text"].removesuffix("%") if dimension["score"] is not None else ""
        expect(root.locator(f'[name="readiness-{dimension["id"]}"]')).to_have_value(
            shown, timeout=BOOT_TIMEOUT_MS
        )
    expect(root.locator('output[name="readiness"]')).to_contain_text(
        "Applied", timeout=BOOT_TIMEOUT_MS
    )
    assert not errors


def test_hostile_link_is_only_text(live, site_url):
    """Markup in a shared link is refused by name and shown only as text; nothing runs."""
    page, _, errors = live
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = '<img src=x onerror="alert(1)">'
    doc = {
        "format": "pilot2prod/estimate",
        "version": 1,
        "inputs": {"pilot-weeks": hostile, "history": f"<script>alert(2)</script>\n{hostile}"},
    }
    page.goto(f"{site_url}estimator/#{sharelink.FRAGMENT_KEY}{sharelink.encode(doc)}")
    root = page.locator(CALC)
    # The command line refuses this document naming pilot-weeks; so does the page.
    expect(root).to_have_attribute(
        "data-opened-field", "inputs.pilot-weeks", timeout=BOOT_TIMEOUT_MS
    )
    expect(root).to_have_attribute("data-opened-outcome", "refused")
    expect(root.locator('[data-role="notice"]')).to_contain_text("inputs.pilot-weeks")
    expect(root.locator('[name="pilot-weeks"]')).not_to_have_value(hostile)
    assert root.locator("img, script").count() == 0
    assert dialogs == []
    assert not errors
