"""Macros for the method page: every calculator parameter with its reason, and worked examples.

The numbers come from the models themselves: the estimator's stream plans (base and factors)
and the run-cost calculator's explained monthly sum (`monthly_cost(..., explain=True)`), so
the page prints the arithmetic the code performs, not a second copy of it in prose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.exceptions import PluginError

from macros.prerender import prerender
from pilot2prod.calculators.effort.inputs import check_inputs
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.effort.simulate import StreamPlan, calibrate, stream_plans
from pilot2prod.calculators.effort.view import UNIT
from pilot2prod.calculators.inputs import Param
from pilot2prod.calculators.runcost.model import CostModel, CostStep, monthly_cost
from pilot2prod.calculators.runcost.model import check_inputs as check_cost_inputs
from pilot2prod.dataset import Dataset
from pilot2prod.text import format_number, markdown_table, md, money, with_unit


def _md_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    return "\n".join(markdown_table(columns, rows)) + "\n"


def _param_row(label: str, param: Param, show: Callable[[float], str]) -> list[str]:
    """A parameter's table row: its name, its value as `show` writes it, and why it is so."""
    return [label, show(param.value), param.rationale]


def effort_parameters(model: EffortModel) -> str:
    """Every parameter of the estimator with its rationale, as Markdown tables."""
    streams = _md_table(
        ["Work stream", "Likely per pilot week", "At least", "Low", "High", "Why"],
        [
            [
                s.title,
                f"{format_number(s.ratio.value)} x",
                f"{format_number(s.minimum.value)} {UNIT}",
                f"{format_number(s.low.value)} x likely",
                f"{format_number(s.high.value)} x likely",
                f"{s.ratio.rationale} Floor: {s.minimum.rationale} Low: {s.low.rationale} "
                f"High: {s.high.rationale}",
            ]
            for s in model.streams
        ],
    )
    titles = {s.id: s.title for s in model.streams}
    titles |= {
        "all": "every stream",
        "operate": "yearly operating effort",
        "uncertainty": "upper spread",
    }
    multipliers = _md_table(
        ["Trait", "Choice", "Scales", "By", "Why"],
        [
            [trait.label, level.label, titles[m.to], f"x{format_number(m.by)}", m.rationale]
            for trait in model.traits
            for level in trait.levels
            for m in level.multipliers
        ],
    )
    others = [
        _param_row(
            "Each system after the first",
            model.systems.per_additional,
            lambda v: f"+{format_number(v)} x integration",
        ),
        _param_row(
            "Readiness credit",
            model.readiness.credit,
            lambda v: f"up to {v:.0%} of a covered stream",
        ),
        _param_row(
            "Yearly operating effort",
            model.operate.fraction,
            lambda v: f"{v:.0%} of the likely total",
        ),
        _param_row(
            "Least yearly operating effort",
            model.operate.minimum,
            lambda v: f"{format_number(v)} {UNIT}",
        ),
        _param_row("Working weeks in a person-year", model.operate.weeks_per_year, format_number),
        _param_row("Simulation draws", model.simulation.draws, format_number),
        _param_row("Seed", model.simulation.seed, lambda v: str(int(v))),
        _param_row(
            "Draws where all streams move together",
            model.simulation.shared_overrun,
            "{:.0%}".format,
        ),
        _param_row(
            "Weight of the defaults against history",
            model.calibration.prior_weight,
            lambda v: f"{format_number(v)} projects",
        ),
        _param_row(
            "Largest calibration factor",
            model.calibration.max_factor,
            lambda v: f"x{format_number(v)} either way",
        ),
    ]
    return (
        "**Work streams.** The likely effort of a stream is the pilot's effort times its ratio, "
        "never less than its floor; low and high are multiples of the likely value.\n\n"
        + streams
        + "\n**What each choice changes.** A choice not listed here is the reference level and "
        "changes nothing.\n\n"
        + multipliers
        + "\n**Other parameters.**\n\n"
        + _md_table(["Parameter", "Value", "Why"], others)
    )


