"""In Chromium, the worker boots from the site's compiled library, and every API function
answers there exactly as it does under CPython: a module the library lacks would show here."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pilot2prod import api
from pilot2prod.model import bundle
from pilot2prod.model.dataset import Dataset
from tests.browser.support import live_page

WIDGET = "[data-p2p-component='readiness']"

CALL_EVERY = """
async (calls) => {
  const python = await import(new URL("../assets/js/lib/python.js", location.href).href);
  const out = [];
  for (const [name, payload] of calls) {
    try {
      out.push(await python.callPython(name, payload, { timeoutMs: 60000 }));
    } catch (error) {
      out.push({ rejected: error.kind, message: error.message });
    }
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def shipped(built_site: Path) -> Dataset:
    """The data the site's library carries, read the way the worker reads it."""
    library = next((built_site / "assets" / "python").glob("python-*.zip"))
    with zipfile.ZipFile(library) as archive:
        files, pages = bundle.decode(archive.read(f"pilot2prod/{bundle.RESOURCE}").decode())
    return Dataset(files, pages)


def _document(data: Dataset, rng: random.Random) -> dict[str, object]:
    checklist = data.scored_checklist
    ids = [item.id for section in checklist.sections for item in section.items]
    values = ["yes", "no", "partial", "na", ""]
    return {
        "format": "pilot2prod-checklist",
        "version": 1,
        "checklist": checklist.id,
        "answers": {i: rng.choice(values) for i in ids if rng.random() < 0.8},
        "notes": {i: f"note <b>{i}</b> | *" for i in ids if rng.random() < 0.3},
        "owners": {i: "Team \\ Ops" for i in ids if rng.random() < 0.2},
        "project": "Support assistant",
        "assessor": "R. Lead",
        "assessed": "2026-11-30",
    }


def _calls(data: Dataset) -> list[tuple[str, dict[str, object]]]:
    """Requests unlike the build's own probe: random answers, odd text, bad values, reports."""
    rng = random.Random(20261201)
    link = {"site_root": "http://127.0.0.1/", "directory_urls": rng.random() < 0.5}
    calls: list[tuple[str, dict[str, object]]] = []
    for _ in range(4):
        document = _document(data, rng)
        calls.append(("readiness.score", {"document": document, "markdown": True} | link))
        calls.append(("readiness.view", {"document": document}))
    team = [{"name": f"p{i}.json", "document": _document(data, rng)} for i in range(3)]
    calls.append(("readiness.merge", {"documents": team, "markdown": True} | link))
    for model, name in ((data.effort, "effort.estimate"), (data.cost, "cost.run")):
        inputs = model.defaults()
        calls.append((name, {"inputs": inputs, "markdown": True, "date": "2026-12-01"}))
        odd = {key: rng.choice(["1e-306", "abc", "", "12", "9" * 40]) for key in inputs}
        calls.append((name, {"inputs": odd}))
    for name in api.FUNCTIONS:
        calls.append((name, {"document": "not an object", "documents": "none", "inputs": 3}))
    calls.append(("readiness.score", {"document": "not an object"}))
    calls.append(("no.such.function", {}))
    return calls


def test_boots_from_the_site_library_without_stock_files(new_context, site_url):
    """The worker loads the compiled library; the stock library, lock and wheel never load."""
    context = new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url.split("?")[0]))
    page = context.new_page()
    page.goto(site_url + "assessment/")
    expect(page.locator(WIDGET)).to_have_attribute("data-state", "live", timeout=120_000)
    names = [url.rsplit("/", 1)[-1] for url in requested]
    assert [n for n in names if n.startswith("python-") and n.endswith(".zip")]
    assert "pyodide.asm.wasm" in names
    for stock in ("python_stdlib.zip", "pyodide-lock.json"):
        assert stock not in names
    assert not [n for n in names if n.endswith(".whl")]


def test_every_api_function_answers_as_under_cpython(browser, site_url, shipped):
    """The same requests give the same JSON in Chromium's Pyodide and in this process."""
    calls = _calls(shipped)
    assert {name for name, _ in calls} >= set(api.FUNCTIONS)
    expected = [json.loads(api.call(name, json.dumps(payload), shipped)) for name, payload in calls]
    with live_page(browser, site_url + "assessment/", WIDGET) as (page, _, errors):
        got = page.evaluate(CALL_EVERY, calls)
    for (name, _payload), want, answer in zip(calls, expected, got, strict=True):
        if "error" in want:
            assert answer == {"rejected": "input", "message": want["error"]}, name
        else:
            assert answer == want, name
    assert not [e for e in errors if "ModuleNotFoundError" in e]


def test_status_tells_how_far_the_download_is(new_context, site_url):
    """While the WebAssembly is still on its way, the status line counts the files that came."""
    context = new_context()
    held: list = []

    def hold(route) -> None:
        if route.request.method == "HEAD":
            route.continue_()
        else:
            held.append(route)

    context.route("**/*.wasm", hold)
    page = context.new_page()
    page.goto(site_url + "assessment/")
    status = page.locator(WIDGET).locator('[data-role="status"]')
    expect(status).to_contain_text("Downloading the Python runtime: 3 of 4 files", timeout=60_000)
    for route in held:
        route.continue_()
    expect(page.locator(WIDGET)).to_have_attribute("data-state", "live", timeout=120_000)
