"""`pilot2prod portfolio DIR|FILES...`: where an organisation's pilots stall, from many exports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pilot2prod import api
from pilot2prod.api.programme import MAX_PORTFOLIO
from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_OK, CliError
from pilot2prod.cli.files import read_structured, write_text
from pilot2prod.cli.plan import parse_today, today_option
from pilot2prod.readiness.portfolio_export import partial_text

HELP = "many projects' answers files at once: bands, where pilots stall, blockers, owners"

DESCRIPTION = """\
Read many projects' readiness answers files (a folder's *.json, *.yml and *.yaml
files, or the files named) and report: how many projects sit in each verdict
band; the dimensions and the questions where most projects stall, ranked; the
projects a critical question answered No blocks; the owners with the most open
high-risk questions; and, with --older-than, the assessments dated longer ago.

A file that cannot be read as answers is refused: one line on stderr names it
and says why, and the rest are counted. Formats: md, json, csv.

Exit status: 0 when at least one file was read; 2 when none could be, or an
option cannot be used.
"""

SUFFIXES = (".json", ".yml", ".yaml")
"""The files a folder contributes."""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `portfolio`."""
    parser = subparsers.add_parser(
        "portfolio",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", metavar="DIR|FILE", nargs="+", help="folders or answers files")
    common.output_options(parser, ("md", "json", "csv"))
    parser.add_argument(
        "--older-than",
        metavar="DAYS",
        type=int,
        help="list the assessments dated more than DAYS days ago",
    )
    today_option(parser)
    parser.set_defaults(run=run)


def files(paths: list[str]) -> list[str]:
    """The files to read: each folder's answers files in name order, then files as given."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += sorted(
                str(p) for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()
            )
        else:
            found.append(given)
    if len(found) > MAX_PORTFOLIO:
        raise CliError(paths[0], "", f"holds more than {MAX_PORTFOLIO} files; split the portfolio")
    return found


def run(args: argparse.Namespace) -> int:
    """Read every file, refuse the unreadable ones by name, report the rest."""
    if args.older_than is not None and args.older_than < 0:
        raise CliError("--older-than", "", "must be 0 or more days")
    today = parse_today(args.today)
    data = load_data(args.data)
    documents = []
    unreadable = []
    for name in files(args.paths):
        try:
            documents.append({"name": name, "document": read_structured(name)})
        except CliError as error:
            where = ": ".join(part for part in (error.field, error.problem) if part)
            unreadable.append({"name": name, "message": where})
    payload = {
        "documents": documents,
        "refused": unreadable,
        "today": today.isoformat(),
        "older_than": args.older_than,
        "exports": True,
    }
    view = api.request(data.dataset, "readiness.portfolio", payload)
    for entry in view["refused"]:
        print(
            f"pilot2prod: refused {' '.join(entry['name'].split())}: "
            f"{' '.join(entry['message'].split())}",
            file=sys.stderr,
        )
    for entry in view["partial"]:
        print(
            f"pilot2prod: read in part {' '.join(entry['name'].split())}: "
            f"{' '.join(partial_text(entry).split())}",
            file=sys.stderr,
        )
    if not view["projects"]:
        raise CliError(args.paths[0], "", "no readable answers file among the files given")
    if args.format == "md":
        text = view["markdown"]
    elif args.format == "csv":
        text = view["csv"]
    else:
        text = view["json"]  # the very text the portfolio page downloads
    write_text(text, args.output)
    return EXIT_OK
