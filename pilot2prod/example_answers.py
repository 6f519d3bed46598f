"""Readiness answers for the worked examples (`data/example-assessments.yml`).

Each worked example gets a plausible, complete set of answers. The method page
shows the result the scoring gives them, the unit tests pin those results, and
the examples page links to the assessment pre-filled with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pilot2prod.answers import FORMAT, FORMAT_VERSION, read_answers
from pilot2prod.checklists import Checklist
from pilot2prod.errors import DataError

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
            "version": FORMAT_VERSION,
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


def _mapping(raw: object, source: str, path: str) -> Mapping[object, object]:
    if not isinstance(raw, Mapping):
        raise DataError(source, path, "must be a mapping")
    return raw


def _text(raw: Mapping[object, object], key: str, source: str, path: str) -> str:
    value = raw.get(key)
    where = f"{path}.{key}" if path else key
    if key not in raw:
        raise DataError(source, where, "missing required key")
    if not isinstance(value, str) or not value.strip():
        raise DataError(source, where, "must be non-empty text")
    return value.strip()


def load_example_answers(
    raw: object,
    checklists: Mapping[str, Checklist],
    example_ids: Sequence[str],
    source: str = SOURCE,
) -> ExampleAssessments:
    """Validate the examples' answers: known examples, every question answered, valid values."""
    top = _mapping(raw, source, "")
    for key in top:
        if key not in ("checklist", "examples"):
            raise DataError(source, str(key), "unknown key (expected one of: checklist, examples)")
    checklist_id = _text(top, "checklist", source, "")
    if checklist_id not in checklists:
        raise DataError(
            source, "checklist", f"no checklist {checklist_id!r} under data/checklists/"
        )
    checklist = checklists[checklist_id]
    entries = top.get("examples")
    if not isinstance(entries, list) or not entries:
        raise DataError(source, "examples", "must be a non-empty list")
    found: list[ExampleAnswers] = []
    for index, entry_raw in enumerate(entries):
        path = f"examples[{index}]"
        entry = _mapping(entry_raw, source, path)
        for key in entry:
            if key not in ("example", "title", "summary", "answers", "notes"):
                raise DataError(
                    source,
                    f"{path}.{key}",
                    "unknown key (expected one of: example, title, summary, answers, notes)",
                )
        example = _text(entry, "example", source, path)
        if example not in example_ids:
            raise DataError(source, f"{path}.example", f"no worked example {example!r}")
        if any(e.example == example for e in found):
            raise DataError(source, f"{path}.example", f"{example!r} has answers already")
        answers = read_answers(entry.get("answers"), checklist, f"{path}.answers")
        if answers.problems:
            problem = answers.problems[0]
            raise DataError(source, problem.where, problem.message)
        if answers.unanswered:
            raise DataError(
                source, f"{path}.answers", f"question {answers.unanswered[0]!r} has no answer"
            )
        notes_raw = _mapping(entry.get("notes", {}), source, f"{path}.notes")
        notes: dict[str, str] = {}
        for key, value in notes_raw.items():
            if key not in answers.values:
                raise DataError(source, f"{path}.notes.{key}", "note for an unknown question")
            if not isinstance(value, str) or not value.strip():
                raise DataError(source, f"{path}.notes.{key}", "must be non-empty text")
            notes[str(key)] = value.strip()
        found.append(
            ExampleAnswers(
                example=example,
                title=_text(entry, "title", source, path),
                summary=_text(entry, "summary", source, path),
                answers=dict(answers.values),
                notes=notes,
            )
        )
    return ExampleAssessments(checklist=checklist_id, examples=tuple(found))
