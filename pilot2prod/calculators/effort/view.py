"""The estimator's result as JSON-ready data: outputs, tables, charts and a Markdown export.

The build pre-renders this view into docs/estimator.md, and the browser widget
renders the same view returned by the worker, so both show identical words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.calculators.effort.calendar import schedule
from pilot2prod.calculators.effort.inputs import EffortInputs, check_inputs
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.effort.simulate import EffortEstimate, estimate
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
    Shape,
    anchored,
    axis,
    bar_name,
    chart,
    legend,
    linear,
    name_column,
    nice_ticks,
    shape,
)
from pilot2prod.text import format_number, money, percent, weeks

UNIT = "person-weeks"


def _pw(value: float) -> str:
    return f"{weeks(value)} {UNIT}"


def _calibration_text(found: EffortEstimate) -> str:
    calibration = found.calibration
    if calibration is None:
        return "Not applied: no past projects entered."
    projects = "1 past project" if calibration.pairs == 1 else f"{calibration.pairs} past projects"
    text = (
        f"Applied: every stream x{calibration.factor:.2f}, from {projects}. Production took "
        f"{calibration.observed_multiple:.1f} times the pilot there, where the model says "
        f"{calibration.model_multiple:.1f}; the history counts {percent(calibration.weight)} "
        "against the defaults."
    )
    if calibration.limited:
        text += " The factor was held at its limit: check the history for typos."
    return text


def _readiness_text(model: EffortModel, found: EffortEstimate) -> str:
    if not found.readiness:
        return "Not applied: no readiness scores entered."
    parts = [
        f"{model.number(model.readiness_field(dim)).label} {percent(found.readiness[dim])}"
        for dim in model.readiness.dimensions
        if dim in found.readiness
    ]
    credit = percent(model.readiness.credit.value)
    return (
        f"Applied: {', '.join(parts)}. A fully ready dimension takes {credit} off the "
        "streams it covers."
    )


PERCENTILE_MEANING = (
    "P50 is the figure the work stays within half the time; P80, four times out of five; "
    "P90, nine times out of ten, if the model's assumptions hold. Commit to P80 or P90, not P50."
)
"""What the percentiles mean, printed beside them."""


def _calendar_outputs(inputs: EffortInputs, found: EffortEstimate) -> dict[str, dict[str, Any]]:
    steps = schedule(found, inputs)
    team = f"{format_number(inputs.team)} {'person' if inputs.team == 1 else 'people'}"
    who = f"{team} at {percent(inputs.focus)} of their time"
    weeks_text = " / ".join(f"{format_number(m.calendar_weeks, 1)}" for m in steps)
    if inputs.start is None:
        finish_text = "Give a start date to see finish dates."
    else:
        finish_text = (
            " / ".join(m.finish.isoformat() if m.finish is not None else "—" for m in steps)
            + f" (P50 / P80 / P90, starting {inputs.start.isoformat()})"
        )
    money_text = " / ".join(money(m.cost) for m in steps) + " (P50 / P80 / P90)"
    return {
        "calendar": output(
            steps[1].calendar_weeks, f"{weeks_text} calendar weeks (P50 / P80 / P90) for {who}"
        ),
        "finish": output(None, finish_text),
        "money": output(steps[1].cost, money_text),
        "percentiles": output(None, PERCENTILE_MEANING),
    }


NO_START = "give a start date"
"""The headline's finish date when the reader gave no start."""


def headline(inputs: EffortInputs, found: EffortEstimate) -> list[dict[str, str]]:
    """The few figures the page keeps in view, P80 first because it is the one to commit to,
    then P50 and P90, the P80 cost and finish date; the full results follow on the page."""
    p80 = schedule(found, inputs)[1]
    finish = p80.finish.isoformat() if p80.finish is not None else NO_START
    return [
        {"id": "p80", "label": "P80 (commit to this)", "text": _pw(found.p80)},
        {
            "id": "p50-p90",
            "label": "P50 / P90",
            "text": f"{weeks(found.p50)} / {weeks(found.p90)} {UNIT}",
        },
        {
            "id": "calendar",
            "label": "Calendar time at P80",
            "text": f"{format_number(p80.calendar_weeks, 1)} weeks",
        },
        {"id": "cost", "label": "Cost at P80", "text": money(p80.cost)},
        {"id": "finish", "label": "Finish at P80", "text": finish},
    ]


