"""Every page under the strict Content-Security-Policy the build writes into `_headers`:
zero violations, with the theme toggle, search, a checklist and a calculator in use."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from sitebuild.headers import POLICY
from tests.browser.support import BOOT_TIMEOUT_MS, python_result, set_inputs, watch_errors
from tests.browser.test_pages import _page_paths
from tests.fixtures import repo_files
from tests.serving import SiteHandler

REPORTS = "/__csp-report"

# Violations are counted twice over: `securitypolicyviolation` events on each page (an init
# script listens before any page script runs), and the reports the browser posts for
# `report-uri`, which also come from workers (Pyodide's, search's), where no page listener hears.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""


class _StrictHandler(SiteHandler):
    """The built site with the policy on every response, and an endpoint for reports."""

    reports: list[str]

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", f"{POLICY}; report-uri {REPORTS}")
        super().end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 100_000)).decode("utf-8", "replace")
        if self.path == REPORTS:
            self.reports.append(body)
        self.send_response(204)
        self.end_headers()


@pytest.fixture(scope="module")
def strict_site(built_site: Path) -> Iterator[tuple[str, list[str]]]:
    """The built site served with the policy; yields its address and the reports received."""
    reports: list[str] = []
    handler_class = type("Handler", (_StrictHandler,), {"reports": reports})
    handler = functools.partial(handler_class, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", reports
    server.shutdown()
    server.server_close()


@pytest.fixture
def strict_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    yield page
    context.close()


def _violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_the_headers_file_carries_the_policy_and_the_wasm_type(built_site):
    """Static hosts get the same policy the browser tests use, and wasm's MIME type."""
    text = (built_site / "_headers").read_text(encoding="utf-8")
    assert f"/*\n  Content-Security-Policy: {POLICY}\n" in text
    assert "/*.wasm\n  Content-Type: application/wasm\n" in text


def test_no_page_has_an_inline_script(built_site):
    """script-src has no 'unsafe-inline' and no hashes: every executable script is a file."""
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", text, re.S):
            if "src=" in attrs or 'type="application/json"' in attrs:
                continue
            assert not body.strip(), (html_file, body[:80])


@pytest.mark.parametrize("path", _page_paths())
def test_every_page_opens_with_zero_violations(strict_page, strict_site, path):
    """Each page under the policy: its heading shows, no script error, no violation."""
    url, reports = strict_site
    errors = watch_errors(strict_page)
    before = len(reports)
    strict_page.goto(url + path)
    expect(strict_page.locator("article h1").first).to_be_visible()
    strict_page.wait_for_load_state("networkidle")
    assert _violations(strict_page) == []
    assert reports[before:] == []
    assert errors.messages == []


def test_theme_toggle_and_search_work_under_the_policy(strict_page, strict_site):
    """Material's palette script (moved to a file) and its search worker run unblocked."""
    url, reports = strict_site
    before = len(reports)
    strict_page.goto(url)
    body = strict_page.locator("body")
    scheme = body.get_attribute("data-md-color-scheme")
    strict_page.locator("form[data-md-component='palette'] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", scheme or "")
    strict_page.reload()  # the saved choice is restored by the moved palette script
    expect(body).not_to_have_attribute("data-md-color-scheme", scheme or "")
    expect(strict_page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    strict_page.locator("input.md-search__input").press_sequentially("purgatory", delay=20)
    expect(strict_page.locator(".md-search-result__item").first).to_be_visible()
    assert _violations(strict_page) == []
    assert reports[before:] == []


def test_a_checklist_answer_is_saved_under_the_policy(strict_page, strict_site):
    """Ticking an item saves it (it survives a reload) with no violation."""
    url, reports = strict_site
    before = len(reports)
    strict_page.goto(url + "checklists/")
    # Ticked once the script runs: a tick before it, then an immediate reload, is never seen.
    expect(strict_page.locator("form.p2p-checklist").first).to_have_attribute(
        "data-p2p-mounted", "true"
    )
    box = strict_page.locator("form.p2p-checklist input[type='checkbox']").first
    box.check()
    strict_page.reload()
    expect(strict_page.locator("form.p2p-checklist input[type='checkbox']").first).to_be_checked()
    assert _violations(strict_page) == []
    assert reports[before:] == []


def test_a_calculator_computes_under_the_policy(strict_page, strict_site):
    """Pyodide boots in its worker with only 'wasm-unsafe-eval', and the result updates."""
    url, reports = strict_site
    before = len(reports)
    calc = '.p2p-calc[data-p2p-calc="cost"]'
    strict_page.goto(url + "run-cost/")
    expect(strict_page.locator(calc)).to_have_attribute(
        "data-state", "live", timeout=BOOT_TIMEOUT_MS
    )
    set_inputs(strict_page, calc, {"requests-per-day": "4000"})
    expected = python_result(repo_files(), "cost.run", {"inputs": {"requests-per-day": "4000"}})
    monthly = strict_page.locator(f"{calc} output[name='monthly']")
    expect(monthly).to_have_text(expected["outputs"]["monthly"]["text"])
    assert _violations(strict_page) == []
    assert reports[before:] == []
