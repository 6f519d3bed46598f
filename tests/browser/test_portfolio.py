"""The portfolio page in Chromium: the CLI's report from dropped files, refusals, 500 files."""

from __future__ import annotations

import json
import random
from datetime import date

from playwright.sync_api import Page, expect

from pilot2prod.readiness.answers import READINESS_VALUES
from tests.browser.support import serious_axe_violations, watch_errors
from tests.cli.support import document, readiness_checklist, site_call

PORTFOLIO = "portfolio/"
ROOT = "[data-p2p-component='portfolio']"
BOOT = 120_000
"""Pyodide's first boot in a fresh context can take a while on a busy machine."""

LONG_TASKS = """
window.__longTasks = [];
window.__ourScripts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask" });
// Long animation frames name the scripts that ran in them, so the site's own modules can be
// told apart from the browser's layout and from Material's code.
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    for (const s of e.scripts) {
      const own = (s.sourceURL || "").includes("/assets/js/");
      if (own) window.__ourScripts.push([s.startTime, s.duration]);
    }
  }
}).observe({ type: "long-animation-frame" });
document.querySelector('[data-role="files"]').addEventListener(
  "change", () => { window.__change = performance.now(); }, { capture: true },
);
"""


def _documents(count: int, seed: int = 1) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    ids = [item.id for item in readiness_checklist().items]
    found = []
    for n in range(count):
        answers = {i: rng.choice(READINESS_VALUES) for i in ids if rng.random() < 0.8}
        owners = {i: rng.choice(["Ana", "Bo"]) for i in ids if rng.random() < 0.5}
        month = rng.randint(1, 12)
        doc = document(
            answers, owners=owners, project=f"Pilot {n}", assessed=f"2025-{month:02d}-15"
        )
        found.append((f"pilot-{n:03d}.json", doc))
    return found


def _payload(name: str, doc: object) -> dict:
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    return {"name": name, "mimeType": "application/json", "buffer": body}


def _open(page: Page, site_url: str) -> None:
    page.goto(site_url + PORTFOLIO)
    expect(page.locator(ROOT)).to_have_attribute("data-p2p-mounted", "true")


def _choose(page: Page, files: list[dict]) -> None:
    page.locator('[data-role="files"]').set_input_files(files)


def _rows(page: Page, role: str) -> list[list[str]]:
    rows = page.locator(f'[data-role="{role}-rows"] tr')
    return [
        [text.strip() for text in rows.nth(i).locator("th, td").all_text_contents()]
        for i in range(rows.count())
    ]


def test_portfolio_shows_what_the_command_line_reports(page, site_url):
    """Bands, stalled dimensions, questions, owners and stale ones equal Python's report."""
    errors = watch_errors(page)
    files = _documents(12)
    expected = site_call(
        "readiness.portfolio",
        {
            "documents": [{"name": n, "document": d} for n, d in files],
            "today": date.today().isoformat(),
            "older_than": 180,
        },
    )
    _open(page, site_url)
    _choose(page, [_payload(n, d) for n, d in files])
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('[data-role="summary"]')).to_have_text(expected["summary"])
    assert _rows(page, "bands") == [
        [b["label"], str(b["count"]), b["share_text"]] for b in expected["bands"]
    ]
    assert [row[1] for row in _rows(page, "dimensions")] == [
        d["title"] for d in expected["dimensions"]
    ]
    assert [row[1] for row in _rows(page, "questions")] == [
        q["text"] for q in expected["questions"]
    ]
    assert [row[0] for row in _rows(page, "owners")] == [o["owner"] for o in expected["owners"]]
    assert [row[0] for row in _rows(page, "stale")] == [s["project"] for s in expected["stale"]]
    assert not errors.messages
    assert serious_axe_violations(page) == []


def test_unreadable_files_are_refused_by_name_as_text(page, site_url):
    """Broken, foreign and hostile-named files are listed with reasons; the rest are counted."""
    good = _documents(2)
    hostile = '<img src=x onerror="window.__hacked=1">.json'
    bad = [
        _payload("broken.json", b"{nope"),
        _payload("list.json", b"[1]"),
        _payload(hostile, {**good[0][1], "format": "someone/else"}),
    ]
    _open(page, site_url)
    _choose(page, [*(_payload(n, d) for n, d in good), *bad])
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('[data-role="summary"]')).to_have_text("2 projects read, 3 files refused.")
    refused = page.locator('[data-role="refused-list"] li')
    expect(refused).to_have_count(3)
    texts = refused.all_inner_texts()
    assert any(t.startswith("broken.json: is not JSON") for t in texts)
    assert any(t.startswith(hostile + ": format:") for t in texts)
    assert page.evaluate("window.__hacked") is None
    assert page.locator(f"{ROOT} img").count() == 0


def test_changing_the_age_updates_the_stale_list(page, site_url):
    """A smaller age lists more assessments as old, without reading the files again."""
    files = _documents(6, seed=4)
    _open(page, site_url)
    _choose(page, [_payload(n, d) for n, d in files])
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    age = page.locator('[data-role="older-than"]')
    age.fill("0")
    age.dispatch_event("change")
    expect(page.locator('[data-role="stale-rows"] tr')).to_have_count(6)


def test_500_files_keep_the_main_thread_free(page, site_url):
    """500 dropped files are scored in the worker with progress shown, and none of the site's
    own scripts holds the main thread for 50 ms or more (Long Animation Frames API)."""
    files = [_payload(n, d) for n, d in _documents(500, seed=9)]
    _open(page, site_url)
    status = page.locator('[data-role="status"]')
    expect(status).to_contain_text("Ready.", timeout=BOOT)
    page.evaluate(LONG_TASKS)
    _choose(page, files)
    expect(status).to_contain_text("Scored", timeout=BOOT)  # progress is shown on the way
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('[data-role="summary"]')).to_have_text("500 projects read.")
    # Tasks before the change event are the browser taking in 500 files from Playwright.
    tasks = page.evaluate("window.__longTasks.filter(([start]) => start >= window.__change)")
    ours = page.evaluate("window.__ourScripts.filter(([start]) => start >= window.__change)")
    longest_task = max((duration for _, duration in tasks), default=0)
    longest_ours = max((duration for _, duration in ours), default=0)
    print(
        f"500 files: longest task {longest_task:.0f} ms; longest own script {longest_ours:.0f} ms"
    )
    assert longest_ours < 50, f"a script of the site ran {longest_ours:.0f} ms"
