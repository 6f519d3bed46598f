"""Unit tests run under CPython and inside Pyodide (tests/pyodide/run.mjs). These files test
the build's own code (macros/: YAML reading, the wheel, Pyodide assets), which needs PyYAML and
MkDocs and never runs in the browser, so Pyodide leaves them out."""

from __future__ import annotations

import sys

BUILD_ONLY = ["test_assets.py", "test_data_files.py", "test_hostile_data.py"]

collect_ignore = BUILD_ONLY if sys.platform == "emscripten" else []
