"""`pilot2prod merge A B ...`: several people's answers side by side and the team's verdict."""

from __future__ import annotations

import argparse
from pathlib import Path

from pilot2prod import api
from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import write_text
from pilot2prod.readiness.merge import MAX_PEOPLE
from pilot2prod.readiness.presentation.report import team_markdown, team_text

HELP = "combine several people's answers: side by side, disagreements flagged, a team verdict"

DESCRIPTION = """\
Combine several answers files for the readiness assessment (one per person):
print every question with each person's answer side by side, flag where they
disagree, and score a team verdict from the most cautious answer given to each
question.

Disagreements, strongest first: "Yes against No" (someone says Yes, someone No);
"Partly against Yes or No"; "Not applicable against an answer" (people disagree
about whether the question applies). A blank is not an answer: it neither
disagrees nor counts as No.

The most cautious answer: No before Partly before Yes. Not applicable counts
only when every answer given is Not applicable; a question nobody answered
stays open.

Exit status: 0 ok, 1 when the team verdict is below --fail-under, 2 bad input.
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `merge`."""
    parser = subparsers.add_parser(
        "merge",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="answers files, one per person (JSON or YAML)"
    )
    common.output_options(parser)
    common.gate_option(parser, "the team verdict")
    common.site_url_option(parser)
    parser.set_defaults(run=run)


def column_names(paths: list[str]) -> list[str]:
    """Each person's column: the file name, or the path as given when names repeat."""
    names = ["stdin" if path == "-" else Path(path).name for path in paths]
    if len(set(names)) == len(names):
        return names
    return ["stdin" if path == "-" else path for path in paths]


def run(args: argparse.Namespace) -> int:
    """Read every file, merge, print, and apply the gate to the team verdict."""
    if len(args.files) > MAX_PEOPLE:
        raise CliError("merge", "", f"combine at most {MAX_PEOPLE} files at once")
    if args.files.count("-") > 1:
        raise CliError("-", "", 'standard input ("-") can be read only once')
    root = common.site_root(args.site_url)
    data = load_data(args.data)
    rubric = data.dataset.rubric
    threshold = common.find_band(rubric, args.fail_under) if args.fail_under is not None else None
    documents = [
        {"name": name, "document": common.load_answers(path, data)[1]}
        for path, name in zip(args.files, column_names(args.files), strict=True)
    ]
    view = api.request(data.dataset, "readiness.merge", {"documents": documents, "site_root": root})
    view.pop("refused")  # every file was read strictly above: none is ever refused here
    verdict_gate = common.gate(rubric, view["team"]["verdict"]["id"], threshold)
    gate_text = verdict_gate["text"] if verdict_gate else ""
    if args.format == "json":
        text = common.to_json(
            {"format": "pilot2prod/team", "version": 1, **view, "gate": verdict_gate}
        )
    elif args.format == "md":
        text = team_markdown(view, links=bool(root), gate=gate_text)
    else:
        text = team_text(view, gate=gate_text)
    write_text(text, args.output)
    return EXIT_GATE if verdict_gate and not verdict_gate["passed"] else EXIT_OK
