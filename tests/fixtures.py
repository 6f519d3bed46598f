"""Data every test layer shares: the repository's own data set, and the API answering over it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from pilot2prod import api
from pilot2prod.model.dataset import Dataset

ROOT = Path(__file__).resolve().parents[1]


@cache
def repo_data() -> Dataset:
    """The repository's `data/`, read and checked once per test session (the links against
    the pages are the build's and the data layer's to check: they need the docs' headings)."""
    from tests.unit.data_source import all_data_files  # YAML, or inside Pyodide its snapshot

    data = Dataset(all_data_files())
    data.validate_all()
    return data


def repo_files() -> dict[str, object]:
    """The repository's data files, parsed (a fresh copy each call: tests may edit it)."""
    return json.loads(json.dumps(repo_data().files))


def api_result(
    data: Dataset | Mapping[str, object], name: str, payload: Mapping[str, Any]
) -> dict[str, Any]:
    """What `api.call(name, payload)` answers over `data` (a Dataset, or parsed files)."""
    dataset = data if isinstance(data, Dataset) else Dataset(data)
    return json.loads(api.call(name, json.dumps(payload), dataset))


def answers_document(answers: Mapping[str, str], **parts: object) -> dict[str, Any]:
    """A whole answers document for the real readiness checklist, as the page sends it."""
    from pilot2prod.readiness.answers import blank_document

    return blank_document(repo_data().scored_checklist) | {"answers": dict(answers), **parts}
