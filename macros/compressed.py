"""Pre-compressed copies of the built site (`name.gz`, `name.br`) for hosts that serve them.

Hosts such as nginx (`gzip_static`, `brotli_static`), Caddy (`precompressed`) or an object store
behind a CDN can send a file's `.br` or `.gz` copy to a browser that accepts it, instead of
compressing on every request or not at all. Most of what a reader waits for before the first
verdict is the Python runtime, and brotli shrinks the WebAssembly by a further tenth over gzip,
so the build writes both. Large files are compressed once per content (they are the pinned
Pyodide files and the site's library) and kept in the build cache.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm", ".zip")
"""Kinds of file worth compressing; a zip is, when it is stored (the site's library)."""

MIN_BYTES = 1024
"""Below this the headers outweigh what compression saves."""

LARGE_BYTES = 512 * 1024
"""From this size a file is compressed at a faster brotli level, once, and cached."""

WORTH_IT = 0.9
"""A copy is written only when it is at most this share of the original (deflated zips aren't)."""


def _compress(content: bytes, cache: Path) -> dict[str, bytes]:
    large = len(content) >= LARGE_BYTES
    cached = cache / hashlib.sha256(content).hexdigest()
    if large and cached.with_suffix(".gz").is_file() and cached.with_suffix(".br").is_file():
        return {s: cached.with_suffix(s).read_bytes() for s in (".gz", ".br")}
    copies = {
        ".gz": gzip.compress(content, compresslevel=9, mtime=0),
        # Level 11 takes minutes on the 9.6 MB WebAssembly; 9 is within 12% of it in seconds.
        ".br": brotli.compress(content, quality=9 if large else 11),
    }
    if large:
        cache.mkdir(parents=True, exist_ok=True)
        for suffix, data in copies.items():
            partial = cached.with_suffix(suffix + ".part")
            partial.write_bytes(data)
            partial.replace(cached.with_suffix(suffix))
    return copies


def write_compressed_copies(site_dir: Path, cache: Path) -> int:
    """Write `.gz` and `.br` beside every compressible file that gains; returns how many."""
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        content = path.read_bytes()
        if len(content) < MIN_BYTES:
            continue
        for suffix, data in _compress(content, cache).items():
            target = path.with_name(path.name + suffix)
            if len(data) <= WORTH_IT * len(content):
                target.write_bytes(data)
                written += 1
            elif target.exists():
                target.unlink()  # a stale copy from an earlier build would be served instead
    return written
