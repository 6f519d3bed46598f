"""The run-cost calculator: what a live AI feature costs each month, and what drives it.

Model calls, human review, fixed infrastructure and the people who maintain the
feature add up to a monthly total; dividing by the traffic gives the cost per
request and per successful outcome. A sensitivity ranking moves each input by
the same step (20% by default) up and down and orders the inputs by how far the
total moves. Labels, defaults, ranges and constants live in `data/cost.yml`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from pilot2prod.calculators.examples import CalculatorExample, check_examples
from pilot2prod.calculators.inputs import (
    FormGroup,
    NumberInput,
    Param,
    check_form,
    check_number,
    check_number_inputs,
    check_param,
    require_ids,
)
from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_unique_ids, parse
from pilot2prod.text import format_number

SOURCE = "data/cost.yml"

INPUTS = (
    "requests-per-day",
    "tokens-in",
    "tokens-out",
    "price-in",
    "price-out",
    "cache-hit-rate",
    "retry-rate",
    "review-share",
    "review-minutes",
    "reviewer-hourly",
    "infra-monthly",
    "maintenance-staff",
    "staff-yearly",
    "success-rate",
    "prompt-cache-share",
    "cache-write-share",
    "price-cached-in",
    "price-cache-write",
    "batch-share",
    "batch-discount",
    "build-cost",
)
"""The inputs the formulas read, in form order; the data gives their labels and ranges."""

COMPONENTS = ("model-input", "model-output", "review", "infrastructure", "maintenance")
"""The parts of the monthly total, in breakdown order."""

ONE_OFF = frozenset({"build-cost"})
"""Inputs paid once, not each month: they add to the first year, never to the monthly total."""

NEGLIGIBLE = 1e-12
"""Dollars a month below which a cost counts as zero."""

PERCENT_INPUTS = frozenset(
    {
        "cache-hit-rate",
        "retry-rate",
        "review-share",
        "success-rate",
        "prompt-cache-share",
        "cache-write-share",
        "batch-share",
        "batch-discount",
    }
)


@dataclass(frozen=True)
class Component:
    """One part of the monthly cost, as the breakdown names it."""

    id: str
    label: str
    covers: str


@dataclass(frozen=True)
class CostConstants:
    """Conversions the formulas need, each with its reason."""

    days_per_month: Param
    sensitivity_step: Param


@dataclass(frozen=True)
class CostModel:
    """Everything in `data/cost.yml`, validated."""

    inputs: tuple[NumberInput, ...]
    components: tuple[Component, ...]
    constants: CostConstants
    form: tuple[FormGroup, ...]
    """How the page groups the inputs into fieldsets; every input appears once."""
    examples: tuple[CalculatorExample, ...] = ()
    """Worked examples for the method page and the tests (checked like reader input)."""

    def number(self, input_id: str) -> NumberInput:
        """The input with `input_id`; KeyError when there is none."""
        for spec in self.inputs:
            if spec.id == input_id:
                return spec
        raise KeyError(input_id)

    def component(self, component_id: str) -> Component:
        """The component with `component_id`; KeyError when there is none."""
        for component in self.components:
            if component.id == component_id:
                return component
        raise KeyError(component_id)

    def defaults(self) -> dict[str, str]:
        """Every input at its default, as the form shows it."""
        return {
            spec.id: "" if spec.default is None else f"{spec.default:.10g}" for spec in self.inputs
        }


def load_cost_model(raw: object, source: str = SOURCE) -> CostModel:
    """Validate `data/cost.yml`; a DataError names the file and key on any problem."""
    model = parse(CostModel, raw, source)
    check_unique_ids(model.inputs, source, "inputs")
    require_ids([spec.id for spec in model.inputs], INPUTS, source, "inputs", "input")
    check_number_inputs(model.inputs, source, "inputs")
    for index, spec in enumerate(model.inputs):
        if spec.optional:
            raise DataError(source, f"inputs[{index}].optional", "every cost input is required")
        if spec.minimum < 0:
            raise DataError(source, f"inputs[{index}].minimum", "cannot be negative")
        if spec.id in PERCENT_INPUTS and spec.unit != "%":
            raise DataError(source, f"inputs[{index}].unit", "this input is a percentage: '%'")
        if spec.id in PERCENT_INPUTS - {"retry-rate"} and spec.maximum > 100:
            raise DataError(source, f"inputs[{index}].maximum", "a share cannot exceed 100%")
    check_unique_ids(model.components, source, "components")
    require_ids([c.id for c in model.components], COMPONENTS, source, "components", "component")
    check_param(model.constants.days_per_month, 28, 31, source, "constants.days_per_month")
    check_param(model.constants.sensitivity_step, 0.01, 0.9, source, "constants.sensitivity_step")
    check_form(model.form, [spec.id for spec in model.inputs], source)
    check_examples(model.examples, source, lambda inputs: check_inputs(model, inputs)[1])
    return model


@dataclass(frozen=True)
class CostInputs:
    """A reader's inputs after every check passed, in the units of the form."""

    values: Mapping[str, float]

    def __getitem__(self, input_id: str) -> float:
        return self.values[input_id]


