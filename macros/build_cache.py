"""Where the build keeps work that depends only on its inputs' content, between builds."""

from __future__ import annotations

import os
from pathlib import Path


def build_cache(root: Path, kind: str) -> Path:
    """`.cache/<kind>` of the project, or of `$P2P_CACHE_DIR` (copies of it share one)."""
    configured = os.environ.get("P2P_CACHE_DIR")
    return (Path(configured) if configured else root / ".cache") / kind
