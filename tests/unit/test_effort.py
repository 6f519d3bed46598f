"""The production-effort estimator on its worked examples and hand-checked rules."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from pilot2prod.calculators.effort.inputs import check_inputs, parse_history
from pilot2prod.calculators.effort.simulate import (
    Range,
    estimate,
    percentile,
    simulate_total,
    stream_plans,
    stream_ranges,
    triangular_quantile,
)
from tests.unit.calculator_fixtures import effort_model, example_inputs, multiplier


def _checked(raw):
    inputs, messages = check_inputs(effort_model(), raw)
    assert messages == {}
    assert inputs is not None
    return inputs


def _by_hand(raw, *, pilot=None, factor=1.0, with_readiness=True):
    """Each stream's likely value, restated from the method page's formula."""
    model = effort_model()
    levels = {trait.id: str(raw.get(trait.id, trait.default)) for trait in model.traits}
    pilot = float(raw["pilot-weeks"]) if pilot is None else pilot
    systems = int(raw.get("systems", 2))
    ignores = model.trait("integration").level(levels["integration"]).ignores_systems
    found = {}
    for stream in model.streams:
        value = max(stream.ratio.value * pilot, stream.minimum.value)
        for trait, level in levels.items():
            value *= multiplier(model, trait, level, stream.id)
            value *= multiplier(model, trait, level, "all")
        if stream.id == model.systems.stream and not ignores:
            value *= 1 + model.systems.per_additional.value * max(0, systems - 1)
        score = raw.get(f"readiness-{stream.dimension}")
        if with_readiness and score not in (None, ""):
            value *= 1 - model.readiness.credit.value * float(score) / 100
        found[stream.id] = value * factor
    return found


def _uncertainty(raw):
    model = effort_model()
    value = 1.0
    for trait in model.traits:
        value *= multiplier(model, trait.id, str(raw.get(trait.id, trait.default)), "uncertainty")
    return value


def test_document_pipeline_worked_example():
    """Each stream: max(ratio x pilot, minimum) x level multipliers x systems; spread widened."""
    model = effort_model()
    raw = example_inputs(model, "document-pipeline")
    result = estimate(model, _checked(raw))
    expected = _by_hand(raw)
    spread = _uncertainty(raw)
    for stream, spec in zip(result.streams, model.streams, strict=True):
        assert stream.likely == pytest.approx(expected[stream.id], rel=1e-12)
        assert stream.low == pytest.approx(expected[stream.id] * spec.low.value, rel=1e-12)
        high = expected[stream.id] * (1 + (spec.high.value - 1) * spread)
        assert stream.high == pytest.approx(high, rel=1e-12)
    integration = next(s for s in result.streams if s.id == "integration")
    stream = next(s for s in model.streams if s.id == "integration")
    by_formula = (
        max(stream.ratio.value * 10, stream.minimum.value)
        * multiplier(model, "volume", "high", "integration")
        * multiplier(model, "integration", "legacy", "integration")
        * (1 + model.systems.per_additional.value * (3 - 1))
    )
    assert integration.likely == pytest.approx(by_formula, rel=1e-12)
    likely_total = sum(expected.values())
    assert result.likely == pytest.approx(likely_total, rel=1e-12)
    operate = max(model.operate.fraction.value * likely_total, model.operate.minimum.value)
    for trait, level in (("variety", "long-tail"), ("volume", "high"), ("integration", "legacy")):
        operate *= multiplier(model, trait, level, "operate")
    assert result.operate_weeks == pytest.approx(operate, rel=1e-12)
    assert result.operate_fte == pytest.approx(operate / model.operate.weeks_per_year.value)
    assert result.pilot_share == pytest.approx(10 / (10 + result.p50))


def test_readiness_takes_its_credit_off_the_streams_it_covers():
    """A 50% reliability score cuts reliability streams by credit x 0.5; uncovered ones keep."""
    model = effort_model()
    raw = example_inputs(model, "assessed-assistant")
    credit = model.readiness.credit.value
    with_scores = {s.id: s for s in estimate(model, _checked(raw)).streams}
    bare = {k: v for k, v in raw.items() if not k.startswith("readiness-")}
    without = {s.id: s for s in estimate(model, _checked(bare)).streams}
    for spec in model.streams:
        ratio = with_scores[spec.id].likely / without[spec.id].likely
        if spec.dimension is None:
            assert ratio == pytest.approx(1.0)
        else:
            score = float(raw[f"readiness-{spec.dimension}"]) / 100
            assert ratio == pytest.approx(1 - credit * score)
    assert any(spec.dimension is None for spec in model.streams)


def test_calibrated_worked_example():
    """The factor is exp(w x mean log(actual / model)), w = n / (n + prior), applied to all."""
    model = effort_model()
    raw = example_inputs(model, "calibrated-assistant")
    inputs = _checked(raw)
    lines = str(raw["history"]).strip().splitlines()
    pairs = [tuple(float(x) for x in line.split(",")) for line in lines]
    assert len(pairs) == 3
    logs = [math.log(q / sum(_by_hand(raw, pilot=p).values())) for p, q in pairs]
    weight = len(pairs) / (len(pairs) + model.calibration.prior_weight.value)
    factor = math.exp(weight * sum(logs) / len(logs))
    result = estimate(model, inputs)
    assert result.calibration is not None
    assert result.calibration.factor == pytest.approx(factor, rel=1e-12)
    assert result.calibration.weight == pytest.approx(weight)
    observed = math.exp(sum(math.log(q / p) for p, q in pairs) / 3)
    assert result.calibration.observed_multiple == pytest.approx(observed)
    uncalibrated = _by_hand(raw)
    for stream in result.streams:
        assert stream.likely == pytest.approx(uncalibrated[stream.id] * factor, rel=1e-12)


def test_calibration_is_held_within_its_bound():
    """A history wildly above the model stops at max_factor and says so."""
    model = effort_model()
    raw = {"pilot-weeks": 8, "history": "\n".join(["1, 5000"] * 50)}
    result = estimate(model, _checked(raw))
    assert result.calibration is not None
    assert result.calibration.limited
    assert result.calibration.factor == pytest.approx(model.calibration.max_factor.value)


def test_one_past_project_only_nudges_the_estimate():
    """With one pair, the history's weight is 1 / (1 + prior), not all of it."""
    model = effort_model()
    result = estimate(model, _checked({"pilot-weeks": 8, "history": "8, 80"}))
    assert result.calibration is not None
    assert result.calibration.weight == pytest.approx(
        1 / (1 + model.calibration.prior_weight.value)
    )
    full = 80 / sum(_by_hand({"pilot-weeks": 8}).values())
    assert 1 < result.calibration.factor < full


