"""Who owns a file, by a CODEOWNERS file as GitHub and GitLab read it.

Each line is a pattern and its owners (`@user`, `@org/team`, an e-mail address); the last
line whose pattern matches a file decides, and a line with no owners leaves the file without
one. Patterns follow `.gitignore`: one starting with `/` or holding a `/` before its end is
anchored at the root, one without matches a name at any depth, a trailing `/` matches a
folder's contents, and a pattern that names a folder covers everything in it. GitLab's
`[Section]` headings may give default owners to the lines below them that have none.
"""

from __future__ import annotations

import re

from pilot2prod.repocheck.globs import GlobError, glob_expression

_SECTION = re.compile(r"^\^?\[[^\]]+\](?:\[\d+\])?\s*(?P<owners>.*)$")


_WILD = frozenset("*?[{\\")


class OwnerLine:
    """One line of a CODEOWNERS file that assigns owners (or none) to a pattern.

    A pattern without wildcards, the usual kind, is matched with string tests; the others
    are compiled to an expression on first use, so a file of 10,000 lines costs little more
    than the lines a path actually reaches.
    """

    def __init__(self, line: int, pattern: str, owners: tuple[str, ...]) -> None:
        self.line = line
        self.pattern = pattern
        self.owners = owners
        self._folder = pattern.endswith("/")
        self._body = pattern.strip("/")
        self._anchored = pattern.startswith("/") or "/" in self._body
        self._literal = not (_WILD & set(self._body))
        self._expression: re.Pattern[str] | None = None
        if not self._body:
            raise GlobError("names no file")
        if not self._literal:
            glob_expression(self._body)  # refuse an unusable pattern now, by its line

    def matches(self, path: str) -> bool:
        """True when this line's pattern covers the relative path `path`."""
        body = self._body
        if self._literal:
            if self._anchored:
                return path.startswith(body + "/") or (not self._folder and path == body)
            rooted = "/" + path
            return f"/{body}/" in rooted or (not self._folder and rooted.endswith("/" + body))
        if self._expression is None:
            self._expression = _pattern_expression(self.pattern)
        return self._expression.match(path) is not None


def _pattern_expression(pattern: str) -> re.Pattern[str]:
    folder = pattern.endswith("/")
    body = pattern.strip("/")
    anchored = pattern.startswith("/") or "/" in body
    prefix = "" if anchored else "(?:[^/]*/)*"
    tail = "/.*" if folder else "(?:/.*)?"
    return re.compile(prefix + glob_expression(body) + tail + r"\Z", re.DOTALL)


def _split(line: str) -> list[str]:
    """A line's words; `\\ ` keeps a space inside a pattern."""
    return [word.replace("\0", " ") for word in line.replace("\\ ", "\0").split()]


def parse_codeowners(text: str) -> tuple[list[OwnerLine], int]:
    """The lines that assign owners, and how many lines could not be read as a pattern."""
    found: list[OwnerLine] = []
    unreadable = 0
    section_owners: tuple[str, ...] = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.match(line)
        if section is not None:
            section_owners = tuple(_split(section.group("owners").split("#")[0]))
            continue
        words = _split(line.split(" #")[0])
        pattern, owners = words[0].replace("\\#", "#"), tuple(words[1:])
        try:
            found.append(OwnerLine(number, pattern, owners or section_owners))
        except (GlobError, re.error):
            unreadable += 1
    return found, unreadable


def owner_of(lines: list[OwnerLine], path: str) -> OwnerLine | None:
    """The line that decides who owns `path` (the last that matches), or None."""
    for entry in reversed(lines):
        if entry.matches(path):
            return entry
    return None
