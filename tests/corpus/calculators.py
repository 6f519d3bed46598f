"""The calculators' corpora: `estimate/` and `runcost/`, read by `tests.corpus.documents`.

An ok document's expected outcome names the output texts every surface must show for it
(`{"outcome": "ok", "field": "", "p80": "52.3 person-weeks", ...}`); a refused one, the field
every surface must name.
"""

from __future__ import annotations

import base64
import zlib

from tests.corpus import Document

FOLDERS = {"estimate": ("effort", "estimate"), "runcost": ("cost", "cost")}
"""Each folder's calculator (as the page names it) and the command that reads its documents."""

PAGES = {"estimate": "estimator/", "runcost": "run-cost/"}
"""The page that opens each folder's documents."""


def figures(doc: Document) -> dict[str, str]:
    """The outputs (by name) an ok document must show, and their text."""
    return {key: value for key, value in doc.expected.items() if key not in ("outcome", "field")}


def link_payload(content: bytes) -> str:
    """A share link's payload carrying `content` byte for byte (even bytes no reader takes)."""
    compressor = zlib.compressobj(level=9, wbits=-15)
    packed = compressor.compress(content) + compressor.flush()
    check = f"{zlib.crc32(content) & 0xFFFFFFFF:08x}"
    return f"v2.{check}.{base64.urlsafe_b64encode(packed).decode('ascii').rstrip('=')}"
