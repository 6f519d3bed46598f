"""Turn the docs-relative links in data (`page.md#anchor`) into URLs of the built site.

MkDocs rewrites links in Markdown, but not in the HTML the widgets render, at
build time or in the browser; both use this one function so they agree.
"""

from __future__ import annotations


def doc_url(target: str, site_root: str = "", directory_urls: bool = True) -> str:
    """The URL of `page.md#anchor` from a page whose way up to the site root is `site_root`.

    `site_root` is relative (`"../"`, `""`) or absolute (`"/docs/"`); with
    `directory_urls` (MkDocs' default) `faq.md` is served as `faq/`.
    """
    page, hash_, anchor = target.partition("#")
    if site_root and not site_root.endswith("/"):
        site_root += "/"
    if not page:
        return f"#{anchor}" if hash_ else ""
    stem = page.removesuffix(".md")
    if directory_urls:
        if stem == "index":
            path = ""
        elif stem.endswith("/index"):
            path = stem.removesuffix("index")
        else:
            path = f"{stem}/"
    else:
        path = f"{stem}.html"
    url = f"{site_root}{path}" or "./"
    return f"{url}{hash_}{anchor}"


def site_root_for(page_src: str, directory_urls: bool = True) -> str:
    """The relative way up from the page built from `page_src` (e.g. `faq.md`) to the site root."""
    stem = page_src.removesuffix(".md")
    parts = [p for p in stem.split("/") if p]
    depth = len(parts) - 1
    if directory_urls and parts and parts[-1] != "index":
        depth += 1
    return "../" * max(depth, 0)
