"""The built site served as a static host serves it, under the strict Content-Security-Policy,
with an endpoint that collects the violation reports browsers post (also from workers), Python's
start-up limit raised to the tests' waits, and for WebKit the probe first in every page."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

from sitebuild.headers import POLICY
from tests.engines.engine import PROBE, WAIT_S
from tests.serving import SiteHandler

REPORTS = "/__csp-report"
PROBE_PATH = "/__engines__/probe.js"
PROBE_TAG = f'<script src="{PROBE_PATH}"></script>'.encode()
BOOT_META = b'<meta name="p2p-python" '
BOOT_LIMIT = f'data-boot-timeout="{int(WAIT_S * 1000)}" '.encode()


@dataclass
class Served:
    """Where the site is, the CSP reports received so far, and a gate for the .wasm file."""

    url: str
    reports: list[str] = field(default_factory=list)
    wasm_sent: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.wasm_sent.set()

    @contextmanager
    def wasm_held(self) -> Iterator[None]:
        """Hold every download of Pyodide's .wasm file (not the HEAD check) until the block
        ends: Python is then still starting, for as long as a test needs."""
        self.wasm_sent.clear()
        try:
            yield
        finally:
            self.wasm_sent.set()


class StrictHandler(SiteHandler):
    """The site with the policy on every response; optionally the probe first in each page."""

    served: Served
    with_probe: bool

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", f"{POLICY}; report-uri {REPORTS}")
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path.endswith(".wasm"):
            self.served.wasm_sent.wait(timeout=WAIT_S)
        if path == PROBE_PATH:
            self._send(PROBE.encode(), "text/javascript")
            return
        if path.endswith("/") or path.endswith(".html"):
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                self._send(self._page(file.read_bytes()), "text/html")
                return
        super().do_GET()

    def _page(self, html: bytes) -> bytes:
        # Python may take as long to start as the tests wait: on a loaded 2-core machine a
        # WebKit boot can pass the page's own 90 s limit, which is a guard against a hang.
        html = html.replace(BOOT_META, BOOT_META + BOOT_LIMIT, 1)
        if self.with_probe:
            # First in <head>, before the page's own scripts: a classic script from 'self',
            # which the policy allows.
            html = html.replace(b"<head>", b"<head>" + PROBE_TAG, 1)
        return html

    def _send(self, body: bytes, mime: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", f"{mime}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 100_000)).decode("utf-8", "replace")
        if self.path == REPORTS:
            self.served.reports.append(body)
        self.send_response(204)
        self.end_headers()


@contextmanager
def strict_site(root: Path, with_probe: bool) -> Iterator[Served]:
    """Serve `root` on 127.0.0.1 under the policy until the block ends."""
    served = Served(url="")
    handler_class = type("Handler", (StrictHandler,), {"served": served, "with_probe": with_probe})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler_class, directory=str(root))
    )
    served.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
