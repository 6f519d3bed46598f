"""`pilot2prod assess FILE`: the readiness verdict for an answers file, and a release gate."""

from __future__ import annotations

import argparse

from pilot2prod import api
from pilot2prod.cli import common
from pilot2prod.cli.data import DataSource, load_data
from pilot2prod.cli.errors import EXIT_GATE, EXIT_OK
from pilot2prod.cli.files import read_bytes, write_text
from pilot2prod.evidence.assessment import weigh, with_evidence
from pilot2prod.evidence.backing_view import backing_markdown, backing_text
from pilot2prod.evidence.record import MAX_RECORD_BYTES, read_record
from pilot2prod.readiness.answers import read_document
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
    parser.add_argument(
        "--evidence",
        metavar="RECORD",
        nargs="+",
        help="evidence records (pilot2prod evidence -o, pilot2prod check -o): each answer is "
        "marked backed, self-reported, contradicted or stale",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Score the file, print the report, and apply the gate."""
    root = common.site_root(args.site_url)
    data = load_data(args.data)
    rubric = data.dataset.rubric
    threshold = common.find_band(rubric, args.fail_under) if args.fail_under is not None else None
    _, document = common.load_answers(args.file, data)
    view = api.request(data.dataset, "readiness.score", {"document": document, "site_root": root})
    evidence = _evidence(args.evidence, data, document) if args.evidence else None
    if evidence is not None:
        with_evidence(view, evidence)
    verdict_gate = common.gate(rubric, view["verdict"]["id"], threshold)
    source = "<stdin>" if args.file == "-" else args.file
    gate_text = verdict_gate["text"] if verdict_gate else ""
    if args.format == "json":
        text = common.to_json(
            {"format": "pilot2prod/assessment", "version": 1, **view, "gate": verdict_gate}
        )
    elif args.format == "md":
        text = assessment_markdown(view, links=bool(root), gate=gate_text)
        if evidence is not None:
            text = text.rstrip("\n") + "\n\n" + backing_markdown(evidence)
    else:
        text = assessment_text(view, source=source, gate=gate_text)
        if evidence is not None:
            text += backing_text(evidence)
    write_text(text, args.output)
    return EXIT_GATE if verdict_gate and not verdict_gate["passed"] else EXIT_OK


def _evidence(names: list[str], data: DataSource, document: object) -> dict:
    """Each record read strictly (a bad one is bad input here), and the answers weighed."""
    if names.count("-") > 1:
        from pilot2prod.cli.errors import CliError

        raise CliError("-", "", 'standard input ("-") can be read only once')
    records = []
    for name in names:
        label = "stdin" if name == "-" else name
        records.append((label, read_record(read_bytes(name, MAX_RECORD_BYTES), label)))
    checklist = data.dataset.scored_checklist
    answers = read_document(document, checklist)
    return weigh(records, answers, checklist, data.dataset.evidence)
