"""The steps that turn a freshly generated site folder into the published site, in order.

Each step is one function of a `Build`, and can run on its own (`python -m sitebuild SITE_DIR
--step NAME`). The order matters twice: every step that writes or rewrites a file runs before
the compressed copies are made, and the published addresses are checked last, on the site as
it will be served.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sitebuild.build import Build
from sitebuild.cache import build_cache
from sitebuild.compressed import write_compressed_copies
from sitebuild.headers import write_headers
from sitebuild.markup import fix_material_markup
from sitebuild.page_rules import write_page_rules
from sitebuild.prices import write_site_prices
from sitebuild.published_links import check_published_links
from sitebuild.redirects import carry_fragments
from sitebuild.runtime import write_runtime


def runtime(build: Build) -> None:
    """Copy Pyodide (when self-hosted), the wheel and the site's compiled library."""
    write_runtime(build.runtime, build.site_dir)


def rules(build: Build) -> None:
    """Write the rules and limits the pages apply before Python is up (`rules.js`)."""
    write_page_rules(build.site_dir)


def prices(build: Build) -> None:
    """Write the model-price table the run-cost page's picker reads."""
    write_site_prices(build.site_dir)


def stylesheet(build: Build) -> None:
    """Write the joined stylesheet every page links."""
    build.stylesheets.write(build.site_dir)


def redirects(build: Build) -> None:
    """Make each redirect page carry a link's #fragment under the site's CSP."""
    settings = build.settings
    carry_fragments(build.site_dir, settings.redirect_maps, settings.directory_urls)


def markup(build: Build) -> None:
    """Fix the invalid markup Material's templates write, in every page."""
    fix_material_markup(build.site_dir)


def headers(build: Build) -> None:
    """Write `_headers` (the Content-Security-Policy and the wasm type) for static hosts."""
    write_headers(build.site_dir, build.settings.pyodide_base_url)


def compressed(build: Build) -> None:
    """Write `.br` and `.gz` copies beside every file worth compressing."""
    write_compressed_copies(build.site_dir, build_cache(build.project, "compressed"))


def links(build: Build) -> None:
    """Fail when a published address is gone (or rewrite the list when asked)."""
    settings = build.settings
    check_published_links(
        build.site_dir,
        build.project,
        build.dataset,
        settings.redirect_maps,
        settings.directory_urls,
    )


STEPS: dict[str, Callable[[Build], None]] = {
    "runtime": runtime,
    "rules": rules,
    "prices": prices,
    "stylesheet": stylesheet,
    "redirects": redirects,
    "markup": markup,
    "headers": headers,
    "compressed": compressed,
    "links": links,
}
"""Every step by name, in the order a build runs them."""


def run(build: Build, names: Iterable[str] | None = None) -> None:
    """Run the named steps (all by default) in the build's order."""
    wanted = set(STEPS if names is None else names)
    unknown = wanted - set(STEPS)
    if unknown:
        raise KeyError(f"no step {sorted(unknown)[0]!r} (steps: {', '.join(STEPS)})")
    for name, step in STEPS.items():
        if name in wanted:
            step(build)