def test_minimum_replaces_a_tiny_pilot():
    """A half-week pilot still gets each stream's floor, and the plan says it was floored."""
    model = effort_model()
    inputs = _checked({"pilot-weeks": 0.5})
    for plan in stream_plans(model, inputs):
        assert plan.base == plan.stream.minimum.value
        assert plan.floored


def test_standalone_ignores_the_number_of_systems():
    """With nothing to connect, 1 or 40 systems give the same integration effort."""
    model = effort_model()
    one = stream_ranges(model, _checked({"integration": "standalone", "systems": 1}))
    many = stream_ranges(model, _checked({"integration": "standalone", "systems": 40}))
    assert one == many


def test_more_systems_mean_more_integration_only():
    """Each further system adds per_additional x the first to integration and nothing else."""
    model = effort_model()
    two = dict(
        zip(
            [s.id for s in model.streams],
            stream_ranges(model, _checked({"systems": 2})),
            strict=True,
        )
    )
    five = dict(
        zip(
            [s.id for s in model.streams],
            stream_ranges(model, _checked({"systems": 5})),
            strict=True,
        )
    )
    per = model.systems.per_additional.value
    assert five["integration"].likely / two["integration"].likely == pytest.approx(
        (1 + 4 * per) / (1 + per)
    )
    assert all(five[k] == two[k] for k in five if k != "integration")


