"""A rebuild compresses only what changed: every copy is cached by the content it packs."""

from __future__ import annotations

import os
import time
from pathlib import Path

import brotli
import pytest

from sitebuild import compressed
from sitebuild.compressed import write_compressed_copies


@pytest.fixture
def packed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The contents compressed afresh (not taken from the cache), in order."""
    seen: list[bytes] = []
    fresh = compressed._fresh_copies

    def counting(content: bytes) -> dict[str, bytes]:
        seen.append(content)
        return fresh(content)

    monkeypatch.setattr(compressed, "_fresh_copies", counting)
    return seen


def test_an_unchanged_file_is_not_compressed_again(tmp_path: Path, packed: list[bytes]) -> None:
    """The second build of the same pages takes both copies from the cache."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>one page of words</p>" * 200)
    (site / "b.css").write_text("p { margin: 0 }\n" * 200)
    write_compressed_copies(site, cache)
    assert len(packed) == 2
    for copy in site.glob("*.??"):
        copy.unlink()  # mkdocs cleans the site folder before each build
    write_compressed_copies(site, cache)
    assert len(packed) == 2
    assert sorted(p.name for p in site.iterdir()) == [
        "a.html",
        "a.html.br",
        "a.html.gz",
        "b.css",
        "b.css.br",
        "b.css.gz",
    ]


def test_a_changed_file_is_compressed_again_and_its_copy_is_new(
    tmp_path: Path, packed: list[bytes]
) -> None:
    """Editing one page recompresses that page only, and its copy unpacks to the new text."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    page = site / "a.html"
    page.write_text("<p>the first words</p>" * 200)
    (site / "b.css").write_text("p { margin: 0 }\n" * 200)
    write_compressed_copies(site, cache)
    page.write_text("<p>the second words</p>" * 200)
    write_compressed_copies(site, cache)
    assert packed[2:] == [page.read_bytes()]
    assert brotli.decompress((site / "a.html.br").read_bytes()) == page.read_bytes()


def test_copies_no_build_used_for_a_month_are_pruned(tmp_path: Path, packed: list[bytes]) -> None:
    """A cached copy left by an old version of a page goes; one still in use stays."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>kept</p>" * 300)
    write_compressed_copies(site, cache)
    old = cache / ("0" * 64)
    old.with_suffix(".br").write_bytes(b"left by an edit long ago")
    stamp = time.time() - 31 * 86400
    for path in cache.iterdir():
        os.utime(path, (stamp, stamp))
    write_compressed_copies(site, cache)
    assert not old.with_suffix(".br").exists()
    assert len(list(cache.iterdir())) == 2
    assert len(packed) == 1
