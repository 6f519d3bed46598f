"""Before and after: two runs of one evaluation compared overall and slice by slice.

Where the same case ids appear in both runs the comparison is paired (each case against
itself, which sees a real change through the noise of which cases were drawn); otherwise the
two runs are independent samples. A slice regressed when its whole 95% interval on the change
lies below zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pilot2prod.evidence import stats
from pilot2prod.evidence.errors import EvidenceError
from pilot2prod.evidence.record import Compared, Record
from pilot2prod.evidence.run import Run
from pilot2prod.evidence.slices import NOT_SET, candidates, resolve
from pilot2prod.text import percent

MINUS = "\u2212"
"""The minus sign of a fall in percentage points."""

PAIRED_SHARE = 0.8
"""Pair a slice when at least this share of each run's cases there has a partner."""


@dataclass(frozen=True)
class Change:
    """One slice (or the whole run) before and after."""

    name: str
    old_cases: int
    old_passed: int
    new_cases: int
    new_passed: int
    difference: stats.Difference | None

    @property
    def verdict(self) -> str:
        """regressed, improved, no clear change, or new / gone when one run lacks it."""
        if self.difference is None:
            return "only after" if not self.old_cases else "only before"
        if self.difference.high < 0:
            return "regressed"
        if self.difference.low > 0:
            return "improved"
        return "no clear change"


def _column(run: Run, field: str | None) -> list[str | None] | None:
    return run.cases.fields.get(field) if field else None


def _change(name: str, old: Run, new: Run, old_rows: list[int], new_rows: list[int]) -> Change:
    old_ids = {old.cases.ids[i]: old.cases.passed[i] for i in old_rows}
    new_ids = {new.cases.ids[i]: new.cases.passed[i] for i in new_rows}
    shared = old_ids.keys() & new_ids.keys()
    old_passed = sum(old_ids.values())
    new_passed = sum(new_ids.values())
    difference = None
    if old_ids and new_ids:
        paired = shared and len(shared) >= PAIRED_SHARE * max(len(old_ids), len(new_ids))
        if paired:
            both = only_new = only_old = neither = 0
            for case in shared:
                before, after = old_ids[case], new_ids[case]
                if before and after:
                    both += 1
                elif after:
                    only_new += 1
                elif before:
                    only_old += 1
                else:
                    neither += 1
            difference = stats.difference_paired(both, only_new, only_old, neither)
        else:
            difference = stats.difference_unpaired(
                new_passed, len(new_ids), old_passed, len(old_ids)
            )
    return Change(name, len(old_ids), old_passed, len(new_ids), new_passed, difference)


def _rows(run: Run, field: str | None) -> dict[str, list[int]]:
    column = _column(run, field)
    groups: dict[str, list[int]] = {}
    if column is None:
        return groups
    for index, value in enumerate(column):
        groups.setdefault(NOT_SET if value is None else value, []).append(index)
    return groups


def compare(old: Run, new: Run, slice_field: str | None) -> tuple[Change, list[Change], str]:
    """The overall change, each slice's change (slices of either run), and the field used."""
    field = None
    if slice_field:
        field = resolve(new.cases, slice_field, candidates(new.cases))
        if field not in old.cases.fields:
            raise EvidenceError(old.file, field, "is not a field of the earlier run's cases")
    everything_old = list(range(len(old.cases)))
    everything_new = list(range(len(new.cases)))
    overall = _change("all cases", old, new, everything_old, everything_new)
    old_groups, new_groups = _rows(old, field), _rows(new, field)
    names = sorted(
        set(old_groups) | set(new_groups),
        key=lambda n: (-len(new_groups.get(n, old_groups.get(n, []))), n),
    )
    changes = [_change(n, old, new, old_groups.get(n, []), new_groups.get(n, [])) for n in names]
    return overall, changes, field or ""


def _rate(cases: int, passed: int) -> str:
    return "—" if not cases else f"{percent(passed / cases)} ({passed} of {cases})"


def _change_text(change: Change) -> str:
    difference = change.difference
    if difference is None:
        return "—"

    def points(value: float) -> str:
        number = round(value * 100)
        sign = "+" if number > 0 else MINUS if number < 0 else ""
        return f"{sign}{abs(number)}"

    return (
        f"{points(difference.estimate)} points ({points(difference.low)} to "
        f"{points(difference.high)})"
    )


def comparison_view(
    old: Run, new: Run, overall: Change, changes: Sequence[Change], field: str
) -> dict[str, Any]:
    """The comparison in words and rows, for the reports and the page."""
    regressions = [c.name for c in changes if c.verdict == "regressed"]
    if overall.verdict == "regressed":
        regressions.insert(0, overall.name)
    paired = overall.difference is not None and overall.difference.paired
    headline = (
        f"Overall: {_rate(overall.old_cases, overall.old_passed)} before, "
        f"{_rate(overall.new_cases, overall.new_passed)} after; change "
        f"{_change_text(overall)}: {overall.verdict}."
    )
    notes = []
    if not paired:
        notes.append(
            "the runs share too few case ids to pair them: compared as independent samples"
        )
    return {
        "title": f"Before and after: {old.file} → {new.file}",
        "headline": headline,
        "slice_field": field,
        "regressions": regressions,
        "rows": [
            {
                "name": c.name,
                "old_text": _rate(c.old_cases, c.old_passed),
                "new_text": _rate(c.new_cases, c.new_passed),
                "change_text": _change_text(c),
                "low": c.difference.low if c.difference else None,
                "high": c.difference.high if c.difference else None,
                "paired": bool(c.difference and c.difference.paired),
                "verdict": c.verdict,
            }
            for c in [overall, *changes]
        ],
        "notes": notes,
    }


def with_comparison(record: Record, old: Run, regressions: Sequence[str]) -> Record:
    """The newer run's record, stating which run it was compared with and what fell."""
    from dataclasses import replace

    return replace(record, compared=Compared(old.sha256, tuple(regressions)))
