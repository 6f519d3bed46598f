"""Share links: an answers document packed into a URL fragment, and unpacked safely.

The fragment reads `#p2p=v2.<check>.<payload>`, where the payload is the document
as UTF-8 JSON, compressed with raw DEFLATE (no zlib header or checksum) and
written in base64url without padding, and `<check>` is the CRC-32 of that JSON
as eight lowercase hex digits. A link damaged on its way (a character changed by
a mail program, say) can still inflate into some JSON; the check tells it apart,
and such a link is refused. Older `v1.<payload>` links, which carry no check,
still open, marked as unverifiable (`Shared.verified` is False). The browser's
`CompressionStream("deflate-raw")` in `docs/assets/js/lib/sharelink.js` reads and
writes exactly the same strings,
so a link built here (say, a worked example's answers) opens on the site, and a
link copied from the site can be read by the command line.

A fragment is untrusted input: `decode` bounds the compressed and the expanded
size (a small link must not inflate into gigabytes) and accepts only a JSON object.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

PREFIX = "v2."
"""Marks the encoding, so a later format can be told apart from this one."""

LEGACY_PREFIX = "v1."
"""The first format, without a checksum: still read, never written by the site."""

_CHECK = re.compile(r"^[0-9a-f]{8}$")

FRAGMENT_KEY = "p2p="
"""The name of the fragment parameter: `#p2p=v1.…`."""

MAX_BYTES = 1_000_000
"""The largest compressed or expanded document accepted: 1 MB."""

_BASE64URL = re.compile(r"^[A-Za-z0-9_-]*$")


class ShareLinkError(ValueError):
    """A fragment that cannot be read; the message is meant for a reader, not a developer."""


@dataclass(frozen=True)
class Shared:
    """What a share link carries, and whether its checksum vouches for it (v2) or not (v1)."""

    doc: dict[str, Any]
    verified: bool


def checksum(raw: bytes) -> str:
    """The check a v2 link carries: CRC-32 of the JSON bytes, eight lowercase hex digits."""
    return f"{zlib.crc32(raw) & 0xFFFFFFFF:08x}"


def _pack(doc: dict[str, Any]) -> tuple[bytes, str]:
    if not isinstance(doc, dict):
        raise TypeError("a share link carries a JSON object (a dict)")
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = raw.encode("utf-8")
    compressor = zlib.compressobj(level=9, wbits=-15)  # negative wbits: raw DEFLATE, no header
    packed = compressor.compress(data) + compressor.flush()
    return data, base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def encode(doc: dict[str, Any]) -> str:
    """Pack `doc` into the text that follows `p2p=` in a share link (format v2)."""
    data, body = _pack(doc)
    return f"{PREFIX}{checksum(data)}.{body}"


def encode_v1(doc: dict[str, Any]) -> str:
    """The older, unchecked format; kept so tests can make the links earlier releases made."""
    return LEGACY_PREFIX + _pack(doc)[1]


def link(page_url: str, doc: dict[str, Any]) -> str:
    """A full share link: `page_url` (any fragment dropped) followed by `#p2p=…`."""
    return f"{page_url.split('#', 1)[0]}#{FRAGMENT_KEY}{encode(doc)}"


def _payload(text: str) -> str:
    """Accept the bare payload, `p2p=…`, `#p2p=…`, or a whole URL holding one."""
    text = text.strip()
    if "#" in text:
        text = text.split("#", 1)[1]
    for part in text.split("&"):
        if part.startswith(FRAGMENT_KEY):
            return part[len(FRAGMENT_KEY) :]
    return text


def _refuse_constant(name: str) -> Any:
    # JSON has no NaN or Infinity; Python's json accepts them unless told not to.
    raise ValueError(f"{name} is not valid JSON")


def decode(text: str, max_bytes: int = MAX_BYTES) -> dict[str, Any]:
    """Unpack a share link's payload into the document it carries (see `read`)."""
    return read(text, max_bytes).doc


def read(text: str, max_bytes: int = MAX_BYTES) -> Shared:
    """Unpack a share link's payload: the document, and whether a checksum vouched for it.

    Raises ShareLinkError, in plain words, for anything that is not a well-formed
    `v2.` (or older `v1.`) payload of at most `max_bytes` (compressed and expanded)
    holding a JSON object, and for a v2 payload whose checksum does not match.
    """
    if not isinstance(text, str):
        raise ShareLinkError("The share link is not text.")
    payload = _payload(text)
    if not payload:
        raise ShareLinkError(
            "The share link is empty: nothing follows 'p2p=', so there is nothing to open; "
            "it may have been cut off when it was copied."
        )
    expected: str | None = None
    if payload.startswith(PREFIX):
        expected, _, body = payload[len(PREFIX) :].partition(".")
        if not _CHECK.match(expected):
            raise ShareLinkError(
                "The share link is damaged: its check is missing or not eight hex digits."
            )
    elif payload.startswith(LEGACY_PREFIX):
        body = payload[len(LEGACY_PREFIX) :]
    else:
        raise ShareLinkError(
            "The share link is not in a format this site knows (it should start with 'v2.')."
        )
    # Four base64 characters carry three bytes: refuse before decoding anything big.
    if len(body) * 3 // 4 > max_bytes:
        raise ShareLinkError("The share link is too large to open (over 1 MB).")
    if not body or not _BASE64URL.match(body) or len(body) % 4 == 1:
        raise ShareLinkError("The share link is damaged: it holds characters a link cannot carry.")
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError) as error:
        raise ShareLinkError("The share link is damaged and cannot be read.") from error
    inflater = zlib.decompressobj(wbits=-15)
    try:
        raw = inflater.decompress(packed, max_bytes + 1)
        if len(raw) > max_bytes or inflater.unconsumed_tail:
            raise ShareLinkError("The share link expands to more than 1 MB; it was not opened.")
        raw += inflater.flush()
    except zlib.error as error:
        raise ShareLinkError("The share link is damaged and cannot be read.") from error
    if not inflater.eof or inflater.unused_data:
        raise ShareLinkError("The share link is incomplete or has extra data; it may be cut off.")
    if len(raw) > max_bytes:
        raise ShareLinkError("The share link expands to more than 1 MB; it was not opened.")
    if expected is not None and checksum(raw) != expected:
        raise ShareLinkError(
            "The share link is damaged: its content does not match its check, so part of it "
            "changed on the way; it was not opened."
        )
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise ShareLinkError("The share link does not hold readable answers.") from error
    if not isinstance(doc, dict):
        raise ShareLinkError("The share link does not hold a set of answers.")
    return Shared(doc=doc, verified=expected is not None)