def cost_parameters(model: CostModel) -> str:
    """Every input's default and range with its rationale, and the constants, as Markdown."""
    inputs = _md_table(
        ["Input", "Default", "Allowed", "Why this default"],
        [
            [
                spec.label,
                with_unit(spec.default or 0, spec.unit),
                f"{with_unit(spec.minimum, spec.unit)} to {with_unit(spec.maximum, spec.unit)}",
                spec.rationale,
            ]
            for spec in model.inputs
        ],
    )
    constants = _md_table(
        ["Constant", "Value", "Why"],
        [
            _param_row(
                "Days in a month", model.constants.days_per_month, lambda v: format_number(v, 4)
            ),
            _param_row("Sensitivity step", model.constants.sensitivity_step, "{:.0%}".format),
        ],
    )
    return inputs + "\n" + constants


def _plan_line(plan: StreamPlan, pilot: float) -> str:
    stream = plan.stream
    n = format_number
    product = f"{n(stream.ratio.value)} x {n(pilot)}"
    likely = f"**{n(plan.range.likely, 1)}**"
    factors = "".join(f" x {n(s.value, 3)} ({s.label})" for s in plan.steps)
    if plan.floored:
        floor = n(plan.base)
        return f"{stream.title}: {product} is below the floor, so {floor}{factors} = {likely}"
    if not factors:
        return f"{stream.title}: {product} = {likely}"
    return f"{stream.title}: {product} = {n(plan.base)}{factors} = {likely}"


def effort_example_markdown(data: Dataset, level: int) -> str:
    """Each worked example: inputs, the arithmetic per stream, and the estimate."""
    model = data.effort
    blocks = []
    for example in model.examples:
        inputs, _ = check_inputs(model, example.inputs)
        assert inputs is not None  # examples are checked when the data loads
        view = prerender(data, "effort.estimate", {"inputs": dict(example.inputs)})
        outputs = view["outputs"]
        calibration = calibrate(model, inputs)
        plans = stream_plans(model, inputs, factor=calibration.factor if calibration else 1.0)
        spread = 1.0
        for step in plans[0].spread:
            spread *= step.value
        spread_text = (
            " x ".join(f"{format_number(s.value, 3)} ({s.label})" for s in plans[0].spread)
            or "nothing"
        )
        rows = [[trait.label, trait.level(inputs.levels[trait.id]).label] for trait in model.traits]
        blocks.append(
            "\n".join(
                [
                    f"{'#' * level} {md(example.title)} {{#effort-{example.id}}}",
                    "",
                    md(example.summary),
                    "",
                    _md_table(
                        ["Input", "Value"],
                        [
                            [
                                model.number("pilot-weeks").label,
                                f"{format_number(inputs.pilot_weeks)} {UNIT}",
                            ],
                            *rows,
                            [model.number("systems").label, inputs.systems],
                        ],
                    ),
                    "Likely effort per stream, in person-weeks:",
                    "",
                    *(f"- {_plan_line(plan, inputs.pilot_weeks)}" for plan in plans),
                    "",
                    f"The upper spread of every range is widened by {spread_text}, "
                    f"x{format_number(spread, 3)} in all. {outputs['calibration']['text']} "
                    f"{outputs['readiness']['text']}",
                    "",
                    f"**Result:** P50 {outputs['p50']['text']}, P80 {outputs['p80']['text']}, "
                    f"P90 {outputs['p90']['text']}; the pilot is {outputs['pilot-share']['text']} "
                    f"of all the work; operating it takes {outputs['operate']['text']} "
                    f"({outputs['operate-fte']['text']}).",
                    "",
                ]
            )
        )
    return "\n".join(blocks)


def cost_example_markdown(data: Dataset, level: int) -> str:
    """Each worked example: inputs, the sum per component, and the totals."""
    model = data.cost
    blocks = []
    for example in model.examples:
        inputs, _ = check_cost_inputs(model, example.inputs)
        assert inputs is not None  # examples are checked when the data loads
        view = prerender(data, "cost.run", {"inputs": dict(example.inputs)})
        out = view["outputs"]
        steps = monthly_cost(model, inputs.values, explain=True).steps
        blocks.append(
            "\n".join(
                [
                    f"{'#' * level} {md(example.title)} {{#cost-{example.id}}}",
                    "",
                    md(example.summary),
                    "",
                    *(
                        f"- {md(step.label)}: {md(step.formula)} = {md(_amount(step))}"
                        for step in steps
                    ),
                    "",
                    table_markdown(view["tables"]["breakdown"]),
                    f"**Result:** {out['monthly']['text']} a month, "
                    f"{out['yearly']['text']} a year, {out['per-request']['text']} per request "
                    f"and {out['per-success']['text']} per successful outcome. "
                    f"{out['top-driver']['text']}.",
                    "",
                ]
            )
        )
    return "\n".join(blocks)


