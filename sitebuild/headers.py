"""The `_headers` file static hosts read (Netlify, Cloudflare Pages): a strict
Content-Security-Policy for every page and the MIME type WebAssembly needs.

No page runs an inline script (Material's are moved to files by the overrides in
`overrides/partials/javascripts/`), so `script-src` needs no hashes: only
`'wasm-unsafe-eval'`, which lets Pyodide compile its WebAssembly and nothing else.
Inline `style` attributes stay allowed: Material sets some from its bundle.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; worker-src 'self'; img-src 'self' data:"
)
"""The policy every page works under, with zero violations (tests/browser/test_csp.py)."""


def policy(pyodide_base_url: str | None = None) -> str:
    """POLICY, plus the host of `extra.pyodide_base_url` when Pyodide is loaded from elsewhere:
    the worker imports pyodide.mjs from there (script-src) and fetches its files (connect-src)."""
    if not pyodide_base_url:
        return POLICY
    parts = urlsplit(pyodide_base_url)
    if not parts.scheme or not parts.netloc:
        return POLICY  # a path on this site: 'self' covers it
    origin = f"{parts.scheme}://{parts.netloc}"
    found = POLICY.replace("script-src 'self'", f"script-src 'self' {origin}")
    return found.replace("default-src 'self';", f"default-src 'self'; connect-src 'self' {origin};")


def headers_text(pyodide_base_url: str | None = None) -> str:
    """The `_headers` file: the policy on every path, `application/wasm` on `.wasm` files."""
    return (
        "# Written by the build (sitebuild/headers.py). Netlify and Cloudflare Pages read it;\n"
        "# other hosts: send the same headers from the server configuration.\n"
        "/*\n"
        f"  Content-Security-Policy: {policy(pyodide_base_url)}\n"
        "  X-Content-Type-Options: nosniff\n"
        "/*.wasm\n"
        "  Content-Type: application/wasm\n"
    )


def write_headers(site_dir: Path, pyodide_base_url: str | None = None) -> None:
    """Write `_headers` at the root of the built site."""
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "_headers").write_text(headers_text(pyodide_base_url), encoding="utf-8")
