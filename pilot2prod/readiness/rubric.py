"""The verdict bands of the readiness assessment (`data/readiness.yml`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import ID_PATTERN, parse

EPSILON = 1e-9
"""Weighted means are floats: 4 of 5 may come out as 0.7999999; compare with a margin."""


COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
"""A band's colour: six hex digits, as CSS reads them."""


@dataclass(frozen=True)
class BandColour:
    """How a band is marked on the page, in the light and in the dark scheme."""

    light: str
    dark: str


@dataclass(frozen=True)
class Band:
    """A verdict band: scores from `min_score` up to the next band's `min_score`."""

    id: str
    label: str
    min_score: float
    meaning: str
    colour: BandColour | None = None
    """The band's colour on the page (`#rrggbb` for each scheme); none leaves it unmarked."""
    aliases: tuple[str, ...] = ()
    """Ids the band had before a rename: `--fail-under` and files sent back by a page still
    name it by them."""


@dataclass(frozen=True)
class Unscored:
    """What the verdict says while nothing can be counted yet."""

    label: str
    meaning: str


RiskLevel = Literal["high", "medium", "low"]
OpenState = Literal["no", "partial", "open"]
"""How a question is open: answered No or Partly, or not answered yet (unanswered, or Not
applicable without a reason)."""


@dataclass(frozen=True)
class WeightWord:
    """What a weight is called on the page: 3 is essential, 2 important, 1 useful."""

    weight: float
    word: str


@dataclass(frozen=True)
class RiskRule:
    """One rule for the risk of an open question; the first rule that matches decides.

    Each condition left out matches everything: a rule with none is the catch-all.
    """

    level: RiskLevel
    answers: tuple[OpenState, ...] = ("no", "partial", "open")
    critical: bool | None = None
    min_weight: float = 0.0

    def matches(self, state: str, critical: bool, weight: float) -> bool:
        """True when a question in `state` with this weight and critical flag falls under it."""
        if state not in self.answers or weight + EPSILON < self.min_weight:
            return False
        return self.critical is None or self.critical == critical

    @property
    def catch_all(self) -> bool:
        """True when the rule matches every open question."""
        return set(self.answers) == {"no", "partial", "open"} and (
            self.critical is None and self.min_weight <= 0
        )


@dataclass(frozen=True)
class Rubric:
    """The verdict bands for one scaled checklist, lowest first (`data/readiness.yml`), and
    the rules the verdict follows: where a critical No caps it, what weights are called, and
    how risky each open question is."""

    checklist: str
    bands: tuple[Band, ...]
    unscored: Unscored
    weights: tuple[WeightWord, ...]
    risks: tuple[RiskRule, ...]
    critical_cap: str | None = None
    """The band a critical question answered No holds the verdict at, at most (default: the
    lowest band)."""

    @property
    def cap_index(self) -> int:
        """The index of the band a critical No caps the verdict at."""
        capped = self.band(self.critical_cap) if self.critical_cap else None
        return self.bands.index(capped) if capped else 0

    def band(self, band_id: str) -> Band | None:
        """The band with `band_id`, or with it among its aliases; None when no band has it."""
        for band in self.bands:
            if band_id == band.id or band_id in band.aliases:
                return band
        return None

    @functools.cached_property
    def _weights_in_order(self) -> tuple[WeightWord, ...]:
        # Sorted once: every question of every scored file asks for its word.
        return tuple(sorted(self.weights, key=lambda e: e.weight))

    def weight_word(self, weight: float) -> str:
        """The word for `weight`: the entry with the largest weight not above it."""
        found = ""
        for entry in self._weights_in_order:
            if weight + EPSILON >= entry.weight:
                found = entry.word
        return found or min(self.weights, key=lambda e: e.weight).word

    def risk(self, state: str, critical: bool, weight: float) -> RiskLevel:
        """The risk of an open question, by the first rule that matches."""
        for rule in self.risks:
            if rule.matches(state, critical, weight):
                return rule.level
        return self.risks[-1].level  # unreachable: the loader insists on a catch-all

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
        for key, name in [("id", band.id), *(("aliases", alias) for alias in band.aliases)]:
            if key == "aliases" and not ID_PATTERN.fullmatch(name):
                raise DataError(source, f"{where}.aliases", f"{name!r} is not an id")
            if name in seen:
                raise DataError(source, f"{where}.{key}", f"duplicate id {name!r}")
            seen.add(name)
        if band.colour is not None:
            for scheme in ("light", "dark"):
                if not COLOUR.fullmatch(getattr(band.colour, scheme)):
                    raise DataError(
                        source, f"{where}.colour.{scheme}", "must be a colour such as #1f5f99"
                    )
        if not 0.0 <= band.min_score <= 1.0:
            raise DataError(source, f"{where}.min_score", "must be between 0 and 1")
        if index == 0 and band.min_score != 0.0:
            raise DataError(source, f"{where}.min_score", "the lowest band must start at 0")
        if band.min_score <= previous:
            raise DataError(source, f"{where}.min_score", "must be higher than the band before it")
        previous = band.min_score
    if rubric.critical_cap is not None and rubric.critical_cap not in seen:
        known = ", ".join(band.id for band in rubric.bands)
        raise DataError(source, "critical_cap", f"no band {rubric.critical_cap!r} ({known})")
    if rubric.band(rubric.critical_cap or "") is rubric.bands[-1]:
        raise DataError(source, "critical_cap", "must be below the top band, or it caps nothing")
    if not rubric.weights:
        raise DataError(source, "weights", "must name at least one weight")
    if not rubric.risks or not rubric.risks[-1].catch_all:
        raise DataError(
            source, "risks", "the last rule must match every open question (no conditions)"
        )
    for index, rule in enumerate(rubric.risks):
        if not rule.answers:
            raise DataError(source, f"risks[{index}].answers", "must list at least one state")
    return rubric
