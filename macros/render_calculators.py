"""Macros for the estimator and the run-cost calculator: forms, pre-rendered results, parameters.

Each widget is a labelled form with units and defaults plus the result for those
defaults, computed at build time through `pilot2prod.browser_api` — the same
function the browser calls — so readers without JavaScript see real numbers.
`docs/assets/js/components/calculator.js` updates the same parts, found by `name`,
`data-chart` and `data-table`, from the view the worker returns; keep the two in
step. Every text is escaped here; nothing a reader types reaches this module.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros.data_files import read_data_dir
from pilot2prod import browser_api, bundle
from pilot2prod.charts import to_svg
from pilot2prod.effort import EffortModel, StreamPlan, calibrate, check_inputs, stream_plans
from pilot2prod.effort_view import UNIT
from pilot2prod.fields import NumberInput, Param, format_number, with_unit
from pilot2prod.loader import SiteData
from pilot2prod.runcost import CostModel
from pilot2prod.runcost import check_inputs as check_cost_inputs
from pilot2prod.urls import doc_url, site_root_for

EFFORT_FORMAT = "pilot2prod/estimate"
COST_FORMAT = "pilot2prod/run-cost"
"""The `format` tags of the documents the widgets save, share and read back."""

EFFORT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The pilot", ("pilot-weeks",)),
    ("Production", ("variety", "volume", "integration", "systems", "stakes", "experience")),
    (
        "Readiness, if assessed",
        ("readiness-reliability", "readiness-integration", "readiness-operations"),
    ),
    ("Calibration with your own history", ("history",)),
)
"""How the estimator's form is grouped; every input must appear exactly once."""

COST_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Traffic", ("requests-per-day", "cache-hit-rate", "retry-rate", "success-rate")),
    ("Model", ("tokens-in", "tokens-out", "price-in", "price-out")),
    ("People", ("review-share", "review-minutes", "reviewer-hourly")),
    ("Fixed costs", ("infra-monthly", "maintenance-staff", "staff-yearly")),
)
"""How the run-cost form is grouped; every input must appear exactly once."""

EFFORT_FIGURES = (
    ("p50", "Production work, P50"),
    ("p80", "P80"),
    ("p90", "P90"),
    ("pilot-share", "Pilot's share of all the work"),
    ("operate", "To operate and maintain"),
    ("operate-fte", "As people"),
)
EFFORT_NOTES = (
    ("likely", "Sum of the likely values"),
    ("range", "Sum of the lows to sum of the highs"),
    ("calibration", "Calibration"),
    ("readiness", "Readiness credit"),
)
COST_FIGURES = (
    ("monthly", "Per month"),
    ("yearly", "Per year"),
    ("per-request", "Per request"),
    ("per-success", "Per successful outcome"),
)
COST_NOTES = (
    ("requests", "Requests"),
    ("model-calls", "Model calls, after cache hits and with retries"),
    ("largest", "Largest component"),
    ("top-driver", "Moves the total most"),
)

EFFORT_CHARTS = (
    ("streams", "streams", "Effort by work stream: low to high, likely and percentiles"),
    ("total", "spread", "Simulated total effort"),
)
COST_CHARTS = (
    ("breakdown", "breakdown", "Monthly cost by component"),
    ("sensitivity", "sensitivity", "What moves the monthly total"),
)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _check_groups(
    groups: Sequence[tuple[str, Sequence[str]]], expected: Sequence[str], what: str
) -> None:
    listed = [field for _, fields in groups for field in fields]
    if sorted(listed) != sorted(expected):
        raise PluginError(
            f"macros/render_calculators.py: the {what} form groups list {sorted(listed)}, "
            f"but the data defines {sorted(expected)}"
        )


