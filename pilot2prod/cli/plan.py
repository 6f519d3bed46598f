"""`pilot2prod plan ANSWERS`: the improvement plan of an answers file, for a tracker."""

from __future__ import annotations

import argparse
from datetime import date

from pilot2prod import api
from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import write_text
from pilot2prod.readiness.plan_export import overdue

HELP = "the improvement plan of an answers file: Markdown tasks, tracker CSV, issue bodies"

DESCRIPTION = """\
Print the improvement plan of a readiness answers file: one item per open
question (answered No or Partly, unanswered, or Not applicable without a reason),
highest risk first, with its action (the reader's own, else the suggested one),
owner, due date and status (open, in-progress, done).

Formats: md, a Markdown task list (done items ticked); csv, one row per item not
yet done with the columns Summary, Description, Assignee, Due date and Labels
that Jira's CSV importer maps; json, the plan with one Markdown issue body per
item not yet done (`issues`), for `gh issue create` or a tracker's API.

Exit status: 0 ok; 1 with --fail-on-overdue when an item not done is past its due
date; 2 when a file or an option cannot be used (one line on stderr names it).
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `plan`."""
    parser = subparsers.add_parser(
        "plan",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="ANSWERS", help='the answers file, or "-" for stdin')
    common.output_options(parser, ("md", "csv", "json"))
    parser.add_argument(
        "--fail-on-overdue",
        action="store_true",
        help="exit with status 1 when an item not done is past its due date",
    )
    today_option(parser)
    common.site_url_option(parser)
    parser.set_defaults(run=run)


def today_option(parser: argparse.ArgumentParser) -> None:
    """`--today DATE`: the day to count from (for reproducible reports and tests)."""
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="count ages and due dates from this day, not today"
    )


def parse_today(given: str | None) -> date:
    """The `--today` date, or the machine's date."""
    if given is None:
        return date.today()
    try:
        return date.fromisoformat(given)
    except ValueError:
        raise CliError("--today", "", f"{given[:40]!r} is not a date (YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    """Read the file, print the plan in the chosen format, apply the overdue gate."""
    root = common.site_root(args.site_url)
    today = parse_today(args.today)
    data = load_data(args.data)
    _, document = common.load_answers(args.file, data, plans=True)
    payload = {
        "document": document,
        "site_root": root,
        "exports": True,
        "today": today.isoformat(),
    }
    view = api.request(data.dataset, "readiness.plan", payload)
    text = {"md": view["markdown"], "csv": view["csv"]}.get(args.format, view["json"])
    write_text(text, args.output)
    return EXIT_GATE if args.fail_on_overdue and overdue(view, today) else EXIT_OK
