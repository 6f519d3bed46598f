"""The run-cost calculator on its worked examples and hand-checked rules."""

from __future__ import annotations

import pytest

from pilot2prod.calculators.runcost.model import INPUTS, check_inputs, monthly_cost, run_cost
from tests.unit.calculator_fixtures import cost_model, example_inputs


def _checked(raw):
    inputs, messages = check_inputs(cost_model(), raw)
    assert messages == {}
    assert inputs is not None
    return inputs


def test_support_assistant_worked_example():
    """2,000 requests a day: tokens, review, infrastructure and staff, summed by hand."""
    model = cost_model()
    raw = example_inputs(model, "support-assistant")
    result = run_cost(model, _checked(raw))
    days = model.constants.days_per_month.value
    requests = 2000 * days
    calls = requests * (1 - 0.10) * (1 + 0.08)
    parts = {
        "model-input": calls * 3000 * 3 / 1e6,
        "model-output": calls * 400 * 15 / 1e6,
        "review": requests * 0.05 * 4 / 60 * 45,
        "infrastructure": 800,
        "maintenance": 0.5 * 150_000 / 12,
    }
    assert result.month.requests == pytest.approx(requests)
    assert result.month.model_calls == pytest.approx(calls)
    for key, value in parts.items():
        assert result.month.parts[key] == pytest.approx(value, rel=1e-12), key
    total = sum(parts.values())
    assert result.monthly == pytest.approx(total)
    assert result.yearly == pytest.approx(total * 12)
    assert result.per_request == pytest.approx(total / requests)
    assert result.per_success == pytest.approx(total / (requests * 0.85))
    assert max(parts, key=parts.__getitem__) == "review"


def test_document_pipeline_worked_example():
    """50,000 documents a day, all batched, a quarter of each prompt cached: review leads."""
    model = cost_model()
    result = run_cost(model, _checked(example_inputs(model, "document-pipeline")))
    requests = 50_000 * model.constants.days_per_month.value
    calls = requests * 1.15
    # 74% of the input at the normal price, 25% read from the cache, 1% written to it.
    input_price = 0.74 * 3 + 0.25 * 0.3 + 0.01 * 3.75
    tokens = calls * (6000 * input_price + 800 * 15) / 1e6 * 0.5
    review = requests * 0.01 * 3 / 60 * 40
    total = tokens + review + 3000 + 150_000 / 12
    assert result.monthly == pytest.approx(total)
    parts = result.month.parts
    assert parts["model-input"] + parts["model-output"] == pytest.approx(tokens)
    assert max(parts, key=parts.__getitem__) == "review"


def test_batch_and_prompt_cache_cut_the_document_pipeline_bill():
    """The pipeline without its batch share and prompt cache costs more, by the tokens saved."""
    model = cost_model()
    raw = example_inputs(model, "document-pipeline")
    plain = {**raw, "batch-share": 0, "prompt-cache-share": 0, "cache-write-share": 0}
    with_levers = run_cost(model, _checked(raw)).month
    without = run_cost(model, _checked(plain)).month
    saved = without.total - with_levers.total
    tokens = ("model-input", "model-output")
    assert saved == pytest.approx(sum(without.parts[k] - with_levers.parts[k] for k in tokens))
    assert saved > 0.25 * without.total


def test_sensitivity_moves_each_input_by_the_step_and_ranks_by_swing():
    """Each input at x0.8 and x1.2 (within range); rows sorted by the distance between totals."""
    model = cost_model()
    inputs = _checked({})
    result = run_cost(model, inputs)
    step = model.constants.sensitivity_step.value
    rows = result.sensitivity
    assert [r.swing for r in rows] == sorted((r.swing for r in rows), reverse=True)
    assert {r.id for r in rows} == set(INPUTS) - {"success-rate", "build-cost"}
    for row in rows:
        value = inputs[row.id]
        assert row.down_value == pytest.approx(value * (1 - step))
        assert row.up_value == pytest.approx(value * (1 + step))
        moved = monthly_cost(model, {**inputs.values, row.id: row.up_value}).total
        assert row.up_total == pytest.approx(moved)
        assert row.swing == pytest.approx(abs(row.up_total - row.down_total))


