"""Macros for the estimator and the run-cost calculator: forms, pre-rendered results, parameters.

Each widget is a labelled form with units and defaults plus the result for those
defaults, computed at build time through `pilot2prod.api` — the same function the
browser calls — so readers without JavaScript see real numbers.
`docs/assets/js/components/calculator.js` updates the same parts, found by `name`,
`data-chart` and `data-table`, from the view the worker returns; keep the two in
step. Every text is escaped here; nothing a reader types reaches this module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from macros.html import esc as _e
from macros.html import table_html
from macros.prerender import prerender
from macros.price_picker import picker_html
from pilot2prod.calculators import documents
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.inputs import NumberInput
from pilot2prod.calculators.runcost.model import CostModel
from pilot2prod.charts import to_svg
from pilot2prod.dataset import Dataset
from pilot2prod.text import format_number, with_unit
from pilot2prod.urls import doc_url, site_root_for
from sitebuild.runtime import PYTHON_HEAD_KEY, PythonRuntime

EFFORT_FORMAT = documents.EFFORT_TAG
COST_FORMAT = documents.COST_TAG
"""The `format` tags of the documents the widgets save, share and read back."""

EFFORT_FIGURES = (
    ("p50", "Production work, P50"),
    ("p80", "P80"),
    ("p90", "P90"),
    ("pilot-share", "Pilot's share of all the work"),
    ("operate", "To operate and maintain"),
    ("operate-fte", "As people"),
)
EFFORT_NOTES = (
    ("percentiles", "What the percentiles mean"),
    ("calendar", "Calendar time for the team"),
    ("finish", "Finish dates"),
    ("money", "Cost of the production work"),
    ("likely", "Sum of the likely values"),
    ("range", "Sum of the lows to sum of the highs"),
    ("calibration", "Calibration"),
    ("readiness", "Readiness credit"),
)
COST_FIGURES = (
    ("monthly", "Per month"),
    ("yearly", "Per year"),
    ("first-year", "Building it and the first year"),
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


# --- form ---------------------------------------------------------------------------------


def _describedby(*ids: str) -> str:
    return " ".join(ids)


_DESCRIBED = ("unit", "help", "source", "msg")
"""The parts that describe a number field, by the suffix of their ids."""


def _message(field_id: str, dom_id: str) -> str:
    return (
        f'<p class="p2p-calc__message" id="{dom_id}-msg" '
        f'data-message-for="{_e(field_id)}" hidden></p>'
    )


Sources = Mapping[str, Mapping[str, str]]
"""Each field's source as the view gives it: `{"kind": ..., "text": ...}`."""


def _source(field_id: str, dom_id: str, sources: Sources) -> str:
    """Where the field's value came from; calculator.js keeps it up to date."""
    found = sources.get(field_id, {"kind": "default", "text": "Default."})
    return (
        f'<p class="p2p-calc__source" id="{dom_id}-source" data-source-for="{_e(field_id)}" '
        f'data-source="{_e(found["kind"])}">{_e(found["text"])}</p>'
    )


def number_field(prefix: str, spec: NumberInput, sources: Sources | None = None) -> str:
    """A labelled text input for a number, with its unit, help, default, source and message."""
    dom_id = f"{prefix}-{spec.id}"
    value = "" if spec.default is None else format_number(spec.default, 6).replace(",", "")
    default = "empty" if spec.default is None else with_unit(spec.default, spec.unit)
    return (
        f'<div class="p2p-calc__field" data-field="{_e(spec.id)}">'
        f'<label for="{dom_id}">{_e(spec.label)}</label>'
        f'<span class="p2p-calc__control">'
        f'<input id="{dom_id}" name="{_e(spec.id)}" type="text" inputmode="decimal" '
        f'autocomplete="off" spellcheck="false" value="{_e(value)}" '
        f'aria-describedby="{_describedby(*(f"{dom_id}-{p}" for p in _DESCRIBED))}">'
        f'<span class="p2p-calc__unit" id="{dom_id}-unit">{_e(spec.unit)}</span></span>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(spec.help)} '
        f"Default: {_e(default)}; from {_e(with_unit(spec.minimum, spec.unit))} to "
        f"{_e(with_unit(spec.maximum, spec.unit))}.</p>"
        f"{_source(spec.id, dom_id, sources or {})}{_message(spec.id, dom_id)}</div>"
    )


def _choice_field(prefix: str, model: EffortModel, trait_id: str, sources: Sources) -> str:
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
        f'aria-describedby="{dom_id}-help {dom_id}-source {dom_id}-msg">{options}</select></span>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(trait.help)}</p>'
        f'<details class="p2p-calc__levels"><summary>What the choices mean</summary>'
        f"<dl>{meanings}</dl></details>"
        f"{_source(trait.id, dom_id, sources)}{_message(trait.id, dom_id)}</div>"
    )


