"""Write data/ as parsed by the build (YAML, read with CPython) to one JSON file.

Inside Pyodide there is no PyYAML, and the unit tests must not import macros/:
the test fixtures read the same parsed data from this file there
(`P2P_DATA_JSON`, see tests/unit/data_source.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pilot2prod.model.files import read_data_dir

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(read_data_dir(ROOT / "data")), encoding="utf-8")
