"""The `pilot2prod` command: the site's assessment, team view and calculators in a terminal or CI.

Standard library only (argparse); PyYAML is imported lazily, only to read YAML.
Exit status: 0 ok, 1 below the `--fail-under` gate, 2 bad input (one line on
stderr names the file and the field), 3 a bug in pilot2prod.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pilot2prod import __version__
from pilot2prod.api import InputError
from pilot2prod.cli import (
    assess,
    calculators,
    compare,
    milestones,
    plan,
    portfolio,
    team,
    template,
)
from pilot2prod.cli.common import data_options
from pilot2prod.cli.errors import EXIT_BAD_INPUT, EXIT_BUG, CliError, from_data_error
from pilot2prod.model.errors import DataError
from pilot2prod.readiness.answers import AnswersError

PROG = "pilot2prod"

DESCRIPTION = """\
Production-readiness tools from the pilot2prod site, on the command line: score
an assessment exactly as the site does, gate a release on it, combine a team's
answers, compare two assessments, print the improvement plan, report on many
projects at once, and run the effort and run-cost calculators on a file.
"""

EPILOG = """\
Exit status: 0 ok; 1 the verdict is below --fail-under; 2 a file, an option or
the data cannot be used (one line on stderr names the file and the field);
3 pilot2prod itself failed. compare --fail-on-regression and plan
--fail-on-overdue exit 1 too when their gate fails.

Start with:  pilot2prod template readiness -o readiness.yml
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    parents = [data_options()]
    assess.add_parser(subparsers, parents)
    team.add_parser(subparsers, parents)
    compare.add_parser(subparsers, parents)
    milestones.add_parser(subparsers, parents)
    plan.add_parser(subparsers, parents)
    portfolio.add_parser(subparsers, parents)
    calculators.add_parsers(subparsers, parents)
    template.add_parser(subparsers, parents)
    return parser


def _fail(message: str) -> None:
    # One line: a hostile file name or field must not start a second line of output.
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: `sys.argv[1:]`); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 0 after --help/--version and 2 on a usage error, as we would.
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.run(args))
    except CliError as error:
        _fail(str(error))
    except (AnswersError, InputError) as error:
        _fail(str(error))
    except DataError as error:
        _fail(str(from_data_error(error, getattr(args, "data", None))))
    except BrokenPipeError:
        # The reader of our output went away (`| head`) before the report was all written:
        # a cut-off report must not pass a gate, so this is exit 2 like any write error.
        _fail("<stdout>: cannot be written: the reader closed the pipe")
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as error:  # never a traceback: one line asking for a report
        _fail(
            f"internal error ({type(error).__name__}: {str(error)[:200]}); "
            "please report this with the command you ran"
        )
        return EXIT_BUG
    return EXIT_BAD_INPUT
