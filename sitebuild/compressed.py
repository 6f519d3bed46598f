"""Pre-compressed copies of the built site (`name.gz`, `name.br`) for hosts that serve them.

Hosts such as nginx (`gzip_static`, `brotli_static`), Caddy (`precompressed`) or an object store
behind a CDN can send a file's `.br` or `.gz` copy to a browser that accepts it, instead of
compressing on every request or not at all. Most of what a reader waits for before the first
verdict is the Python runtime, and brotli shrinks the WebAssembly by a further tenth over gzip,
so the build writes both. Every copy is made once per content and kept in the build cache, so
a rebuild compresses only the files that changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

from sitebuild.cache import prune

COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm", ".zip")
"""Kinds of file worth compressing; a zip is, when it is stored (the site's library)."""

MIN_BYTES = 1024
"""Below this the headers outweigh what compression saves."""

LARGE_BYTES = 512 * 1024
"""From this size a file is compressed at a faster brotli level."""

WORTH_IT = 0.9
"""A copy is written only when it is at most this share of the original (deflated zips aren't)."""


SETTINGS = b"gzip 9, brotli 11 or 9 from LARGE_BYTES;"
"""Part of each cache key: a change to how copies are made must not reuse the old ones."""


def _fresh_copies(content: bytes) -> dict[str, bytes]:
    large = len(content) >= LARGE_BYTES
    return {
        ".gz": gzip.compress(content, compresslevel=9, mtime=0),
        # Level 11 takes minutes on the 9.6 MB WebAssembly; 9 is within 12% of it in seconds.
        ".br": brotli.compress(content, quality=9 if large else 11),
    }


def _compress(content: bytes, cache: Path) -> dict[str, bytes]:
    # Every copy is cached by the content it packs: brotli at level 11 on each page was most of
    # a rebuild's time, and a rebuild changes few files. Builds of project copies share the
    # cache (P2P_CACHE_DIR), so a copy is written under a name of its own, then moved in place.
    cached = cache / hashlib.sha256(SETTINGS + content).hexdigest()
    paths = {suffix: cached.with_suffix(suffix) for suffix in (".gz", ".br")}
    try:
        found = {suffix: path.read_bytes() for suffix, path in paths.items()}
        for path in paths.values():
            os.utime(path)  # used now: kept by prune
        return found
    except FileNotFoundError:
        pass
    copies = _fresh_copies(content)
    cache.mkdir(parents=True, exist_ok=True)
    for suffix, data in copies.items():
        partial = cached.with_suffix(f"{suffix}.{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(paths[suffix])
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
    if cache.is_dir():
        prune(cache)
    return written
