"""Helpers for browser tests: error watching, axe-core checks, live widget pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.fixtures import api_result

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

BOOT_TIMEOUT_MS = 120_000
"""Booting Pyodide takes seconds; on a busy 2-core machine, allow much more."""

NOT_A_NUMBER = re.compile(r"\b(NaN|Infinity|undefined|null)\b")

SET_INPUTS = """
([selector, inputs]) => {
  const root = document.querySelector(selector);
  for (const [name, value] of Object.entries(inputs)) {
    root.querySelector(`[data-field] [name="${name}"]`).value = value;
  }
  root.querySelector("form").dispatchEvent(new Event("input", { bubbles: true }));
}
"""

COMPUTED = """
([selector, inputs]) => {
  const root = document.querySelector(selector);
  if (!root.dataset.computedInputs) return false;
  const got = JSON.parse(root.dataset.computedInputs);
  return Object.entries(inputs).every(([name, value]) => got[name] === value);
}
"""

OUTPUTS = """
(root) => [...root.querySelectorAll("output[name]")].map(
  (o) => [o.getAttribute("name"), o.textContent, o.dataset.value ?? null]
)
"""


@dataclass
class PageErrors:
    """Console errors and uncaught exceptions seen on a page."""

    messages: list[str] = field(default_factory=list)


def watch_errors(page: Page) -> PageErrors:
    """Start recording console errors and uncaught exceptions on `page`."""
    errors = PageErrors()
    page.on("console", lambda m: errors.messages.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.messages.append(str(e)))
    return errors


def serious_axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; return serious or critical violations as readable lines."""
    page.add_script_tag(path=str(AXE))
    # Judge colours as the reader sees them at rest, not halfway through a fade-in transition.
    page.evaluate(
        """() => document.getAnimations().forEach((animation) => {
            try { animation.finish(); } catch { /* an endless animation cannot finish */ }
        })"""
    )
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    violations = json.loads(result)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def local_only(context: BrowserContext) -> list[str]:
    """Record every request from `context` that leaves 127.0.0.1 (the list fills as they happen)."""
    foreign: list[str] = []

    def check(request) -> None:
        parsed = urlparse(request.url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname != "127.0.0.1":
            foreign.append(request.url)

    context.on("request", check)
    return foreign


@contextmanager
def live_page(
    browser: Browser, url: str, ready_locator: str, timeout_ms: int = BOOT_TIMEOUT_MS
) -> Iterator[tuple[Page, list[str], list[str]]]:
    """Open `url` in a fresh context and wait for `ready_locator` to be live (Python booted).

    Yields the page, the requests that left 127.0.0.1 and the console errors;
    on leaving, closes the context and fails if any request left the machine.
    """
    context = browser.new_context()
    try:
        foreign = local_only(context)
        page = context.new_page()
        errors = watch_errors(page)
        page.goto(url)
        expect(page.locator(ready_locator)).to_have_attribute(
            "data-state", "live", timeout=timeout_ms
        )
        yield page, foreign, errors.messages
    finally:
        context.close()
    assert not foreign, f"requests left 127.0.0.1: {foreign}"


def python_result(files: dict[str, object], name: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What `api.call(name, payload)` answers in this test process, over `files`."""
    return api_result(files, name, payload)


def set_inputs(page: Page, calc: str, inputs: dict[str, str]) -> None:
    """Type `inputs` into calculator `calc` at once and wait until the widget has computed them."""
    page.evaluate(SET_INPUTS, [calc, inputs])
    page.wait_for_function(COMPUTED, arg=[calc, inputs], timeout=30_000)


def share_link(page: Page, form: str = "readiness") -> str:
    """Press the form's 'Copy share link' and return the link once the field holds it.

    The link is compressed asynchronously, so the field is filled a moment after the click;
    reading it straight away can give an empty string on a loaded machine.
    """
    tool(page.locator(f"#{form}"), "Copy share link").click()
    field = page.locator(f"#{form}--share-url")
    expect(field).to_have_value(re.compile(r"#p2p=v\d+\."))
    return field.input_value()


def tool(scope: Page | Locator, name: str) -> Locator:
    """The button `name` of a checklist's "Share and export" menu, with the menu opened.

    `scope` is the checklist's form, or a page with one checklist (another block's own button,
    such as the plan's exports, is returned as it is). The nine tools (share link,
    exports, import, print, named copies, reset) sit behind that one button, so a test opens it
    first, as a reader does, and then presses the tool.
    """
    form = scope.locator("form.p2p-checklist").first if isinstance(scope, Page) else scope
    toggle = form.locator('button[data-action="tools"]')
    if toggle.count() == 0:  # a block with buttons of its own (the plan's exports), no menu
        return form.get_by_role("button", name=name, exact=True)
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return form.get_by_role("button", name=name, exact=True)
