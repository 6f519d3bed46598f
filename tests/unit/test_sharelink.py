"""The share-link codec: documents packed into `#p2p=v2.<check>.…` and read back safely."""

from __future__ import annotations

import base64
import json
import re
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod import sharelink
from pilot2prod.sharelink import ShareLinkError, decode, encode

DOC = {
    "format": "pilot2prod/answers",
    "version": 1,
    "checklist": "readiness",
    "checklist_version": "cec6db863210",
    "answers": {"real-traffic-sample": "partial", "integration-map": "na"},
    "notes": {"integration-map": "Stand-alone tool — no systems to join. Ça va? 😀"},
    "owners": {"real-traffic-sample": "Zoë <ops>"},
    "orphans": {"old-item": {"answer": "yes", "note": "kept"}},
}


def _pack(raw: bytes) -> str:
    """Build a payload by hand, independent of `encode`, to feed `decode` edge cases."""
    compressor = zlib.compressobj(wbits=-15)
    packed = compressor.compress(raw) + compressor.flush()
    return "v1." + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def test_round_trip_keeps_every_field_and_character():
    """decode(encode(doc)) gives back the same document, non-ASCII text included."""
    assert decode(encode(DOC)) == DOC


def _body(payload: str) -> bytes:
    """The compressed bytes of a v2 payload."""
    body = payload.split(".", 2)[2]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def test_payload_is_versioned_checked_url_safe_and_unpadded():
    """The payload is `v2.`, eight hex digits, `.`, then base64url characters, no padding."""
    payload = encode(DOC)
    assert re.fullmatch(r"v2\.[0-9a-f]{8}\.[A-Za-z0-9_-]+", payload)


def test_payload_is_raw_deflate_of_utf8_json_with_its_crc32():
    """Raw DEFLATE (no zlib header) as 'deflate-raw' reads it; the check is the JSON's CRC-32."""
    packed = _body(encode(DOC))
    with pytest.raises(zlib.error):
        zlib.decompress(packed)  # a zlib header would make this succeed
    raw = zlib.decompress(packed, wbits=-15)
    assert json.loads(raw.decode("utf-8")) == DOC
    assert encode(DOC).split(".")[1] == f"{zlib.crc32(raw):08x}"


def test_v2_links_are_verified_and_v1_links_open_unverified():
    """A v2 link's check vouches for it; a v1 link (no check) still opens, marked unverifiable."""
    assert sharelink.read(encode(DOC)) == sharelink.Shared(DOC, verified=True)
    old = sharelink.encode_v1(DOC)
    assert old.startswith("v1.")
    assert sharelink.read(old) == sharelink.Shared(DOC, verified=False)


def test_a_link_changed_on_the_way_that_still_inflates_is_refused():
    """Content whose CRC-32 differs from the link's check is refused, though it reads as JSON."""
    changed = {**DOC, "answers": {"real-traffic-sample": "yes", "integration-map": "na"}}
    forged = encode(DOC).split(".")[1]
    payload = f"v2.{forged}.{encode(changed).split('.', 2)[2]}"
    with pytest.raises(ShareLinkError, match="does not match its check"):
        decode(payload)


@pytest.mark.parametrize("payload", ["", "p2p=", "#p2p=", "https://example.org/a/#p2p="])
def test_an_empty_link_says_so(payload):
    """`#p2p=` with nothing after it is refused as empty, not as an unknown format."""
    with pytest.raises(ShareLinkError, match="empty"):
        decode(payload)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda p: p,
        lambda p: f"p2p={p}",
        lambda p: f"#p2p={p}",
        lambda p: f"https://example.org/assessment/#p2p={p}",
        lambda p: f"  https://example.org/assessment/#x=1&p2p={p}\n",
    ],
)
def test_decode_accepts_the_forms_a_reader_may_paste(wrap):
    """The bare payload, `p2p=…`, `#p2p=…` or a whole link all decode to the document."""
    assert decode(wrap(encode(DOC))) == DOC


