"""`pilot2prod estimate FILE` and `pilot2prod cost FILE`: the site's two calculators on a file.

The input is the document the calculator pages save and share:
`{"format": "pilot2prod/estimate" | "pilot2prod/run-cost", "version": 1,
"inputs": {field: value}}`, or, for a hand-written file, the `inputs` object on
its own. `pilot2prod.calculators.documents` reads it, as it does for the pages'
file input and share links, so a file has one outcome everywhere; a key that is
not a field of the calculator is refused, because a typo there would silently
fall back to the default.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pilot2prod import api
from pilot2prod.calculators import documents
from pilot2prod.calculators.documents import MODEL_FIELD, InputsFormat
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.inputs import NumberInput, parse_number
from pilot2prod.calculators.runcost.model import CostModel
from pilot2prod.cli import common
from pilot2prod.cli.data import DataSource, load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import STDIN, read_structured, write_text
from pilot2prod.cli.plain import plain_text
from pilot2prod.cli.prices import listed_prices
from pilot2prod.model.errors import DocumentError
from pilot2prod.text import format_number, with_unit


def _effort_model(data: DataSource) -> EffortModel:
    return data.dataset.effort


def _cost_model(data: DataSource) -> CostModel:
    return data.dataset.cost


def _number_line(spec: NumberInput) -> str:
    default = "none (optional)" if spec.default is None else with_unit(spec.default, spec.unit)
    return (
        f"{spec.id}: {spec.label}; {with_unit(spec.minimum, spec.unit)} to "
        f"{with_unit(spec.maximum, spec.unit)}; default {default}"
    )


def _effort_field_lines(model: EffortModel) -> list[str]:
    lines = [_number_line(spec) for spec in model.inputs.numbers]
    for trait in model.traits:
        choices = ", ".join(level.id for level in trait.levels)
        lines.append(f"{trait.id}: {trait.label}; one of {choices}; default {trait.default}")
    history, start = model.inputs.history, model.inputs.start
    lines.append(
        f"{history.id}: {history.label}; past projects as pairs of pilot and production "
        'person-weeks, one per line ("6, 40") or as a list of [pilot, production]'
    )
    lines.append(f"{start.id}: {start.label}; a date as YYYY-MM-DD, or empty for no dates")
    lines.append(
        f"{documents.CARRIED_FIELD}: a readiness result carried from the assessment: one 0-1 "
        'score for every dimension, or {"dimensions": [{"id": ..., "score": 0-1 or null}]}, '
        "where a dimension without a score carries nothing (the readiness-* fields take "
        "precedence)"
    )
    return lines


def _cost_field_lines(model: CostModel) -> list[str]:
    return [
        *(_number_line(spec) for spec in model.inputs),
        f"{MODEL_FIELD}: the model chosen from the page's price list (PROVIDER/MODEL); a note "
        "only, the price fields hold the prices (--model fills them from the list)",
    ]


@dataclass(frozen=True)
class Calculator:
    """One calculator as the command line drives it."""

    name: str
    format: str
    """The `format` tag of the documents the page saves and shares."""
    help: str
    description: str
    model: Callable[[DataSource], Any]
    document: Callable[[Any], InputsFormat]
    """The inputs document it reads, as the page reads it."""
    field_lines: Callable[[Any], list[str]]
    """One line per field for `--fields`: id, label, range or choices, default."""
    function: str
    """The API function that computes it, as the page calls it."""
    gate_unit: str
    """What `--fail-over` is measured in."""
    gate_outputs: Mapping[str, tuple[str, str]]
    """`--at` choice to the output the gate compares and its name (the first is the default)."""


ESTIMATE = Calculator(
    name="estimate",
    format=documents.EFFORT_TAG,
    help="estimate the production effort from the estimator's inputs",
    description="""\
Run the production-effort estimator on FILE: the document the estimator page
saves and shares ({"format": "pilot2prod/estimate", "version": 1, "inputs":
{...}}) or just its inputs object, as JSON or YAML. The inputs are the pilot's
effort, the project's traits and, optionally, readiness scores and past
projects for calibration; fields left out take the page's defaults, and
--fields lists them all. Prints the percentiles, each work stream's range and
the yearly effort to operate it, from the same seeded simulation the page runs.

Exit status: 0 ok, 2 when a field cannot be used (one line names it).
""",
    model=_effort_model,
    document=documents.effort_format,
    field_lines=_effort_field_lines,
    function="effort.estimate",
    gate_unit="person-weeks",
    gate_outputs={"P80": ("p80", "P80"), "P50": ("p50", "P50"), "P90": ("p90", "P90")},
)

COST = Calculator(
    name="cost",
    format=documents.COST_TAG,
    help="compute the monthly run cost from the run-cost calculator's inputs",
    description="""\
Run the run-cost calculator on FILE: the document the run-cost page saves and
shares ({"format": "pilot2prod/run-cost", "version": 1, "inputs": {...}}) or
just its inputs object, as JSON or YAML. The inputs are traffic, tokens,
prices, caching, retries, human review and fixed costs; fields left out take
the page's defaults, and --fields lists them all. Prints the monthly and
yearly cost, cost per request and per successful outcome, the breakdown and
which input moves the total most.

--model PROVIDER/MODEL (e.g. anthropic/claude-sonnet-4-5) fills the price
fields from the published price list the run-cost page offers (genai-prices
data, with its as-of date), over any prices in FILE; FILE may then be left
out to use the page's defaults for everything else.

