"""Serving the built site and driving Chromium: shared by the test suite and `make bench`.

One place for the MIME types a browser insists on (modules, wasm), the Chromium binary and
its flags, and the strict build, so the tests and the benchmark measure the same thing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium (Playwright cannot download its own browser here)."""

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""Without the background-networking flags Chromium tries hosts this machine cannot reach."""

MIME_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}
"""What a static host must send: module scripts and wasm are refused under other types."""


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the MIME types a browser insists on for modules and wasm."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012

    def log_message(self, format: str, *args: object) -> None:
        """Keep output quiet."""


def build_site(
    out_dir: Path, config: Path | None = None, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a strict MkDocs build of the project (or of `config`) into `out_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # Copies of the project share the repository's compiled library instead of probing again.
    env.setdefault("P2P_CACHE_DIR", str(ROOT / ".cache"))
    if site_url is not None:
        # Material's instant navigation only takes over links whose host and port match the
        # sitemap, so a build for a local server names the address it is served on.
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out_dir)]
    if config is not None:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
