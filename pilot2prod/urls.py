"""Addresses in the built site: the one place that turns `page.md#anchor` into a URL.

Data links to guidance as `page.md#anchor`. MkDocs rewrites such links in Markdown, but not in
the HTML the widgets render at build time or in the browser, so every renderer asks here.
"""

from __future__ import annotations

import posixpath


def page_path(page_src: str, directory_urls: bool = True) -> str:
    """The site-relative path MkDocs gives the page built from `page_src` (`faq.md` -> `faq/`)."""
    stem = page_src.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def site_root_for(page_src: str, directory_urls: bool = True) -> str:
    """The relative way up from the page built from `page_src` (e.g. `faq.md`) to the site root."""
    stem = page_src.removesuffix(".md")
    parts = [p for p in stem.split("/") if p]
    depth = len(parts) - 1
    if directory_urls and parts and parts[-1] != "index":
        depth += 1
    return "../" * max(depth, 0)


def doc_url(target: str, site_root: str = "", directory_urls: bool = True) -> str:
    """The URL of `page.md#anchor` from a page whose way up to the site root is `site_root`.

    `site_root` is relative (`"../"`, `""`) or absolute (`"https://example.org/docs/"`).
    """
    page, hash_, anchor = target.partition("#")
    if site_root and not site_root.endswith("/"):
        site_root += "/"
    if not page:
        return f"#{anchor}" if hash_ else ""
    url = f"{site_root}{page_path(page, directory_urls)}" or "./"
    return f"{url}{hash_}{anchor}"


def markdown_link(from_page: str, target: str) -> str:
    """A docs-relative target (`faq.md#x`) as a Markdown link from `from_page` (MkDocs resolves)."""
    path, hash_, anchor = target.partition("#")
    base = posixpath.dirname(from_page) or "."
    rel = posixpath.relpath(path, base) if path else ""
    return f"{rel}{hash_}{anchor}"


TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_hs")
"""Query parameters that identify a visitor or a campaign rather than the page (prefixes)."""


def outside_link_problem(url: str) -> str | None:
    """Why `url` may not be published as a link to another site, or None when it may.

    A link to a source is a navigation the reader chooses: it must be https, name a host, carry
    no credentials and no tracking parameter, so following it tells nobody where it came from.
    """
    from urllib.parse import parse_qsl, urlsplit

    if url != url.strip() or any(c.isspace() for c in url):
        return "must not contain spaces"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "must start with https://"
    if not parts.hostname or "." not in parts.hostname:
        return "must name a host"
    if parts.username or parts.password:
        return "must not carry a user name or password"
    for key, _ in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower().startswith(TRACKING_PARAMETERS) or key.lower() in ("ref", "source"):
            return f"must not carry the tracking parameter {key!r}"
    return None
