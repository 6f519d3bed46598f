"""The estimator's arithmetic: each stream's range, the seeded Monte Carlo total, calibration.

Each work stream gets a low / likely / high range in person-weeks: the likely value is the
pilot's effort times the stream's ratio (never below a floor), scaled by the multipliers of the
project's traits, reduced by the readiness the team has already reached and scaled by the
calibration from its own history. The total is a seeded Monte Carlo sum of triangular draws, so
P50/P80/P90 are reproducible to the last digit on any machine, the browser included.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pilot2prod.calculators.effort.inputs import EffortInputs
from pilot2prod.calculators.effort.model import (
    TARGET_ALL,
    TARGET_OPERATE,
    TARGET_UNCERTAINTY,
    EffortModel,
    Stream,
)

PERCENTILES = (0.5, 0.8, 0.9)

SPREAD = (0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95)
"""Quantiles of the simulated total reported beside the histogram as its text equivalent."""


@dataclass(frozen=True)
class Range:
    """Low / likely / high person-weeks for one work stream."""

    low: float
    likely: float
    high: float


@dataclass(frozen=True)
class Step:
    """One factor in a stream's likely effort or spread, named so the method page can show it."""

    label: str
    value: float


@dataclass(frozen=True)
class StreamPlan:
    """How a stream's range is built: a base, factors on the likely value and on the spread."""

    stream: Stream
    base: float
    floored: bool
    """True when the stream's minimum replaced ratio x pilot effort."""
    steps: tuple[Step, ...]
    spread: tuple[Step, ...]

    @property
    def range(self) -> Range:
        """Low / likely / high from the base and the factors."""
        likely = self.base
        for step in self.steps:
            likely *= step.value
        uncertainty = 1.0
        for step in self.spread:
            uncertainty *= step.value
        high = likely * (1 + (self.stream.high.value - 1) * uncertainty)
        return Range(likely * self.stream.low.value, likely, high)


def _level_steps(model: EffortModel, levels: Mapping[str, str], target: str) -> list[Step]:
    """The multipliers the chosen levels apply to `target`, in trait order."""
    steps: list[Step] = []
    for trait in model.traits:
        level = trait.level(levels[trait.id])
        for multiplier in level.multipliers:
            if multiplier.to == target or (
                multiplier.to == TARGET_ALL and target not in _NON_STREAM_TARGETS
            ):
                steps.append(Step(f"{trait.label}: {level.label}", multiplier.by))
    return steps


_NON_STREAM_TARGETS = frozenset({TARGET_OPERATE, TARGET_UNCERTAINTY})


def stream_plans(
    model: EffortModel,
    inputs: EffortInputs,
    *,
    factor: float = 1.0,
    readiness: bool = True,
    pilot_weeks: float | None = None,
) -> tuple[StreamPlan, ...]:
    """Each stream's base and factors, in the order of `model.streams`."""
    pilot = inputs.pilot_weeks if pilot_weeks is None else pilot_weeks
    count_systems = not any(
        trait.level(inputs.levels[trait.id]).ignores_systems for trait in model.traits
    )
    spread = tuple(_level_steps(model, inputs.levels, TARGET_UNCERTAINTY))
    credit = model.readiness.credit.value
    plans: list[StreamPlan] = []
    for stream in model.streams:
        scaled = stream.ratio.value * pilot
        steps = _level_steps(model, inputs.levels, stream.id)
        if stream.id == model.systems.stream and count_systems and inputs.systems > 1:
            extra = model.systems.per_additional.value * (inputs.systems - 1)
            steps.append(Step(f"{inputs.systems} systems to connect", 1 + extra))
        if readiness and stream.dimension in inputs.readiness:
            score = inputs.readiness[stream.dimension]
            steps.append(Step(f"{stream.dimension} readiness {score:.0%}", 1 - credit * score))
        if factor != 1.0:
            steps.append(Step("calibration from past projects", factor))
        plans.append(
            StreamPlan(
                stream=stream,
                base=max(scaled, stream.minimum.value),
                floored=stream.minimum.value > scaled,
                steps=tuple(steps),
                spread=spread,
            )
        )
    return tuple(plans)