def call_view(files: Mapping[str, object], name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Run a calculator through the browser's own entry point, with the build's data."""
    bundle.use(files)
    try:
        out = json.loads(browser_api.call(name, json.dumps(payload)))
    finally:
        bundle.use(None)
    if "error" in out or not out.get("ok"):
        raise PluginError(f"{name} failed at build time: {out.get('error') or out.get('messages')}")
    return dict(out)


# --- form ---------------------------------------------------------------------------------


def _describedby(*ids: str) -> str:
    return " ".join(ids)


def _message(field_id: str, dom_id: str) -> str:
    return (
        f'<p class="p2p-calc__message" id="{dom_id}-msg" '
        f'data-message-for="{_e(field_id)}" hidden></p>'
    )


def number_field(prefix: str, spec: NumberInput) -> str:
    """A labelled text input for a number, with its unit, help, default and a message slot."""
    dom_id = f"{prefix}-{spec.id}"
    value = "" if spec.default is None else format_number(spec.default, 6).replace(",", "")
    default = "empty" if spec.default is None else with_unit(spec.default, spec.unit)
    return (
        f'<div class="p2p-calc__field" data-field="{_e(spec.id)}">'
        f'<label for="{dom_id}">{_e(spec.label)}</label>'
        f'<span class="p2p-calc__control">'
        f'<input id="{dom_id}" name="{_e(spec.id)}" type="text" inputmode="decimal" '
        f'autocomplete="off" spellcheck="false" value="{_e(value)}" '
        f'aria-describedby="{_describedby(dom_id + "-unit", dom_id + "-help", dom_id + "-msg")}">'
        f'<span class="p2p-calc__unit" id="{dom_id}-unit">{_e(spec.unit)}</span></span>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(spec.help)} '
        f"Default: {_e(default)}; from {_e(with_unit(spec.minimum, spec.unit))} to "
        f"{_e(with_unit(spec.maximum, spec.unit))}.</p>"
        f"{_message(spec.id, dom_id)}</div>"
    )


def _choice_field(prefix: str, model: EffortModel, trait_id: str) -> str:
    trait = model.trait(trait_id)
    dom_id = f"{prefix}-{trait.id}"
    options = "".join(
        f'<option value="{_e(level.id)}"{" selected" if level.id == trait.default else ""}>'
        f"{_e(level.label)}</option>"
        for level in trait.levels
    )
    meanings = "".join(
        f"<dt>{_e(level.label)}</dt><dd>{_e(level.meaning)}</dd>" for level in trait.levels
    )
    return (
        f'<div class="p2p-calc__field" data-field="{_e(trait.id)}">'
        f'<label for="{dom_id}">{_e(trait.label)}</label>'
        f'<span class="p2p-calc__control"><select id="{dom_id}" name="{_e(trait.id)}" '
        f'aria-describedby="{dom_id}-help {dom_id}-msg">{options}</select></span>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(trait.help)}</p>'
        f'<details class="p2p-calc__levels"><summary>What the choices mean</summary>'
        f"<dl>{meanings}</dl></details>"
        f"{_message(trait.id, dom_id)}</div>"
    )


def _history_field(prefix: str, model: EffortModel) -> str:
    spec = model.inputs.history
    dom_id = f"{prefix}-{spec.id}"
    return (
        f'<div class="p2p-calc__field p2p-calc__field--wide" data-field="{_e(spec.id)}">'
        f'<label for="{dom_id}">{_e(spec.label)}</label>'
        f'<textarea id="{dom_id}" name="{_e(spec.id)}" rows="4" spellcheck="false" '
        f'autocomplete="off" placeholder="6, 30" '
        f'aria-describedby="{dom_id}-help {dom_id}-msg"></textarea>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(spec.help)}</p>'
        f"{_message(spec.id, dom_id)}</div>"
    )


def _actions(prefix: str, noun: str) -> str:
    """Share, export and reset; hidden until the script runs, since they need it."""
    return (
        f'<div class="p2p-calc__actions" data-role="actions" hidden>'
        f'<button type="button" class="md-button" data-action="share">Copy share link</button>'
        f'<button type="button" class="md-button" data-action="markdown">Export Markdown</button>'
        f'<button type="button" class="md-button" data-action="json">Save inputs as JSON</button>'
        f'<button type="button" class="md-button" data-action="reset">Reset to defaults</button>'
        f'<p class="p2p-calc__notice" data-role="notice" role="status"></p>'
        f'<div class="p2p-calc__share" data-role="share" hidden>'
        f'<label for="{prefix}-share-link">Share link to these {_e(noun)}</label>'
        f'<input id="{prefix}-share-link" type="text" readonly data-role="share-link"></div>'
        f'<div class="p2p-calc__export" data-role="export" hidden>'
        f'<label for="{prefix}-markdown">Markdown for a proposal</label>'
        f'<textarea id="{prefix}-markdown" rows="12" readonly data-role="markdown"></textarea>'
        f'<button type="button" class="md-button" data-action="download">Download .md</button>'
        f"</div></div>"
    )


# --- results ------------------------------------------------------------------------------


def _figures(view: Mapping[str, Any], figures: Sequence[tuple[str, str]], css: str) -> str:
    cells = []
    for name, label in figures:
        result = view["outputs"][name]
        value = result["value"]
        data_value = "" if value is None else f' data-value="{_e(repr(float(value)))}"'
        cells.append(
            f"<div><dt>{_e(label)}</dt><dd>"
            f'<output name="{_e(name)}"{data_value}>{_e(result["text"])}</output></dd></div>'
        )
    return f'<dl class="{css}">{"".join(cells)}</dl>'


def table_html(found: Mapping[str, Any]) -> str:
    """A view table as HTML: caption, column headers, a header cell per row."""
    head = "".join(f'<th scope="col">{_e(c)}</th>' for c in found["columns"])
    rows = "".join(
        f'<tr><th scope="row">{_e(row[0])}</th>{"".join(f"<td>{_e(c)}</td>" for c in row[1:])}</tr>'
        for row in found["rows"]
    )
    return (
        # A class of our own keeps Material from wrapping the table in an unfocusable scroller.
        f'<table class="p2p-table"><caption>{_e(found["caption"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _charts(view: Mapping[str, Any], charts: Sequence[tuple[str, str, str]]) -> str:
    parts = []
    for chart_name, table_name, caption in charts:
        parts.append(
            f'<figure class="p2p-calc__chart" data-chart="{_e(chart_name)}">'
            f"{to_svg(view['charts'][chart_name])}"
            f"<figcaption>{_e(caption)}. The table below gives the same numbers.</figcaption>"
            "</figure>"
            # Focusable so a table wider than the screen can be scrolled by keyboard.
            f'<div class="p2p-calc__table" data-table="{_e(table_name)}" tabindex="0" '
            f'role="region" aria-label="{_e(caption)}: table">'
            f"{table_html(view['tables'][table_name])}</div>"
        )
    return "".join(parts)


def _results(
    prefix: str,
    view: Mapping[str, Any],
    figures: Sequence[tuple[str, str]],
    notes: Sequence[tuple[str, str]],
    charts: Sequence[tuple[str, str, str]],
) -> str:
    return (
        f'<section class="p2p-calc__results" aria-labelledby="{prefix}-results-title">'
        f'<h2 id="{prefix}-results-title">Results</h2>'
        '<p class="p2p-calc__status" data-role="status" role="status">'
        "These results are for the default inputs. With JavaScript on, they follow your inputs "
        "as you type, computed in your browser; nothing is sent anywhere.</p>"
        f'<div class="p2p-calc__summary" data-role="summary" aria-live="polite">'
        f"{_figures(view, figures, 'p2p-calc__figures')}"
        f"{_figures(view, notes, 'p2p-calc__notes')}</div>"
        f'<div class="p2p-calc__detail" data-role="detail">{_charts(view, charts)}</div>'
        "</section>"
    )


def _root_attributes(kind: str, function: str, fmt: str, runtime: Mapping[str, str]) -> str:
    attrs = {
        "data-p2p-component": "calculator",
        "data-p2p-calc": kind,
        "data-function": function,
        "data-format": fmt,
        "data-storage-key": f"pilot2prod/calculator/{kind}/v1",
        "data-debounce": "250",
        **runtime,
    }
    return " ".join(f'{name}="{_e(value)}"' for name, value in attrs.items())


def effort_widget_html(
    model: EffortModel, view: Mapping[str, Any], runtime: Mapping[str, str]
) -> str:
    """The estimator: grouped form, actions and the pre-rendered result for the defaults."""
    expected = [spec.id for spec in model.inputs.numbers] + [t.id for t in model.traits]
    _check_groups(EFFORT_GROUPS, [*expected, model.inputs.history.id], "estimator")
    prefix = "effort"
    trait_ids = {trait.id for trait in model.traits}
    sets = []
    for legend, fields in EFFORT_GROUPS:
        body = []
        for field_id in fields:
            if field_id in trait_ids:
                body.append(_choice_field(prefix, model, field_id))
            elif field_id == model.inputs.history.id:
                body.append(_history_field(prefix, model))
            else:
                body.append(number_field(prefix, model.number(field_id)))
        sets.append(f"<fieldset><legend>{_e(legend)}</legend>{''.join(body)}</fieldset>")
    root = _root_attributes(prefix, "effort.estimate", EFFORT_FORMAT, runtime)
    return (
        f'<div class="p2p-calc" {root}>'
        f'<form class="p2p-calc__form" novalidate aria-label="Estimator inputs">'
        f'<p class="p2p-calc__message p2p-calc__message--form" data-message-for="" hidden></p>'
        f"{''.join(sets)}{_actions(prefix, 'inputs')}</form>"
        f"{_results(prefix, view, EFFORT_FIGURES, EFFORT_NOTES, EFFORT_CHARTS)}</div>"
    )


def cost_widget_html(model: CostModel, view: Mapping[str, Any], runtime: Mapping[str, str]) -> str:
    """The run-cost calculator: grouped form, actions and the pre-rendered default result."""
    _check_groups(COST_GROUPS, [spec.id for spec in model.inputs], "run-cost")
    prefix = "cost"
    sets = [
        f"<fieldset><legend>{_e(legend)}</legend>"
        f"{''.join(number_field(prefix, model.number(i)) for i in fields)}</fieldset>"
        for legend, fields in COST_GROUPS
    ]
    return (
        f'<div class="p2p-calc" {_root_attributes(prefix, "cost.run", COST_FORMAT, runtime)}>'
        f'<form class="p2p-calc__form" novalidate aria-label="Run-cost inputs">'
        f'<p class="p2p-calc__message p2p-calc__message--form" data-message-for="" hidden></p>'
        f"{''.join(sets)}{_actions(prefix, 'inputs')}</form>"
        f"{_results(prefix, view, COST_FIGURES, COST_NOTES, COST_CHARTS)}</div>"
    )


# --- parameters and worked examples (Markdown) ----------------------------------------------


def _cell(text: object) -> str:
    return html.escape(str(text), quote=False).replace("|", "\\|").replace("\n", " ")


def _md_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
        *("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows),
    ]
    return "\n".join(lines) + "\n"


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


def effort_example_markdown(model: EffortModel, files: Mapping[str, object], level: int) -> str:
    """Each worked example: inputs, the arithmetic per stream, and the estimate."""
    blocks = []
    for example in model.examples:
        inputs, _ = check_inputs(model, example.inputs)
        assert inputs is not None  # examples are checked when the data loads
        view = call_view(files, "effort.estimate", {"inputs": dict(example.inputs)})
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
                    f"{'#' * level} {_cell(example.title)} {{#effort-{example.id}}}",
                    "",
                    _cell(example.summary),
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


def cost_example_markdown(model: CostModel, files: Mapping[str, object], level: int) -> str:
    """Each worked example: inputs, the sum per component, and the totals."""
    blocks = []
    days = model.constants.days_per_month.value
    for example in model.examples:
        inputs, _ = check_cost_inputs(model, example.inputs)
        assert inputs is not None  # examples are checked when the data loads
        v = inputs.values
        view = call_view(files, "cost.run", {"inputs": dict(example.inputs)})
        out = view["outputs"]
        requests = v["requests-per-day"] * days
        n = format_number
        calls = n(out["model-calls"]["value"], 0)
        lines = [
            f"- Requests a month: {n(v['requests-per-day'])} x {n(days, 4)} = {n(requests, 0)}",
            f"- Model calls: {n(requests, 0)} x (1 - {n(v['cache-hit-rate'])}%) "
            f"x (1 + {n(v['retry-rate'])}%) = {calls}",
            f"- Input tokens: calls x {n(v['tokens-in'])} tokens x ${n(v['price-in'])} per million",
            f"- Output tokens: calls x {n(v['tokens-out'])} tokens "
            f"x ${n(v['price-out'])} per million",
            f"- Review: {n(requests, 0)} x {n(v['review-share'])}% "
            f"x {n(v['review-minutes'])} minutes / 60 x ${n(v['reviewer-hourly'])} an hour",
            f"- Maintenance: {n(v['maintenance-staff'])} x ${n(v['staff-yearly'])} / 12",
        ]
        blocks.append(
            "\n".join(
                [
                    f"{'#' * level} {_cell(example.title)} {{#cost-{example.id}}}",
                    "",
                    _cell(example.summary),
                    "",
                    *lines,
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


def table_markdown(found: Mapping[str, Any]) -> str:
    """A view table as a Markdown table."""
    return _md_table([_cell(c) for c in found["columns"]], found["rows"])


def estimate_link_html(page_src: str, directory_urls: bool) -> str:
    """The assessment's way into the estimator; components/readiness.js adds the live scores."""
    href = doc_url("estimator.md", site_root_for(page_src, directory_urls), directory_urls)
    return (
        '<p class="p2p-estimate-next">'
        f'<a class="md-button md-button--primary" href="{_e(href)}" data-p2p-estimate-link>'
        "Estimate the remaining work</a> "
        "Opens the production-effort estimator with the dimension scores above filled in, so "
        "the work you have already confronted counts.</p>"
    )


# --- registration -------------------------------------------------------------------------


def _model(data: SiteData, key: str, source: str) -> Any:
    found = data.extra.get(key)
    if found is None:
        raise PluginError(f"{source} is missing: the calculator macros need it")
    return found


def define_estimator_macros(
    env: Any, data: SiteData, root: Path, runtime: Callable[[str], Mapping[str, str]]
) -> None:
    """Register the estimator's and the run-cost calculator's macros."""
    files = read_data_dir(root)

    def _page() -> str:
        return str(env.page.file.src_uri)

    def effort() -> EffortModel:
        return _model(data, "effort", "data/effort.yml")

    def cost() -> CostModel:
        return _model(data, "cost", "data/cost.yml")

    @env.macro
    def effort_estimator() -> str:
        """The production-effort estimator, with the result for its defaults."""
        model = effort()
        view = call_view(files, "effort.estimate", {"inputs": model.defaults()})
        return effort_widget_html(model, view, runtime(_page()))

    @env.macro
    def run_cost_calculator() -> str:
        """The run-cost calculator, with the result for its defaults."""
        model = cost()
        view = call_view(files, "cost.run", {"inputs": model.defaults()})
        return cost_widget_html(model, view, runtime(_page()))

    @env.macro
    def effort_parameter_tables() -> str:
        """Every estimator parameter with its rationale."""
        return effort_parameters(effort())

    @env.macro
    def cost_parameter_tables() -> str:
        """Every run-cost default and constant with its rationale."""
        return cost_parameters(cost())

    @env.macro
    def effort_worked_examples(level: int = 3) -> str:
        """The estimator's worked examples, step by step."""
        return effort_example_markdown(effort(), files, level)

    @env.macro
    def cost_worked_examples(level: int = 3) -> str:
        """The run-cost calculator's worked examples, step by step."""
        return cost_example_markdown(cost(), files, level)

    @env.macro
    def effort_setting(path: str) -> str:
        """One estimator parameter for prose, e.g. `simulation.draws` -> "10,000"."""
        target: Any = effort()
        for name in path.split("."):
            target = getattr(target, name)
        value = getattr(target, "value", target)
        if isinstance(value, float) and 0 < value < 1:
            return f"{value:.0%}"
        return format_number(value) if isinstance(value, float | int) else str(value)

    @env.macro
    def estimate_remaining_work() -> str:
        """A link from the readiness result to the estimator, carrying the scores."""
        return estimate_link_html(_page(), bool(env.conf["use_directory_urls"]))

    @env.macro
    def cost_days() -> str:
        """The days in the calculator's average month, for prose."""
        return format_number(cost().constants.days_per_month.value, 4)
