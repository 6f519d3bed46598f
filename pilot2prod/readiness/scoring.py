"""Score a readiness assessment and explain the verdict.

The rule, also stated on the method page:

- Yes, Partly and No count 1, 0.5 and 0; Not applicable leaves the item out.
- A dimension (a section of the checklist) scores the weighted mean of its
  answered items; a dimension with nothing to count has no score.
- The project scores the minimum over its scored dimensions: it is as ready as
  its weakest part.
- The score falls in a verdict band (`data/readiness.yml`). A critical item answered
  No holds the verdict at the band the rubric names (`critical_cap`, the lowest by
  default), whatever the numbers; a question still open (unanswered, or Not
  applicable without a reason) keeps it below the top band (an assessment cannot be
  "ready" on half the evidence).
- Every open question carries a risk level from the rubric's rules.
- The path names, band by band up to the top, the fewest items that, answered Yes,
  lift the verdict there; its first step is the what-if.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pilot2prod.model.checklists import Checklist, ChecklistItem
from pilot2prod.readiness.answers import Answers, Identity, Problem
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
    weight_word: str = ""
    """The weight in words: essential, important, useful (`data/readiness.yml`)."""
    risk: str | None = None
    """high, medium or low while the question is open; None once it is settled."""
    owner: str = ""
    note: str = ""
    reason_missing: bool = False
    """Not applicable without a reason: it counts as open, like an unanswered question."""


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
    """The fewest items that, answered Yes, would lift the verdict to `target`; on the path to
    the top band, the items a step adds to the ones before it."""

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
    unreasoned: tuple[ItemRef, ...] = ()
    """Not applicable without a reason: open, like unanswered questions."""
    path: tuple[WhatIf, ...] = ()
    """The ordered steps from the verdict to each higher band, up to the top."""
    risks: tuple[ItemRef, ...] = ()
    """Every open question with its risk, highest risk first, then the largest gap."""
    items: tuple[ItemRef, ...] = ()
    """Every question in checklist order, with its answer, note, owner and risk."""
    identity: Identity = field(default_factory=Identity)
    kept_aside: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The answers' set-aside entries (questions no longer asked), shown but not counted."""

    @property
    def complete(self) -> bool:
        """True when every question has an answer (Not applicable with a reason counts)."""
        return not self.unanswered and not self.unreasoned


def _ref(
    item: ChecklistItem,
    section_id: str,
    section_title: str,
    answer: str | None,
    rubric: Rubric | None = None,
    answers: Answers | None = None,
) -> ItemRef:
    note = answers.notes.get(item.id, "") if answers else ""
    owner = answers.owners.get(item.id, "") if answers else ""
    reason_missing = answer == "na" and not note.strip()
    state = "open" if answer is None or reason_missing else answer
    risk = None
    if rubric is not None and state in ("no", "partial", "open"):
        risk = rubric.risk(state, item.critical, item.weight)
    return ItemRef(
        id=item.id,
        text=item.text,
        dimension=section_id,
        dimension_title=section_title,
        answer=answer,
        weight=item.weight,
        critical=item.critical,
        guidance=item.guidance,
        weight_word=rubric.weight_word(item.weight) if rubric else "",
        risk=risk,
        owner=owner,
        note=note,
        reason_missing=reason_missing,
    )


def _dimension_scores(
    checklist: Checklist, values: Mapping[str, str]
) -> tuple[DimensionScore, ...]:
    found = []
    for section in checklist.sections:
        scale = _weight_scale(section.items)
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
                # Weights are rescaled by the dimension's largest, so sums of huge weights stay
                # finite and tiny ones do not underflow to zero when multiplied by a score.
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


def _weight_scale(items: Iterable[ChecklistItem]) -> float:
    """The largest weight among `items`: each dimension's mean divides its weights by it."""
    largest = max((item.weight for item in items), default=1.0)
    return largest if math.isfinite(largest) and largest > 0 else 1.0


@dataclass(frozen=True)
class _Verdict:
    score: float | None
    band_index: int | None
    numeric_index: int | None
    capped: bool


def _verdict(
    checklist: Checklist, rubric: Rubric, values: Mapping[str, str]
) -> tuple[_Verdict, tuple[DimensionScore, ...]]:
    dimensions = _dimension_scores(checklist, values)
    scored = [d.score for d in dimensions if d.score is not None]
    if not scored:
        return _Verdict(None, None, None, False), dimensions
    score = min(scored)
    numeric = rubric.band_index(score)
    top = len(rubric.bands) - 1
    band = numeric
    if any(item.critical and values.get(item.id) == "no" for item in checklist.items):
        band = min(band, rubric.cap_index)  # a critical No holds the verdict at the cap
    if band == top and any(item.id not in values for item in checklist.items):
        band = top - 1  # an assessment cannot be "ready" on half the evidence
    return _Verdict(score, band, numeric, band < numeric), dimensions


