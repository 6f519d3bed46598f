"""The calculators' conformance corpus: every inputs document, good and bad, with its outcome.

`tests/corpus/estimate/` holds estimator documents and `tests/corpus/runcost/` run-cost ones,
one file per document, and each folder's `expected.json` maps a file name to its outcome on
every surface that takes it: `{"outcome": "ok", ...key figures}` (the output texts every surface
must show) or `{"outcome": "refused", "field": "inputs.x"}` (`""` for the whole document).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent

FOLDERS = {"estimate": ("effort", "estimate"), "runcost": ("cost", "cost")}
"""Each folder's calculator (as the page names it) and the command that reads its documents."""

PAGES = {"estimate": "estimator/", "runcost": "run-cost/"}
"""The page that opens each folder's documents."""


@dataclass(frozen=True)
class Case:
    """One corpus document and the outcome every surface must give it."""

    folder: str
    name: str
    expected: dict[str, Any]

    @property
    def path(self) -> Path:
        """The document's file."""
        return CORPUS / self.folder / self.name

    @property
    def ok(self) -> bool:
        """Whether every surface must read it."""
        return self.expected["outcome"] == "ok"

    @property
    def figures(self) -> dict[str, str]:
        """The outputs (by name) and the text each surface must show for them."""
        return {key: value for key, value in self.expected.items() if key != "outcome"}


def cases(folder: str) -> list[Case]:
    """Every document of `folder`, in name order."""
    expected = json.loads((CORPUS / folder / "expected.json").read_text(encoding="utf-8"))
    return [Case(folder, name, expected[name]) for name in sorted(expected)]
