"""Read a document of ours from JSON text strictly: no NaN or Infinity, no key written twice,
nothing nested deeper than a document of ours ever is.

Python's `json` keeps the last of two equal keys and reads `NaN` as a number; a document that
says two things, or holds a number JSON does not allow, is refused here with where and why.
The command line's files and the evidence records both read through this function.
"""

from __future__ import annotations

import json
from typing import Any

from pilot2prod.model.nesting import MAX_DEPTH, text_depth_exceeds


class StrictJsonError(ValueError):
    """JSON text that is not a readable document; `where` is "line L column C" or ""."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number JSON allows")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"key {key[:60]!r} appears twice")
        found[key] = value
    return found


def loads_strict(text: str, max_depth: int = MAX_DEPTH, what: str = "a pilot2prod file") -> object:
    """The value of the JSON `text`; StrictJsonError saying where and why when it is not one."""
    if text_depth_exceeds(text, max_depth):
        raise StrictJsonError("", f"is nested more than {max_depth} levels deep; it is not {what}")
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        raise StrictJsonError(
            f"line {error.lineno} column {error.colno}", f"not valid JSON: {error.msg}"
        ) from None
    except ValueError as error:
        if "integer string conversion" in str(error):
            raise StrictJsonError("", "not valid JSON: a number has far too many digits") from None
        raise StrictJsonError("", f"not valid JSON: {error}") from None
    except RecursionError:
        raise StrictJsonError("", "nested too deeply to read") from None
