"""From the estimator to the run-cost calculator in Chromium: building it and a year of running."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS, python_result, set_inputs
from tests.fixtures import repo_files

EFFORT = '.p2p-calc[data-p2p-calc="effort"]'
COST = '.p2p-calc[data-p2p-calc="cost"]'


def test_the_estimators_link_carries_the_project_to_the_run_cost(new_context, site_url):
    """The link opens the run cost with the estimate's build cost and operating people in it."""
    page = new_context().new_page()
    page.goto(site_url + "estimator/")
    expect(page.locator(EFFORT)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    set_inputs(page, EFFORT, {"cost-per-week": "2500", "pilot-weeks": "9"})
    computed = json.loads(page.locator(EFFORT).get_attribute("data-computed-inputs") or "{}")
    estimate = python_result(repo_files(), "effort.estimate", {"inputs": computed})
    link = page.locator(f'{EFFORT} [data-role="run-cost-link"]')
    page.wait_for_function(
        "(s) => document.querySelector(s).href.includes('#p2p=')",
        arg=f'{EFFORT} [data-role="run-cost-link"]',
    )
    link.click()
    expect(page.locator(COST)).to_have_attribute("data-state", "live", timeout=BOOT_TIMEOUT_MS)
    for name, value in estimate["run_cost"].items():
        expect(page.locator(f'{COST} [name="{name}"]')).to_have_value(value)
    shown = json.loads(page.locator(COST).get_attribute("data-computed-inputs") or "{}")
    cost = python_result(repo_files(), "cost.run", {"inputs": shown})
    first_year = page.locator(f'{COST} output[name="first-year"]')
    expect(first_year).to_have_text(cost["outputs"]["first-year"]["text"])
    expect(first_year).to_contain_text(" to build, ")
    expect(page.locator(f'{COST} [data-role="notice"]')).to_contain_text("from the link")