def stream_ranges(
    model: EffortModel,
    inputs: EffortInputs,
    *,
    factor: float = 1.0,
    readiness: bool = True,
    pilot_weeks: float | None = None,
) -> tuple[Range, ...]:
    """Each stream's low / likely / high, in the order of `model.streams`."""
    plans = stream_plans(model, inputs, factor=factor, readiness=readiness, pilot_weeks=pilot_weeks)
    return tuple(plan.range for plan in plans)


def operate_steps(model: EffortModel, inputs: EffortInputs) -> tuple[Step, ...]:
    """The factors the chosen levels apply to the yearly operating effort."""
    return tuple(_level_steps(model, inputs.levels, TARGET_OPERATE))


def triangular_quantile(span: Range, p: float) -> float:
    """The `p` quantile of the triangular distribution over `span` (inverse CDF)."""
    low, mode, high = span.low, span.likely, span.high
    width = high - low
    if width <= 0:
        return mode
    cut = (mode - low) / width
    if p < cut:
        return low + math.sqrt(p * width * (mode - low))
    return high - math.sqrt((1 - p) * width * (high - mode))


def simulate_total(ranges: Sequence[Range], draws: int, seed: int, shared: float) -> list[float]:
    """Sorted totals of `draws` seeded triangular draws, one per stream per draw.

    A share `shared` of the draws moves every stream by the same quantile: overruns
    travel together (one team, one set of unknowns), and summing only independent
    draws would make the total look far more certain than it is. The rest are
    independent. Each stream's own distribution stays exactly triangular.

    This runs on every change in the browser, where Pyodide makes each call into C
    expensive: hence one list comprehension per stream over precomputed constants,
    and `** 0.5` rather than `math.sqrt` (about three times faster there).
    """
    rnd = random.Random(seed).random
    together = round(draws * shared)
    common = [rnd() for _ in range(together)]
    linked = [0.0] * together
    apart = [0.0] * (draws - together)
    for span in ranges:
        low, mode, high = span.low, span.likely, span.high
        width = high - low
        if width <= 0:
            linked = [t + mode for t in linked]
            apart = [t + mode for t in apart]
            continue
        cut = (mode - low) / width
        k_low = width * (mode - low)
        k_high = width * (high - mode)
        linked = [
            t + (low + (u * k_low) ** 0.5 if u < cut else high - ((1.0 - u) * k_high) ** 0.5)
            for t, u in zip(linked, common, strict=True)
        ]
        apart = [
            t
            + (
                low + (u * k_low) ** 0.5
                if (u := rnd()) < cut
                else high - ((1.0 - u) * k_high) ** 0.5
            )
            for t in apart
        ]
    linked.extend(apart)
    linked.sort()
    return linked


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The `p` quantile of sorted values, interpolating between neighbours."""
    if not sorted_values:
        return 0.0
    position = p * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    fraction = position - below
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * fraction


@dataclass(frozen=True)
class Calibration:
    """How a team's past projects moved the estimate."""

    pairs: int
    observed_multiple: float
    """Geometric mean of production / pilot effort in the team's history."""
    model_multiple: float
    """Geometric mean of what the model, uncalibrated, says for the same pilots."""
    weight: float
    """How much the history counts against the defaults: pairs / (pairs + prior weight)."""
    factor: float
    limited: bool
    """True when the factor hit the bound in `calibration.max_factor`."""


def calibrate(model: EffortModel, inputs: EffortInputs) -> Calibration | None:
    """The calibration factor from the team's (pilot, production) history, or None.

    Each past project is compared with what the model says for a pilot of its size and
    this project's traits, so it assumes the history holds projects of a similar kind.
    The log-ratios are averaged and shrunk towards no change by the prior weight: one
    or two projects nudge the defaults, a long history replaces them.
    """
    if not inputs.history:
        return None
    log_ratios: list[float] = []
    log_observed: list[float] = []
    log_model: list[float] = []
    for pilot, production in inputs.history:
        predicted = math.fsum(
            r.likely for r in stream_ranges(model, inputs, readiness=False, pilot_weeks=pilot)
        )
        log_observed.append(math.log(production / pilot))
        log_model.append(math.log(predicted / pilot))
        log_ratios.append(math.log(production / predicted))
    count = len(log_ratios)
    weight = count / (count + model.calibration.prior_weight.value)
    raw_log = weight * math.fsum(log_ratios) / count
    bound = math.log(model.calibration.max_factor.value)
    limited = abs(raw_log) > bound
    clipped = max(-bound, min(bound, raw_log))
    return Calibration(
        pairs=count,
        observed_multiple=math.exp(math.fsum(log_observed) / count),
        model_multiple=math.exp(math.fsum(log_model) / count),
        weight=weight,
        factor=math.exp(clipped),
        limited=limited,
    )


