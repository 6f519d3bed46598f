"""Links to other sites are navigations a reader chooses: well-formed, listed, never loaded."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from pilot2prod.model.records import Source
from pilot2prod.urls import outside_link_problem
from tests.fixtures import repo_data

FETCHING_ATTRIBUTES = {"src", "srcset", "data", "poster", "action", "formaction", "background"}
"""Attributes whose address the browser requests by itself, without the reader clicking."""

NAVIGATING_LINK_RELS = {"canonical", "alternate"}
"""`<link rel>` values that name a page rather than fetch a resource."""

CSS_URL = re.compile(r"""url\(\s*['"]?\s*(?:https?:)?//|@import\s+['"]?(?:https?:)?//""")
"""A stylesheet reaching out to another host."""


def _is_outside(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) and parts.hostname not in ("127.0.0.1", "localhost")


class _Page(HTMLParser):
    """The outside links a page offers and the outside resources it would fetch."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.fetches: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and _is_outside(values.get("href", "")):
            self.links.append(values["href"])
        for name in FETCHING_ATTRIBUTES & values.keys():
            for candidate in re.split(r",\s*", values[name]):
                if _is_outside(candidate.split(" ")[0]):
                    self.fetches.append(f"<{tag} {name}={values[name]!r}>")
        rels = set(values.get("rel", "").split())
        if (
            tag == "link"
            and _is_outside(values.get("href", ""))
            and not NAVIGATING_LINK_RELS & rels
        ):
            self.fetches.append(f"<link href={values['href']!r}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if _is_outside(target):
                self.fetches.append(f"<meta refresh {target!r}>")
        if CSS_URL.search(values.get("style", "")):
            self.fetches.append(f"<{tag} style=...>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style and CSS_URL.search(data):
            self.fetches.append("<style> with an outside url()")


def _pages(built_site: Path) -> dict[str, _Page]:
    found = {}
    for html_file in sorted(built_site.rglob("*.html")):
        page = _Page()
        page.feed(html_file.read_text(encoding="utf-8"))
        found[html_file.relative_to(built_site).as_posix()] = page
    return found


def test_every_outside_link_is_https_and_untracked(built_site):
    """Each link to another site is https, names a host, and carries no tracking parameter."""
    problems = {
        (name, url, problem)
        for name, page in _pages(built_site).items()
        for url in page.links
        if (problem := outside_link_problem(url))
    }
    assert problems == set()


def test_every_outside_link_is_a_listed_source(built_site):
    """A page links only to works in the further-reading list, so every citation is in one place."""
    sources = {
        record.url
        for record in repo_data().collection("reading").records
        if isinstance(record, Source)
    }
    unlisted = {
        (name, url)
        for name, page in _pages(built_site).items()
        for url in page.links
        if url not in sources
    }
    assert unlisted == set()


def test_the_guide_cites_its_primary_sources(built_site):
    """The pages link to the ML Test Score, the hidden-debt paper, the OWASP list, an interval
    paper, and the providers' caching and batch documentation."""
    linked = {url for page in _pages(built_site).values() for url in page.links}
    wanted = {
        "ml-test-score",
        "hidden-technical-debt",
        "owasp-llm-top-10",
        "binomial-intervals",
        "anthropic-prompt-caching",
        "openai-batch",
    }
    by_id = {record.id: record for record in repo_data().collection("reading").records}
    assert {by_id[source].url for source in wanted} <= linked  # type: ignore[union-attr]


def test_no_page_loads_anything_from_another_host(built_site):
    """No attribute a browser fetches by itself, no stylesheet link, refresh or CSS url() names
    another host, on any page of the site."""
    fetching = {name: page.fetches for name, page in _pages(built_site).items() if page.fetches}
    assert fetching == {}
    stylesheets = [
        css.relative_to(built_site).as_posix()
        for css in built_site.rglob("*.css")
        if CSS_URL.search(css.read_text(encoding="utf-8"))
    ]
    assert stylesheets == []


def test_the_checks_see_a_loaded_resource_and_a_tracked_link():
    """The parser notices a fetched outside image and an outside link; the rule refuses
    tracking parameters and plain http."""
    page = _Page()
    page.feed(
        '<a href="https://example.org/x">x</a><img src="https://cdn.example.org/a.png">'
        '<link rel="canonical" href="https://example.org/"><p style="background:url(//e.org/b)">'
    )
    assert page.links == ["https://example.org/x"]
    assert len(page.fetches) == 2
    assert outside_link_problem("https://example.org/?utm_source=x")
    assert outside_link_problem("http://example.org/")
    assert outside_link_problem("https://example.org/paper") is None
