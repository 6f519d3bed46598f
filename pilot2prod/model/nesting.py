"""Limits on how deep and how large a JSON document may be, checked before anything recurses.

Python's `json` and the code that walks a document recurse once per level, so a file of a
few kilobytes of `[[[[…` reaches the interpreter's recursion limit (and, inside Pyodide,
the browser's stack). Answers, inputs and team files are a few levels deep; anything far
deeper is a wrong or hostile file, and is refused by name before it is parsed or walked.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

MAX_DEPTH = 64
"""The deepest nesting accepted; an answers document is three or four levels deep."""

MAX_NODES = 50_000
"""The most values one document may hold; an answers export holds a few hundred."""


def text_depth_exceeds(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when the JSON `text` opens more than `limit` arrays/objects inside each other.

    A single pass over the characters, strings skipped, so no parser ever sees the text;
    malformed JSON is left for the parser to describe.
    """
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


_STRUCTURE = bytes(range(256)).translate(None, b'[]{}"')
"""Every byte but brackets and quotes: what `bytes_depth_exceeds` throws away first."""

_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def bytes_depth_exceeds(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """`text_depth_exceeds` for UTF-8 bytes, in C-speed passes, for files of many megabytes.

    Escaped backslashes and quotes are removed first, so every quote left opens or closes a
    string. Then only quotes and brackets are kept; two quotes side by side enclose no bracket
    (an empty string, or the end of one string and the start of the next) and are dropped in
    one more pass, which leaves few strings to cut out of what remains; the running depth of
    the brackets left is measured. The bytes of `"`, `\\` and the brackets never occur inside a
    multi-byte UTF-8 character, so no decoding is needed.
    """
    # Replaced without asking first: inside WebAssembly, looking for a two-byte pattern costs
    # as much as replacing it, and bytes.replace hands back the same object when none is found.
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    skeleton = data.translate(None, _STRUCTURE)
    if skeleton.count(b"[") + skeleton.count(b"{") <= limit:
        return False
    skeleton = skeleton.replace(b'""', b"")
    # An unterminated last string has an even number of parts: its tail stays out, as in the
    # character-by-character reading.
    outside = b"".join(skeleton.split(b'"')[::2])
    # Matched pairs with nothing inside go first, innermost level by level; each round of the
    # two replacements removes one or two levels. Emptied within limit/2 rounds, the text
    # nests no deeper than the limit; otherwise (deep, or unbalanced) count exactly.
    remaining = outside
    for _ in range(limit // 2):
        shorter = remaining.replace(b"[]", b"").replace(b"{}", b"")
        if not shorter:
            return False
        if shorter == remaining:
            break
        remaining = shorter
    return max(accumulate(map(_STEP.__getitem__, outside)), default=0) > limit


def shape_problem(value: Any, limit: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> str | None:
    """Why an already parsed value is too deep or too large to read, or None when it is not.

    Walks with an explicit stack, never by recursion, so the check itself cannot overflow.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            return f"holds more than {max_nodes:,} values; an answers file holds a few hundred"
        if isinstance(node, dict | list):
            if depth > limit:
                return (
                    f"is nested more than {limit} levels deep; "
                    "an answers file is only a few levels deep"
                )
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return None
