"""`pilot2prod assess FILE`: the readiness verdict for an answers file, and a release gate."""

from __future__ import annotations

import argparse

from pilot2prod import api
from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK
from pilot2prod.cli.files import write_text
from pilot2prod.readiness.presentation.report import assessment_markdown, assessment_text

HELP = "score an answers file exactly as the assessment page does"

DESCRIPTION = """\
Score a readiness answers file (the JSON the assessment page exports, or YAML of
the same shape, such as the one `pilot2prod template readiness` writes) and print
the verdict, the score of each dimension, the critical questions answered No and
the fewest changes that would lift the verdict one band.

Exit status: 0 when the file was scored (and reaches the --fail-under band, if
given), 1 when the verdict is below that band, 2 when a file, an option or the
data cannot be used (one line on stderr names the file and the field).
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `assess`."""
    parser = subparsers.add_parser(
        "assess",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help='the answers file, or "-" for stdin')
    common.output_options(parser)
    common.gate_option(parser, "the verdict")
    common.site_url_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Score the file, print the report, and apply the gate."""
    root = common.site_root(args.site_url)
    data = load_data(args.data)
    rubric = data.dataset.rubric
    threshold = common.find_band(rubric, args.fail_under) if args.fail_under is not None else None
    _, document = common.load_answers(args.file, data)
    view = api.request(data.dataset, "readiness.score", {"document": document, "site_root": root})
    verdict_gate = common.gate(rubric, view["verdict"]["id"], threshold)
    source = "<stdin>" if args.file == "-" else args.file
    gate_text = verdict_gate["text"] if verdict_gate else ""
    if args.format == "json":
        text = common.to_json(
            {"format": "pilot2prod/assessment", "version": 1, **view, "gate": verdict_gate}
        )
    elif args.format == "md":
        text = assessment_markdown(view, links=bool(root), gate=gate_text)
    else:
        text = assessment_text(view, source=source, gate=gate_text)
    write_text(text, args.output)
    return EXIT_GATE if verdict_gate and not verdict_gate["passed"] else EXIT_OK