def outputs(
    model: EffortModel, inputs: EffortInputs, found: EffortEstimate
) -> dict[str, dict[str, Any]]:
    """Every `<output>` of the estimator by name."""
    return _calendar_outputs(inputs, found) | {
        "p50": output(found.p50, _pw(found.p50)),
        "p80": output(found.p80, _pw(found.p80)),
        "p90": output(found.p90, _pw(found.p90)),
        "likely": output(found.likely, _pw(found.likely)),
        "range": output(None, f"{weeks(found.low)} to {weeks(found.high)} {UNIT}"),
        "pilot-share": output(found.pilot_share, percent(found.pilot_share)),
        "operate": output(found.operate_weeks, f"{_pw(found.operate_weeks)} a year"),
        "operate-fte": output(found.operate_fte, f"{found.operate_fte:.2f} full-time people"),
        "calibration": output(
            found.calibration.factor if found.calibration else None, _calibration_text(found)
        ),
        "readiness": output(None, _readiness_text(model, found)),
    }


def tables(found: EffortEstimate) -> dict[str, dict[str, Any]]:
    """The text equivalents of the charts."""
    rows = [
        [
            s.title,
            weeks(s.low),
            weeks(s.likely),
            weeks(s.high),
            weeks(s.p50),
            weeks(s.p80),
            weeks(s.p90),
        ]
        for s in found.streams
    ]
    rows.append(
        [
            "All streams together",
            weeks(found.low),
            weeks(found.likely),
            weeks(found.high),
            weeks(found.p50),
            weeks(found.p80),
            weeks(found.p90),
        ]
    )
    streams = table(
        "Production effort by work stream, in person-weeks. Each stream's percentiles come "
        "from its own range; the total's come from the simulation.",
        ["Work stream", "Low", "Likely", "High", "P50", "P80", "P90"],
        rows,
    )
    spread = table(
        f"Simulated total production effort ({found.draws:,} draws), in person-weeks.",
        ["Chance the work fits within", "Person-weeks"],
        [[percent(p), weeks(value)] for p, value in found.spread],
    )
    return {"streams": streams, "spread": spread}


_MARKS = (("p50", "P50"), ("p80", "P80"), ("p90", "P90"))


def _stream_legend(left: float, narrow: bool) -> list[Shape]:
    """What the range, the dot and the three marks mean: one line wide, two lines narrow."""
    marks_x, marks_y = (left + 170, 15) if not narrow else (left, 34)
    shapes = [
        shape("rect", x=left, y=10, width=14, height=10, cls="p2p-range"),
        legend("low to high", left + 20, 15),
        shape("circle", cx=left + 112, cy=15, r=4, cls="p2p-likely"),
        legend("likely", left + 120, 15),
    ]
    for index, (name, label) in enumerate(_MARKS):
        x = marks_x + index * 60
        shapes.append(
            shape(
                "line", x1=x, y1=marks_y - 7, x2=x, y2=marks_y + 7, cls=f"p2p-mark p2p-mark-{name}"
            )
        )
        shapes.append(legend(label, x + 6, marks_y))
    return shapes


def stream_chart(found: EffortEstimate, narrow: bool = False) -> Chart:
    """Each stream as a bar from low to high, the likely value as a dot, percentiles as ticks.

    Wide, the streams' names sit in a column left of the bars; narrow (a phone), each name sits
    above its bar, so the bars keep the whole width and the text its size.
    """
    if narrow:
        width, left, right, top, row, bar_at = NARROW, 12, NARROW - 14, 58, 46, 31
    else:
        left = name_column([stream.title for stream in found.streams], least=300, most=360)
        width, right, top, row, bar_at = 720, 700, 44, 32, 16
    bottom = top + row * len(found.streams)
    ticks = nice_ticks(max(s.high for s in found.streams), 4 if narrow else 5)
    scale = linear(right - left, ticks[-1])
    shapes = _stream_legend(left, narrow)
    line = 17 if narrow else 14
    shapes += axis(
        ticks, left, right - left, top - 6, bottom, UNIT, lambda t: format_number(t, 1), line
    )
    for index, stream in enumerate(found.streams):
        mid = top + row * index + bar_at
        shapes.append(bar_name(stream.title, mid, narrow=narrow, right=left - 8))
        shapes.append(
            shape(
                "rect",
                x=left + scale(stream.low),
                y=mid - 6,
                width=max(1.0, scale(stream.high - stream.low)),
                height=12,
                cls="p2p-range",
            )
        )
        for name, _ in _MARKS:
            x = left + scale(getattr(stream, name))
            shapes.append(
                shape("line", x1=x, y1=mid - 10, x2=x, y2=mid + 10, cls=f"p2p-mark p2p-mark-{name}")
            )
        shapes.append(
            shape("circle", cx=left + scale(stream.likely), cy=mid, r=4, cls="p2p-likely")
        )
    biggest = max(found.streams, key=lambda s: s.likely)
    label = (
        f"Ranges of production effort for {len(found.streams)} work streams. The largest is "
        f"{biggest.title}: likely {_pw(biggest.likely)}, from {weeks(biggest.low)} to "
        f"{weeks(biggest.high)}. The table that follows gives every value."
    )
    return chart(width, int(bottom + line * 2 + 12), label, shapes)


