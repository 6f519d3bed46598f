"""The one statistics module checked against statsmodels, its reference implementation.

CPython only: statsmodels is a test dependency that Pyodide does not have, so these live
outside tests/unit (which also runs inside Pyodide, where the property tests check the same
module)."""

from __future__ import annotations

import pytest

from pilot2prod.evidence import stats

sm = pytest.importorskip("statsmodels.stats.proportion")

CONFIDENCES = [0.8, 0.9, 0.95, 0.99]

GRID = [
    (0, 1),
    (1, 1),
    (0, 2),
    (1, 2),
    (0, 10),
    (10, 10),
    (3, 10),
    (9, 10),
    (0, 120),
    (113, 120),
    (120, 120),
    (1, 1000),
    (999, 1000),
    (0, 1_000_000),
    (1, 1_000_000),
    (999_999, 1_000_000),
    (1_000_000, 1_000_000),
    (500_000, 1_000_000),
]


@pytest.mark.parametrize("confidence", CONFIDENCES)
@pytest.mark.parametrize(("passed", "cases"), GRID)
def test_wilson_matches_statsmodels(passed, cases, confidence):
    """Wilson bounds equal statsmodels' proportion_confint(method="wilson") on the grid."""
    low, high = sm.proportion_confint(passed, cases, alpha=1 - confidence, method="wilson")
    ours = stats.wilson(passed, cases, confidence)
    assert ours.low == pytest.approx(max(0.0, low), abs=1e-12)
    assert ours.high == pytest.approx(min(1.0, high), abs=1e-12)


@pytest.mark.parametrize("confidence", CONFIDENCES)
@pytest.mark.parametrize(("passed", "cases"), GRID)
def test_clopper_pearson_matches_statsmodels(passed, cases, confidence):
    """Exact bounds equal statsmodels' proportion_confint(method="beta") on the grid."""
    low, high = sm.proportion_confint(passed, cases, alpha=1 - confidence, method="beta")
    ours = stats.clopper_pearson(passed, cases, confidence)
    assert ours.low == pytest.approx(low, abs=1e-9)
    assert ours.high == pytest.approx(high, abs=1e-9)


@pytest.mark.parametrize("cases", [1, 2, 10, 120, 3000, 1_000_000])
def test_zero_failure_bound_is_the_one_sided_exact_bound(cases):
    """With no failures, the failure bound is the one-sided exact (Clopper-Pearson) bound."""
    low, _ = sm.proportion_confint(cases, cases, alpha=0.10, method="beta")
    assert stats.zero_failure_upper(cases) == pytest.approx(1 - low, rel=1e-9)


@pytest.mark.parametrize(
    ("old", "new"),
    [((90, 100), (80, 100)), ((5, 10), (9, 12)), ((0, 50), (0, 40)), ((50, 50), (1, 30))],
)
def test_unpaired_difference_matches_statsmodels(old, new):
    """Newcombe's interval for two independent runs equals statsmodels' "newcomb"."""
    low, high = sm.confint_proportions_2indep(
        new[0], new[1], old[0], old[1], method="newcomb", compare="diff", alpha=0.05
    )
    ours = stats.difference_unpaired(new[0], new[1], old[0], old[1])
    assert ours.low == pytest.approx(low, abs=1e-9)
    assert ours.high == pytest.approx(high, abs=1e-9)
    assert ours.estimate == pytest.approx(new[0] / new[1] - old[0] / old[1])
