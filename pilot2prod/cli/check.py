"""`pilot2prod check [FOLDER]`: readiness facts read from a repository, and a release gate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pilot2prod.cli import common
from pilot2prod.cli.data import load_data
from pilot2prod.cli.errors import EXIT_BAD_INPUT, EXIT_GATE, EXIT_OK, CliError
from pilot2prod.cli.files import read_structured, write_text
from pilot2prod.model.errors import DataError
from pilot2prod.repocheck.evaluate import check_repository
from pilot2prod.repocheck.record import checks_record_text
from pilot2prod.repocheck.report import check_markdown, check_text, check_view, summary
from pilot2prod.repocheck.rules import SOURCE, RuleSet, load_team_rules

HELP = "check a repository for the files and settings an AI system in production needs"

DESCRIPTION = """\
Read a repository (without running anything in it) and check the facts that several
readiness questions depend on: owners for prompts and model configuration in
CODEOWNERS, a runbook with the headings a failure needs, model ids pinned to dated
versions, a token or spending cap, monitoring configuration, an evaluation run in CI,
evaluation results newer than the last prompt change, and a model or system card.

Each rule passes, fails or does not apply, with the file and line that decided it.
-o RECORD writes an evidence record that `pilot2prod assess --evidence` reads.

Exit status: 0 when every required rule passes or does not apply, 1 when a required
rule fails, 2 when the folder, the rules file or the data cannot be used (one line
on stderr names the file and the field), or when the file or time limit stopped the
check before a required rule could be judged.
"""


def add_parser(subparsers: argparse._SubParsersAction, parents: list) -> None:
    """Register `check`."""
    parser = subparsers.add_parser(
        "check",
        help=HELP,
        description=DESCRIPTION,
        parents=parents,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "folder", metavar="FOLDER", nargs="?", default=".", help="the repository (default: .)"
    )
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help="a team's rules file (YAML or JSON) that adds rules, replaces a default rule by "
        "its id, switches rules off (off: [id, ...]) or changes the limits",
    )
    parser.add_argument(
        "--format",
        choices=common.FORMATS,
        default="text",
        help="text (default) for a terminal, md for a pull request, json for other tools",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="RECORD",
        help="also write the evidence record (JSON) to RECORD, for pilot2prod assess "
        "--evidence; with - the record is printed instead of the report",
    )
    parser.set_defaults(run=run)


def _rules(args: argparse.Namespace) -> tuple[RuleSet, frozenset[str]]:
    """The default rules, changed by the team's file when one is given."""
    data = load_data(args.data)
    defaults = data.dataset.repository_checks
    if args.rules is None:
        return defaults, frozenset()
    raw = read_structured(args.rules, what="a pilot2prod rules file")
    source = "<stdin>" if args.rules == "-" else args.rules
    questions = {item.id for item in data.dataset.scored_checklist.items}
    try:
        rule_set = load_team_rules(raw, defaults, questions, source)
    except DataError as error:  # named by the team's own file, never rewritten as data/
        raise CliError(error.source, error.path, error.problem) from None
    default_rules = {rule.id: rule for rule in defaults.rules}
    changed = {rule.id for rule in rule_set.rules if default_rules.get(rule.id) is not rule}
    return rule_set, frozenset(changed)


def run(args: argparse.Namespace) -> int:
    """Check the folder, print the report, write the record, and apply the gate."""
    folder = Path(args.folder)
    if not folder.is_dir():
        problem = "no such folder" if not folder.exists() else "is not a folder"
        raise CliError(args.folder, "", f"{problem}; give the repository to check")
    rule_set, team_ids = _rules(args)
    result = check_repository(folder, rule_set, team_ids)
    rules_file = Path(args.rules).name if args.rules not in (None, "-") else Path(SOURCE).name
    if args.output is not None:
        write_text(checks_record_text(result, rules_file), args.output)
    if args.output != "-":
        if args.format == "json":
            text = common.to_json(check_view(result))
        elif args.format == "md":
            text = check_markdown(result)
        else:
            text = check_text(result)
        write_text(text, None)
    if result.undecided:
        # Not a pass, and not a failure of the repository's: the input was too large to judge.
        print(" ".join(f"pilot2prod: {args.folder}: {summary(result)}".split()), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_GATE if result.failed_required else EXIT_OK
