"""Score a readiness assessment and explain the verdict.

The rule, also stated on the method page:

- Yes, Partly and No count 1, 0.5 and 0; Not applicable leaves the item out.
- A dimension (a section of the checklist) scores the weighted mean of its
  answered items; a dimension with nothing to count has no score.
- The project scores the minimum over its scored dimensions: it is as ready as
  its weakest part.
- The score falls in a verdict band (`data/readiness.yml`). Two things hold the
  verdict below the top band whatever the numbers: a critical item answered No,
  and questions still unanswered (an assessment cannot be "ready" on half the
  evidence).
- The what-if names the fewest items that, answered Yes, lift the verdict one band.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from pilot2prod.model.checklists import Checklist, ChecklistItem
from pilot2prod.readiness.answers import Answers, Problem
from pilot2prod.readiness.rubric import EPSILON, Band, Rubric

ANSWER_SCORES: Mapping[str, float] = {"yes": 1.0, "partial": 0.5, "no": 0.0}
"""What each counted answer is worth; `na` is absent on purpose: it is not counted."""


@dataclass(frozen=True)
class ItemRef:
    """An item as the explanation shows it: what it asks, its answer, where the guidance is."""

    id: str
    text: str
    dimension: str
    dimension_title: str
    answer: str | None
    weight: float
    critical: bool
    guidance: str


@dataclass(frozen=True)
class Term:
    """One counted answer in a dimension's weighted mean: the item's weight times its value."""

    item: str
    weight: float
    value: float


@dataclass(frozen=True)
class DimensionScore:
    """One dimension's score, how much of it was answered, and the terms of its mean."""

    id: str
    title: str
    score: float | None
    counted: int
    not_applicable: int
    unanswered: int
    terms: tuple[Term, ...] = ()
    """The counted answers in checklist order, so an explanation can redo the sum."""

    @property
    def weight_total(self) -> float:
        """The sum of the counted items' weights: the mean's denominator."""
        return math.fsum(term.weight for term in self.terms)

    @property
    def weighted_sum(self) -> float:
        """The sum of weight times value over the counted items: the mean's numerator."""
        return math.fsum(term.weight * term.value for term in self.terms)

    @property
    def total(self) -> int:
        """How many questions the dimension asks."""
        return self.counted + self.not_applicable + self.unanswered


@dataclass(frozen=True)
class WhatIf:
    """The fewest items that, answered Yes, would lift the verdict to `target`."""

    target: Band
    items: tuple[ItemRef, ...]


@dataclass(frozen=True)
class Assessment:
    """The verdict with everything needed to explain it."""

    checklist: str
    checklist_version: str
    score: float | None
    band: Band | None
    numeric_band: Band | None
    capped: bool
    dimensions: tuple[DimensionScore, ...]
    weakest: DimensionScore | None
    capping: tuple[ItemRef, ...]
    gaps: tuple[ItemRef, ...]
    unanswered: tuple[ItemRef, ...]
    what_if: WhatIf | None
    problems: tuple[Problem, ...]

    @property
    def complete(self) -> bool:
        """True when every question has an answer (Not applicable counts as one)."""
        return not self.unanswered


def _ref(item: ChecklistItem, section_id: str, section_title: str, answer: str | None) -> ItemRef:
    return ItemRef(
        id=item.id,
        text=item.text,
        dimension=section_id,
        dimension_title=section_title,
        answer=answer,
        weight=item.weight,
        critical=item.critical,
        guidance=item.guidance,
    )


def _dimension_scores(
    checklist: Checklist, values: Mapping[str, str], scale: float
) -> tuple[DimensionScore, ...]:
    found = []
    for section in checklist.sections:
        total = 0.0
        weight = 0.0
        counted = not_applicable = unanswered = 0
        terms: list[Term] = []
        for item in section.items:
            answer = values.get(item.id)
            if answer is None:
                unanswered += 1
            elif answer == "na":
                not_applicable += 1
            else:
                counted += 1
                terms.append(Term(item.id, item.weight, ANSWER_SCORES[answer]))
                # Weights are rescaled by the largest one so sums of huge weights stay finite.
                w = item.weight / scale
                total += w * ANSWER_SCORES[answer]
                weight += w
        score = min(1.0, max(0.0, total / weight)) if weight > 0 else None
        found.append(
            DimensionScore(
                id=section.id,
                title=section.title,
                score=score,
                counted=counted,
                not_applicable=not_applicable,
                unanswered=unanswered,
                terms=tuple(terms),
            )
        )
    return tuple(found)


def _weight_scale(checklist: Checklist) -> float:
    largest = max((item.weight for item in checklist.items), default=1.0)
    return largest if math.isfinite(largest) and largest > 0 else 1.0


@dataclass(frozen=True)
class _Verdict:
    score: float | None
    band_index: int | None
    numeric_index: int | None
    capped: bool


