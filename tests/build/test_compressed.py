"""The build writes .gz and .br copies a host can serve, each the same bytes once unpacked."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli

from sitebuild.compressed import write_compressed_copies


def test_every_copy_unpacks_to_its_original(built_site: Path):
    """Each .gz and .br in the site decompresses to exactly the file beside it."""
    copies = sorted(built_site.rglob("*.br")) + sorted(built_site.rglob("*.gz"))
    assert copies
    for copy in copies:
        original = copy.with_suffix("").read_bytes()
        unpack = brotli.decompress if copy.suffix == ".br" else gzip.decompress
        assert unpack(copy.read_bytes()) == original, copy


def test_the_runtime_a_reader_waits_for_has_both_copies(built_site: Path):
    """The WebAssembly, the site's library and the assessment page have brotli and gzip copies."""
    wasm = next(built_site.glob("assets/pyodide/*/pyodide.asm.wasm"))
    library = next(built_site.glob("assets/python/python-*.zip"))
    page = built_site / "assessment" / "index.html"
    for path in (wasm, library, page):
        for suffix in (".gz", ".br"):
            assert path.with_name(path.name + suffix).is_file(), (path, suffix)


def test_already_compressed_and_tiny_files_get_no_copy(tmp_path: Path):
    """A copy that saves too little is not written, and a stale one is removed."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "random.zip").write_bytes(os.urandom(60000))
    (site / "random.zip.gz").write_bytes(b"stale")
    (site / "tiny.js").write_text("let a = 1;")
    (site / "page.html").write_text("<p>same words again</p>" * 200)
    write_compressed_copies(site, tmp_path / "cache")
    names = sorted(p.name for p in site.iterdir())
    assert names == ["page.html", "page.html.br", "page.html.gz", "random.zip", "tiny.js"]
