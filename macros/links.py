"""Relative links between pages, so the same Markdown works in every folder."""

from __future__ import annotations

import posixpath


def relative_link(from_page: str, target: str) -> str:
    """Turn a docs-relative target (`faq.md#x`) into a link from `from_page`."""
    path, hash_, anchor = target.partition("#")
    base = posixpath.dirname(from_page) or "."
    rel = posixpath.relpath(path, base) if path else ""
    return f"{rel}{hash_}{anchor}"
