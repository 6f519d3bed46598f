"""The run-cost result as JSON-ready data: outputs, tables, charts and a Markdown export.

The build pre-renders this view into docs/run-cost.md, and the browser widget
renders the same view returned by the worker, so both show identical words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.calculators.runcost.model import (
    CostInputs,
    CostModel,
    CostResult,
    check_inputs,
    run_cost,
)
from pilot2prod.calculators.views import (
    link_line,
    markdown_table,
    output,
    request_inputs,
    table,
)
from pilot2prod.charts import (
    NARROW,
    Chart,
    axis,
    bar_name,
    chart,
    legend,
    linear,
    name_column,
    nice_ticks,
    shape,
)
from pilot2prod.text import format_number, money, percent, with_unit


def _step(model: CostModel) -> str:
    return percent(model.constants.sensitivity_step.value)


def outputs(model: CostModel, found: CostResult) -> dict[str, dict[str, Any]]:
    """Every `<output>` of the calculator by name."""
    parts = found.month.parts
    largest = max(model.components, key=lambda c: parts[c.id])
    share = parts[largest.id] / found.monthly if found.monthly > 0 else 0.0
    top = found.sensitivity[0] if found.sensitivity and found.sensitivity[0].swing > 0 else None
    return {
        "monthly": output(found.monthly, money(found.monthly)),
        "yearly": output(found.yearly, money(found.yearly)),
        "first-year": output(
            found.first_year if found.first_year > found.yearly else None,
            f"{money(found.first_year)} ({money(found.first_year - found.yearly)} to build, "
            f"{money(found.yearly)} to run)"
            if found.first_year > found.yearly
            else "— (no cost to build given)",
        ),
        "per-request": output(
            found.per_request,
            money(found.per_request) if found.per_request is not None else "— (no requests)",
        ),
        "per-success": output(
            found.per_success,
            money(found.per_success)
            if found.per_success is not None
            else "— (no request succeeds)",
        ),
        "requests": output(
            found.month.requests, f"{format_number(found.month.requests, 0)} a month"
        ),
        "model-calls": output(
            found.month.model_calls, f"{format_number(found.month.model_calls, 0)} a month"
        ),
        "largest": output(
            parts[largest.id],
            f"{largest.label}: {money(parts[largest.id])} a month ({percent(share)})"
            if found.monthly > 0
            else "Nothing: every cost is zero.",
        ),
        "top-driver": output(
            top.swing if top else 0.0,
            f"{top.label}: moving it {_step(model)} either way puts the monthly total between "
            f"{money(min(top.down_total, top.up_total))} and "
            f"{money(max(top.down_total, top.up_total))}"
            if top
            else "No input moves the total.",
        ),
    }


def tables(model: CostModel, found: CostResult) -> dict[str, dict[str, Any]]:
    """The text equivalents of the charts."""
    parts = found.month.parts
    rows = [
        [
            c.label,
            money(parts[c.id]),
            money(parts[c.id] * 12),
            percent(parts[c.id] / found.monthly) if found.monthly > 0 else "—",
        ]
        for c in model.components
    ]
    rows.append(
        ["Total", money(found.monthly), money(found.yearly), "100%" if found.monthly > 0 else "—"]
    )
    breakdown = table(
        "Monthly and yearly cost by component.",
        ["Component", "Per month", "Per year", "Share"],
        rows,
    )
    step = _step(model)
    sensitivity = table(
        f"Monthly total when each input moves {step} down or up, largest effect first.",
        [
            "Input",
            f"{step} lower",
            f"{step} higher",
            "Total when lower",
            "Total when higher",
            "Difference",
        ],
        [
            [
                s.label,
                with_unit(s.down_value, model.number(s.id).unit),
                with_unit(s.up_value, model.number(s.id).unit),
                money(s.down_total),
                money(s.up_total),
                money(s.swing),
            ]
            for s in found.sensitivity
        ],
    )
    return {"breakdown": breakdown, "sensitivity": sensitivity}


def breakdown_chart(model: CostModel, found: CostResult, narrow: bool = False) -> Chart:
    """One horizontal bar per component of the monthly cost.

    Wide, the names sit in a column left of the bars; narrow (a phone), each name sits above
    its bar and the bars leave room for their amounts, so the text keeps its size.
    """
    if narrow:
        width, left, right, top, row, bar_at = NARROW, 12, NARROW - 86, 10, 44, 30
    else:
        names = [component.label for component in model.components]
        left = name_column(names, least=200, most=360)
        width, right, top, row, bar_at = 720, 600, 10, 30, 15
    parts = found.month.parts
    bottom = top + row * len(model.components)
    ticks = nice_ticks(max(parts.values()), 3 if narrow else 5)
    scale = linear(right - left, ticks[-1])
    line = 17 if narrow else 14
    shapes = axis(ticks, left, right - left, top, bottom, "dollars per month", _short_money, line)
    for index, component in enumerate(model.components):
        mid = top + row * index + bar_at
        value = parts[component.id]
        shapes.append(bar_name(component.label, mid, narrow=narrow, right=left - 8, above=19))
        shapes.append(
            shape("rect", x=left, y=mid - 8, width=max(0.5, scale(value)), height=16, cls="p2p-bar")
        )
        shapes.append(
            shape(
                "text",
                money(value),
                x=left + scale(value) + 6,
                y=mid,
                dominant_baseline="middle",
                cls="p2p-value",
            )
        )
    largest = max(model.components, key=lambda c: parts[c.id])
    label = (
        f"Monthly cost by component; the largest is {largest.label} at "
        f"{money(parts[largest.id])} of {money(found.monthly)}. The table that follows gives "
        "every value."
    )
    return chart(width, int(bottom + line * 2 + 12), label, shapes)


def _short_money(value: float) -> str:
    if value >= 1_000_000:
        return f"${format_number(value / 1_000_000, 1)}M"
    if value >= 1000:
        return f"${format_number(value / 1000, 1)}k"
    return f"${format_number(value, 2)}"


def tornado_chart(model: CostModel, found: CostResult, narrow: bool = False) -> Chart:
    """Each input's effect on the monthly total, as bars either side of the current total.

    Narrow (a phone), the legend takes two lines and each input's name sits above its bars.
    """
    if narrow:
        width, left, right, top, row, bar_at = NARROW, 8, NARROW - 8, 48, 40, 28
    else:
        left = name_column([s.label for s in found.sensitivity], least=230, most=360)
        width, right, top, row, bar_at = 720, 700, 34, 24, 12
    rows = found.sensitivity
    bottom = top + row * len(rows)
    base = found.monthly
    lowest = min([base, *(min(s.down_total, s.up_total) for s in rows)])
    highest = max([base, *(max(s.down_total, s.up_total) for s in rows)])
    reach = max(highest - base, base - lowest) or 1.0
    middle = (left + right) / 2
    scale = linear(right - middle, reach)
    step = _step(model)
    second = (left, 30) if narrow else (left + 170, 13)
    shapes = [
        shape("rect", x=left, y=8, width=14, height=10, cls="p2p-down"),
        legend(f"input {step} lower", left + 20, 13),
        shape("rect", x=second[0], y=second[1] - 5, width=14, height=10, cls="p2p-up"),
        legend(f"input {step} higher", second[0] + 20, second[1]),
        shape("line", x1=middle, y1=top - 6, x2=middle, y2=bottom, cls="p2p-base"),
        shape(
            "text",
            f"current total {money(base)} a month",
            x=middle,
            y=bottom + (18 if narrow else 16),
            text_anchor="middle",
            cls="p2p-axis",
        ),
    ]
    for index, s in enumerate(rows):
        mid = top + row * index + bar_at
        shapes.append(bar_name(s.label, mid, narrow=narrow, right=left - 8, above=17))
        for total, cls in ((s.down_total, "p2p-down"), (s.up_total, "p2p-up")):
            offset = scale(total - base)
            shapes.append(
                shape(
                    "rect",
                    x=middle + min(0.0, offset),
                    y=mid - 7,
                    width=max(0.5, abs(offset)),
                    height=14,
                    cls=cls,
                )
            )
    top_row = rows[0] if rows else None
    label = (
        f"Tornado chart of how the monthly total moves when each input changes by {step}. "
        + (f"{top_row.label} moves it most. " if top_row and top_row.swing > 0 else "")
        + "The table that follows gives every value."
    )
    return chart(width, bottom + (34 if narrow else 30), label, shapes)


def input_rows(model: CostModel, inputs: CostInputs) -> list[list[str]]:
    """The inputs as (label, value) rows for the export."""
    return [[spec.label, with_unit(inputs[spec.id], spec.unit)] for spec in model.inputs]


def markdown(
    model: CostModel, inputs: CostInputs, found: CostResult, page_url: object, date: object
) -> str:
    """The run cost as Markdown for a proposal."""
    results = outputs(model, found)
    found_tables = tables(model, found)
    lines = [
        "## Run-cost estimate",
        "",
        link_line("run-cost calculator", page_url, date),
        "",
        f"- **Monthly cost:** {results['monthly']['text']}",
        f"- **Yearly cost:** {results['yearly']['text']}",
        f"- **Building it and the first year:** {results['first-year']['text']}",
        f"- **Cost per request:** {results['per-request']['text']}",
        f"- **Cost per successful outcome:** {results['per-success']['text']}",
        f"- **Largest component:** {results['largest']['text']}",
        f"- **Input that moves the total most:** {results['top-driver']['text']}",
        "",
        "### Inputs",
        "",
        *markdown_table(table("", ["Input", "Value"], input_rows(model, inputs))),
        "",
        "### Breakdown",
        "",
        *markdown_table(found_tables["breakdown"]),
        "",
        "### Sensitivity",
        "",
        *markdown_table(found_tables["sensitivity"]),
        "",
    ]
    return "\n".join(lines)


def headline(found: CostResult) -> list[dict[str, str]]:
    """The few figures the page keeps in view: the monthly total first, then what a year and a
    successful outcome cost; the full results follow on the page."""
    per_success = money(found.per_success) if found.per_success is not None else "—"
    return [
        {"id": "monthly", "label": "Monthly cost", "text": money(found.monthly)},
        {"id": "yearly", "label": "A year of running", "text": money(found.yearly)},
        {"id": "per-success", "label": "Per successful outcome", "text": per_success},
    ]


def view(model: CostModel, found: CostResult) -> dict[str, Any]:
    """Everything the page shows for one set of inputs."""
    return {
        "ok": True,
        "messages": {},
        "outputs": outputs(model, found),
        "headline": headline(found),
        "tables": tables(model, found),
        "charts": {
            "breakdown": breakdown_chart(model, found),
            "sensitivity": tornado_chart(model, found),
        },
        "narrow_charts": {
            "breakdown": breakdown_chart(model, found, narrow=True),
            "sensitivity": tornado_chart(model, found, narrow=True),
        },
    }


def run(model: CostModel, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Check the inputs in `payload` and compute: the view, or per-field messages."""
    inputs, messages = check_inputs(model, request_inputs(payload))
    if inputs is None:
        return {"ok": False, "messages": messages}
    found = run_cost(model, inputs)
    result = view(model, found)
    if payload.get("markdown") is True:
        result["markdown"] = markdown(
            model, inputs, found, payload.get("page_url"), payload.get("date")
        )
    return result
