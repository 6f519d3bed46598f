"""The old-address pages of mkdocs-redirects, made to carry a link's #fragment under our CSP.

mkdocs-redirects writes, for each `old.md: new.md`, a small page with an inline script that
adds the reader's fragment to the new address, and a meta refresh as a fallback. The site's
Content-Security-Policy allows no inline script (sitebuild/headers.py), so only the refresh ran,
and it cannot know the fragment: `/old/#section` landed at the top of `/new/`. Each stub's
inline script is swapped here for `assets/js/redirect.js`, a file the policy allows, which
reads the target from the stub's canonical link. The refresh stays for readers without
scripts. Run before the compressed copies are written, so those hold the rewritten stub.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from pathlib import Path

from pilot2prod.urls import page_path
from sitebuild.errors import BuildError

SCRIPT = "assets/js/redirect.js"
"""The script that follows the redirect with the fragment, relative to the site's root."""

_INLINE = re.compile(r"<script>var anchor=window\.location\.hash[^<]*</script>")
"""The inline script of mkdocs-redirects' HTML_TEMPLATE (1.2.x), which the CSP blocks."""


def html_path(page_src: str, directory_urls: bool = True) -> str:
    """The file the page built from `page_src` is written to (`old.md` -> `old/index.html`)."""
    path = page_path(page_src, directory_urls)
    return f"{path}index.html" if path.endswith("/") or not path else path


def carry_fragments(
    site_dir: Path, redirect_maps: Mapping[str, str], directory_urls: bool = True
) -> list[Path]:
    """Rewrite each redirect stub under `site_dir` to load `SCRIPT`; return the stubs changed.

    A stub without the inline script fails the build: mkdocs-redirects changed its template,
    and the old links would silently lose their fragments again.
    """
    changed: list[Path] = []
    for old in redirect_maps:
        relative = html_path(old, directory_urls)
        stub = site_dir / relative
        if not stub.is_file():
            raise BuildError(f"{relative}: the redirect page for {old} was not written")
        text = stub.read_text(encoding="utf-8")
        script = posixpath.relpath(SCRIPT, posixpath.dirname(relative) or ".")
        rewritten, count = _INLINE.subn(f'<script src="{script}"></script>', text)
        if count != 1:
            raise BuildError(
                f"{relative}: the redirect page for {old} has no inline script to replace; "
                "has mkdocs-redirects changed its template? (sitebuild/redirects.py)"
            )
        stub.write_text(rewritten, encoding="utf-8")
        changed.append(stub)
    return changed