def check_inputs(model: CostModel, raw: object) -> tuple[CostInputs | None, dict[str, str]]:
    """Check a reader's inputs; the inputs when all are fine, and a message per bad field.

    An absent key takes its default; a present but blank one is a message.
    """
    if not isinstance(raw, Mapping):
        return None, {"": "The inputs must be a mapping of field names to values."}
    messages: dict[str, str] = {}
    values: dict[str, float] = {}
    for spec in model.inputs:
        checked = check_number(spec, raw.get(spec.id, spec.default))
        if checked.message:
            messages[spec.id] = checked.message
        elif checked.value is not None:
            values[spec.id] = checked.value
    cached, written = values.get("prompt-cache-share"), values.get("cache-write-share")
    if cached is not None and written is not None and cached + written > 100:
        messages["cache-write-share"] = (
            "Cached and written input together cannot exceed 100% of the input tokens."
        )
    if messages:
        return None, messages
    return CostInputs(values), {}


@dataclass(frozen=True)
class CostStep:
    """One line of the monthly sum as an explanation prints it: what, how, and how much."""

    id: str
    label: str
    formula: str
    value: float
    money: bool
    """True for a cost in dollars; False for a count (requests, model calls)."""


@dataclass(frozen=True)
class MonthlyCost:
    """One month of running the feature."""

    requests: float
    model_calls: float
    parts: Mapping[str, float]
    """Cost per component id, per month."""
    steps: tuple[CostStep, ...] = ()
    """The arithmetic behind `requests`, `model_calls` and each part, when asked for."""

    @property
    def total(self) -> float:
        """The whole monthly cost (fsum: plain `sum` of floats changed in Python 3.12, and the
        browser runs a newer Python than the build may)."""
        return math.fsum(self.parts.values())