def _verdict(
    checklist: Checklist, rubric: Rubric, values: Mapping[str, str], scale: float
) -> tuple[_Verdict, tuple[DimensionScore, ...]]:
    dimensions = _dimension_scores(checklist, values, scale)
    scored = [d.score for d in dimensions if d.score is not None]
    if not scored:
        return _Verdict(None, None, None, False), dimensions
    score = min(scored)
    numeric = rubric.band_index(score)
    top = len(rubric.bands) - 1
    critical_no = any(item.critical and values.get(item.id) == "no" for item in checklist.items)
    incomplete = any(item.id not in values for item in checklist.items)
    capped = numeric == top and (critical_no or incomplete)
    return _Verdict(score, top - 1 if capped else numeric, numeric, capped), dimensions


def _what_if(
    checklist: Checklist, rubric: Rubric, values: Mapping[str, str], current: int, scale: float
) -> WhatIf | None:
    """The fewest items to answer Yes so the verdict reaches the next band.

    Dimensions are independent (each item belongs to one), so the fewest items
    overall is the sum of the fewest per dimension. Reaching the top band first
    needs every critical No fixed and every open question answered; beyond that,
    within a dimension the weighted mean has a fixed denominator, so taking the
    items with the largest gain first is optimal.
    """
    top = len(rubric.bands) - 1
    if current >= top:
        return None
    target_index = current + 1
    threshold = rubric.bands[target_index].min_score
    chosen: dict[str, ChecklistItem] = {}
    if target_index == top:
        for item in checklist.items:
            if item.id not in values or (item.critical and values[item.id] == "no"):
                chosen[item.id] = item
    trial = dict(values)
    trial.update({item_id: "yes" for item_id in chosen})
    for section in checklist.sections:
        counted = [i for i in section.items if trial.get(i.id) in ANSWER_SCORES]
        weight = sum(i.weight / scale for i in counted)
        if weight <= 0:
            continue
        total = sum(i.weight / scale * ANSWER_SCORES[trial[i.id]] for i in counted)
        candidates = sorted(
            (i for i in counted if trial[i.id] != "yes"),
            key=lambda i: -(i.weight / scale) * (1.0 - ANSWER_SCORES[trial[i.id]]),
        )  # sorted() is stable: equal gains keep the checklist's order
        for item in candidates:
            if total / weight + EPSILON >= threshold:
                break
            total += item.weight / scale * (1.0 - ANSWER_SCORES[trial[item.id]])
            chosen[item.id] = item
            trial[item.id] = "yes"
    refs = tuple(
        _ref(item, section.id, section.title, values.get(item.id))
        for section in checklist.sections
        for item in section.items
        if item.id in chosen
    )
    return WhatIf(target=rubric.bands[target_index], items=refs)


def assess(checklist: Checklist, rubric: Rubric, answers: Answers) -> Assessment:
    """Score `answers` to `checklist` with the bands of `rubric`, and explain the verdict."""
    if rubric.checklist != checklist.id:
        raise ValueError(f"the rubric scores '{rubric.checklist}', not '{checklist.id}'")
    values = {k: v for k, v in answers.values.items() if v in ANSWER_SCORES or v == "na"}
    scale = _weight_scale(checklist)
    verdict, dimensions = _verdict(checklist, rubric, values, scale)
    scored = [d for d in dimensions if d.score is not None]
    weakest = min(scored, key=lambda d: d.score or 0.0) if scored else None
    capping: list[ItemRef] = []
    gaps: list[tuple[float, int, ItemRef]] = []
    unanswered: list[ItemRef] = []
    position = 0
    for section in checklist.sections:
        for item in section.items:
            answer = values.get(item.id)
            ref = _ref(item, section.id, section.title, answer)
            if answer is None:
                unanswered.append(ref)
            elif answer in ("no", "partial"):
                if item.critical and answer == "no":
                    capping.append(ref)
                gaps.append((item.weight * (1.0 - ANSWER_SCORES[answer]), position, ref))
            position += 1
    gaps.sort(key=lambda entry: (-entry[0], entry[1]))
    what_if = (
        _what_if(checklist, rubric, values, verdict.band_index, scale)
        if verdict.band_index is not None
        else None
    )
    return Assessment(
        checklist=checklist.id,
        checklist_version=checklist.version,
        score=verdict.score,
        band=rubric.bands[verdict.band_index] if verdict.band_index is not None else None,
        numeric_band=(
            rubric.bands[verdict.numeric_index] if verdict.numeric_index is not None else None
        ),
        capped=verdict.capped,
        dimensions=dimensions,
        weakest=weakest,
        capping=tuple(capping),
        gaps=tuple(ref for _, _, ref in gaps),
        unanswered=tuple(unanswered),
        what_if=what_if,
        problems=answers.problems,
    )
