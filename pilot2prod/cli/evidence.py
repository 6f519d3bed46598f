"""`pilot2prod evidence FILE…` and `pilot2prod evidence compare OLD NEW`: evaluation results
read from the tools' own files, summarised with honest intervals, written as evidence records,
and gated in CI."""

from __future__ import annotations

import argparse
from pathlib import Path

from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import STDIN, read_bytes, write_text
from pilot2prod.evidence import compare as comparing
from pilot2prod.evidence.formats import MAX_FILE_BYTES, read_run
from pilot2prod.evidence.mix import MAX_MIX_BYTES, read_mix_csv
from pilot2prod.evidence.record import record_to_value, write_record
from pilot2prod.evidence.report import (
    comparison_markdown,
    comparison_text,
    joined,
    summary_markdown,
    summary_text,
)
from pilot2prod.evidence.run import Run
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.evidence.summary import Summary, options_from_settings, summarise
from pilot2prod.evidence.view import summary_view
from pilot2prod.text import percent

HELP = "summarise evaluation results (promptfoo, Inspect AI, DeepEval, lm-eval, CSV/JSONL)"

DESCRIPTION = """\
Read the result files evaluation tools write — promptfoo JSON, Inspect AI logs
(.json or .eval), DeepEval test runs, lm-evaluation-harness --log_samples JSONL,
or a plain CSV/JSONL with a passed column — and say how often the system failed
and how sure that is: pass rates with 95% Wilson intervals overall and per slice,
slices with too few cases marked as such, the rate weighted to a production mix
with the share of traffic never tested, latency and cost, and how many more cases
each slice needs to reach a target. -o writes an evidence record for
`pilot2prod assess --evidence`.

  pilot2prod evidence results.json --slice category --mix mix.csv -o record.json
  pilot2prod evidence compare before.json after.json --fail-on-regression

Without --slice, the fields that could define slices are listed and one is
suggested. A mix CSV has rows of slice,count (a header row is allowed).

Exit status: 0 ok; 1 when a gate fails (--fail-under-lower-bound: the lower
bound, weighted to the mix when one is given, is below X; --fail-on-regression:
a slice or the whole run fell significantly); 2 when a file or an option cannot
be used (one line on stderr names the file and the field).
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `evidence`."""
    parser = subparsers.add_parser(
        "evidence",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help='result files ("-" for stdin); or: compare OLD NEW',
    )
    parser.add_argument("--slice", metavar="FIELD", help="the field whose values are the slices")
    parser.add_argument("--mix", metavar="CSV", help="production traffic per slice: slice,count")
    parser.add_argument(
        "--target",
        metavar="RATE",
        type=_share("--target"),
        help="the pass rate to plan for (default from data/evidence.yml, 0.95)",
    )
    parser.add_argument(
        "--min-cases",
        metavar="N",
        type=_whole("--min-cases"),
        help="fewest cases a slice needs before its rate is shown (default from data, 30)",
    )
    parser.add_argument(
        "--fail-under-lower-bound",
        metavar="X",
        type=_share("--fail-under-lower-bound"),
        help="exit 1 when the 95%% lower bound (weighted to --mix when given) is below X "
        "(0-1, or a percentage such as 90%%)",
    )
    parser.add_argument(
        "--fail-on-regression",
        action="store_true",
        help="with compare: exit 1 when the run or a slice fell significantly",
    )
    parser.add_argument(
        "--format",
        choices=common.FORMATS,
        default="text",
        help="the printed report: text (default), md for a pull request, json (the record)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="RECORD",
        help="write the evidence record to RECORD (with several files: a folder, one record "
        "each); the report is still printed",
    )
    parser.set_defaults(run=run)


def _share(option: str):  # noqa: ANN202 - an argparse type
    def convert(text: str) -> float:
        value_text = text.strip()
        try:
            value = float(value_text.rstrip("%")) / (100 if value_text.endswith("%") else 1)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a rate (0.95 or 95%)") from None
        if not 0 <= value <= 1:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} must lie between 0 and 1 (or 0-100%)")
        return value

    convert.__name__ = option
    return convert


def _whole(option: str):  # noqa: ANN202 - an argparse type
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a whole number") from None
        if not 1 <= value <= 1_000_000:
            raise argparse.ArgumentTypeError("must be between 1 and 1,000,000")
        return value

    convert.__name__ = option
    return convert


def _read(name: str, settings: EvidenceSettings) -> Run:
    data = read_bytes(name, MAX_FILE_BYTES)
    return read_run(data, "stdin" if name == STDIN else name, settings.passing_score)


