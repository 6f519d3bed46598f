"""Readiness answers for the worked examples (`data/example-assessments.yml`).

Each worked example gets a plausible, complete set of answers. The method page
shows the result the scoring gives them, the unit tests pin those results, and
the examples page links to the assessment pre-filled with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pilot2prod.model.checklists import Checklist
from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import parse
from pilot2prod.readiness.answers import FORMAT, PAGE_VERSION, read_answers

SOURCE = "data/example-assessments.yml"
"""Where the examples' answers live."""


@dataclass(frozen=True)
class ExampleAnswers:
    """One worked example's answers to a checklist, with why they were given."""

    example: str
    title: str
    summary: str
    answers: Mapping[str, str]
    notes: Mapping[str, str]

    def document(self, checklist: Checklist) -> dict[str, object]:
        """The answers as the browser's export document (what a share link carries)."""
        return {
            "format": FORMAT,
            "version": PAGE_VERSION,
            "checklist": checklist.id,
            "checklist_version": checklist.version,
            "answers": dict(self.answers),
            "notes": dict(self.notes),
            "owners": {},
            "orphans": {},
        }


@dataclass(frozen=True)
class ExampleAssessments:
    """Every worked example's answers to one checklist."""

    checklist: str
    examples: tuple[ExampleAnswers, ...]

    def get(self, example_id: str) -> ExampleAnswers:
        """The answers of one example; KeyError when it has none."""
        for entry in self.examples:
            if entry.example == example_id:
                return entry
        raise KeyError(example_id)


@dataclass(frozen=True)
class ExampleEntry:
    """One worked example's answers as written in the data file."""

    example: str
    title: str
    summary: str
    answers: Mapping[str, Literal["no", "partial", "yes", "na"]]
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExampleAssessmentsFile:
    """Readiness answers for the worked examples (`data/example-assessments.yml`)."""

    checklist: str
    examples: tuple[ExampleEntry, ...]


def load_example_answers(
    raw: object,
    checklists: Mapping[str, Checklist],
    example_ids: Sequence[str],
    source: str = SOURCE,
) -> ExampleAssessments:
    """Validate the examples' answers: known examples, every question answered, valid values."""
    written = parse(ExampleAssessmentsFile, raw, source)
    if written.checklist not in checklists:
        raise DataError(
            source, "checklist", f"no checklist {written.checklist!r} under data/checklists/"
        )
    checklist = checklists[written.checklist]
    if not written.examples:
        raise DataError(source, "examples", "must be a non-empty list")
    found: list[ExampleAnswers] = []
    for index, entry in enumerate(written.examples):
        path = f"examples[{index}]"
        if entry.example not in example_ids:
            raise DataError(source, f"{path}.example", f"no worked example {entry.example!r}")
        if any(e.example == entry.example for e in found):
            raise DataError(source, f"{path}.example", f"{entry.example!r} has answers already")
        answers = read_answers(dict(entry.answers), checklist, f"{path}.answers")
        if answers.problems:
            problem = answers.problems[0]
            raise DataError(source, problem.where, problem.message)
        if answers.unanswered:
            raise DataError(
                source, f"{path}.answers", f"question {answers.unanswered[0]!r} has no answer"
            )
        for key in entry.notes:
            if key not in answers.values:
                raise DataError(source, f"{path}.notes.{key}", "note for an unknown question")
        found.append(
            ExampleAnswers(
                example=entry.example,
                title=entry.title,
                summary=entry.summary,
                answers=dict(answers.values),
                notes=dict(entry.notes),
            )
        )
    return ExampleAssessments(checklist=checklist.id, examples=tuple(found))
