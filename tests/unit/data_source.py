"""The repository's data/ for unit tests: read from YAML under CPython, and inside Pyodide
(no PyYAML there) from the JSON snapshot that tests/pyodide/snapshot.py wrote
with the build's own reader, named by `P2P_DATA_JSON`."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

IN_PYODIDE = sys.platform == "emscripten"


@functools.cache
def _snapshot() -> dict[str, Any]:
    return json.loads(Path(os.environ["P2P_DATA_JSON"]).read_text(encoding="utf-8"))


def raw_data_file(name: str) -> Any:
    """`data/<name>` as parsed YAML (a fresh object: callers may change it)."""
    if IN_PYODIDE:
        return json.loads(json.dumps(_snapshot()[f"data/{name}"]))
    from pilot2prod.model.files import load_yaml  # the build's reader; needs PyYAML

    return load_yaml((ROOT / "data" / name).read_text(encoding="utf-8"), f"data/{name}")


def all_data_files() -> dict[str, Any]:
    """Every `data/**/*.yml`, parsed, keyed by `data/...` path (as the build reads them)."""
    if IN_PYODIDE:
        return json.loads(json.dumps(_snapshot()))
    from pilot2prod.model.files import read_data_dir

    return read_data_dir(ROOT / "data")
