"""Firefox ESR and WebKitGTK from Debian, each through its own driver, against the built site
served on 127.0.0.1 under the strict Content-Security-Policy (scripts/ensure-engines.sh installs
them; `make test` runs it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.engines.engine import ProxyTrap, Tab, proxy_trap
from tests.engines.firefox import FIREFOX, Firefox
from tests.engines.strict_server import Served, strict_site
from tests.engines.webkit import DRIVER, MINIBROWSER, XVFB, WebKit

ENGINES = {
    "firefox": (FIREFOX,),
    "webkit": (DRIVER, MINIBROWSER, XVFB),
}
"""Each engine of the suite and the programs it needs."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder as an engines test."""
    for item in items:
        if "tests/engines/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.engines)


@dataclass
class Engine:
    """One running browser engine and the site it is pointed at."""

    name: str
    browser: Firefox | WebKit
    served: Served
    proxy: ProxyTrap

    def new_tab(self) -> Tab:
        """A tab in a fresh profile."""
        return self.browser.new_tab()


@pytest.fixture(scope="session", params=list(ENGINES))
def engine(
    request: pytest.FixtureRequest, built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """Firefox or WebKit for the session, with the site served for it under the policy."""
    name = request.param
    missing = [program for program in ENGINES[name] if not Path(program).exists()]
    if missing:
        pytest.fail(
            f"{name} is not installed ({', '.join(missing)}): run scripts/ensure-engines.sh"
        )
    # WebKit's console cannot be read from outside, so its pages carry the probe.
    with (
        proxy_trap() as trap,
        strict_site(built_site, with_probe=name == "webkit") as served,
    ):
        folder = tmp_path_factory.mktemp(name)
        browser = Firefox(folder, trap.port) if name == "firefox" else WebKit(folder, trap.port)
        try:
            yield Engine(name, browser, served, trap)
        finally:
            browser.close()


def _check_and_close(tab: Tab, engine: Engine) -> None:
    try:
        errors = tab.errors()
        foreign = tab.foreign_requests()
    finally:
        tab.close()
    assert errors == [], f"{engine.name} logged errors: {errors}"
    assert foreign == [], f"{engine.name} asked for addresses off this machine: {foreign}"
    assert engine.proxy.requests == [], f"{engine.name} tried to reach: {engine.proxy.requests}"
    assert engine.served.reports == [], f"{engine.name} reported CSP violations"


@pytest.fixture
def new_tab(engine: Engine) -> Iterator[Callable[[], Tab]]:
    """Open tabs, each in a fresh profile; on leaving, each must have logged no error, the
    browser must have asked for nothing off this machine, and no CSP report may have come."""
    opened: list[Tab] = []

    def _open() -> Tab:
        tab = engine.new_tab()
        opened.append(tab)
        return tab

    yield _open
    for tab in opened:
        _check_and_close(tab, engine)


@pytest.fixture
def tab(new_tab: Callable[[], Tab]) -> Tab:
    """A tab in a fresh profile for one test."""
    return new_tab()