def test_zero_systems_needs_the_standalone_choice():
    """No systems with an integration level that connects is a message on the systems field."""
    _, messages = check_inputs(effort_model(), {"systems": 0, "integration": "legacy"})
    assert "standalone" in messages["systems"]
    _, messages = check_inputs(effort_model(), {"systems": 0, "integration": "standalone"})
    assert messages == {}


def test_percentiles_are_ordered_and_inside_the_range():
    """low <= P50 <= P80 <= P90 <= high, for each stream and for the total."""
    model = effort_model()
    for example in model.examples:
        result = estimate(model, _checked(example.inputs))
        assert result.low <= result.p50 <= result.p80 <= result.p90 <= result.high
        for s in result.streams:
            assert s.low <= s.p50 <= s.p80 <= s.p90 <= s.high


def test_same_inputs_same_numbers():
    """The seeded simulation gives identical results on every run."""
    model = effort_model()
    inputs = _checked(example_inputs(model, "document-pipeline"))
    assert estimate(model, inputs) == estimate(model, inputs)


def test_simulation_uses_the_configured_draws_and_seed():
    """Draw count and seed come from data/effort.yml; another seed moves P90 by under 2%."""
    model = effort_model()
    inputs = _checked({})
    result = estimate(model, inputs)
    assert result.draws == int(model.simulation.draws.value) >= 10_000
    assert sum(count for _, _, count in result.histogram) == result.draws
    other = replace(
        model, simulation=replace(model.simulation, seed=replace(model.simulation.seed, value=7))
    )
    assert estimate(other, inputs).p90 == pytest.approx(result.p90, rel=0.02)


def test_simulated_mean_matches_the_triangles():
    """The mean of the simulated totals is close to the sum of (low + likely + high) / 3."""
    spans = [Range(1, 2, 6), Range(3, 3.5, 10), Range(0.5, 1, 1.5)]
    totals = simulate_total(spans, 20_000, 1, 0.4)
    exact = sum((s.low + s.likely + s.high) / 3 for s in spans)
    assert sum(totals) / len(totals) == pytest.approx(exact, rel=0.01)
    assert totals == sorted(totals)


def test_shared_overruns_widen_the_total():
    """Draws that move together give a wider P10-P90 band than independent ones."""
    spans = [Range(1, 2, 6)] * 7
    apart = simulate_total(spans, 10_000, 3, 0.0)
    together = simulate_total(spans, 10_000, 3, 1.0)
    assert percentile(together, 0.9) - percentile(together, 0.1) > 1.5 * (
        percentile(apart, 0.9) - percentile(apart, 0.1)
    )


def test_zero_width_range_simulates_its_value():
    """A stream with low == likely == high adds exactly that value to every draw."""
    totals = simulate_total([Range(4, 4, 4)], 10_000, 1, 0.5)
    assert set(totals) == {4.0}


def test_triangular_quantiles():
    """The inverse CDF hits low at 0, high at 1 and the mode at the mode's share of the width."""
    span = Range(2, 4, 10)
    assert triangular_quantile(span, 0.0) == 2
    assert triangular_quantile(span, 1.0) == 10
    assert triangular_quantile(span, (4 - 2) / (10 - 2)) == pytest.approx(4)
    assert triangular_quantile(span, 0.5) == pytest.approx(10 - math.sqrt(0.5 * 8 * 6))


def test_percentile_interpolates():
    """Quantiles of sorted values interpolate linearly between neighbours."""
    assert percentile([0.0, 10.0], 0.25) == 2.5
    assert percentile([1.0, 2.0, 3.0], 0.5) == 2.0
    assert percentile([], 0.5) == 0.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "Enter a value"),
        ("-3", "at least"),
        ("1e9", "at most"),
        ("eight", "Use digits"),
        ("nan", "Use digits"),
        ("Infinity", "Use digits"),
        (float("nan"), "NaN"),
        (float("inf"), "finite"),
        (True, "not true or false"),
        ([8], "Enter a number"),
        ("1" * 80, "no more than"),
    ],
)
def test_odd_pilot_effort_gets_a_message(value, expected):
    """Empty, negative, huge, text, NaN and Infinity each get their own plain message."""
    inputs, messages = check_inputs(effort_model(), {"pilot-weeks": value})
    assert inputs is None
    assert expected in messages["pilot-weeks"]


