"""What the evidence tests share: the fixture folders and the settings from the real data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pilot2prod.dataset import Dataset
from pilot2prod.evidence.settings import EvidenceSettings, load_evidence_settings
from tests.unit.data_source import all_data_files, raw_data_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"
"""Real tool output, made by `make evidence-fixtures`."""

HAND_MADE = FIXTURES / "hand-made"
"""Files written by hand in the tools' documented formats, and the edge cases."""


@cache
def settings() -> EvidenceSettings:
    """The settings of the site's own data/evidence.yml."""
    return load_evidence_settings(raw_data_file("evidence.yml"), "data/evidence.yml")


@cache
def dataset() -> Dataset:
    """The site's own data, as the command line and the page use it."""
    return Dataset(all_data_files())
