"""The built site served as a static host serves it, under the strict Content-Security-Policy,
with an endpoint that collects the violation reports browsers post (also from workers)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

from macros.headers import POLICY
from tests.engines.engine import PROBE, WAIT_S
from tests.serving import SiteHandler

REPORTS = "/__csp-report"
PROBE_PATH = "/__engines__/probe.js"
PROBE_TAG = f'<script src="{PROBE_PATH}"></script>'.encode()


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
        if self.with_probe and (path.endswith("/") or path.endswith(".html")):
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                html = file.read_bytes()
                # First in <head>, before the page's own scripts: a classic script from 'self',
                # which the policy allows.
                self._send(html.replace(b"<head>", b"<head>" + PROBE_TAG, 1), "text/html")
                return
        super().do_GET()

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
