"""Which field defines the slices: the candidates a file offers, one suggested, and the counts.

A slice field is any field with short values (a category, a difficulty, a tag). The reader
chooses; the tool lists what it found, how many distinct values each has and how many cases
carry it, and suggests one, preferring names a team would use for slices (data) and a handful
of values over hundreds. Counting is one `Counter` over (value, passed) pairs per field.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import Cases

NOT_SET = "(not set)"
"""The slice of cases that have no value in the chosen field."""

MAX_SUGGESTED_VALUES = 50
"""A field with more distinct values than this is listed, never suggested."""


@dataclass(frozen=True)
class Candidate:
    """A field that could define slices: its name, distinct values, cases carrying it, and its
    largest values with their case counts."""

    name: str
    distinct: int
    covered: int
    largest: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Count:
    """One slice value's cases and passes."""

    name: str
    cases: int
    passed: int


def candidates(cases: Cases) -> list[Candidate]:
    """Every field that could define slices (two or more values), largest coverage first; a
    field repeating another value for value (promptfoo's vars and metadata) is listed once."""
    found = []
    kept: list[list[str | None]] = []
    for name, column in cases.fields.items():
        if any(column == other for other in kept):
            continue
        kept.append(column)
        counts = Counter(column)
        counts.pop(None, None)
        if len(counts) < 2:
            continue
        covered = sum(counts.values())
        found.append(Candidate(name, len(counts), covered, tuple(counts.most_common(5))))  # type: ignore[arg-type]
    found.sort(key=lambda c: (-c.covered, c.distinct, c.name))
    return found


def suggest(found: list[Candidate], words: tuple[str, ...], total: int) -> str | None:
    """The candidate to slice by: a usual name for slices first, then the best covered field
    with a handful of values; None when no field has a sensible number of values."""
    usable = [c for c in found if c.distinct <= MAX_SUGGESTED_VALUES and c.covered * 2 >= total]
    for word in words:
        for candidate in usable:
            if _last(candidate.name) == word or _last(candidate.name) == word + "s":
                return candidate.name
    return usable[0].name if usable else None


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


def resolve(cases: Cases, wanted: str, found: list[Candidate]) -> str:
    """The field the reader named (`category` finds `metadata.category`); EvidenceError listing
    the candidates when none or several match."""
    if wanted in cases.fields:
        return wanted
    matches = [name for name in cases.fields if _last(name) == wanted.lower()]
    if matches and all(cases.fields[m] == cases.fields[matches[0]] for m in matches):
        return matches[0]  # the same values under two names: either will do
    listed = ", ".join(c.name for c in found[:12]) or "none"
    if matches:
        return _ambiguous(cases.source, wanted, matches)
    raise EvidenceError(
        cases.source,
        wanted[:60],
        f"is not a field of its cases; the fields that could define slices are: {listed}",
    )


def _ambiguous(source: str, wanted: str, matches: list[str]) -> str:
    raise EvidenceError(
        source, wanted[:60], f"matches several fields ({', '.join(matches[:6])}); name one in full"
    )


def counts(cases: Cases, field: str | None) -> list[Count]:
    """Cases and passes per value of `field` (all of them, largest first); the whole run as
    one slice when `field` is None."""
    if field is None:
        return [Count("all cases", len(cases), sum(cases.passed))]
    column = cases.fields[field]
    pairs = Counter(zip(column, cases.passed, strict=True))
    totals: Counter[str | None] = Counter()
    passes: Counter[str | None] = Counter()
    for (value, passed), number in pairs.items():
        totals[value] += number
        if passed:
            passes[value] += number
    return [
        Count(NOT_SET if value is None else value, number, passes[value])
        for value, number in sorted(totals.items(), key=lambda item: (-item[1], str(item[0])))
    ]


def grouped(all_counts: list[Count], shown_count: int) -> tuple[list[Count], int]:
    """The largest `shown_count` slices, and the rest joined into one; returns the slices and
    how many values were joined (0 when none were)."""
    if len(all_counts) <= shown_count:
        return all_counts, 0
    kept = all_counts[: shown_count - 1]
    rest = all_counts[shown_count - 1 :]
    label = f"({len(rest):,} other values)"
    names = {c.name for c in kept}
    while label in names:
        label = f"({label})"
    joined = Count(label, sum(c.cases for c in rest), sum(c.passed for c in rest))
    return [*kept, joined], len(rest)


def describe_candidate(candidate: Candidate) -> str:
    """A candidate in words: "metadata.category: 4 values, all 52 cases (billing 16, …)"."""
    largest = ", ".join(
        f"{shown(value, 30)[1:-1]} {count}" for value, count in candidate.largest[:3]
    )
    counted = f"{candidate.distinct:,} values on {candidate.covered:,} cases"
    return f"{candidate.name}: {counted} ({largest}…)"
