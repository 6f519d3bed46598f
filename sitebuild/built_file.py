"""A file the build makes in memory (the wheel, the site's library) until the site is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltFile:
    """A file's name in the site and its bytes."""

    name: str
    content: bytes

    @property
    def digest(self) -> str:
        """A short content hash, appended to the URL so browsers never use a stale copy."""
        return hashlib.sha256(self.content).hexdigest()[:16]
