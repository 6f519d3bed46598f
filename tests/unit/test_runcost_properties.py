"""Property tests: no input, however odd, makes the run-cost calculator raise or produce NaN."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.calculators.runcost.model import INPUTS, check_inputs, monthly_cost, run_cost
from tests.unit.calculator_fixtures import (
    NOT_A_NUMBER,
    cost_model,
    finite_everywhere,
    junk_values,
)

MODEL = cost_model()

junk = junk_values(
    ["", "nan", "Infinity", "-1", "1e400", "20%", "$5", "1,5", "0x10"],
    st.lists(st.floats(), max_size=2),
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*INPUTS, "other"]), junk, max_size=8))
def test_any_inputs_give_a_view_or_messages(raw):
    """Junk in any field yields per-field messages or a finite view, never an exception."""
    result = runcost_view.run(MODEL, {"inputs": raw, "markdown": True})
    json.dumps(result, allow_nan=False)
    if result["ok"]:
        assert finite_everywhere(result)
        assert not NOT_A_NUMBER.search(result["markdown"])
    else:
        assert set(result["messages"]) <= set(INPUTS)
        assert all(isinstance(m, str) and m for m in result["messages"].values())


@st.composite
def valid_values(draw):
    """Every input anywhere in its allowed range (cached plus written input at most 100%)."""
    values = {
        spec.id: draw(st.floats(min_value=spec.minimum, max_value=spec.maximum))
        for spec in MODEL.inputs
    }
    values["cache-write-share"] = draw(
        st.floats(min_value=0, max_value=100 - values["prompt-cache-share"])
    )
    return values


@settings(max_examples=150, deadline=None)
@given(valid_values())
def test_valid_inputs_give_consistent_finite_costs(values):
    """Parts sum to the total, a year is twelve months, the ranking is ordered, all finite."""
    inputs, messages = check_inputs(MODEL, values)
    assert messages == {} and inputs is not None
    result = run_cost(MODEL, inputs)
    assert math.isfinite(result.monthly) and result.monthly >= 0
    assert result.monthly == math.fsum(result.month.parts.values())
    assert result.yearly == result.monthly * 12
    swings = [row.swing for row in result.sensitivity]
    assert swings == sorted(swings, reverse=True)
    assert all(math.isfinite(s) for s in swings)
    if result.per_request is not None:
        assert math.isclose(
            result.per_request * result.month.requests, result.monthly, rel_tol=1e-9
        )


SAVINGS = (
    "cache-hit-rate",
    "prompt-cache-share",
    "cache-write-share",
    "batch-share",
    "batch-discount",
)
"""Inputs that can lower the bill (a cache, the batch tier); cache writes may go either way."""

COST_DRIVERS = [i for i in INPUTS if i not in (*SAVINGS, "success-rate")]


@settings(max_examples=150, deadline=None)
@given(valid_values(), st.sampled_from(COST_DRIVERS), st.floats(min_value=0, max_value=1))
def test_more_of_a_cost_driver_never_costs_less(values, driver, fraction):
    """Raising volume, tokens, prices, retries, review or fixed costs never lowers the total."""
    spec = MODEL.number(driver)
    higher = values[driver] + (spec.maximum - values[driver]) * fraction
    if driver == "price-in":  # the cheaper cached and written rates are what a cache saves
        values = {**values, "price-cached-in": 0.0, "price-cache-write": 0.0}
    before = monthly_cost(MODEL, values).total
    after = monthly_cost(MODEL, {**values, driver: higher}).total
    assert after >= before * (1 - 1e-12)
