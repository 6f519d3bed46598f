"""`pilot2prod milestones FILE`: the milestones file the assessment page exports, read here.

The same reading as the page's import (`readiness.milestones_import`'s reader): a file it
refuses is refused here naming the same fault. Prints every milestone oldest first with the
verdict worked out from its answers (never the file's own word for it), and each dimension's
score over the newest ones, the table under the page's trend chart.
"""

from __future__ import annotations

import argparse
from typing import Any

from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_OK, CliError
from pilot2prod.cli.files import read_structured, write_text
from pilot2prod.readiness import milestones as reading
from pilot2prod.readiness.compare import trend
from pilot2prod.readiness.scoring import assess
from pilot2prod.text import clean, markdown_table, plural

HELP = "read a milestones file the assessment page exported: each verdict, and the trend"


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `milestones`."""
    parser = subparsers.add_parser(
        "milestones",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ".",
        parents=parents,
    )
    parser.add_argument("file", metavar="FILE", help="the milestones file (JSON)")
    common.output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file as the page reads an import, and print the milestones and the trend."""
    data = load_data(args.data)
    checklist, rubric = data.dataset.scored_checklist, data.dataset.rubric
    source = "<stdin>" if args.file == "-" else args.file
    raw = read_structured(args.file, "a pilot2prod milestones file")
    try:
        found = reading.read_milestones(raw, checklist, rubric)
    except reading.MilestonesError as error:
        raise CliError(source, "", str(error)) from None
    ordered = sorted(enumerate(found), key=lambda pair: (pair[1].saved, pair[0]))
    points = [m for _, m in ordered][-reading.TREND_MAX :]
    view: dict[str, Any] = {
        "milestones": [
            {"id": m.id, "name": m.name, "saved": m.saved, "verdict": m.verdict} for _, m in ordered
        ],
        "trend": None,
    }
    if points:
        scored = []
        for milestone in points:
            answers = reading.read_document(milestone.document, checklist)
            scored.append((milestone.name, assess(checklist, rubric, answers, with_path=False)))
        view["trend"] = trend(scored)["table"]
    write_text(_report(view, args.format), args.output)
    return EXIT_OK


def _report(view: dict[str, Any], kind: str) -> str:
    if kind == "json":
        return common.to_json({"format": "pilot2prod/milestones-report", "version": 1, **view})
    rows = [[m["saved"][:10], m["name"], m["verdict"]] for m in view["milestones"]]
    count = plural(len(rows), "milestone", "milestones")
    if kind == "md":
        lines = [
            f"## Milestones ({count})",
            "",
            *markdown_table(["Saved", "Name", "Verdict"], rows),
        ]
        if view["trend"]:
            table = view["trend"]
            lines += [
                "",
                "### Dimension scores",
                "",
                *markdown_table(table["columns"], table["rows"]),
            ]
        return "\n".join(lines) + "\n"
    lines = [f"Milestones ({count}), oldest first:"]
    lines += [f"  {saved}  {clean(name)}: {verdict}" for saved, name, verdict in rows]
    if view["trend"]:
        columns = view["trend"]["columns"]
        lines += ["", "Dimension scores:"]
        for row in view["trend"]["rows"]:
            cells = ", ".join(f"{clean(c)} {v}" for c, v in zip(columns[1:], row[1:], strict=True))
            lines.append(f"  {clean(row[0])}: {cells}")
    return "\n".join(lines) + "\n"
