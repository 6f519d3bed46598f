"""The one kind of failure the command line reports: bad input, named by file and field."""

from __future__ import annotations

from pilot2prod.model.errors import DataError
from pilot2prod.readiness.answers import AnswersError, Problem, refusal

EXIT_OK = 0
"""Everything read and, where a gate was asked for, the verdict passed it."""

EXIT_GATE = 1
"""The verdict is below the band given to `--fail-under`."""

EXIT_BAD_INPUT = 2
"""A file, an option or the data could not be used; one line on stderr says which and why."""

EXIT_BUG = 3
"""pilot2prod itself failed; the line on stderr asks for a report."""


class CliError(Exception):
    """Bad input: `source` is the file (or option), `field` the key path inside it."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        self.source = source
        self.field = field
        self.problem = problem
        parts = [part for part in (source, field) if part]
        super().__init__(": ".join([*parts, problem]))


def from_answers_error(source: str, error: AnswersError) -> CliError:
    """An unusable answers document, named by its file."""
    return CliError(source, error.where, error.problem)


def from_problems(source: str, problems: tuple[Problem, ...]) -> CliError:
    """The first fault inside an answers file, with a count of the rest, on one line."""
    return from_answers_error(source, refusal(problems))


def from_data_error(error: DataError, data_dir: str | None) -> CliError:
    """A fault in the data, named by the real file when it came from `--data DIR`."""
    source = error.source
    if data_dir is not None and source.startswith("data/"):
        source = f"{data_dir.rstrip('/')}/{source.removeprefix('data/')}"
    return CliError(source, error.path, error.problem)
