"""Honest figures from pass/fail counts: intervals, exact bounds, weighted rates, differences.

The one statistics module: every interval the CLI prints, a record holds or the page draws is
computed here, and `tests/unit/test_evidence_stats.py` checks it against statsmodels. Standard
library only (it runs in Pyodide), so the normal quantile comes from `statistics.NormalDist`
and the exact binomial bounds from a regularised incomplete beta written out below.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from statistics import NormalDist

CONFIDENCE = 0.95
"""The confidence of every interval unless a caller asks for another."""


@dataclass(frozen=True)
class Interval:
    """A range for a rate (or a difference of rates), as fractions."""

    low: float
    high: float


@cache
def z_value(confidence: float = CONFIDENCE) -> float:
    """The two-sided normal quantile for `confidence` (1.96 for 95%)."""
    _check_confidence(confidence)
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence!r}")


def _check_counts(passed: int, cases: int) -> None:
    if cases < 0 or not 0 <= passed <= cases:
        raise ValueError(f"{passed} passes of {cases} cases is not a count")


def _wilson_from(rate: float, cases: float, z: float) -> Interval:
    """Wilson's score interval for an observed `rate` over `cases` (which may be fractional,
    as an effective sample size is)."""
    if cases <= 0:
        return Interval(0.0, 1.0)
    z2 = z * z
    denominator = 1 + z2 / cases
    centre = (rate + z2 / (2 * cases)) / denominator
    spread = z * math.sqrt(rate * (1 - rate) / cases + z2 / (4 * cases * cases)) / denominator
    # At 0 or all passes the bound is exactly 0 or 1 on paper; rounding must not cross it.
    low = 0.0 if rate <= 0 else min(rate, max(0.0, centre - spread))
    high = 1.0 if rate >= 1 else max(rate, min(1.0, centre + spread))
    return Interval(low, high)


def wilson(passed: int, cases: int, confidence: float = CONFIDENCE) -> Interval:
    """The Wilson score interval for `passed` of `cases`; with no cases, the whole of 0 to 1."""
    _check_counts(passed, cases)
    if cases == 0:
        return Interval(0.0, 1.0)
    return _wilson_from(passed / cases, cases, z_value(confidence))


# --- exact (Clopper-Pearson) bounds -----------------------------------------------------------


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 100_000):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return result


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b), for a, b > 0."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The fraction converges quickly only on its own side of the mean; use symmetry otherwise.
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1 - front * _beta_fraction(b, a, 1 - x) / b


def _beta_quantile(probability: float, a: float, b: float) -> float:
    """The x with I_x(a, b) = probability, by bisection (I is increasing in x)."""
    low, high = 0.0, 1.0
    for _ in range(200):
        middle = (low + high) / 2
        if beta_cdf(middle, a, b) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-15:
            break
    return (low + high) / 2


def clopper_pearson(passed: int, cases: int, confidence: float = CONFIDENCE) -> Interval:
    """The exact (Clopper-Pearson) interval: never narrower than the truth warrants."""
    _check_counts(passed, cases)
    _check_confidence(confidence)
    if cases == 0:
        return Interval(0.0, 1.0)
    tail = (1 - confidence) / 2
    # Closed forms at the edges: exact, and where bisection would be slowest.
    if passed == 0:
        low, high = 0.0, 1 - tail ** (1 / cases)
    elif passed == cases:
        low, high = tail ** (1 / cases), 1.0
    else:
        low = _beta_quantile(tail, passed, cases - passed + 1)
        high = _beta_quantile(1 - tail, passed + 1, cases - passed)
    return Interval(low, high)


def zero_failure_upper(cases: int, confidence: float = CONFIDENCE) -> float:
    """With no failures in `cases`, the exact one-sided upper bound on the failure rate.

    1 - (1 - confidence)^(1/n); for 95% and large n this is close to 3/n, the "rule of three".
    """
    _check_confidence(confidence)
    if cases <= 0:
        return 1.0
    return -math.expm1(math.log(1 - confidence) / cases)


def rule_of_three(cases: int) -> float:
    """The rule of thumb 3/n for the 95% upper bound on a failure rate never observed."""
    return 1.0 if cases <= 3 else 3 / cases


# --- percentiles ----------------------------------------------------------------------------


def percentile(ordered: Sequence[float], share: float) -> float:
    """The `share` (0-1) percentile of sorted values, linearly interpolated between the two
    nearest ranks (numpy's default, and `statistics.quantiles(method="inclusive")`)."""
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * share
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    fraction = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * fraction


# --- weighted to production -----------------------------------------------------------------


@dataclass(frozen=True)
class Stratum:
    """One slice as the weighting sees it: what the evaluation found, and its share of traffic."""

    cases: int
    passed: int
    weight: float


@dataclass(frozen=True)
class Weighted:
    """The pass rate expected on production's mix, and what the evaluation could not see.

    `rate`, `low` and `high` cover the tested part of traffic; `untested_share` is the traffic
    in slices with no cases; `all_low`..`all_high` is the whole traffic's pass rate, from the
    untested part all failing (and the tested part at its low bound) to it all passing.
    """

    rate: float | None
    low: float
    high: float
    untested_share: float
    all_low: float
    all_high: float
    effective_cases: float


def stratified(strata: Sequence[Stratum], confidence: float = CONFIDENCE) -> Weighted:
    """The production-weighted pass rate: each slice's rate weighted by its traffic share.

    The interval is Wilson's, on the weighted rate, with Kish's effective sample size
    1 / sum(w^2 / n): it is the plain Wilson interval when the evaluation's mix equals
    production's, and it widens when heavy traffic rests on a few cases.
    """
    total = sum(stratum.weight for stratum in strata)
    if not strata or total <= 0 or not math.isfinite(total):
        raise ValueError("the production mix must give some traffic a positive share")
    for stratum in strata:
        _check_counts(stratum.passed, stratum.cases)
        if stratum.weight < 0 or not math.isfinite(stratum.weight):
            raise ValueError("a traffic share must be a finite number, zero or more")
    tested = [s for s in strata if s.cases > 0 and s.weight > 0]
    tested_weight = sum(s.weight for s in tested)
    untested = max(0.0, min(1.0, 1 - tested_weight / total))
    if not tested:
        return Weighted(None, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0)
    rate = sum(s.weight / tested_weight * s.passed / s.cases for s in tested)
    rate = max(0.0, min(1.0, rate))
    effective = 1 / sum((s.weight / tested_weight) ** 2 / s.cases for s in tested)
    interval = _wilson_from(rate, effective, z_value(confidence))
    share = 1 - untested
    return Weighted(
        rate=rate,
        low=interval.low,
        high=interval.high,
        untested_share=untested,
        all_low=share * interval.low,
        all_high=min(1.0, share * interval.high + untested),
        effective_cases=effective,
    )


# --- what it would take ---------------------------------------------------------------------

NEEDED_CAP = 10**12
"""Beyond this many more cases the answer is "more than anyone will label"."""


def cases_needed(
    passed: int, cases: int, target: float, confidence: float = CONFIDENCE
) -> int | None:
    """How many more cases, all passing, lift the Wilson lower bound to `target`.

    0 when it is there already; None when no number of cases can (a target of 100%, or more
    than NEEDED_CAP cases).
    """
    _check_counts(passed, cases)
    if target <= 0:
        return 0
    if target >= 1:
        return None
    z = z_value(confidence)

    def reaches(more: int) -> bool:
        total = cases + more
        return total > 0 and _wilson_from((passed + more) / total, total, z).low >= target

    if reaches(0):
        return 0
    high = 1
    while not reaches(high):
        high *= 2
        if high > NEEDED_CAP:
            return None
    low = high // 2  # reaches(low) is false (or low is 0, checked above)
    while high - low > 1:
        middle = (low + high) // 2
        if reaches(middle):
            high = middle
        else:
            low = middle
    return high


# --- before and after -----------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """The change in pass rate from one run to another (after minus before), with its interval."""

    estimate: float
    low: float
    high: float
    paired: bool


def difference_unpaired(
    new_passed: int,
    new_cases: int,
    old_passed: int,
    old_cases: int,
    confidence: float = CONFIDENCE,
) -> Difference:
    """New rate minus old rate for two independent samples: Newcombe's hybrid score interval
    (his method 10), built from the two Wilson intervals."""
    if new_cases == 0 or old_cases == 0:
        raise ValueError("both runs need cases to compare")
    new, old = new_passed / new_cases, old_passed / old_cases
    new_ci = wilson(new_passed, new_cases, confidence)
    old_ci = wilson(old_passed, old_cases, confidence)
    estimate = new - old
    low = estimate - math.hypot(new - new_ci.low, old_ci.high - old)
    high = estimate + math.hypot(new_ci.high - new, old - old_ci.low)
    return Difference(estimate, max(-1.0, low), min(1.0, high), paired=False)


def difference_paired(
    both: int, only_new: int, only_old: int, neither: int, confidence: float = CONFIDENCE
) -> Difference:
    """New rate minus old rate over the same cases run twice: Newcombe's score interval for
    paired data (his method 10), which credits the correlation between the two runs.

    `both` passed in both runs, `only_new` passed only in the new one, `only_old` only in the
    old one, `neither` in neither.
    """
    counts = (both, only_new, only_old, neither)
    if any(count < 0 for count in counts):
        raise ValueError("pair counts must not be negative")
    total = sum(counts)
    if total == 0:
        raise ValueError("no cases ran in both runs")
    new_passed, old_passed = both + only_new, both + only_old
    new, old = new_passed / total, old_passed / total
    new_ci = wilson(new_passed, total, confidence)
    old_ci = wilson(old_passed, total, confidence)
    margins = (new_passed, total - new_passed, old_passed, total - old_passed)
    product = math.prod(float(m) for m in margins)
    # phi, the correlation of the two runs' outcomes; 0 when a run is all one outcome.
    phi = (both * neither - only_new * only_old) / math.sqrt(product) if product > 0 else 0.0
    estimate = new - old
    d_new_low, d_new_high = new - new_ci.low, new_ci.high - new
    d_old_low, d_old_high = old - old_ci.low, old_ci.high - old
    low = estimate - math.sqrt(
        max(0.0, d_new_low**2 - 2 * phi * d_new_low * d_old_high + d_old_high**2)
    )
    high = estimate + math.sqrt(
        max(0.0, d_old_low**2 - 2 * phi * d_old_low * d_new_high + d_new_high**2)
    )
    return Difference(estimate, max(-1.0, low), min(1.0, high), paired=True)
