"""`pilot2prod template CHECKLIST`: a blank answers file in YAML, ready to fill in and commit.

The YAML is written by hand rather than by a YAML dumper: every value is a
JSON string (which YAML reads as a double-quoted scalar), so version
fingerprints made only of digits stay text, and each question gets its text,
why it matters and where its guidance is as comments, which dumpers cannot write.
"""

from __future__ import annotations

import argparse
import json
import textwrap

from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_OK, CliError
from pilot2prod.cli.files import write_text
from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import blank_document
from pilot2prod.text import clean
from pilot2prod.urls import doc_url

HELP = "write a blank answers file in YAML, with each question as a comment"

DESCRIPTION = """\
Write a blank answers file for CHECKLIST in YAML: each question's id with an
empty answer, and above it the question, why it matters and where its guidance
is, as comments. Fill in the answers (for the readiness assessment: yes,
partial, no or na), commit the file, and score it with `pilot2prod assess`.
"""

WIDTH = 96


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `template`."""
    parser = subparsers.add_parser(
        "template",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "checklist",
        metavar="CHECKLIST",
        nargs="?",
        default="readiness",
        help="the checklist id (default: readiness); run with --list to see them all",
    )
    parser.add_argument("--list", action="store_true", help="list the checklists and exit")
    parser.add_argument(
        "--format",
        choices=("yaml", "json"),
        default="yaml",
        help="yaml (default): commented, to fill in by hand; json: the answers document the "
        "site's pages import and write",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    common.site_url_option(parser)
    parser.set_defaults(run=run)


def _comment(text: str, indent: str, prefix: str = "") -> list[str]:
    return textwrap.wrap(
        clean(text),
        width=WIDTH,
        initial_indent=f"{indent}# {prefix}",
        subsequent_indent=f"{indent}#   ",
        break_on_hyphens=False,
    ) or [f"{indent}#"]


def _string(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar (ensure_ascii keeps it plain ASCII).
    return json.dumps(value)


def render_template(checklist: Checklist, site_root: str = "") -> str:
    """The YAML text of a blank answers file for `checklist`."""
    doc = blank_document(checklist)
    values = ", ".join(checklist.answer_values)
    lines = [
        *_comment(f"pilot2prod answers: {checklist.title}", ""),
        *_comment(
            f"Answer each question with one of: {values}. Leave it empty while you do not know "
            "yet: an empty answer is never counted as No.",
            "",
        ),
        *_comment(
            "Put evidence (a link to the test report or ticket) under notes, and who is "
            "responsible under owners, both keyed by the question id.",
            "",
        ),
        *_comment(
            "Score it with: pilot2prod assess <this file>  (add --fail-under nearly-ready to "
            "gate a release on it)",
            "",
        ),
        "",
        f"format: {_string(str(doc['format']))}",
        f"version: {doc['version']}",
        f"checklist: {_string(checklist.id)}",
        f"checklist_version: {_string(checklist.version)}",
        "answers:",
    ]
    for section in checklist.sections:
        lines += ["", *_comment(f"== {section.title} ==", "  ")]
        if section.intro:
            lines += _comment(section.intro, "  ")
        for item in section.items:
            lines.append("")
            lines += _comment(item.text, "  ")
            lines += _comment(item.why, "  ", "Why: ")
            extras = []
            if checklist.scale == "readiness":
                extras.append(f"weight {item.weight:g}")
            if item.critical:
                extras.append("critical: a No keeps the verdict below the top band")
            guidance = doc_url(item.guidance, site_root) if site_root else item.guidance
            lines += _comment(
                f"{guidance}" + (f" ({'; '.join(extras)})" if extras else ""), "  ", "Guidance: "
            )
            lines.append(f"  {item.id}:")
    first = checklist.items[0].id
    lines += [
        "",
        "notes: {}",
        *_comment(f'For example:  notes: {{{first}: "https://ci.example/eval-report"}}', ""),
        "owners: {}",
        "",
    ]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Write the template, or list the checklists."""
    root = common.site_root(args.site_url)
    data = load_data(args.data)
    if args.list:
        lines = []
        for checklist_id in data.dataset.checklist_ids():
            checklist = data.dataset.checklist(checklist_id)
            lines.append(f"{checklist.id}\t{len(checklist.items)} questions\t{checklist.title}")
        write_text("\n".join(lines) + "\n", None)
        return EXIT_OK
    try:
        checklist = data.dataset.checklist(args.checklist)
    except KeyError as error:
        raise CliError("checklist", "", str(error.args[0])) from None
    if args.format == "json":
        text = common.to_json(blank_document(checklist))
    else:
        text = render_template(checklist, root)
    write_text(text, args.output, overwrite=args.force)
    return EXIT_OK
