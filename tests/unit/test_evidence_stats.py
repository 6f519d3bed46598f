"""The one statistics module, checked against its own promises (here and inside Pyodide)."""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.evidence import stats

CONFIDENCES = [0.8, 0.9, 0.95, 0.99]


def test_no_cases_means_anything_is_possible():
    """With no cases the interval is the whole of 0 to 1, never a division by zero."""
    assert stats.wilson(0, 0) == stats.Interval(0.0, 1.0)
    assert stats.clopper_pearson(0, 0) == stats.Interval(0.0, 1.0)
    assert stats.zero_failure_upper(0) == 1.0


def test_rule_of_three_is_the_large_sample_limit():
    """For many cases the exact zero-failure bound approaches 3/n (precisely -ln 0.05 / n)."""
    for cases in (100_000, 1_000_000):
        bound = stats.zero_failure_upper(cases)
        assert bound == pytest.approx(stats.rule_of_three(cases), rel=2e-3)
        assert bound * cases == pytest.approx(-math.log(0.05), rel=1e-4)


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=200))
def test_percentiles_match_the_standard_library(values):
    """p50/p95/p99 equal statistics.quantiles(method="inclusive")."""
    ordered = sorted(values)
    if len(ordered) == 1:
        assert stats.percentile(ordered, 0.95) == ordered[0]
        return
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    for share in (0.5, 0.95, 0.99):
        expected = cuts[round(share * 100) - 1]
        assert stats.percentile(ordered, share) == pytest.approx(expected, rel=1e-9, abs=1e-9)


counts = st.integers(0, 2000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@given(counts, st.sampled_from(CONFIDENCES))
def test_wilson_holds_the_observed_rate(pair, confidence):
    """The interval lies within 0..1 and contains the observed pass rate."""
    passed, cases = pair
    interval = stats.wilson(passed, cases, confidence)
    assert 0 <= interval.low <= interval.high <= 1
    if cases:
        assert interval.low <= passed / cases <= interval.high


tables = st.tuples(*(st.integers(0, 300) for _ in range(4))).filter(lambda t: sum(t) > 0)


@given(tables)
def test_paired_difference_holds_its_estimate(table):
    """The paired interval lies in -1..1 and contains the observed change."""
    result = stats.difference_paired(*table)
    assert -1 <= result.low <= result.estimate <= result.high <= 1


@given(tables)
def test_paired_difference_is_antisymmetric(table):
    """Swapping the two runs flips the interval's sign and nothing else."""
    both, only_new, only_old, neither = table
    forward = stats.difference_paired(both, only_new, only_old, neither)
    backward = stats.difference_paired(both, only_old, only_new, neither)
    assert backward.low == pytest.approx(-forward.high, abs=1e-12)
    assert backward.high == pytest.approx(-forward.low, abs=1e-12)


def test_pairing_narrows_the_interval_when_runs_agree():
    """Two runs that agree on most cases give a narrower paired interval than unpaired."""
    paired = stats.difference_paired(both=170, only_new=4, only_old=16, neither=10)
    unpaired = stats.difference_unpaired(174, 200, 186, 200)
    assert paired.estimate == pytest.approx(unpaired.estimate)
    assert paired.high - paired.low < unpaired.high - unpaired.low
    assert paired.high < 0  # a real drop, seen only with pairing


def test_paired_equals_unpaired_newcombe_when_uncorrelated():
    """With no correlation between runs (phi = 0) the paired interval is the unpaired one's."""
    paired = stats.difference_paired(both=25, only_new=25, only_old=25, neither=25)
    unpaired = stats.difference_unpaired(50, 100, 50, 100)
    assert paired.low == pytest.approx(unpaired.low)
    assert paired.high == pytest.approx(unpaired.high)


def test_stratified_is_plain_wilson_when_the_mixes_match():
    """Weighting by the evaluation's own mix gives the pooled Wilson interval."""
    strata = [stats.Stratum(100, 98, 100), stats.Stratum(20, 15, 20)]
    weighted = stats.stratified(strata)
    pooled = stats.wilson(113, 120)
    assert weighted.rate == pytest.approx(113 / 120)
    assert weighted.low == pytest.approx(pooled.low)
    assert weighted.high == pytest.approx(pooled.high)
    assert weighted.untested_share == 0


def test_stratified_follows_traffic_and_reports_what_was_never_tested():
    """Traffic heavy on a weak slice pulls the rate down; an untested slice is a share, and the
    whole traffic's range runs from it all failing to it all passing."""
    strata = [
        stats.Stratum(100, 98, 66),
        stats.Stratum(20, 15, 22),
        stats.Stratum(0, 0, 12),
    ]
    weighted = stats.stratified(strata)
    expected = (0.66 * 0.98 + 0.22 * 0.75) / 0.88
    assert weighted.rate == pytest.approx(expected)
    assert weighted.untested_share == pytest.approx(0.12)
    assert weighted.all_low == pytest.approx(0.88 * weighted.low)
    assert weighted.all_high == pytest.approx(0.88 * weighted.high + 0.12)
    # Fewer effective cases than the 120 run: the heavy slice rests on 20 of them.
    assert weighted.effective_cases < 120
    assert weighted.high - weighted.low > stats.wilson(113, 120).high - stats.wilson(113, 120).low


def test_stratified_with_nothing_tested_says_so():
    """When no traffic falls in a tested slice there is no rate, only the untested share."""
    weighted = stats.stratified([stats.Stratum(0, 0, 5), stats.Stratum(10, 10, 0)])
    assert weighted.rate is None
    assert weighted.untested_share == 1
    with pytest.raises(ValueError, match="positive share"):
        stats.stratified([stats.Stratum(10, 10, 0)])


@given(counts, st.floats(0.5, 0.999))
def test_cases_needed_is_the_fewest_that_reach_the_target(pair, target):
    """The number of further passing cases is the smallest that lifts the lower bound to the
    target: one fewer does not."""
    passed, cases = pair
    needed = stats.cases_needed(passed, cases, target)
    assert needed is not None
    after = stats.wilson(passed + needed, cases + needed)
    assert after.low >= target
    if needed:
        before = stats.wilson(passed + needed - 1, cases + needed - 1)
        assert before.low < target


def test_cases_needed_with_no_failures_matches_the_closed_form():
    """From nothing, with every case passing, n/(n+z²) ≥ t needs n ≥ t·z²/(1-t)."""
    z2 = stats.z_value() ** 2
    for target in (0.9, 0.95, 0.99):
        assert stats.cases_needed(0, 0, target) == math.ceil(target * z2 / (1 - target))
    assert stats.cases_needed(5, 5, 1.0) is None