def monthly_cost(
    model: CostModel, values: Mapping[str, float], explain: bool = False
) -> MonthlyCost:
    """The monthly cost for input values in form units (percentages as 0-100).

    With `explain`, each figure also comes with the formula that produced it, written from the
    same values here, so an explanation cannot drift from the arithmetic.
    """
    v = values
    days = model.constants.days_per_month.value
    requests = v["requests-per-day"] * days
    # A cache hit answers without calling the model; retries and fallbacks call it again.
    calls = requests * (1 - v["cache-hit-rate"] / 100) * (1 + v["retry-rate"] / 100)
    reviews = requests * v["review-share"] / 100
    # Input tokens are billed three ways: read from the provider's prompt cache, written to it,
    # or sent plainly; a batch share of the calls pays the discounted rate on both sides.
    cached, written = v["prompt-cache-share"] / 100, v["cache-write-share"] / 100
    input_price = (
        max(0.0, 1 - cached - written) * v["price-in"]
        + cached * v["price-cached-in"]
        + written * v["price-cache-write"]
    )
    batch = 1 - v["batch-share"] / 100 * v["batch-discount"] / 100
    parts = {
        "model-input": calls * v["tokens-in"] * input_price / 1_000_000 * batch,
        "model-output": calls * v["tokens-out"] * v["price-out"] / 1_000_000 * batch,
        "review": reviews * v["review-minutes"] / 60 * v["reviewer-hourly"],
        "infrastructure": v["infra-monthly"],
        "maintenance": v["maintenance-staff"] * v["staff-yearly"] / 12,
    }
    # Amounts below a trillionth of a dollar are noise: left in, products of extreme inputs
    # reach subnormal floats, where division loses its precision and a figure its meaning.
    parts = {key: amount if abs(amount) >= NEGLIGIBLE else 0.0 for key, amount in parts.items()}
    if not explain:
        return MonthlyCost(requests=requests, model_calls=calls, parts=parts)
    n = format_number
    formulas = {
        "requests": f"{n(v['requests-per-day'])} a day x {n(days, 4)} days",
        "model-calls": f"{n(requests, 0)} requests x (1 - {n(v['cache-hit-rate'])}% answered "
        f"from the cache) x (1 + {n(v['retry-rate'])}% retries)",
        "model-input": f"{n(calls, 0)} calls x {n(v['tokens-in'])} tokens "
        f"x ${n(input_price, 4)} per million (blended: {n(v['prompt-cache-share'])}% cached "
        f"at ${n(v['price-cached-in'])}, {n(v['cache-write-share'])}% written at "
        f"${n(v['price-cache-write'])}, the rest at ${n(v['price-in'])})"
        f" x {n(batch, 4)} for the batch share",
        "model-output": f"{n(calls, 0)} calls x {n(v['tokens-out'])} tokens "
        f"x ${n(v['price-out'])} per million x {n(batch, 4)} for the batch share",
        "review": f"{n(requests, 0)} requests x {n(v['review-share'])}% reviewed "
        f"x {n(v['review-minutes'])} minutes / 60 x ${n(v['reviewer-hourly'])} an hour",
        "infrastructure": "entered as a monthly figure",
        "maintenance": f"{n(v['maintenance-staff'])} "
        f"{'person' if v['maintenance-staff'] == 1 else 'people'} "
        f"x ${n(v['staff-yearly'])} a year / 12",
    }
    labels = {"requests": "Requests a month", "model-calls": "Model calls a month"}
    labels |= {c.id: c.label for c in model.components}
    amounts = {"requests": requests, "model-calls": calls, **parts}
    steps = tuple(
        CostStep(key, labels[key], formulas[key], amounts[key], key in parts) for key in formulas
    )
    return MonthlyCost(requests=requests, model_calls=calls, parts=parts, steps=steps)


@dataclass(frozen=True)
class Sensitivity:
    """The total when one input moves down and up by the step."""

    id: str
    label: str
    down_value: float
    up_value: float
    down_total: float
    up_total: float
    swing: float
    """The distance between the two totals: the length of the tornado bar."""


@dataclass(frozen=True)
class CostResult:
    """The calculator's answer for one set of inputs."""

    month: MonthlyCost
    monthly: float
    yearly: float
    first_year: float
    """Building it (the one-off cost) plus a year of running it."""
    per_request: float | None
    """None when there is no traffic to divide by."""
    per_success: float | None
    """None when no request succeeds."""
    sensitivity: tuple[Sensitivity, ...]


def sensitivity(model: CostModel, values: Mapping[str, float]) -> tuple[Sensitivity, ...]:
    """Each input moved by +/- the step, held within its range; largest swing first."""
    step = model.constants.sensitivity_step.value
    rows: list[tuple[float, int, Sensitivity]] = []
    for order, spec in enumerate(model.inputs):
        if spec.id == "success-rate" or spec.id in ONE_OFF:
            continue  # they change the cost per outcome or the first year, never the total
        value = values[spec.id]
        down = max(spec.minimum, value * (1 - step))
        up = min(spec.maximum, value * (1 + step))
        down_total = monthly_cost(model, {**values, spec.id: down}).total
        up_total = monthly_cost(model, {**values, spec.id: up}).total
        swing = abs(up_total - down_total)
        row = Sensitivity(spec.id, spec.label, down, up, down_total, up_total, swing)
        rows.append((-swing, order, row))
    rows.sort(key=lambda entry: (entry[0], entry[1]))
    return tuple(row for _, _, row in rows)


def _per(total: float, count: float) -> float | None:
    """`total / count`, or None when there is nothing (or next to nothing) to divide by."""
    if count <= 0:
        return None
    share = total / count
    return share if math.isfinite(share) else None


def run_cost(model: CostModel, inputs: CostInputs) -> CostResult:
    """Monthly and yearly cost, unit costs and the sensitivity ranking."""
    month = monthly_cost(model, inputs.values)
    total = month.total
    successes = month.requests * inputs["success-rate"] / 100
    return CostResult(
        month=month,
        monthly=total,
        yearly=total * 12,
        first_year=inputs["build-cost"] + total * 12,
        per_request=_per(total, month.requests),
        per_success=_per(total, successes),
        sensitivity=sensitivity(model, inputs.values),
    )