@dataclass(frozen=True)
class StreamEstimate:
    """One work stream's range and its own percentiles (exact, from the triangle)."""

    id: str
    title: str
    low: float
    likely: float
    high: float
    p50: float
    p80: float
    p90: float


@dataclass(frozen=True)
class EffortEstimate:
    """The estimator's answer for one set of inputs."""

    streams: tuple[StreamEstimate, ...]
    low: float
    likely: float
    high: float
    mean: float
    p50: float
    p80: float
    p90: float
    pilot_weeks: float
    pilot_share: float
    """The pilot's part of pilot plus production work at P50."""
    operate_weeks: float
    """Person-weeks a year to operate and maintain the live system."""
    operate_fte: float
    calibration: Calibration | None
    readiness: Mapping[str, float]
    draws: int
    seed: int
    histogram: tuple[tuple[float, float, int], ...]
    """Bins of the simulated totals: (from, to, draws)."""
    spread: tuple[tuple[float, float], ...]
    """(quantile, total) for each quantile in SPREAD."""


def _histogram(totals: Sequence[float], bins: int = 24) -> tuple[tuple[float, float, int], ...]:
    low, high = totals[0], totals[-1]
    if high <= low:
        return ((low, high, len(totals)),)
    width = (high - low) / bins
    edges = [low + width * i for i in range(bins)] + [high]
    counts: list[tuple[float, float, int]] = []
    start = 0
    for i in range(bins):
        end = len(totals) if i == bins - 1 else bisect_right(totals, edges[i + 1], lo=start)
        counts.append((edges[i], edges[i + 1], end - start))
        start = end
    return tuple(counts)


def estimate(model: EffortModel, inputs: EffortInputs) -> EffortEstimate:
    """Run the estimator: ranges per stream, Monte Carlo total, operating effort."""
    calibration = calibrate(model, inputs)
    factor = calibration.factor if calibration else 1.0
    ranges = stream_ranges(model, inputs, factor=factor)
    draws = int(model.simulation.draws.value)
    seed = int(model.simulation.seed.value)
    totals = simulate_total(ranges, draws, seed, model.simulation.shared_overrun.value)
    streams = tuple(
        StreamEstimate(
            id=stream.id,
            title=stream.title,
            low=span.low,
            likely=span.likely,
            high=span.high,
            p50=triangular_quantile(span, 0.5),
            p80=triangular_quantile(span, 0.8),
            p90=triangular_quantile(span, 0.9),
        )
        for stream, span in zip(model.streams, ranges, strict=True)
    )
    likely = math.fsum(span.likely for span in ranges)
    p50, p80, p90 = (percentile(totals, p) for p in PERCENTILES)
    operate = model.operate
    operate_weeks = max(operate.fraction.value * likely, operate.minimum.value)
    for step in operate_steps(model, inputs):
        operate_weeks *= step.value
    return EffortEstimate(
        streams=streams,
        low=math.fsum(span.low for span in ranges),
        likely=likely,
        high=math.fsum(span.high for span in ranges),
        mean=math.fsum(totals) / len(totals),
        p50=p50,
        p80=p80,
        p90=p90,
        pilot_weeks=inputs.pilot_weeks,
        pilot_share=inputs.pilot_weeks / (inputs.pilot_weeks + p50),
        operate_weeks=operate_weeks,
        operate_fte=operate_weeks / operate.weeks_per_year.value,
        calibration=calibration,
        readiness=dict(inputs.readiness),
        draws=draws,
        seed=seed,
        histogram=_histogram(totals),
        spread=tuple((p, percentile(totals, p)) for p in SPREAD),
    )
