"""The evidence settings (`data/evidence.yml`): how much evidence counts, and what it backs.

The figures a maintainer may want to change live here as data: the fewest cases a slice needs
before its rate is shown, when a record is too old to back an answer, the score a case needs
to pass when a file gives only scores, the default target, and the rules that map what the
evidence shows (a findings id computed in `pilot2prod.evidence.backing`) to the readiness
question it informs. The Dataset checks every rule names a question of the scored checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_id, check_unique_ids, parse

Finding = Literal[
    "real-traffic-sample",
    "hard-slice",
    "runs-compared",
    "latency-and-cost",
]
"""What a set of records can show; `pilot2prod.evidence.backing` computes each one."""

FINDINGS: tuple[str, ...] = (
    "real-traffic-sample",
    "hard-slice",
    "runs-compared",
    "latency-and-cost",
)

Suggestion = Literal["yes", "partial", "no"]


@dataclass(frozen=True)
class EvidenceRule:
    """One mapping from a finding to the readiness question it informs.

    `at_most` caps the suggestion (two compared runs show the evaluation can be repeated, not
    that it runs on every change, so that rule suggests Partly at most); `explains` is the
    sentence shown beside the suggestion.
    """

    id: str
    finding: Finding
    question: str
    explains: str
    at_most: Suggestion = "yes"


@dataclass(frozen=True)
class EvidenceSettings:
    """Every setting the evidence readers, statistics and backing rules take from data."""

    min_cases_per_slice: int
    stale_after_days: int
    passing_score: float
    target_rate: float
    confidence: float
    slices_shown: int
    max_untested_share: float
    real_traffic_sources: tuple[str, ...]
    hard_slice_words: tuple[str, ...]
    slice_field_words: tuple[str, ...]
    rules: tuple[EvidenceRule, ...]


def load_evidence_settings(raw: object, source: str) -> EvidenceSettings:
    """Parse and check `data/evidence.yml`; DataError names the file and key on any fault."""
    settings = parse(EvidenceSettings, raw, source)
    _between(settings.min_cases_per_slice, 1, 100_000, source, "min_cases_per_slice")
    _between(settings.stale_after_days, 1, 3650, source, "stale_after_days")
    _between(settings.slices_shown, 2, 200, source, "slices_shown")
    for name in ("passing_score", "max_untested_share"):
        _between(getattr(settings, name), 0.0, 1.0, source, name)
    _between(settings.target_rate, 0.5, 0.9999, source, "target_rate")
    _between(settings.confidence, 0.5, 0.9999, source, "confidence")
    for name in ("real_traffic_sources", "hard_slice_words", "slice_field_words"):
        words = getattr(settings, name)
        if not words:
            raise DataError(source, name, "must list at least one word")
        for index, word in enumerate(words):
            if word != word.lower():
                raise DataError(source, f"{name}[{index}]", f"{word!r} must be lower case")
    check_unique_ids(settings.rules, source, "rules")
    for index, rule in enumerate(settings.rules):
        check_id(rule.id, source, f"rules[{index}].id")
    return settings


def _between(value: float, low: float, high: float, source: str, key: str) -> None:
    if not low <= value <= high:
        raise DataError(source, key, f"must be between {low:g} and {high:g}, not {value!r}")