def total_chart(found: EffortEstimate, narrow: bool = False) -> Chart:
    """A histogram of the simulated totals with P50, P80 and P90 marked.

    The vertical axis gives each bar's share of the simulated runs. Narrow, the chart is
    `NARROW` units wide with fewer ticks, so its text draws at full size on a phone.
    """
    if narrow:
        width, left, right, top, bottom, step = NARROW, 50, NARROW - 14, 66, 206, 15
    else:
        width, left, right, top, bottom, step = 720, 64, 700, 58, 214, 11
    ticks = nice_ticks(found.histogram[-1][1], 4 if narrow else 5)
    scale = linear(right - left, ticks[-1])
    # The vertical axis: each bar's share of the draws, in percent, on round ticks.
    tallest = max(count for _, _, count in found.histogram) or 1
    shares = nice_ticks(100 * tallest / max(found.draws, 1), 4)
    rise = linear(bottom - top, shares[-1])
    line = 17 if narrow else 14
    shapes = axis(
        ticks,
        left,
        right - left,
        top,
        bottom,
        f"total {UNIT}",
        lambda t: format_number(t, 1),
        line,
    )
    for share in shares:
        y = bottom - rise(share)
        shapes.append(shape("line", x1=left, y1=y, x2=right, y2=y, cls="p2p-grid"))
        shapes.append(
            shape(
                "text",
                f"{format_number(share, 1)}%",
                x=left - 6,
                y=y,
                text_anchor="end",
                dominant_baseline="middle",
                cls="p2p-tick",
            )
        )
    shapes.append(shape("text", "share of simulated runs", x=4, y=top - 14, cls="p2p-axis"))
    for start, end, count in found.histogram:
        height = rise(100 * count / max(found.draws, 1))
        shapes.append(
            shape(
                "rect",
                x=left + scale(start),
                y=bottom - height,
                width=max(1.0, scale(end - start)),
                height=height,
                cls="p2p-bin",
            )
        )
    for index, (name, label) in enumerate(_MARKS):
        value = getattr(found, name)
        x = left + scale(value)
        shapes.append(
            shape("line", x1=x, y1=top - 4, x2=x, y2=bottom, cls=f"p2p-mark p2p-mark-{name}")
        )
        text = f"{label} {weeks(value)}"
        y = 10 + index * step + (3 if narrow else 0)
        if narrow:
            shapes.append(anchored(text, x, y, width, "p2p-legend"))
        else:
            shapes.append(shape("text", text, x=x, y=y, text_anchor="middle", cls="p2p-legend"))
    label = (
        f"Histogram of {found.draws:,} simulated totals. Half fall below {_pw(found.p50)}, "
        f"80% below {_pw(found.p80)} and 90% below {_pw(found.p90)}. The table that follows "
        "lists more percentiles."
    )
    return chart(width, int(bottom + line * 2 + 12), label, shapes)


def input_rows(model: EffortModel, inputs: EffortInputs) -> list[list[str]]:
    """The inputs as (label, value) rows for the export."""
    rows = [[model.number("pilot-weeks").label, f"{format_number(inputs.pilot_weeks)} {UNIT}"]]
    for trait in model.traits:
        rows.append([trait.label, trait.level(inputs.levels[trait.id]).label])
    rows.append([model.number("systems").label, str(inputs.systems)])
    for dim in model.readiness.dimensions:
        value = inputs.readiness.get(dim)
        spec = model.number(model.readiness_field(dim))
        rows.append([spec.label, "not assessed" if value is None else percent(value)])
    history = "; ".join(f"{format_number(p)} then {format_number(q)}" for p, q in inputs.history)
    rows.append([model.inputs.history.label, history or "none"])
    rows.append([model.number("team-size").label, format_number(inputs.team)])
    rows.append([model.number("focus").label, percent(inputs.focus)])
    rows.append([model.number("cost-per-week").label, money(inputs.rate)])
    start = inputs.start.isoformat() if inputs.start else "not given"
    rows.append([model.inputs.start.label, start])
    return rows


