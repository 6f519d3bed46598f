"""One stylesheet for the site's own rules: the files `extra_css` lists, joined at build time.

The rules stay in one file per concept under docs/assets/css/, but a page that links ten
stylesheets makes ten requests before it can render, and over HTTP/1.1 (six connections to a
host) they also hold the connections the Python worker needs for its first files: on a slow
link the worker's script waited 300 ms behind them. The build joins them, in the order
`mkdocs.yml` lists them, into one file with a content hash in its address, and every page links
only that. Entries that are not local stylesheets under `assets/css/` (another folder would
break their relative `url()`s, an address belongs to someone else) are linked as before.
"""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild.errors import BuildError

FOLDER = "assets/css/"
"""Where the joined sources live, and where the joined file goes (same relative `url()`s)."""

JOINED = FOLDER + "site.bundle.css"
"""The joined stylesheet, relative to the site root."""


@dataclass(frozen=True)
class Stylesheets:
    """The sources joined into one file, and the file's content."""

    sources: tuple[str, ...]
    content: bytes

    @property
    def address(self) -> str:
        """The joined file's address in `extra_css`, with its content hash for caches."""
        return f"{JOINED}?v={hashlib.sha256(self.content).hexdigest()[:16]}"

    def write(self, site_dir: Path) -> None:
        """Write the joined file into the built site."""
        target = site_dir / JOINED
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content)


def _joinable(entry: Any) -> bool:
    return isinstance(entry, str) and entry.startswith(FOLDER) and entry.endswith(".css")


def join_stylesheets(docs_dir: Path, extra_css: Sequence[Any], generated: str = "") -> Stylesheets:
    """Read the local stylesheets of `extra_css`, in order, into one file's content, with the
    `generated` rules (written from the data) after them."""
    parts: list[bytes] = []
    sources = tuple(entry for entry in extra_css if _joinable(entry))
    for source in sources:
        try:
            text = (docs_dir / source).read_bytes()
        except OSError as error:
            raise BuildError(f"mkdocs.yml extra_css: cannot read {source}: {error}") from error
        parts.append(f"/* {source} */\n".encode() + text.rstrip() + b"\n")
    if sources and generated:  # without a source there is no joined file to carry them
        parts.append(generated.encode())
    return Stylesheets(sources, b"\n".join(parts))


def link_joined_stylesheet(
    config: MutableMapping[str, Any], joined: Stylesheets | None = None
) -> Stylesheets:
    """Replace the local stylesheets in the config's `extra_css` by the joined file (where the
    first of them stood), so the theme links one file; return what to write after the build."""
    extra_css = list(config["extra_css"])
    if joined is None:
        joined = join_stylesheets(Path(config["docs_dir"]), extra_css)
    if not joined.sources:
        return joined
    first = next(i for i, entry in enumerate(extra_css) if _joinable(entry))
    kept = [entry for entry in extra_css if not _joinable(entry)]
    kept.insert(first, joined.address)  # every entry before the first joined one was kept
    config["extra_css"] = kept
    return joined