def test_sensitivity_stays_inside_each_inputs_range():
    """A 95% cache hit rate moves up to 100%, not 114%."""
    result = run_cost(cost_model(), _checked({"cache-hit-rate": 95}))
    row = next(r for r in result.sensitivity if r.id == "cache-hit-rate")
    assert row.up_value == 100
    assert row.down_value == pytest.approx(76)


def test_cache_hits_lower_the_total():
    """A higher cache hit rate lowers the bill, so its 'higher' total is the smaller one."""
    result = run_cost(cost_model(), _checked({}))
    row = next(r for r in result.sensitivity if r.id == "cache-hit-rate")
    assert row.up_total < result.monthly < row.down_total


def test_no_traffic_and_no_success_have_no_unit_cost():
    """Zero requests or zero successes give no per-request or per-outcome cost, not a division."""
    result = run_cost(cost_model(), _checked({"requests-per-day": 0}))
    assert result.per_request is None and result.per_success is None
    assert result.monthly == pytest.approx(800 + 0.5 * 150_000 / 12)
    result = run_cost(cost_model(), _checked({"success-rate": "0"}))
    assert result.per_request is not None and result.per_success is None


def test_all_zero_inputs_cost_nothing():
    """Every input at zero is a valid, free configuration with a zero ranking."""
    result = run_cost(cost_model(), _checked(dict.fromkeys(INPUTS, 0)))
    assert result.monthly == 0
    assert all(row.swing == 0 for row in result.sensitivity)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("requests-per-day", "", "Enter a value (the default is 2,000 requests)"),
        ("requests-per-day", "-5", "Cannot be negative"),
        ("requests-per-day", "1e12", "at most"),
        ("tokens-in", "lots", "Use digits"),
        ("price-in", "$3", "Use digits"),
        ("cache-hit-rate", "120", "at most 100%"),
        ("review-share", float("nan"), "NaN"),
        ("staff-yearly", float("-inf"), "finite"),
        ("maintenance-staff", None, "Enter a value"),
    ],
)
def test_odd_inputs_get_a_message_next_to_their_field(field, value, expected):
    """Empty, negative, huge, text, NaN and Infinity are reported on the field that holds them."""
    inputs, messages = check_inputs(cost_model(), {field: value})
    assert inputs is None
    assert set(messages) == {field}
    assert expected in messages[field]


def test_percent_sign_is_accepted_on_shares():
    """'20%' reads as 20 for a percentage field."""
    assert _checked({"cache-hit-rate": "20%"})["cache-hit-rate"] == 20


def _zero_except(**values):
    base = {spec.id: 0.0 for spec in cost_model().inputs} | {"success-rate": 100.0}
    return base | {key.replace("_", "-"): value for key, value in values.items()}


def test_prompt_cache_and_batch_bill_as_the_provider_does():
    """Cached reads at the cached price, writes at the write price, the batch share discounted."""
    values = _zero_except(
        requests_per_day=1000 / 30.4375,
        tokens_in=1_000_000,
        price_in=3,
        prompt_cache_share=50,
        price_cached_in=0.3,
        cache_write_share=10,
        price_cache_write=3.75,
        batch_share=40,
        batch_discount=50,
    )
    month = monthly_cost(cost_model(), values)
    # 1000 calls x 1M tokens x (0.4 x $3 + 0.5 x $0.3 + 0.1 x $3.75) x (1 - 0.4 x 0.5)
    assert month.parts["model-input"] == pytest.approx(1000 * 1.725 * 0.8)


def test_cached_and_written_input_cannot_exceed_all_input():
    """More than 100% of input split between cache reads and writes is refused at the field."""
    _, messages = check_inputs(
        cost_model(), {"prompt-cache-share": "70", "cache-write-share": "40"}
    )
    assert list(messages) == ["cache-write-share"]
    assert messages["cache-write-share"].startswith("Cached and written input together cannot")


def test_caching_and_batch_appear_in_the_sensitivity_ranking():
    """The new inputs move the total when in use, so the ranking lists them."""
    inputs, _ = check_inputs(cost_model(), {"prompt-cache-share": "50", "batch-share": "30"})
    ranked = {row.id: row.swing for row in run_cost(cost_model(), inputs).sensitivity}
    assert ranked["prompt-cache-share"] > 0 and ranked["batch-share"] > 0
