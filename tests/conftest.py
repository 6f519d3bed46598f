"""Fixtures shared by the test layers: the built site and a local server for it."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings

from tests.serving import SiteHandler, build_site

# Time limits per example measure the machine, not the code: CI shares two cores with a browser.
# In CI the examples are derived from each test, so a red run can be replayed exactly.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@dataclass(frozen=True)
class _Served:
    url: str
    root: Path


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Served]:
    """A static server on 127.0.0.1 for a folder the site is built into."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(SiteHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield _Served(url=f"http://127.0.0.1:{server.server_address[1]}/", root=root)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(_server: _Served) -> Path:
    """The real site, built once per test session into a temporary folder."""
    result = build_site(_server.root, site_url=_server.url)
    assert result.returncode == 0, result.stdout + result.stderr
    return _server.root


@pytest.fixture(scope="session")
def site_url(_server: _Served, built_site: Path) -> str:
    """The built site's address on 127.0.0.1, served by a thread of the test process."""
    return _server.url
