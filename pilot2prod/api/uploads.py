"""Files a page hands to Python beside a request, as bytes rather than JSON text.

A 50 MB result file would cost as much again to escape into a JSON request and to parse out of
it, so the worker puts a dropped file's bytes here under a key (`put`), then calls an API
function whose request names that key; the function takes the bytes (`take`), which removes
them. At most a few files wait at once, and none larger than the page may open.
"""

from __future__ import annotations

from dataclasses import dataclass

from pilot2prod.api.requests import InputError
from pilot2prod.evidence.formats import PAGE_MAX_BYTES

MAX_WAITING = 8
"""Files that may wait for their request at once; older ones are dropped first."""


@dataclass(frozen=True)
class Upload:
    """A file's bytes, the SHA-256 the browser computed of them (None when not given; a reader
    checks its form before using it), and the depth limit the worker found them within."""

    content: bytes
    sha256: str | None
    depth_checked: int | None


_waiting: dict[str, Upload] = {}


def put(key: str, data: object, sha256: str | None = None, depth: int | None = None) -> None:
    """Keep `data` (bytes, or in Pyodide a JavaScript Uint8Array) until `take(key)`, with what
    the worker measured of it natively: its SHA-256, and `depth`, a limit it nests within."""
    if not isinstance(data, bytes | bytearray | memoryview):
        to_bytes = getattr(data, "to_bytes", None)  # a Pyodide JsProxy of a typed array
        if to_bytes is None or isinstance(data, int):
            raise InputError("a file must arrive as bytes")
        data = to_bytes()
    content = bytes(data)
    if len(content) > PAGE_MAX_BYTES:
        raise InputError(f"the file is larger than {PAGE_MAX_BYTES // (1024 * 1024)} MB")
    _waiting.pop(key, None)
    while len(_waiting) >= MAX_WAITING:
        _waiting.pop(next(iter(_waiting)))
    _waiting[key] = Upload(
        content,
        sha256 if isinstance(sha256, str) else None,
        depth if isinstance(depth, int) and not isinstance(depth, bool) else None,
    )


def take(key: object) -> Upload:
    """What was put under `key`, removed from the waiting files; InputError when none."""
    if not isinstance(key, str) or key not in _waiting:
        raise InputError("the file to read was not handed over; choose it again")
    return _waiting.pop(key)