def _history_field(prefix: str, model: EffortModel, sources: Sources) -> str:
    spec = model.inputs.history
    dom_id = f"{prefix}-{spec.id}"
    return (
        f'<div class="p2p-calc__field p2p-calc__field--wide" data-field="{_e(spec.id)}">'
        f'<label for="{dom_id}">{_e(spec.label)}</label>'
        f'<textarea id="{dom_id}" name="{_e(spec.id)}" rows="4" spellcheck="false" '
        f'autocomplete="off" placeholder="6, 30" '
        f'aria-describedby="{dom_id}-help {dom_id}-source {dom_id}-msg"></textarea>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(spec.help)}</p>'
        f"{_source(spec.id, dom_id, sources)}{_message(spec.id, dom_id)}</div>"
    )


def _date_field(prefix: str, model: EffortModel, sources: Sources) -> str:
    spec = model.inputs.start
    dom_id = f"{prefix}-{spec.id}"
    return (
        f'<div class="p2p-calc__field" data-field="{_e(spec.id)}">'
        f'<label for="{dom_id}">{_e(spec.label)}</label>'
        f'<span class="p2p-calc__control"><input id="{dom_id}" name="{_e(spec.id)}" type="date" '
        f'aria-describedby="{dom_id}-help {dom_id}-source {dom_id}-msg"></span>'
        f'<p class="p2p-calc__help" id="{dom_id}-help">{_e(spec.help)}</p>'
        f"{_source(spec.id, dom_id, sources)}{_message(spec.id, dom_id)}</div>"
    )


