"""The verdict bands of the readiness assessment (`data/readiness.yml`)."""

from __future__ import annotations

from dataclasses import dataclass

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import parse

EPSILON = 1e-9
"""Weighted means are floats: 4 of 5 may come out as 0.7999999; compare with a margin."""


@dataclass(frozen=True)
class Band:
    """A verdict band: scores from `min_score` up to the next band's `min_score`."""

    id: str
    label: str
    min_score: float
    meaning: str


@dataclass(frozen=True)
class Unscored:
    """What the verdict says while nothing can be counted yet."""

    label: str
    meaning: str


@dataclass(frozen=True)
class Rubric:
    """The verdict bands for one scaled checklist, lowest first (`data/readiness.yml`)."""

    checklist: str
    bands: tuple[Band, ...]
    unscored: Unscored

    def band_index(self, score: float) -> int:
        """The index of the band `score` falls in."""
        found = 0
        for index, band in enumerate(self.bands):
            if score + EPSILON >= band.min_score:
                found = index
        return found


def load_rubric(raw: object, source: str = "data/readiness.yml") -> Rubric:
    """Validate the verdict bands: at least two, starting at 0, rising, within 0..1."""
    rubric = parse(Rubric, raw, source)
    if len(rubric.bands) < 2:
        raise DataError(source, "bands", "needs at least two bands (one must be the top)")
    seen: set[str] = set()
    previous = -1.0
    for index, band in enumerate(rubric.bands):
        where = f"bands[{index}]"
        if band.id in seen:
            raise DataError(source, f"{where}.id", f"duplicate id {band.id!r}")
        seen.add(band.id)
        if not 0.0 <= band.min_score <= 1.0:
            raise DataError(source, f"{where}.min_score", "must be between 0 and 1")
        if index == 0 and band.min_score != 0.0:
            raise DataError(source, f"{where}.min_score", "the lowest band must start at 0")
        if band.min_score <= previous:
            raise DataError(source, f"{where}.min_score", "must be higher than the band before it")
        previous = band.min_score
    return rubric
