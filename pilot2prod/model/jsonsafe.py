"""Find the first value in parsed data that JSON cannot carry, by its key path.

The build ships `data/` to the browser as JSON (the wheel's `_data.json`). YAML can
hold more than JSON: dates (`2026-01-01` unquoted), `!!binary`, `!!set`, `.nan`,
`.inf`, keys that are numbers or dates. `json.dumps` either refuses them with a
message that names no file and no key, or worse, turns a number key into text and
lets `1` and `"1"` collide. Finding them first lets the build name the file and key.
"""

from __future__ import annotations

import datetime
import math

from pilot2prod.model.errors import describe

LARGEST_EXACT = 2**53
"""Beyond this a whole number loses digits in the browser's JavaScript numbers."""


def _step(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _problem(value: object) -> str | None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, int):
        if abs(value) > LARGEST_EXACT:
            return "is a whole number too large to carry exactly (write it as text or smaller)"
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else "is not a finite number (.nan or .inf)"
    if isinstance(value, datetime.date):  # datetime is a subclass
        return (
            f"is a YAML date ({value.isoformat()}); JSON has no dates: quote it "
            f'("{value.isoformat()}") to keep it as text'
        )
    if isinstance(value, bytes):
        return "is binary data (!!binary); JSON carries text only"
    if isinstance(value, set | frozenset):
        return "is a set (!!set); write it as a list"
    return f"is {describe(value)}, which JSON cannot carry"


def first_unjsonable(value: object, path: str = "") -> tuple[str, str] | None:
    """The key path and problem of the first value JSON cannot carry; None when all can."""
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, found = stack.pop()
        if isinstance(found, dict):
            children = []
            for key, child in found.items():
                if not isinstance(key, str):
                    shown = key.isoformat() if isinstance(key, datetime.date) else repr(key)
                    return (
                        where,
                        f"has the key {shown[:60]}, which is {describe(key)}; JSON keys are "
                        "text: quote it",
                    )
                children.append((_step(where, key), child))
            stack.extend(reversed(children))
        elif isinstance(found, list | tuple):
            stack.extend(reversed([(_step(where, i), c) for i, c in enumerate(found)]))
        else:
            problem = _problem(found)
            if problem is not None:
                return where, problem
    return None
