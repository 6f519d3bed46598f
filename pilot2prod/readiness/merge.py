"""Combine several people's answers to one checklist into a team view.

Each person fills in the same readiness assessment on their own; the team view
puts their answers side by side, flags where they disagree, and scores a team
verdict with the ordinary scoring rule applied to the most cautious answer given
to each question.

The rules, also stated on the team page and in `docs/use-in-your-repository.md`:

- **Most cautious answer.** No is more cautious than Partly, Partly more than
  Yes. The team answer to a question is the most cautious answer anyone *counted*
  (Yes, Partly or No). Not applicable wins only when every answer given is Not
  applicable: one person's "it does not apply" cannot take a question out of the
  team's score while someone else is scoring it. A blank is no answer at all, as
  in a single assessment: it never counts as No, and a question stays open only
  when nobody answered it.
- **Disagreement**, the strongest kind found on a question:
  `conflict` — someone answered Yes and someone else No;
  `partly` — Partly beside Yes or beside No (people agree work exists, not how far it got);
  `applicability` — Not applicable beside a counted answer (people disagree about
  whether the question applies at all).
  Blanks beside answers are not a disagreement; they are listed as missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import Answers, Problem
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import Assessment, assess

CAUTION = ("no", "partial", "yes")
"""Counted answers from the most cautious to the least."""

CONFLICT = "conflict"
PARTLY = "partly"
APPLICABILITY = "applicability"

DISAGREEMENTS: Mapping[str, str] = {
    CONFLICT: "Yes against No",
    PARTLY: "Partly against Yes or No",
    APPLICABILITY: "Not applicable against an answer",
}
"""Each kind of disagreement, strongest first, with the words the reports use."""

MAX_PEOPLE = 50
"""More answer sets than this is a mistake (a folder of unrelated files), not a team."""


@dataclass(frozen=True)
class MergedItem:
    """One question with everyone's answer, the team's answer and any disagreement."""

    id: str
    text: str
    dimension: str
    dimension_title: str
    critical: bool
    guidance: str
    answers: tuple[str | None, ...]
    """One answer per person, in the order the people were given; None where blank."""
    notes: tuple[str, ...]
    """One note per person; "" where none."""
    owners: tuple[str, ...]
    """One owner per person; "" where none."""
    team: str | None
    disagreement: str | None

    @property
    def missing(self) -> int:
        """How many people left the question blank."""
        return sum(1 for answer in self.answers if answer is None)


@dataclass(frozen=True)
class TeamResult:
    """Everyone's answers side by side, the team's answers and their assessment."""

    checklist: str
    checklist_version: str
    people: tuple[str, ...]
    items: tuple[MergedItem, ...]
    team: Answers
    assessment: Assessment
    individual: tuple[Assessment, ...]
    """Each person's own verdict, in the order the people were given."""

    def count(self, kind: str) -> int:
        """How many questions carry a disagreement of `kind`."""
        return sum(1 for item in self.items if item.disagreement == kind)


def team_answer(answers: Sequence[str | None]) -> str | None:
    """The most cautious counted answer; `na` only when every answer given is `na`."""
    given = [a for a in answers if a is not None]
    for value in CAUTION:
        if value in given:
            return value
    return "na" if given else None


def disagreement(answers: Sequence[str | None]) -> str | None:
    """The strongest disagreement among `answers` (see the module docstring), or None."""
    given = {a for a in answers if a is not None}
    if {"yes", "no"} <= given:
        return CONFLICT
    if "partial" in given and given & {"yes", "no"}:
        return PARTLY
    if "na" in given and given & set(CAUTION):
        return APPLICABILITY
    return None


def unique_names(names: Sequence[str]) -> tuple[str, ...]:
    """`names` with repeats told apart ("a.json", "a.json (2)"), so columns stay distinct."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for name in names:
        base = name or "answers"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return tuple(out)


def merge(
    checklist: Checklist, rubric: Rubric, people: Sequence[tuple[str, Answers]]
) -> TeamResult:
    """Combine `(name, answers)` pairs for `checklist` and score the team's answers."""
    if not people:
        raise ValueError("a team view needs at least one set of answers")
    if len(people) > MAX_PEOPLE:
        raise ValueError(f"a team view combines at most {MAX_PEOPLE} sets of answers")
    for name, answers in people:
        if answers.checklist != checklist.id:
            raise ValueError(
                f"{name}: these answers are for '{answers.checklist}', not '{checklist.id}'"
            )
    names = unique_names([name for name, _ in people])
    items: list[MergedItem] = []
    team_values: dict[str, str] = {}
    team_notes: dict[str, str] = {}
    for section in checklist.sections:
        for item in section.items:
            given = tuple(answers.values.get(item.id) for _, answers in people)
            team = team_answer(given)
            if team is not None:
                team_values[item.id] = team
            if team == "na":
                # Everyone said it does not apply: their reasons are the team's, so a team of one
                # reads as that person does (an N/A with no reason counts as open).
                reasons = [a.notes.get(item.id, "") for _, a in people]
                if any(reason for reason in reasons):
                    team_notes[item.id] = "; ".join(dict.fromkeys(r for r in reasons if r))
            items.append(
                MergedItem(
                    id=item.id,
                    text=item.text,
                    dimension=section.id,
                    dimension_title=section.title,
                    critical=item.critical,
                    guidance=item.guidance,
                    answers=given,
                    notes=tuple(answers.notes.get(item.id, "") for _, answers in people),
                    owners=tuple(answers.owners.get(item.id, "") for _, answers in people),
                    team=team,
                    disagreement=disagreement(given),
                )
            )
    problems = tuple(
        Problem(f"{name}: {problem.where}", problem.message)
        for name, (_, answers) in zip(names, people, strict=True)
        for problem in answers.problems
    )
    team = Answers(
        checklist=checklist.id,
        values=team_values,
        unanswered=tuple(i.id for i in checklist.items if i.id not in team_values),
        problems=problems,
        notes=team_notes,
    )
    return TeamResult(
        checklist=checklist.id,
        checklist_version=checklist.version,
        people=names,
        items=tuple(items),
        team=team,
        assessment=assess(checklist, rubric, team),
        individual=tuple(assess(checklist, rubric, answers) for _, answers in people),
    )
