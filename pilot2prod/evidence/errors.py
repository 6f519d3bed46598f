"""The one kind of fault the evidence readers report: a file, a field and what was expected."""

from __future__ import annotations

BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark some editors put first. Removed by hand rather than with the
"utf-8-sig" codec: that codec is a module of its own, which Pyodide loads only on demand and
the site's trimmed standard library does not carry."""


class EvidenceError(ValueError):
    """A file (or record) that cannot be used; `field` is the key path or line inside it."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        self.source = source
        self.field = field
        self.problem = problem
        parts = [part for part in (source, field) if part]
        super().__init__(": ".join([*parts, problem]))


def shown(value: object, limit: int = 40) -> str:
    """A short, safe rendering of a value from a file for a message (hostile input can be long)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
