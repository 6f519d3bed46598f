"""Write `schemas/*.schema.json` from the Dataset's own types, and point every data file at its own.

Run by `make schemas` after changing a dataclass the data is parsed into; `make test` fails
while the committed schemas differ from what this writes (tests/data/test_schemas.py).
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pilot2prod.model.jsonschema import schema_text  # noqa: E402
from pilot2prod.schemas import file_schemas  # noqa: E402

HEADER = "# yaml-language-server: $schema="


def schema_for(source: str) -> str | None:
    """The schema file name a data file (`data/...yml`) is checked against."""
    for name, (_, patterns) in file_schemas().items():
        if any(fnmatch.fnmatch(source, pattern) for pattern in patterns):
            return f"{name}.schema.json"
    return None


def header_line(path: Path, schema: str) -> str:
    """The editor's pointer from a data file to its schema, relative to the file."""
    depth = len(path.relative_to(ROOT).parts) - 1
    return f"{HEADER}{'../' * depth}schemas/{schema}"


def main() -> int:
    folder = ROOT / "schemas"
    folder.mkdir(exist_ok=True)
    expected = set()
    for name, (schema, _) in file_schemas().items():
        target = folder / f"{name}.schema.json"
        expected.add(target.name)
        target.write_text(schema_text(name, schema), encoding="utf-8")
    for stale in folder.glob("*.schema.json"):
        if stale.name not in expected:
            stale.unlink()
    for path in sorted((ROOT / "data").rglob("*.yml")):
        schema = schema_for(path.relative_to(ROOT).as_posix())
        if schema is None:
            continue
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if lines and lines[0].startswith(HEADER):
            lines = lines[1:]
        path.write_text(header_line(path, schema) + "\n" + "".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
