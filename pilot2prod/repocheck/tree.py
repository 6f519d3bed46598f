"""A read-only walk over a repository that any tree, however hostile, lets finish.

Nothing is written, and nothing is run. Folders reached through a symbolic link are never
entered (so a link to `/` or a loop of links costs one entry each); a link to a file is read
only while it resolves to a file inside the repository. Binary files (a NUL byte near the
start), files over the size limit and anything that is not a regular file are skipped and
counted; so are names that could not be read. The walk stops at the file and time limits
of `data/repository-checks.yml` and says where it stopped.
"""

from __future__ import annotations

import os
import stat
import time
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from pilot2prod.repocheck.globs import PathIndex
from pilot2prod.repocheck.rules import Limits

SNIFF_BYTES = 8192
"""How much of a file is looked at for a NUL byte, the sign of a binary file (as git does)."""

CACHE_BYTES = 64 * 1024 * 1024
"""Texts kept for the next rule that reads the same file, up to this many characters."""

SKIP_WORDS = {
    "binary": ("binary file", "binary files"),
    "oversized": ("file over the size limit", "files over the size limit"),
    "links": ("symbolic link not followed", "symbolic links not followed"),
    "special": ("entry that is not a regular file", "entries that are not regular files"),
    "unreadable": ("entry that could not be read", "entries that could not be read"),
}
"""Why something was skipped, in words (one, many), in the order reports list them."""

_ALWAYS_SKIPPED = ".git"
"""Git's own folder: its history is asked of git, and its files are not the project's."""


class OutOfTime(Exception):
    """The time limit passed while a rule was still reading."""


def shown(path: str) -> str:
    """A relative path as a report may print it: bytes that are not UTF-8 become U+FFFD and
    control characters their escape, so a hostile name cannot start a line of its own."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class Tree:
    """The files of one repository, walked once, read on demand, with what was skipped."""

    def __init__(
        self, root: Path, limits: Limits, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.root = os.path.realpath(root)
        self.limits = limits
        self._clock = clock
        self.deadline = clock() + limits.max_seconds
        self.files: list[str] = []
        """Relative paths with `/`, in walk order (the file system's; rules sort what they
        select, so reports do not depend on it)."""
        self.folders: list[tuple[str, int, int]] = []
        self._by_key: defaultdict[str, list[int]] = defaultdict(list)
        self._index_whole = True
        """Each folder walked ("" for the root, else "a/b/") and the range of its files."""
        self.skipped: dict[str, set[str]] = {reason: set() for reason in SKIP_WORDS}
        self.stopped = ""
        """Why the walk or the reading stopped early, in words; empty when it did not."""
        self._texts: dict[str, str | None] = {}
        self._cached = 0
        self._walk()

    # --- the walk ------------------------------------------------------------------------

    def out_of_time(self) -> bool:
        """True once the time limit has passed (and says so in `stopped`)."""
        if self._clock() <= self.deadline:
            return False
        if not self.stopped:
            self.stopped = f"the time limit of {self.limits.max_seconds:g} s was reached"
        return True

    def _skip(self, reason: str, path: str) -> None:
        self.skipped[reason].add(path)

    def _walk(self) -> None:
        skip = {name.lower() for name in self.limits.skip_folders} | {_ALWAYS_SKIPPED}
        limit = self.limits.max_files
        files = self.files
        by_key = self._by_key
        stack = [""]
        while stack:
            prefix = stack.pop()
            folder = os.path.join(self.root, prefix) if prefix else self.root
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:
                self._skip("unreadable", prefix.rstrip("/") or ".")
                continue
            folders: list[str] = []
            first = len(files)
            for entry in entries:
                name = entry.name
                try:
                    # Most entries are plain files: one question settles them (d_type, no
                    # stat). The index key is name_key's without the lower case, which the
                    # index applies once per distinct key rather than once per file.
                    if entry.is_file(follow_symlinks=False):
                        by_key[name[name.rfind(".") + 1 :]].append(len(files))
                        files.append(prefix + name)
                        continue
                    path = prefix + name
                    if entry.is_symlink():
                        self._link(entry.path, path)
                    elif entry.is_dir(follow_symlinks=False):
                        if name.lower() not in skip:
                            folders.append(path + "/")
                    else:
                        self._skip("special", path)
                except OSError:
                    self._skip("unreadable", prefix + name)
            self.folders.append((prefix, first, len(files)))
            if len(files) >= limit:
                del files[limit:]
                self.folders[-1] = (prefix, first, limit)
                self._index_whole = False  # positions past the limit: the index is rebuilt
                self.stopped = f"the walk stopped at the limit of {limit:,} files"
                return
            if self.out_of_time():
                return
            stack.extend(folders)  # depth first

    def _link(self, full: str, path: str) -> None:
        """A symbolic link counts as a file only when it resolves to one inside the root."""
        target = os.path.realpath(full)
        if _inside(target, self.root) and os.path.isfile(target):
            name = path[path.rfind("/") + 1 :]
            self._by_key[name[name.rfind(".") + 1 :]].append(len(self.files))
            self.files.append(path)
        else:
            self._skip("links", path)

    @cached_property
    def index(self) -> PathIndex:
        """The walked paths indexed by name suffix and folder, for selecting rules' files."""
        if not self._index_whole:
            return PathIndex(self.files, self.folders)
        by_key: dict[str, list[int]] = {}
        for key, positions in self._by_key.items():
            lowered = key.lower()
            if lowered in by_key:  # `MD` and `md` meet: keep walk order
                by_key[lowered] = sorted(by_key[lowered] + positions)
            else:
                by_key[lowered] = positions
        return PathIndex(self.files, self.folders, by_key)

    # --- reading -------------------------------------------------------------------------

    def read(self, path: str) -> str | None:
        """The text of a walked file, or None when it is skipped (and counted as such).

        Raises OutOfTime once the time limit has passed.
        """
        if path in self._texts:
            return self._texts[path]
        if self.out_of_time():
            raise OutOfTime
        text = self._read(path)
        if text is not None and self._cached + len(text) <= CACHE_BYTES:
            self._texts[path] = text
            self._cached += len(text)
        elif text is None:
            self._texts[path] = None
        return text

    def _read(self, path: str) -> str | None:
        real = os.path.realpath(os.path.join(self.root, path))
        if not _inside(real, self.root):  # a link changed since the walk
            self._skip("links", path)
            return None
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            self._skip("unreadable", path)
            return None
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                self._skip("special", path)
                return None
            if info.st_size > self.limits.max_file_bytes:
                self._skip("oversized", path)
                return None
            data = _read_up_to(descriptor, self.limits.max_file_bytes + 1)
        except OSError:
            self._skip("unreadable", path)
            return None
        finally:
            os.close(descriptor)
        if len(data) > self.limits.max_file_bytes:  # it grew after the size was read
            self._skip("oversized", path)
            return None
        if b"\x00" in data[:SNIFF_BYTES]:
            self._skip("binary", path)
            return None
        return data.decode("utf-8", "replace").removeprefix("\ufeff")

    def skipped_counts(self) -> dict[str, int]:
        """How many entries were skipped, by reason, leaving out the reasons with none."""
        return {reason: len(paths) for reason, paths in self.skipped.items() if paths}


def _read_up_to(descriptor: int, size: int) -> bytes:
    chunks: list[bytes] = []
    left = size
    while left > 0:
        chunk = os.read(descriptor, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def line_of(text: str, offset: int) -> int:
    """The line number (from 1) of character `offset` in `text`."""
    return text.count("\n", 0, offset) + 1
