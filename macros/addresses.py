"""Addresses shown to readers as text: the published URL, never the Markdown source path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from pilot2prod.dataset import Dataset
from pilot2prod.model.links import record_anchors
from pilot2prod.urls import doc_url
from sitebuild.pages import page_anchors

DEFAULT_SITE_URL = "https://pilot2prod.example.org/"
"""Shown when a build names no `site_url`, so the example still reads as an address."""


def published_address(site_url: str | None, target: str, directory_urls: bool = True) -> str:
    """The full address of `page.md#anchor` on the published site."""
    base = (site_url or DEFAULT_SITE_URL).rstrip("/") + "/"
    return doc_url(target, base, directory_urls)


def define_address_macros(env: Any, data: Dataset) -> None:
    """Register `page_address("page.md#anchor")`, which fails the build on a missing target."""
    known = page_anchors(Path(env.conf["docs_dir"]))
    for page, anchors in record_anchors(
        data.collections.values(), data.checklists.values()
    ).items():
        known.setdefault(page, set()).update(anchors)

    @env.macro
    def page_address(target: str) -> str:
        """The published address of a page or section, to print where readers copy it."""
        page, _, anchor = target.partition("#")
        if page not in known or (anchor and anchor not in known[page]):
            raise PluginError(f"page_address({target!r}): no such page or anchor under docs/")
        return published_address(
            env.conf.get("site_url"), target, bool(env.conf["use_directory_urls"])
        )