Exit status: 0 ok, 2 when a field cannot be used (one line names it).
""",
    model=_cost_model,
    document=documents.cost_format,
    field_lines=_cost_field_lines,
    function="cost.run",
    gate_unit="dollars a month",
    gate_outputs={"monthly": ("monthly", "Monthly cost")},
)


def add_parsers(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `estimate` and `cost`."""
    for calculator in (ESTIMATE, COST):
        parser = subparsers.add_parser(
            calculator.name,
            help=calculator.help,
            description=calculator.description,
            parents=parents,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument(
            "file", metavar="FILE", nargs="?", help='the inputs file, or "-" for stdin'
        )
        if calculator is COST:
            parser.add_argument(
                "--model",
                metavar="PROVIDER/MODEL",
                help="fill the prices from the published price list for this model",
            )
        parser.add_argument(
            "--fields",
            action="store_true",
            help="list the calculator's fields (ids, ranges or choices, defaults) and exit",
        )
        common.output_options(parser)
        parser.add_argument(
            "--fail-over",
            metavar="LIMIT",
            help=f"exit with status 1 when the result is over LIMIT {calculator.gate_unit}",
        )
        if len(calculator.gate_outputs) > 1:
            parser.add_argument(
                "--at",
                choices=list(calculator.gate_outputs),
                default=next(iter(calculator.gate_outputs)),
                help="the percentile --fail-over compares (default: %(default)s)",
            )
        parser.set_defaults(run=run, calculator=calculator)


def _limit(given: str | None, calculator: Calculator) -> float | None:
    """The `--fail-over` limit as a number, or None without a gate; bad text is exit 2."""
    if given is None:
        return None
    parsed = parse_number(given)
    if isinstance(parsed, str) or parsed < 0:
        why = parsed if isinstance(parsed, str) else "It cannot be negative."
        raise CliError(
            "--fail-over", "", f"{given[:40]!r} is not a limit in {calculator.gate_unit}: {why}"
        )
    return parsed


def _gate(
    calculator: Calculator, args: argparse.Namespace, outputs: Mapping[str, Any], limit: float
) -> dict[str, Any]:
    """Whether the result stays within the limit, as data for the JSON and a sentence."""
    at = getattr(args, "at", None) or next(iter(calculator.gate_outputs))
    output, name = calculator.gate_outputs[at]
    result = outputs[output]
    passed = result["value"] <= limit
    relation = "is within" if passed else "is over"
    shown = format_number(limit)
    return {
        "at": at,
        "limit": limit,
        "passed": passed,
        "text": f"{name} {result['text']} {relation} the limit of {shown} {calculator.gate_unit}.",
    }


def _read(name: str, fmt: InputsFormat) -> documents.InputsDocument:
    """The inputs document in file `name` (JSON, or YAML written by hand), read as the pages
    read it; a fault is one CliError naming the file and the field."""
    raw = read_structured(name, documents.WHAT)
    try:
        return documents.read(fmt, raw)
    except DocumentError as error:
        raise CliError("<stdin>" if name == STDIN else name, error.where, error.problem) from None


def run(args: argparse.Namespace) -> int:
    """Check the inputs, run the model and print the result."""
    calculator: Calculator = args.calculator
    data = load_data(args.data)
    model = calculator.model(data)
    if args.fields:
        write_text("\n".join(calculator.field_lines(model)) + "\n", args.output)
        return EXIT_OK
    model_key: str | None = getattr(args, "model", None)
    if args.file is None and model_key is None:
        raise CliError(calculator.name, "", "give the inputs FILE (or --fields to list the fields)")
    limit = _limit(args.fail_over, calculator)
    prices = None if model_key is None else listed_prices(model_key)
    if args.file is None:
        inputs: Mapping[str, Any] = {}
        source, prefix = "--model", ""
    else:
        document = _read(args.file, calculator.document(model))
        source = "<stdin>" if args.file == STDIN else args.file
        inputs, prefix = document.inputs, document.prefix
    if prices is not None:
        # The listed model's prices, and its name in the model field: the result names the
        # model whose prices it used, never one the file named before.
        inputs = {**inputs, **prices.fields, MODEL_FIELD: prices.model.key}
    today = datetime.date.today().isoformat()
    payload = {"inputs": inputs, "markdown": True, "date": today}
    result = api.request(data.dataset, calculator.function, payload)
    if not result.get("ok"):
        messages: Mapping[str, str] = result.get("messages", {})
        field, message = next(iter(messages.items()))
        more = len(messages) - 1
        if more:
            message += f" (and {more} more: " + ", ".join(list(messages)[1:4]) + ")"
        raise CliError(source, f"{prefix}{field}" if field else prefix.rstrip("."), message)
    gate = None if limit is None else _gate(calculator, args, result["outputs"], limit)
    priced = f"\n{prices.text}\n" if prices else ""
    if args.format == "json":
        document = {
            "format": f"{calculator.format}-result",
            "version": 1,
            "inputs": dict(inputs),
            "outputs": result["outputs"],
            "tables": result["tables"],
            "gate": gate,
        }
        if prices is not None:
            document["prices"] = prices.as_json()
        text = common.to_json(document)
    elif args.format == "md":
        text = (
            result["markdown"] + priced + (f"\n**Budget gate:** {gate['text']}\n" if gate else "")
        )
    else:
        text = (
            plain_text(result["markdown"])
            + priced
            + (f"\nBudget gate: {gate['text']}\n" if gate else "")
        )
    write_text(text, args.output)
    return EXIT_GATE if gate and not gate["passed"] else EXIT_OK
