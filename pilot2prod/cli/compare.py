"""`pilot2prod compare OLD NEW`: what changed between two assessments of one project."""

from __future__ import annotations

import argparse
from pathlib import Path

from pilot2prod import api
from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import write_text
from pilot2prod.readiness.presentation.compare_report import compare_markdown, compare_text

HELP = "compare two answers files: verdict, each dimension, questions improved and regressed"

DESCRIPTION = """\
Compare two readiness answers files of one project (an older and a newer one):
the change of verdict, each dimension's score before and after, and the
questions that improved or regressed. A question's standing: No or open lowest,
then Partly, then Yes or Not applicable with a reason.

Exit status: 0 ok; 1 with --fail-on-regression when any dimension's score went
down; 2 when a file or an option cannot be used (one line on stderr names it).
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `compare`."""
    parser = subparsers.add_parser(
        "compare",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("old", metavar="OLD", help="the earlier answers file")
    parser.add_argument("new", metavar="NEW", help="the later answers file")
    common.output_options(parser)
    parser.add_argument(
        "--fail-on-regression",
        action="store_true",
        help="exit with status 1 when any dimension's score went down",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read both files, compare, print, and apply the regression gate."""
    data = load_data(args.data)
    if args.old == "-" and args.new == "-":
        raise CliError("-", "", 'standard input ("-") can be read only once')
    old = common.load_answers(args.old, data)[1]
    new = common.load_answers(args.new, data)[1]
    names = ["stdin" if p == "-" else Path(p).name for p in (args.old, args.new)]
    view = api.request(
        data.dataset,
        "readiness.compare",
        {"old": old, "new": new, "old_name": names[0][:80], "new_name": names[1][:80]},
    )
    if args.format == "json":
        text = common.to_json({"format": "pilot2prod/comparison", "version": 1, **view})
    elif args.format == "md":
        text = compare_markdown(view, *names)
    else:
        text = compare_text(view, *names)
    write_text(text, args.output)
    return EXIT_GATE if args.fail_on_regression and view["regression"] else EXIT_OK