def _actions(prefix: str, noun: str) -> str:
    """Share, export, load and reset; hidden until the script runs, since they need it."""
    return (
        f'<div class="p2p-calc__actions" data-role="actions" hidden>'
        f'<button type="button" class="md-button" data-action="share">Copy share link</button>'
        f'<button type="button" class="md-button" data-action="markdown">Export Markdown</button>'
        f'<button type="button" class="md-button" data-action="json">Save inputs as JSON</button>'
        f'<button type="button" class="md-button" data-action="load">Load inputs from a file…'
        "</button>"
        f'<input type="file" data-role="load-file" accept=".json,application/json" hidden '
        f'aria-label="Inputs file to load">'
        f'<button type="button" class="md-button" data-action="reset">Reset to defaults</button>'
        f'<p class="p2p-calc__notice" data-role="notice" role="status"></p>'
        f'<button type="button" class="md-button" data-action="undo" data-role="undo" hidden>'
        "Undo</button>"
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


def _charts(view: Mapping[str, Any], charts: Sequence[tuple[str, str, str]]) -> str:
    parts = []
    for chart_name, table_name, caption in charts:
        parts.append(
            f'<figure class="p2p-calc__chart" data-chart="{_e(chart_name)}">'
            # Two layouts of one chart; the stylesheet shows the narrow one on a phone.
            f"{to_svg(view['charts'][chart_name], 'p2p-chart-svg p2p-chart-wide')}"
            f"{to_svg(view['narrow_charts'][chart_name], 'p2p-chart-svg p2p-chart-narrow')}"
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


def headline_html(prefix: str, view: Mapping[str, Any]) -> str:
    """The few figures kept in view at the top of a calculator (Python's `headline`), with a
    link down to the full results; calculator.js refills it from each result."""
    cells = "".join(
        f'<div data-headline="{_e(item["id"])}"><dt>{_e(item["label"])}</dt>'
        f"<dd>{_e(item['text'])}</dd></div>"
        for item in view.get("headline", [])
    )
    return (
        # A div, not a section: the page wraps the widget in a <section data-search-exclude>,
        # and Material's indexer ends that exclusion at the first inner </section>.
        '<div class="p2p-calc__headline p2p-no-print" role="group" '
        f'aria-labelledby="{prefix}-glance">'
        f'<p class="p2p-calc__glance" id="{prefix}-glance">At a glance '
        f'<a href="#{prefix}-results-title">full results</a></p>'
        f'<dl data-role="headline" aria-live="polite">{cells}</dl></div>'
    )


def _root_attributes(kind: str, function: str, fmt: str, runtime: Mapping[str, str]) -> str:
    attrs = {
        "data-p2p-component": "calculator",
        "data-p2p-calc": kind,
        "data-function": function,
        "data-format": fmt,
        "data-storage-key": documents.saved_key(kind),
        # Where a complete result's inputs and day are kept, for the assessment's verdict.
        "data-worked-key": documents.worked_key(kind),
        "data-debounce": "250",
        **runtime,
    }
    return " ".join(f'{name}="{_e(value)}"' for name, value in attrs.items())


def run_cost_link_html(href: str) -> str:
    """The estimator's way on to the run-cost calculator; calculator.js adds the estimate."""
    return (
        '<p class="p2p-calc__next">'
        f'<a class="md-button" href="{_e(href)}" data-role="run-cost-link">'
        "Add the cost of running it for a year</a> "
        "Opens the run-cost calculator with this estimate's P80 cost to build, its yearly "
        "operating effort and your loaded cost filled in, so one page shows building it and "
        "running it. Your own run-cost inputs stay as they were until you change something there."
        "</p>"
    )


def effort_widget_html(
    model: EffortModel, view: Mapping[str, Any], runtime: Mapping[str, str], next_link: str = ""
) -> str:
    """The estimator: grouped form, actions and the pre-rendered result for the defaults."""
    prefix = "effort"
    trait_ids = {trait.id for trait in model.traits}
    sources = view.get("sources", {})
    sets = []
    for group in model.form:
        body = []
        for field_id in group.fields:
            if field_id in trait_ids:
                body.append(_choice_field(prefix, model, field_id, sources))
            elif field_id == model.inputs.history.id:
                body.append(_history_field(prefix, model, sources))
            elif field_id == model.inputs.start.id:
                body.append(_date_field(prefix, model, sources))
            else:
                body.append(number_field(prefix, model.number(field_id), sources))
        sets.append(f"<fieldset><legend>{_e(group.legend)}</legend>{''.join(body)}</fieldset>")
    root = _root_attributes(prefix, "effort.estimate", EFFORT_FORMAT, runtime)
    return (
        f'<div class="p2p-calc" {root}>'
        # What a link from the assessment carried in, named where the reader arrives.
        '<p class="p2p-calc__carried" data-role="carried" role="status" tabindex="-1" hidden></p>'
        f"{headline_html(prefix, view)}"
        f'<form class="p2p-calc__form" novalidate aria-label="Estimator inputs">'
        f'<p class="p2p-calc__message p2p-calc__message--form" data-message-for="" hidden></p>'
        f"{''.join(sets)}{_actions(prefix, 'inputs')}</form>"
        f"{_results(prefix, view, EFFORT_FIGURES, EFFORT_NOTES, EFFORT_CHARTS)}{next_link}</div>"
    )


def cost_widget_html(
    model: CostModel, view: Mapping[str, Any], runtime: Mapping[str, str], picker: str = ""
) -> str:
    """The run-cost calculator: grouped form, actions and the pre-rendered default result.

    `picker` (the model-price picker's field) opens the group that holds the input price.
    """
    prefix = "cost"
    sources = view.get("sources", {})
    sets = [
        f"<fieldset><legend>{_e(group.legend)}</legend>"
        f"{picker if 'price-in' in group.fields else ''}"
        f"{''.join(number_field(prefix, model.number(i), sources) for i in group.fields)}"
        "</fieldset>"
        for group in model.form
    ]
    return (
        f'<div class="p2p-calc" {_root_attributes(prefix, "cost.run", COST_FORMAT, runtime)}>'
        f"{headline_html(prefix, view)}"
        f'<form class="p2p-calc__form" novalidate aria-label="Run-cost inputs">'
        f'<p class="p2p-calc__message p2p-calc__message--form" data-message-for="" hidden></p>'
        f"{''.join(sets)}{_actions(prefix, 'inputs')}</form>"
        f"{_results(prefix, view, COST_FIGURES, COST_NOTES, COST_CHARTS)}</div>"
    )


def estimate_link_html(page_src: str, directory_urls: bool) -> str:
    """The assessment's way into the estimator; components/readiness.js adds the live scores."""
    href = doc_url("estimator.md", site_root_for(page_src, directory_urls), directory_urls)
    return (
        '<p class="p2p-estimate-next p2p-no-print">'
        f'<a class="md-button md-button--primary" href="{_e(href)}" data-p2p-estimate-link>'
        "Estimate the remaining work</a> "
        "Opens the production-effort estimator with these dimension scores filled in, so "
        "the work you have already confronted counts.</p>"
    )


# --- registration -------------------------------------------------------------------------


def define(env: Any, data: Dataset, runtime: PythonRuntime, page: Callable[[], str]) -> None:
    """Register the estimator's and the run-cost calculator's widgets."""

    @env.macro
    def effort_estimator() -> str:
        """The production-effort estimator, with the result for its defaults."""
        model = data.effort
        view = prerender(data, "effort.estimate", {"inputs": model.defaults()})
        env.page.meta[PYTHON_HEAD_KEY] = runtime.head_html(page())
        directory_urls = bool(env.conf["use_directory_urls"])
        href = doc_url("run-cost.md", site_root_for(page(), directory_urls), directory_urls)
        return effort_widget_html(model, view, runtime.attributes(page()), run_cost_link_html(href))

    @env.macro
    def run_cost_calculator() -> str:
        """The run-cost calculator, with the result for its defaults."""
        model = data.cost
        view = prerender(data, "cost.run", {"inputs": model.defaults()})
        env.page.meta[PYTHON_HEAD_KEY] = runtime.head_html(page())
        picker = picker_html(
            page(),
            bool(env.conf["use_directory_urls"]),
            f"{dict(COST_FIGURES)['monthly']} with this model:",
        )
        return cost_widget_html(model, view, runtime.attributes(page()), picker)

    @env.macro
    def estimate_remaining_work() -> str:
        """A link from the readiness result to the estimator, carrying the scores."""
        return estimate_link_html(page(), bool(env.conf["use_directory_urls"]))
