"""Fixtures shared by the test layers: the built site and a local server for it."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# Time limits per example measure the machine, not the code: CI shares two cores with a browser.
# In CI the examples are derived from each test, so a red run can be replayed exactly.
settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def build_site(
    out_dir: Path, config: Path | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project (or of `config`) into `out_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        # Material's instant navigation only takes over links whose host and port match the
        # sitemap, so the test build names the address it is served on.
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the MIME types a browser insists on for modules and wasm."""

    extensions_map = {  # noqa: RUF012 - the base class declares it this way
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@dataclass(frozen=True)
class _Served:
    url: str
    root: Path


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Served]:
    """A static server on 127.0.0.1 for a folder the site is built into."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_SiteHandler, directory=str(root))
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
