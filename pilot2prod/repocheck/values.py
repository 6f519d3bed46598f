"""Values read from a repository's JSON, YAML and TOML files, found by a key path.

A key path is keys joined by dots; each part is a glob (`max_*tokens`, `{budget,limit}`),
`*` is any one key or list item, and `**` any number of levels, so `**.max_tokens` finds the
key wherever it is. YAML goes through the package's own strict reader (PyYAML, imported on
first use); TOML through the standard library. A file that cannot be read this way is
reported by name, never guessed at.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Iterator
from typing import Any

from pilot2prod.model.errors import DataError
from pilot2prod.model.nesting import MAX_DEPTH, shape_problem, text_depth_exceeds
from pilot2prod.repocheck.globs import glob_expression

SUFFIXES = {".json": "JSON", ".yml": "YAML", ".yaml": "YAML", ".toml": "TOML"}
"""The files a value rule can read, by suffix (letter case ignored)."""

MAX_VALUES = 200_000
"""The most values one file may hold; a configuration file holds a few hundred."""


class Unreadable(ValueError):
    """A file a value rule cannot read as its suffix says; the message says why."""


class NeedsYaml(Unreadable):
    """A YAML file, where PyYAML is not installed: the file may be fine, the reader is missing."""


def file_format(path: str) -> str | None:
    """JSON, YAML or TOML by the file's suffix, or None for any other file."""
    dot = path.rfind(".")
    return SUFFIXES.get(path[dot:].lower()) if dot != -1 else None


def parse_document(text: str, kind: str, path: str) -> object:
    """The content of a JSON, YAML or TOML text; Unreadable when it is not one."""
    if kind == "JSON":
        if text_depth_exceeds(text):
            raise Unreadable(f"is nested more than {MAX_DEPTH} levels deep")
        try:
            document: object = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise Unreadable(f"is not valid JSON ({str(error)[:120]})") from None
    elif kind == "TOML":
        try:
            document = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as error:
            raise Unreadable(f"is not valid TOML ({str(error)[:120]})") from None
    else:
        from pilot2prod.model.files import load_yaml

        try:
            document = load_yaml(text, path)
        except ImportError:
            raise NeedsYaml("is YAML, and reading YAML needs PyYAML (pip install pyyaml)") from None
        except DataError as error:
            where = f" at {error.path}" if error.path else ""
            raise Unreadable(f"is not readable YAML{where}: {error.problem}") from None
    problem = shape_problem(document, limit=MAX_DEPTH, max_nodes=MAX_VALUES)
    if problem is not None:
        raise Unreadable(problem.split(";")[0])
    return document


def _children(node: object) -> list[tuple[str, object]]:
    if isinstance(node, dict):
        return [(str(key), value) for key, value in node.items()]
    if isinstance(node, list):
        return [(str(index), value) for index, value in enumerate(node)]
    return []


def find_values(document: object, key: str) -> Iterator[tuple[tuple[str, ...], object]]:
    """Each place the key path `key` names in `document`: the keys leading there, and the value,
    in the order the document holds them."""
    parts = key.split(".")
    matchers = [
        None if part == "**" else re.compile(glob_expression(part) + r"\Z", re.IGNORECASE)
        for part in parts
    ]
    seen: set[tuple[str, ...]] = set()
    stack: list[tuple[object, int, tuple[str, ...]]] = [(document, 0, ())]
    while stack:
        node, index, trail = stack.pop()
        if index == len(parts):
            if trail not in seen:
                seen.add(trail)
                yield trail, node
            continue
        matcher = matchers[index]
        following: list[tuple[object, int, tuple[str, ...]]] = []
        if matcher is None:  # `**`: this level, or any below it
            following.append((node, index + 1, trail))
            following += [(child, index, (*trail, name)) for name, child in _children(node)]
        else:
            following += [
                (child, index + 1, (*trail, name))
                for name, child in _children(node)
                if matcher.match(name)
            ]
        stack.extend(reversed(following))


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def satisfies(operator: str, actual: object, operand: Any) -> bool:
    """Whether the value found passes the rule's operator against its operand."""
    if operator == "exists":
        return actual is not None
    if operator in ("equals", "not-equals"):
        same = type(actual) is type(operand) and actual == operand
        if _number(actual) is not None and _number(operand) is not None:
            same = _number(actual) == _number(operand)
        return same if operator == "equals" else not same
    if operator == "one-of":
        return any(satisfies("equals", actual, choice) for choice in operand)
    if operator == "matches":
        return isinstance(actual, str) and re.search(operand, actual) is not None
    found, limit = _number(actual), _number(operand)
    if found is None or limit is None:
        return False
    return {
        "at-least": found >= limit,
        "at-most": found <= limit,
        "greater-than": found > limit,
        "less-than": found < limit,
    }[operator]


def key_line(text: str, trail: tuple[str, ...]) -> int | None:
    """The line on which the last key of `trail` is written; None when it cannot be seen.

    Found by following the keys through the text in order; after a list position n, the
    next key is taken at its (n+1)th occurrence, which is right for lists of objects of one
    shape (routes, providers, rules), the usual case in configuration.
    """
    position, line, skip = 0, None, 0
    for name in trail:
        if name.isdigit():
            skip = int(name)
            continue
        pattern = re.compile(
            rf"""(?:^|[\s{{,\[.])["']?(?P<key>{re.escape(name)})["']?[ \t]*(?:[:=]|\])""",
            re.MULTILINE,
        )
        found = None
        start = position
        for _ in range(skip + 1):
            following = pattern.search(text, start)
            if following is None:
                break
            found, start = following, following.end()
        skip = 0
        if found is None:
            continue
        position = found.end()
        line = text.count("\n", 0, found.start("key")) + 1
    return line


def shown_value(value: object) -> str:
    """A value as a report prints it: short, on one line."""
    text = (
        json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    )
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"
