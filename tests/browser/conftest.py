"""Chromium, driven by Playwright, against the site served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from tests.serving import CHROMIUM, CHROMIUM_ARGS

# A wait for something the page will do is not a speed test (make bench measures speed): on a
# loaded machine mounting a module or answering from Python can pass Playwright's 5 s default,
# and a test must not fail for that. A real fault still fails, 15 s later.
expect.set_options(timeout=15_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the session."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """What a browser context asked for that did not go to the local site."""

    foreign: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about", "chrome-extension"):
        return True
    return parsed.hostname == "127.0.0.1"


def _watch(context: BrowserContext) -> Traffic:
    traffic = Traffic()
    context.on(
        "request",
        lambda request: None if _is_local(request.url) else traffic.foreign.append(request.url),
    )
    return traffic


@pytest.fixture
def new_context(browser: Browser) -> Iterator[Callable[..., BrowserContext]]:
    """Open fresh contexts (a fresh browser profile each); every one must stay on 127.0.0.1."""
    opened: list[tuple[BrowserContext, Traffic]] = []

    def _open(**options: object) -> BrowserContext:
        context = browser.new_context(**options)  # type: ignore[arg-type]
        opened.append((context, _watch(context)))
        return context

    yield _open
    foreign = [url for _, traffic in opened for url in traffic.foreign]
    for context, _ in opened:
        context.close()
    assert not foreign, f"requests left 127.0.0.1: {foreign}"


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A fresh browser context for one test."""
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page in the test's context."""
    page = context.new_page()
    yield page
    page.close()
