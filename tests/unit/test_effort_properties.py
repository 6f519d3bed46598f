"""Property tests: no input, however odd, makes the estimator raise or produce NaN."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.inputs import check_inputs
from pilot2prod.calculators.effort.simulate import estimate
from tests.unit.calculator_fixtures import (
    NOT_A_NUMBER,
    effort_model,
    finite_everywhere,
    junk_values,
)

MODEL = effort_model()
FIELDS = [spec.id for spec in MODEL.inputs.numbers] + [t.id for t in MODEL.traits]
FIELDS += [MODEL.inputs.history.id, "readiness", "unknown"]

junk = junk_values(
    ["", " ", "nan", "-inf", "1e999", "NaN", "8", "-0", "1,000", "½", "٣"],
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.floats(), max_size=2),
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), junk, max_size=8))
def test_any_inputs_give_a_view_or_messages(raw):
    """Junk in any field yields per-field messages or a finite view, never an exception."""
    result = effort_view.run(MODEL, {"inputs": raw, "markdown": True})
    json.dumps(result, allow_nan=False)
    if result["ok"]:
        assert finite_everywhere(result)
        assert all(
            o["text"] and not NOT_A_NUMBER.search(o["text"]) for o in result["outputs"].values()
        )
    else:
        assert result["messages"]
        assert all(isinstance(m, str) and m for m in result["messages"].values())
        assert set(result["messages"]) <= set(FIELDS)


def _number(spec, draw):
    value = draw(st.floats(min_value=spec.minimum, max_value=spec.maximum))
    return float(int(value)) if spec.integer else value


@st.composite
def valid_inputs(draw):
    """Any combination of levels, and numbers anywhere in their allowed ranges."""
    raw = {}
    for spec in MODEL.inputs.numbers:
        if spec.optional and draw(st.booleans()):
            raw[spec.id] = ""
        else:
            raw[spec.id] = _number(spec, draw)
    for trait in MODEL.traits:
        raw[trait.id] = draw(st.sampled_from([level.id for level in trait.levels]))
    if raw["systems"] == 0:
        raw["integration"] = "standalone"
    pairs = draw(st.lists(st.tuples(st.floats(0.1, 1000), st.floats(0.1, 10_000)), max_size=4))
    raw[MODEL.inputs.history.id] = "\n".join(f"{p!r}, {q!r}" for p, q in pairs)
    return raw


@settings(max_examples=60, deadline=None)
@given(valid_inputs())
def test_valid_inputs_give_ordered_finite_estimates(raw):
    """In-range inputs always estimate: ordered percentiles, a share in (0, 1), finite output."""
    inputs, messages = check_inputs(MODEL, raw)
    assert messages == {}
    assert inputs is not None
    result = estimate(MODEL, inputs)
    values = [result.low, result.likely, result.high, result.p50, result.p80, result.p90]
    assert all(math.isfinite(v) and v > 0 for v in values)
    assert result.low <= result.p50 <= result.p80 <= result.p90 <= result.high
    assert 0 < result.pilot_share < 1
    assert result.operate_weeks >= MODEL.operate.minimum.value * 0.5
    for stream in result.streams:
        assert stream.low <= stream.likely <= stream.high


@settings(max_examples=40, deadline=None)
@given(valid_inputs(), st.floats(min_value=1.01, max_value=3))
def test_a_bigger_pilot_never_means_less_work(raw, growth):
    """Scaling up the pilot's effort never lowers any stream's likely effort."""
    raw = {**raw, "history": ""}
    small, _ = check_inputs(MODEL, raw)
    bigger = min(float(raw["pilot-weeks"]) * growth, MODEL.number("pilot-weeks").maximum)
    large, _ = check_inputs(MODEL, {**raw, "pilot-weeks": bigger})
    assert small is not None and large is not None
    for a, b in zip(estimate(MODEL, small).streams, estimate(MODEL, large).streams, strict=True):
        assert b.likely >= a.likely
