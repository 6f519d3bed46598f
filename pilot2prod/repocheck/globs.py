"""How a rule names files: globs relative to the repository's root, letter case ignored.

`**` stands for any number of folders (none included), `*` for any characters within one
name, `?` for one character, `[abc]` for one of a set and `{a,b}` for either word. A glob
without `**/` in front is anchored at the root: `CODEOWNERS` is the root's file only. Case
is ignored because teams spell the same file `RUNBOOK.md`, `Runbook.md` and `runbook.md`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

MAX_GLOB_CHARS = 300
"""A glob longer than this is a mistake, and would only make a slow expression."""


class GlobError(ValueError):
    """A glob that cannot be used; the message says why in words."""


def _closing(pattern: str, start: int, opening: str, closing: str) -> int:
    """The index of the bracket that closes the one at `start`, or -1."""
    depth = 0
    for index in range(start, len(pattern)):
        char = pattern[index]
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _split_top(text: str) -> list[str]:
    """`a,{b,c},d` split on the commas outside any inner braces."""
    parts, depth, current = [], 0, []
    for char in text:
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        current.append(char)
    parts.append("".join(current))
    return parts


def _translate(pattern: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            before_ok = index == 0 or pattern[index - 1] == "/"
            after = index + 2
            if before_ok and pattern.startswith("/", after):
                out.append("(?:[^/]*/)*")  # `**/`: any folders, or none
                index = after + 1
                continue
            if before_ok and after == len(pattern):
                out.append(".*")  # a trailing `**`: everything below
                index = after
                continue
            out.append("[^/]*")  # `**` inside a name means no more than `*`
            index = after
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", index + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1 : end]
                negate = body.startswith(("!", "^"))
                body = body[1:] if negate else body
                # Escape what Python's sets treat as operators (and warn about).
                body = re.sub(r"([\\\[&~|])", r"\\\1", body.replace("/", ""))
                out.append(f"[{'^/' if negate else ''}{body}]")
                index = end
        elif char == "{":
            end = _closing(pattern, index, "{", "}")
            if end == -1:
                raise GlobError("has a { without its }")
            choices = _split_top(pattern[index + 1 : end])
            out.append("(?:" + "|".join(_translate(choice) for choice in choices) + ")")
            index = end
        elif char == "}":
            raise GlobError("has a } without its {")
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def glob_expression(pattern: str) -> str:
    """The regular expression (without anchors) for one glob; GlobError when unusable."""
    if not pattern or not pattern.strip():
        raise GlobError("is empty")
    if len(pattern) > MAX_GLOB_CHARS:
        raise GlobError(f"is longer than {MAX_GLOB_CHARS} characters")
    cleaned = pattern.strip().lstrip("/")
    if not cleaned:
        raise GlobError("names the root itself, not files in it")
    if any(part == ".." for part in cleaned.split("/")):
        raise GlobError("leaves the repository (..); globs are relative to its root")
    return _translate(cleaned)


def compile_globs(patterns: Iterable[str]) -> re.Pattern[str]:
    """One expression matching a relative path (`a/b.md`) that any of `patterns` matches."""
    expressions = [glob_expression(pattern) for pattern in patterns]
    if not expressions:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(expressions) + r")\Z", re.IGNORECASE | re.DOTALL)


def expand_braces(pattern: str) -> list[str]:
    """`{a,b}/x` as `a/x` and `b/x`, for tools without braces (git's pathspecs)."""
    start = pattern.find("{")
    if start == -1:
        return [pattern]
    end = _closing(pattern, start, "{", "}")
    if end == -1:
        raise GlobError("has a { without its }")
    head, tail = pattern[:start], pattern[end + 1 :]
    found: list[str] = []
    for choice in _split_top(pattern[start + 1 : end]):
        found.extend(expand_braces(head + choice + tail))
    return found


class FileSet:
    """The files a rule looks at: its globs, less its exclusions."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str] = ()) -> None:
        self.include = compile_globs(include)
        self.exclude = compile_globs(exclude) if exclude else None

    def matches(self, path: str) -> bool:
        """True when the relative path `path` is one of the rule's files."""
        if self.include.match(path) is None:
            return False
        return self.exclude is None or self.exclude.match(path) is None

    def select(self, paths: Iterable[str]) -> list[str]:
        """The paths, in their order, that are the rule's files."""
        chosen = list(filter(self.include.match, paths))
        if self.exclude is not None:
            excluded = self.exclude.match
            chosen = [path for path in chosen if excluded(path) is None]
        return chosen
