"""From a file's bytes to its parsed content, strictly: the one reading every surface shares.

A reader's file (answers, milestones, calculator inputs, a team's exports) reaches pilot2prod
through the command line, the page's file inputs and share links, and the team and portfolio
pages. Each of them hands the bytes or the text to this module, so a file refused in one place
is refused in every other, for the same reason:

- UTF-8 only; a byte-order mark at the start is accepted and dropped. Latin-1 and other
  encodings are refused by name, never decoded lossily.
- JSON without NaN or Infinity, without a key written twice, no deeper than `MAX_DEPTH`.
- At most `MAX_DOCUMENT_BYTES`; an empty file or one holding NUL bytes is named as such.

YAML (for files written by hand) goes through `pilot2prod.model.files.load_yaml`, with the
same limits.
"""

from __future__ import annotations

import json
from typing import Any

from pilot2prod.model.errors import DataError, DocumentError
from pilot2prod.model.files import load_yaml
from pilot2prod.model.nesting import MAX_DEPTH, text_depth_exceeds

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
"""The largest file read as a document: an answers or inputs file is a few kilobytes, a
milestones file of 200 snapshots well under a megabyte; more than this is the wrong file."""


def decode(data: bytes, what: str) -> str:
    """The text of a file's bytes: UTF-8, a leading byte-order mark dropped.

    `what` names the kind of file expected ("a pilot2prod answers file"), for the message.
    """
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError("", _too_large(what))
    if not data.strip():
        raise DocumentError("", f"is empty; expected {what}")
    if b"\x00" in data:
        raise DocumentError("", f"holds binary data, not {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # The whole file is named, not the byte: a page reading the file finds the same fault.
        raise DocumentError(
            "", f"is not UTF-8 text (byte {error.start} is not); expected {what} saved as UTF-8"
        ) from None


def _too_large(what: str) -> str:
    megabytes = MAX_DOCUMENT_BYTES // (1024 * 1024)
    return f"is larger than {megabytes} MB; {what} is far smaller: is it the right file?"


def check_text(text: str, what: str) -> None:
    """Refuse text that cannot be `what` at all: empty, or holding binary data."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            "",
            f"is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; {what} "
            "is far smaller — is it the right file?",
        )
    if not text.strip():
        raise DocumentError("", f"is empty; expected {what}")
    if "\x00" in text:
        raise DocumentError("", f"holds binary data, not {what}")


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"key {key[:60]!r} appears twice")
        found[key] = value
    return found


def parse_json(text: str, what: str) -> object:
    """Strict JSON (see the module's rules); DocumentError names the line and column."""
    check_text(text, what)
    if text[:1] == "\ufeff":
        text = text[1:]  # a byte-order mark that survived decoding (text pasted or sent as is)
    if text_depth_exceeds(text):
        raise DocumentError("", f"is nested more than {MAX_DEPTH} levels deep; it is not {what}")
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"line {error.lineno} column {error.colno}", f"not valid JSON: {error.msg}"
        ) from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise DocumentError("", "not valid JSON: a number has far too many digits") from None
        raise DocumentError("", f"not valid JSON: {error}") from None
    except RecursionError:
        raise DocumentError("", "nested too deeply to read") from None


def looks_like_json(name: str, text: str) -> bool:
    """JSON by its suffix; YAML by its suffix; otherwise JSON when it starts like JSON."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "json":
        return True
    if suffix in ("yml", "yaml"):
        return False
    return text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[")


def parse_structured(text: str, name: str, what: str) -> object:
    """JSON or YAML (by `name`'s suffix, else by the first character), strictly.

    Raises DocumentError, or ImportError when the file is YAML and PyYAML is missing.
    """
    if looks_like_json(name, text):
        return parse_json(text, what)
    check_text(text, what)
    try:
        return load_yaml(text, name, hand_written=True)
    except DataError as error:
        raise DocumentError(error.path, error.problem) from None


def read_bytes(data: bytes, name: str, what: str) -> object:
    """A file's content from its bytes: decoded and parsed by the rules above."""
    return parse_structured(decode(data, what), name, what)