def test_link_replaces_any_existing_fragment():
    """`link()` appends the fragment to the page URL, dropping an old fragment."""
    url = sharelink.link("https://example.org/assessment/#readiness", DOC)
    assert url.startswith("https://example.org/assessment/#p2p=v2.")
    assert decode(url) == DOC


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("v3.abc", "format this site knows"),
        ("v2.abc", "check is missing"),
        ("v2.0000000g.abc", "check is missing"),
        ("abc", "format this site knows"),
        ("v1.", "damaged"),
        ("v1.<script>alert(1)</script>", "damaged"),
        ("v1.abc=", "damaged"),
        ("v1.a", "damaged"),
        ("v1." + base64.urlsafe_b64encode(b"not deflate at all").decode().rstrip("="), "damaged"),
        (_pack(b"[1, 2, 3]"), "does not hold a set of answers"),
        (_pack(b'"just text"'), "does not hold a set of answers"),
        (_pack(b"{not json"), "does not hold readable answers"),
        (_pack(b'{"a": NaN}'), "does not hold readable answers"),
        (_pack(b"\xff\xfe{}"), "does not hold readable answers"),
    ],
)
def test_malformed_payloads_are_refused_in_plain_words(payload, message):
    """Anything but a well-formed v2 or v1 JSON object is refused with a reader-facing message."""
    with pytest.raises(ShareLinkError, match=message):
        decode(payload)


def test_truncated_link_is_refused():
    """A link cut short in an e-mail is reported as incomplete, not half-read."""
    payload = encode({"notes": {"x": "some words that will not all arrive " * 20}})
    with pytest.raises(ShareLinkError):
        decode(payload[: len(payload) // 2])


def test_payload_with_trailing_junk_is_refused():
    """Bytes after the end of the compressed stream are refused rather than ignored."""
    check, _ = encode(DOC).removeprefix("v2.").split(".", 1)
    packed = _body(encode(DOC)) + b"junk"
    junk = f"v2.{check}." + base64.urlsafe_b64encode(packed).decode().rstrip("=")
    with pytest.raises(ShareLinkError, match="incomplete or has extra data"):
        decode(junk)


def test_decompression_bomb_is_refused_without_expanding_it():
    """A small link that would inflate past the limit is refused (zip-bomb guard)."""
    bomb = _pack(b'{"a": "' + b"0" * 3_000_000 + b'"}')
    assert len(bomb) < 10_000
    with pytest.raises(ShareLinkError, match="more than 1 MB"):
        decode(bomb)


def test_oversized_compressed_payload_is_refused_before_decoding():
    """A payload whose compressed size alone exceeds the limit is refused up front."""
    with pytest.raises(ShareLinkError, match="too large"):
        decode("v1." + "A" * 2_000_000)


def test_limit_is_configurable():
    """`max_bytes` lowers the limit for callers that want a tighter bound."""
    payload = encode({"note": "x" * 500})
    assert decode(payload, max_bytes=1000) == {"note": "x" * 500}
    with pytest.raises(ShareLinkError):
        decode(payload, max_bytes=100)


def test_encode_refuses_non_objects():
    """Only a JSON object can be shared; a list is a programming error."""
    with pytest.raises(TypeError):
        encode(["not", "a", "dict"])  # type: ignore[arg-type]


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text()
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text(), _JSON, max_size=6))
def test_any_json_object_round_trips(doc):
    """Every JSON object survives encode then decode unchanged."""
    assert decode(encode(doc)) == doc


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_is_either_read_or_refused_cleanly(text):
    """No input makes decode raise anything but ShareLinkError, or return a non-object."""
    try:
        result = decode(text)
    except ShareLinkError:
        return
    assert isinstance(result, dict)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_compressed_bytes_are_read_or_refused_cleanly(raw):
    """Random bytes behind a valid prefix are refused cleanly or decode to an object."""
    payload = "v1." + base64.urlsafe_b64encode(raw).decode().rstrip("=")
    try:
        result = decode(payload)
    except ShareLinkError:
        return
    assert isinstance(result, dict)