@pytest.mark.parametrize(
    ("value", "parsed"), [("12", 12.0), (" 2.5 ", 2.5), ("1,200", 1200.0), ("3e1", 30.0)]
)
def test_reasonable_number_spellings_are_read(value, parsed):
    """Plain, spaced, grouped and exponent notation all read as numbers."""
    inputs = _checked({"pilot-weeks": value})
    assert inputs.pilot_weeks == parsed


def test_absent_inputs_take_defaults_and_blank_optional_ones_stay_empty():
    """A missing key uses its default; a blank readiness score means not assessed."""
    model = effort_model()
    inputs = _checked({"readiness-reliability": ""})
    assert inputs.pilot_weeks == model.number("pilot-weeks").default
    assert inputs.levels == {t.id: t.default for t in model.traits}
    assert inputs.readiness == {}


def test_unknown_level_lists_the_choices():
    """A level that does not exist names the levels that do."""
    model = effort_model()
    _, messages = check_inputs(model, {"stakes": "<script>"})
    for level in model.trait("stakes").levels:
        assert level.label in messages["stakes"]


def test_non_mapping_inputs_are_refused_with_a_message():
    """A list or text instead of a mapping is a message, not an exception."""
    for raw in ([], "pilot", None, 3):
        inputs, messages = check_inputs(effort_model(), raw)
        assert inputs is None and messages[""]


def test_readiness_result_is_carried_into_the_dimension_fields():
    """A readiness result fills the blank readiness fields; a dimension with no score, none."""
    raw = {
        "readiness": {
            "score": 0.25,
            "dimensions": {"reliability": {"score": 0.5}, "integration": 0.25, "operations": None},
        },
        "readiness-integration": "",
    }
    inputs = _checked(raw)
    assert inputs.readiness == {"reliability": 0.5, "integration": 0.25}


def test_typed_readiness_wins_over_the_carried_result():
    """A score the reader typed is kept even when a carried result is present."""
    inputs = _checked({"readiness": 0.9, "readiness-reliability": "10"})
    assert inputs.readiness["reliability"] == pytest.approx(0.1)
    assert inputs.readiness["operations"] == pytest.approx(0.9)


@pytest.mark.parametrize("carried", [2.0, -0.1, "high", True, float("nan"), {"score": 7}])
def test_bad_carried_readiness_is_a_message(carried):
    """A carried readiness outside 0-1, or not a number, is reported on `readiness`."""
    _, messages = check_inputs(effort_model(), {"readiness": carried})
    assert "readiness" in messages


def test_history_reads_lines_comments_and_separators():
    """Commas, semicolons, tabs and spaces separate; blank and # lines are skipped."""
    pairs, message = parse_history("# past\n6, 30\n\n10;40\n4\t12\n", 200)
    assert message is None
    assert pairs == ((6.0, 30.0), (10.0, 40.0), (4.0, 12.0))
    assert parse_history([[2, 9], ["3", "12"]], 200) == (((2.0, 9.0), (3.0, 12.0)), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6, 30, 2", "Line 1: write two numbers"),
        ("6, 30\nsix, 30", "Line 2: Use digits"),
        ("0, 30", "above zero"),
        ("6, -1", "above zero"),
        ("6, nan", "Line 1: Use digits"),
        ("x" * 30_000, "too long"),
        ("1, 2\n" * 201, "at most 200"),
        (42, "one per line"),
    ],
)
def test_bad_history_names_the_line(text, expected):
    """Each malformed history gets a message that says which line and what is wrong."""
    pairs, message = parse_history(text, 200)
    assert pairs == ()
    assert message is not None and expected in message
