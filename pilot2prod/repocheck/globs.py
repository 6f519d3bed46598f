"""How a rule names files: globs relative to the repository's root, letter case ignored.

`**` stands for any number of folders (none included), `*` for any characters within one
name, `?` for one character, `[abc]` for one of a set and `{a,b}` for either word. A glob
without `**/` in front is anchored at the root: `CODEOWNERS` is the root's file only. Case
is ignored because teams spell the same file `RUNBOOK.md`, `Runbook.md` and `runbook.md`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress, repeat
from operator import contains, methodcaller

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


_WILDCARDS = re.compile(r"\*|\?|\[[^\]]*\]")

MAX_EXPANSIONS = 1000
"""Beyond this many brace choices a glob set is matched without the quick literal test."""


def literal_hint(glob: str) -> tuple[str, str]:
    """What every path a brace-free glob matches must have, in lower case, with "/" in front:
    ("end", text) when it must end with text, ("in", text) when it must contain it, or
    ("", "") when nothing literal is certain."""
    parts = _WILDCARDS.split("/" + glob.strip().lstrip("/").lower())
    if parts[-1]:
        return "end", parts[-1]
    longest = max(parts, key=len)
    return ("in", longest) if longest not in ("", "/") else ("", "")


def name_key(name: str) -> str:
    """A file name's index key: what follows its last dot, or the whole name, in lower case."""
    dot = name.rfind(".")
    return (name[dot + 1 :] if dot != -1 else name).lower()


class PathIndex:
    """The paths of one tree, indexed so each rule finds its candidates without a pass over
    every path: by the suffix of the file name, and by folder."""

    def __init__(
        self,
        paths: Sequence[str],
        folders: Sequence[tuple[str, int, int]],
        by_key: Mapping[str, list[int]] | None = None,
    ) -> None:
        self.paths = paths
        """Relative paths with `/`, in walk order (each folder's files together)."""
        self.folders = [("/" + prefix.lower(), start, end) for prefix, start, end in folders]
        """Each folder as "/" + its path in lower case, with the range of its files."""
        self._by_key = by_key
        self._lowered: list[str] | None = None

    @property
    def lowered(self) -> list[str]:
        """Every path in lower case with "/" in front."""
        if self._lowered is None:
            self._lowered = ["/" + path.lower() for path in self.paths]
        return self._lowered

    @property
    def by_key(self) -> Mapping[str, list[int]]:
        """File positions by the suffix of the name in lower case (`md`, `yml`), or by the
        whole name when it has no dot (`codeowners`, `jenkinsfile`); see `name_key`."""
        if self._by_key is None:
            found: dict[str, list[int]] = {}
            for index, path in enumerate(self.paths):
                found.setdefault(name_key(path[path.rfind("/") + 1 :]), []).append(index)
            self._by_key = found
        return self._by_key

    def _lower(self, index: int) -> str:
        return (
            self._lowered[index] if self._lowered is not None else "/" + self.paths[index].lower()
        )

    def ending_with(self, tail: str) -> Iterable[int]:
        """Positions of the paths ("/" + lower case) that end with `tail`."""
        name = tail[tail.rfind("/") + 1 :]
        if "." in name or "/" in tail:
            positions = self.by_key.get(name_key(name)) or []
            return [index for index in positions if self._lower(index).endswith(tail)]
        return compress(range(len(self.paths)), map(methodcaller("endswith", tail), self.lowered))

    def containing(self, literal: str) -> Iterable[int]:
        """Positions of the paths ("/" + lower case) that contain `literal`."""
        if literal.endswith("/"):  # a folder's name: look at folders, not files
            return [
                index
                for prefix, start, end in self.folders
                if literal in prefix
                for index in range(start, end)
            ]
        return compress(range(len(self.paths)), map(contains, self.lowered, repeat(literal)))


class FileSet:
    """The files a rule looks at: its globs, less its exclusions.

    On a large tree, only the paths holding a literal every match must hold (a suffix such as
    `.md`, a folder such as `/prompts/`) meet the regular expression; PathIndex finds those
    by suffix and by folder, so a rule costs little more than the handful of files it wants.
    """

    def __init__(self, include: Sequence[str], exclude: Sequence[str] = ()) -> None:
        self.include = compile_globs(include)
        self.exclude = compile_globs(exclude) if exclude else None
        self._ends: tuple[str, ...] | None = None
        self._contains: tuple[str, ...] = ()
        expanded = [part for glob in include for part in expand_braces(glob)]
        hints = {literal_hint(part) for part in expanded}
        if len(expanded) <= MAX_EXPANSIONS and ("", "") not in hints:
            self._ends = tuple(sorted(text for kind, text in hints if kind == "end"))
            self._contains = tuple(sorted(text for kind, text in hints if kind == "in"))

    def matches(self, path: str) -> bool:
        """True when the relative path `path` is one of the rule's files."""
        if self.include.match(path) is None:
            return False
        return self.exclude is None or self.exclude.match(path) is None

    def select(self, paths: Sequence[str] | PathIndex) -> list[str]:
        """The paths that are the rule's files, sorted (so that the first one reported does
        not depend on the order a file system lists them in)."""
        if isinstance(paths, PathIndex):
            candidates: Iterable[str] = self._candidates(paths)
        else:
            candidates = paths
        chosen = list(filter(self.include.match, candidates))
        if self.exclude is not None:
            excluded = self.exclude.match
            chosen = [path for path in chosen if excluded(path) is None]
        return sorted(chosen)

    def _candidates(self, index: PathIndex) -> list[str]:
        if self._ends is None:
            return list(index.paths)
        hits: set[int] = set()
        for tail in self._ends:
            hits.update(index.ending_with(tail))
        for literal in self._contains:
            hits.update(index.containing(literal))
        return [index.paths[position] for position in sorted(hits)]
