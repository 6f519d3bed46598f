"""An old address kept by a redirect, followed in Chromium under the site's strict CSP."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from sitebuild.headers import POLICY
from tests.build.conftest import project_copy  # noqa: F401 (a fixture, used by name)
from tests.serving import SiteHandler, build_site


class _PolicyHandler(SiteHandler):
    """The built copy, with the policy `_headers` asks hosts to send on every response."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()


@pytest.fixture
def moved_site(project_copy: Path, tmp_path: Path) -> Iterator[str]:  # noqa: F811
    """A build where the old address /questions/ redirects to the FAQ; yields its address."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("redirect_maps: {}", "redirect_maps: {questions.md: faq.md}"),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = build_site(out, config=config)
    assert result.returncode == 0, result.stderr[-2000:]
    handler = functools.partial(_PolicyHandler, directory=str(out))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_an_old_link_with_a_fragment_lands_on_that_section(browser: Browser, moved_site: str):
    """/questions/#how-to-cross opens /faq/#how-to-cross, with no CSP violation on the way."""
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(moved_site + "questions/#how-to-cross")
    expect(page).to_have_url(moved_site + "faq/#how-to-cross")
    expect(page.locator("#how-to-cross")).to_be_in_viewport()
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"/questions/"))
    context.close()
    assert not blocked


def test_without_scripts_the_old_link_still_reaches_the_page(browser: Browser, moved_site: str):
    """With JavaScript off, the stub's meta refresh still goes to /faq/ (without the section)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(moved_site + "questions/#how-to-cross")
    expect(page).to_have_url(re.compile(r"/faq/"))
    context.close()