def _mix(name: str | None) -> dict[str, float] | None:
    if name is None:
        return None
    data = read_bytes(name, MAX_MIX_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CliError(name, f"byte {error.start}", "is not UTF-8 text") from None
    return read_mix_csv(text, name)


def _gate_value(summary: Summary) -> tuple[float, str]:
    record = summary.record
    if record.production is not None:
        return record.production.low, "the lower bound weighted to your traffic"
    assert record.overall is not None
    return record.overall.low, "the overall lower bound"


def run(args: argparse.Namespace) -> int:
    """Summarise each file (or compare two), print, write records, apply the gates."""
    if args.files[0] == "compare":
        return _run_compare(args)
    if args.fail_on_regression:
        raise CliError(
            "--fail-on-regression", "", "applies to: pilot2prod evidence compare OLD NEW"
        )
    if args.files.count(STDIN) > 1:
        raise CliError(STDIN, "", 'standard input ("-") can be read only once')
    settings = load_data(args.data).dataset.evidence
    mix = _mix(args.mix)
    options = options_from_settings(
        settings,
        slice_field=args.slice,
        mix=mix,
        mix_source=args.mix or "mix",
        target=args.target,
        min_cases=args.min_cases,
    )
    summaries = [summarise(_read(name, settings), settings, options) for name in args.files]
    gates: list[str] = []
    failed = False
    for summary in summaries:
        if args.fail_under_lower_bound is None:
            gates.append("")
            continue
        value, what = _gate_value(summary)
        passed = value >= args.fail_under_lower_bound
        failed |= not passed
        relation = "reaches" if passed else "is below"
        gates.append(
            f"{what}, {percent(value, 1)}, {relation} the gate of "
            f"{percent(args.fail_under_lower_bound, 1)}."
        )
    _write_records(args, [s.record for s in summaries], args.files)
    if args.format == "json":
        values = [record_to_value(s.record) for s in summaries]
        text = common.to_json(values[0] if len(values) == 1 else values)
    else:
        render = summary_markdown if args.format == "md" else summary_text
        text = joined(
            [render(summary_view(s), gate) for s, gate in zip(summaries, gates, strict=True)]
        )
    write_text(text, None)  # -o names the record; the report is always printed
    return EXIT_GATE if failed else EXIT_OK


def _write_records(args: argparse.Namespace, records: list, names: list[str]) -> None:
    if args.output is None:
        return
    if len(records) == 1:
        write_text(write_record(records[0], args.output), args.output)
        return
    folder = Path(args.output)
    if not folder.is_dir():
        raise CliError(
            args.output, "", "with several files, -o must name a folder (one record per file)"
        )
    for record, name in zip(records, names, strict=True):
        stem = Path(name).name.rsplit(".", 1)[0] or "stdin"
        target = folder / f"{stem}.evidence.json"
        write_text(write_record(record, str(target)), str(target))


def _run_compare(args: argparse.Namespace) -> int:
    files = args.files[1:]
    if len(files) != 2:
        raise CliError("compare", "", f"takes two files, OLD and NEW, not {len(files)}")
    if files.count(STDIN) > 1:
        raise CliError(STDIN, "", 'standard input ("-") can be read only once')
    if args.mix or args.fail_under_lower_bound is not None:
        raise CliError("compare", "", "takes --slice, --fail-on-regression, --format and -o only")
    settings = load_data(args.data).dataset.evidence
    old, new = (_read(name, settings) for name in files)
    overall, changes, field = comparing.compare(old, new, args.slice)
    view = comparing.comparison_view(old, new, overall, changes, field)
    options = options_from_settings(
        settings, slice_field=field or None, target=args.target, min_cases=args.min_cases
    )
    record = comparing.with_comparison(
        summarise(new, settings, options).record, old, view["regressions"]
    )
    regressed = bool(view["regressions"]) and args.fail_on_regression
    gate = ""
    if args.fail_on_regression:
        gate = (
            f"regressions in {', '.join(view['regressions'])}."
            if view["regressions"]
            else "no regression: nothing fell significantly."
        )
    if args.output is not None:
        write_text(write_record(record, args.output), args.output)
    if args.format == "json":
        text = common.to_json(
            {
                "format": "pilot2prod/evidence-comparison",
                "version": 1,
                **view,
                "record": record_to_value(record),
            }
        )
    elif args.format == "md":
        text = comparison_markdown(view, gate)
    else:
        text = comparison_text(view, gate)
    write_text(text, None)
    return EXIT_GATE if regressed else EXIT_OK
