"""The conformance corpora: documents good and bad, each with the outcome every surface must give.

`answers/` is written by `make_answers.py`; `documents(kind)` lists a corpus with its expected
outcomes for the tests of each surface (command line, pages).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent

EXPECTED = "expected.json"
"""The file in each corpus folder that holds every document's expected outcome."""


@dataclass(frozen=True)
class Document:
    """One document of a corpus and what every surface must make of it."""

    name: str
    path: Path
    expected: dict[str, Any]

    @property
    def outcome(self) -> str:
        """ "ok", "partial" or "refused"."""
        return str(self.expected["outcome"])

    @property
    def field(self) -> str:
        """The field a refusal (or a partial reading) names; "" for the whole file."""
        return str(self.expected["field"])

    def content(self) -> bytes:
        """The document's bytes."""
        return self.path.read_bytes()


def documents(kind: str) -> list[Document]:
    """Every document of the corpus `kind` (a folder here), sorted by name."""
    folder = HERE / kind
    expected = json.loads((folder / EXPECTED).read_text(encoding="utf-8"))
    found = sorted(p.name for p in folder.iterdir() if p.name != EXPECTED and p.is_file())
    assert found == sorted(expected), f"{kind}: files and {EXPECTED} disagree"
    return [Document(name, folder / name, expected[name]) for name in found]