def _needed(
    checklist: Checklist, rubric: Rubric, values: Mapping[str, str], target: int
) -> set[str]:
    """The fewest items to answer Yes so the verdict reaches band `target`.

    Dimensions are independent (each item belongs to one), so the fewest items overall is
    the sum of the fewest per dimension. A band above the critical cap first needs every
    critical No fixed, and the top band every open question answered; beyond that, within a
    dimension the weighted mean has a fixed denominator, so taking the items with the
    largest gain first is optimal.
    """
    top = len(rubric.bands) - 1
    threshold = rubric.bands[target].min_score
    chosen: set[str] = set()
    for item in checklist.items:
        answer = values.get(item.id)
        if target > rubric.cap_index and item.critical and answer == "no":
            chosen.add(item.id)
        if target == top and answer is None:
            chosen.add(item.id)
    trial = dict(values)
    trial.update(dict.fromkeys(chosen, "yes"))
    for section in checklist.sections:
        scale = _weight_scale(section.items)  # as the dimension's score divides them
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
            chosen.add(item.id)
            trial[item.id] = "yes"
    return chosen


def _path(
    checklist: Checklist,
    rubric: Rubric,
    values: Mapping[str, str],
    current: int,
    refs: Mapping[str, ItemRef],
) -> tuple[WhatIf, ...]:
    """The steps from band `current` to each higher band up to the top: each step lists the
    items it adds to the steps before it, in checklist order."""
    steps: list[WhatIf] = []
    done: set[str] = set()
    for target in range(current + 1, len(rubric.bands)):
        new = _needed(checklist, rubric, values, target) - done
        done |= new
        items = tuple(refs[item.id] for item in checklist.items if item.id in new)
        steps.append(WhatIf(target=rubric.bands[target], items=items))
    return tuple(steps)


_RISK_ORDER = {"high": 0, "medium": 1, "low": 2}


def assess(
    checklist: Checklist, rubric: Rubric, answers: Answers, *, with_path: bool = True
) -> Assessment:
    """Score `answers` to `checklist` with the bands of `rubric`, and explain the verdict.

    `with_path=False` leaves out the path to higher bands (and the what-if): a portfolio of
    thousands of projects needs each verdict and its risks, and the path is most of the work.
    """
    if rubric.checklist != checklist.id:
        raise ValueError(f"the rubric scores '{rubric.checklist}', not '{checklist.id}'")
    given = {k: v for k, v in answers.values.items() if v in ANSWER_SCORES or v == "na"}
    refs = {
        item.id: _ref(item, section.id, section.title, given.get(item.id), rubric, answers)
        for section in checklist.sections
        for item in section.items
    }
    # Not applicable without a reason is open, like a question nobody answered yet.
    values = {k: v for k, v in given.items() if not refs[k].reason_missing}
    verdict, dimensions = _verdict(checklist, rubric, values)
    scored = [d for d in dimensions if d.score is not None]
    weakest = min(scored, key=lambda d: d.score or 0.0) if scored else None
    capping: list[ItemRef] = []
    gaps: list[tuple[float, int, ItemRef]] = []
    unanswered: list[ItemRef] = []
    unreasoned: list[ItemRef] = []
    for position, item in enumerate(checklist.items):
        ref = refs[item.id]
        if ref.answer is None:
            unanswered.append(ref)
        elif ref.reason_missing:
            unreasoned.append(ref)
        elif ref.answer in ("no", "partial"):
            if item.critical and ref.answer == "no":
                capping.append(ref)
            gaps.append((item.weight * (1.0 - ANSWER_SCORES[ref.answer]), position, ref))
    gaps.sort(key=lambda entry: (-entry[0], entry[1]))
    path = (
        _path(checklist, rubric, values, verdict.band_index, refs)
        if verdict.band_index is not None and with_path
        else ()
    )
    open_items = [ref for _, _, ref in gaps] + unreasoned + unanswered
    risks = sorted(open_items, key=lambda ref: _RISK_ORDER.get(ref.risk or "low", 2))
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
        what_if=path[0] if path else None,
        problems=answers.problems,
        unreasoned=tuple(unreasoned),
        path=path,
        risks=tuple(risks),
        items=tuple(refs[item.id] for item in checklist.items),
        identity=answers.identity,
        kept_aside=answers.kept_aside,
    )