def largest_streams(data: Dataset, count: int) -> str:
    """The estimator's largest streams at its default inputs, by P50: "A (15.2) and B (10.2)"."""
    table = prerender(data, "effort.estimate", {"inputs": {}})["tables"]["streams"]
    p50 = table["columns"].index("P50")
    streams = [row for row in table["rows"] if row[0] != table["rows"][-1][0]]
    streams.sort(key=lambda row: -float(str(row[p50]).replace(",", "")))
    named = [f"{str(row[0]).lower()} ({row[p50]} {UNIT})" for row in streams[:count]]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def example_monthly(data: Dataset, example_id: str, without: Sequence[str]) -> str:
    """A run-cost worked example's monthly total, with the inputs in `without` set to nothing."""
    model = data.cost
    examples = {example.id: example for example in model.examples}
    if example_id not in examples:
        raise PluginError(f"cost_example_monthly: no example {example_id!r}")
    inputs = dict(examples[example_id].inputs) | {name.strip(): 0 for name in without}
    checked, problems = check_cost_inputs(model, inputs)
    if checked is None:
        raise PluginError(f"cost_example_monthly: {problems}")
    return money(monthly_cost(model, checked.values).total)


def _amount(step: CostStep) -> str:
    return money(step.value) if step.money else format_number(step.value, 0)


def table_markdown(found: Mapping[str, Any]) -> str:
    """A view table as a Markdown table."""
    return _md_table(found["columns"], found["rows"])


def define(env: Any, data: Dataset, page: Callable[[], str]) -> None:
    """Register the method page's parameter tables, worked examples and settings."""

    @env.macro
    def effort_parameter_tables() -> str:
        """Every estimator parameter with its rationale."""
        return effort_parameters(data.effort)

    @env.macro
    def cost_parameter_tables() -> str:
        """Every run-cost default and constant with its rationale."""
        return cost_parameters(data.cost)

    @env.macro
    def effort_worked_examples(level: int = 3) -> str:
        """The estimator's worked examples, step by step."""
        return effort_example_markdown(data, level)

    @env.macro
    def cost_worked_examples(level: int = 3) -> str:
        """The run-cost calculator's worked examples, step by step."""
        return cost_example_markdown(data, level)

    @env.macro
    def effort_setting(path: str) -> str:
        """One estimator parameter for prose, e.g. `simulation.draws` -> "10,000"."""
        target: Any = data.effort
        for name in path.split("."):
            target = getattr(target, name)
        value = getattr(target, "value", target)
        if isinstance(value, float) and 0 < value < 1:
            return f"{value:.0%}"
        return format_number(value) if isinstance(value, float | int) else str(value)

    @env.macro
    def effort_default(output: str) -> str:
        """One figure of the estimate at the default inputs, as the estimator prints it."""
        outputs = prerender(data, "effort.estimate", {"inputs": {}})["outputs"]
        if output not in outputs:
            known = ", ".join(sorted(outputs))
            raise PluginError(f"effort_default: no output {output!r} (known: {known})")
        return str(outputs[output]["text"])

    @env.macro
    def effort_default_streams(count: int = 2) -> str:
        """The `count` largest work streams at the default inputs, largest first, with P50s."""
        return largest_streams(data, count)

    @env.macro
    def cost_default(input_id: str) -> str:
        """A run-cost input's default with its unit, for prose ("50%")."""
        spec = data.cost.number(input_id)
        return with_unit(spec.default or 0, spec.unit)

    @env.macro
    def cost_example_monthly(example_id: str, without: str = "") -> str:
        """A worked example's monthly total; `without` names inputs (comma-separated) set to 0."""
        return example_monthly(data, example_id, [i for i in without.split(",") if i.strip()])

    @env.macro
    def cost_days() -> str:
        """The days in the calculator's average month, for prose."""
        return format_number(data.cost.constants.days_per_month.value, 4)
