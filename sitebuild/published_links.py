"""Keep every published address working: the build compares what it wrote with a committed list.

Proposals cite pages and sections long after they were written, so an address that
disappears breaks them silently. `published-links.txt` lists every page address and
every anchor that a reader may have copied (headings, anything with a ¶ permalink, the
anchors records and checklist items promise, and alias anchors). After each build the
list is compared with the pages just written: an address on the list that is gone
fails the build, unless mkdocs-redirects sends its page elsewhere (and the anchor is on
the page it sends to) or an alias anchor (`class="p2p-alias"`) keeps the old id alive.
`make links` rewrites the list on purpose; the diff is reviewed like code.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from pilot2prod.dataset import Dataset
from pilot2prod.model.links import record_anchors
from pilot2prod.urls import doc_url
from sitebuild.errors import BuildError

LIST_FILE = "published-links.txt"
"""The committed list, one address a line, beside mkdocs.yml."""

WRITE_ENV = "P2P_WRITE_LINKS"
"""Set to 1 (as `make links` does) to rewrite the list from this build instead of checking it."""

HEADER = (
    "# Every published page address and anchor. The build fails when one of these disappears\n"
    "# without a redirect or an alias anchor. Regenerate with `make links` (see README).\n"
)

log = logging.getLogger("mkdocs.plugins.pilot2prod.links")


class _Anchors(HTMLParser):
    """Collects the ids a page publishes: headings, permalink targets, aliases, promised ids."""

    def __init__(self, promised: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.promised = promised
        self.found: set[str] = set()
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        if tag == "article" and "md-content__inner" in classes:
            self.in_article = True
        if not self.in_article:
            return
        element_id = values.get("id", "")
        if element_id and (
            tag in ("h1", "h2", "h3", "h4", "h5", "h6")
            or "p2p-alias" in classes
            or element_id in self.promised
        ):
            self.found.add(element_id)
        href = values.get("href", "")
        if tag == "a" and "headerlink" in classes and href.startswith("#") and len(href) > 1:
            self.found.add(href[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False


def _address(html_file: Path, site_dir: Path) -> str:
    relative = html_file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative.removesuffix("index.html")
    return "/" + relative


def published(site_dir: Path, data: Dataset, directory_urls: bool = True) -> set[str]:
    """Every page address and `address#anchor` in the built site under `site_dir`."""
    promised = {
        doc_url(page, "/", directory_urls): anchors
        for page, anchors in record_anchors(
            data.collections.values(), data.checklists.values()
        ).items()
    }
    found: set[str] = set()
    for html_file in sorted(site_dir.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        if html_file.name == "404.html" or 'class="md-content__inner' not in text:
            continue  # not a content page: the error page, or a redirect stub
        address = _address(html_file, site_dir)
        parser = _Anchors(promised.get(address, set()))
        parser.feed(text)
        found.add(address)
        found.update(f"{address}#{anchor}" for anchor in parser.found)
    return found


def read_list(path: Path) -> set[str]:
    """The committed addresses (comments and blank lines ignored)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write_list(path: Path, addresses: Iterable[str]) -> None:
    """Write the list sorted, so a change shows as a small diff."""
    path.write_text(HEADER + "".join(f"{a}\n" for a in sorted(addresses)), encoding="utf-8")


def missing(
    listed: set[str], current: set[str], redirects: Mapping[str, str], directory_urls: bool = True
) -> list[str]:
    """Listed addresses the build no longer serves and nothing redirects or aliases."""
    moved = {
        doc_url(old, "/", directory_urls): doc_url(new, "/", directory_urls)
        for old, new in redirects.items()
        if "://" not in new
    }
    gone: list[str] = []
    for address in sorted(listed - current):
        page, hash_, anchor = address.partition("#")
        target = moved.get(page)
        if target is not None and (not hash_ or f"{target}#{anchor}" in current):
            continue
        gone.append(address)
    return gone


def check_published_links(
    site_dir: Path,
    root: Path,
    data: Dataset,
    redirects: Mapping[str, str],
    directory_urls: bool = True,
) -> None:
    """After a build: fail on a listed address that vanished; or rewrite the list on request."""
    current = published(site_dir, data, directory_urls)
    list_path = root / LIST_FILE
    if os.environ.get(WRITE_ENV) == "1":
        write_list(list_path, current)
        log.info("wrote %d addresses to %s", len(current), LIST_FILE)
        return
    if not list_path.exists():
        log.info("%s not found: published addresses are not checked", LIST_FILE)
        return
    listed = read_list(list_path)
    gone = missing(listed, current, redirects, directory_urls)
    if gone:
        shown = "\n  ".join(gone)
        raise BuildError(
            f"{LIST_FILE}: these published addresses are gone:\n  {shown}\n"
            "Add a redirect for a moved page (redirects: redirect_maps in mkdocs.yml), an alias "
            'anchor for a renamed section (<div class="p2p-alias" id="old-id"></div>), or retire '
            "them on purpose with `make links` (see README)."
        )
    added = current - listed
    if added:
        log.info("%d new addresses are not on %s yet; run `make links`", len(added), LIST_FILE)
