"""Where the build keeps work that depends only on its inputs' content, between builds."""

from __future__ import annotations

import os
import time
from pathlib import Path

KEEP_DAYS = 30
"""A cached file no build has used for this long is deleted (each edit leaves one)."""


def build_cache(root: Path, kind: str) -> Path:
    """`.cache/<kind>` of the project, or of `$P2P_CACHE_DIR` (copies of it share one)."""
    configured = os.environ.get("P2P_CACHE_DIR")
    return (Path(configured) if configured else root / ".cache") / kind


def prune(cache: Path, keep_days: float = KEEP_DAYS) -> None:
    """Delete what no build has used for `keep_days` (a use touches the file)."""
    oldest = time.time() - keep_days * 86400
    for path in cache.glob("*"):
        try:
            if path.stat().st_mtime < oldest:
                path.unlink()
        except FileNotFoundError:
            pass  # another build pruned it first