def markdown(
    model: EffortModel, inputs: EffortInputs, found: EffortEstimate, page_url: object, date: object
) -> str:
    """The estimate as Markdown for a proposal."""
    results = outputs(model, inputs, found)
    lines = [
        "## Production-effort estimate",
        "",
        link_line("estimator", page_url, date),
        "",
        f"- **Production work (P50 / P80 / P90):** {weeks(found.p50)} / {weeks(found.p80)} / "
        f"{weeks(found.p90)} {UNIT}",
        f"- **Calendar time:** {results['calendar']['text']}",
        f"- **Finish:** {results['finish']['text']}",
        f"- **Cost of the production work:** {results['money']['text']}",
        f"- **Sum of likely values:** {results['likely']['text']}",
        f"- **The pilot's share of all the work:** {results['pilot-share']['text']}",
        f"- **Yearly effort to operate and maintain:** {results['operate']['text']} "
        f"({results['operate-fte']['text']})",
        f"- **Calibration:** {results['calibration']['text']}",
        f"- **Readiness credit:** {results['readiness']['text']}",
        "",
        "### Inputs",
        "",
        *markdown_table(table("", ["Input", "Value"], input_rows(model, inputs))),
        "",
        "### By work stream",
        "",
        *markdown_table(tables(found)["streams"]),
        "",
        PERCENTILE_MEANING,
        "",
        f"Percentiles come from {found.draws:,} seeded simulation draws (seed {found.seed}). The "
        "model's parameters are starting assumptions, to be calibrated with the team's own "
        "past projects.",
        "",
    ]
    return "\n".join(lines)


def run_cost_inputs(
    model: EffortModel, inputs: EffortInputs, found: EffortEstimate
) -> dict[str, str]:
    """What the estimate tells the run-cost calculator, as its form fields.

    Building costs the P80 work at the loaded rate (the figure to commit to); running needs the
    yearly operating effort as people, each costing the rate over a working year, so the run
    cost's maintenance line equals the operating person-weeks at the same rate.
    """
    build = schedule(found, inputs)[1].cost
    yearly = inputs.rate * model.operate.weeks_per_year.value
    return {
        "build-cost": f"{round(build, 2):.10g}",
        "maintenance-staff": f"{round(found.operate_fte, 3):.10g}",
        "staff-yearly": f"{round(yearly, 2):.10g}",
    }


def view(model: EffortModel, inputs: EffortInputs, found: EffortEstimate) -> dict[str, Any]:
    """Everything the page shows for one estimate."""
    return {
        "ok": True,
        "messages": {},
        "outputs": outputs(model, inputs, found),
        "headline": headline(inputs, found),
        "tables": tables(found),
        "charts": {"streams": stream_chart(found), "total": total_chart(found)},
        "narrow_charts": {
            "streams": stream_chart(found, narrow=True),
            "total": total_chart(found, narrow=True),
        },
        "run_cost": run_cost_inputs(model, inputs, found),
    }


def carried_notice(model: EffortModel, carried: Mapping[str, str]) -> str:
    """What a link from the assessment set, named with its values, for the estimator's top.

    A field the link leaves empty is named too, with the reason: the assessment has no score
    for that dimension, so it earns no readiness credit.
    """
    if not carried:
        return ""
    labels = {field_id: model.number(field_id).label for field_id in carried}
    filled = [f"{labels[field_id]} {value}%" for field_id, value in carried.items() if value]
    empty = [labels[field_id] for field_id, value in carried.items() if not value]
    parts = []
    if filled:
        they, them = ("It is", "it") if len(filled) == 1 else ("They are", "them")
        parts.append(
            f"Carried in from the readiness assessment: {_and(filled)}. {they} in the form "
            "below under the readiness fields and earn the estimate its readiness credit; "
            f"change or clear {them} there."
        )
    if empty:
        verb = "stays" if len(empty) == 1 else "stay"
        parts.append(
            f"{_and(empty)} {verb} empty: the assessment has no score for "
            f"{'that dimension' if len(empty) == 1 else 'those dimensions'} yet (every question "
            "there is unanswered or not applicable), so nothing was carried and the estimate "
            "takes no readiness credit for it."
        )
    return " ".join(parts)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def run(model: EffortModel, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Check the inputs in `payload` and estimate: the view, or per-field messages."""
    raw = request_inputs(payload)
    inputs, messages = check_inputs(model, raw)
    if inputs is None:
        return {"ok": False, "messages": messages}
    found = estimate(model, inputs)
    result = view(model, inputs, found)
    if payload.get("markdown") is True:
        result["markdown"] = markdown(
            model, inputs, found, payload.get("page_url"), payload.get("date")
        )
    return result
