"""One evaluation run as read from a tool's file: its cases, column by column.

Columns rather than one object per case: a million-row file then costs a few lists, and the
counting (per slice, per pass) runs in the standard library's C loops instead of Python's.
Every reader fills a `Cases` through `add`, which checks each value and names the file, the
field and what was expected on the first fault.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from pilot2prod.evidence.errors import EvidenceError, shown

MAX_FIELDS = 200
"""Slice-field candidates kept per run; a file with thousands of keys per case keeps the first."""

_NUMBERS = (int, float)

_LARGEST = 1.7976931348623157e308
"""The largest finite float: a bound that refuses infinity in the same comparison."""

MAX_SLICE_TEXT = 120
"""Longer values are free text (an input, an output), not a slice a reader would choose."""


@dataclass
class Cases:
    """The cases of one run, as parallel columns; `fields` holds candidate slice values."""

    source: str
    ids: list[str] = field(default_factory=list)
    passed: list[bool] = field(default_factory=list)
    scores: list[float | None] = field(default_factory=list)
    latency_ms: list[float | None] = field(default_factory=list)
    cost: list[float | None] = field(default_factory=list)
    fields: dict[str, list[str | None]] = field(default_factory=dict)
    _interned: dict[object, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def add(
        self,
        where: str,
        case_id: str,
        passed: bool,
        *,
        score: object = None,
        score_field: str = "score",
        latency_ms: object = None,
        latency_field: str = "latencyMs",
        cost: object = None,
        cost_field: str = "cost",
        values: Mapping[str, object] | None = None,
    ) -> None:
        """Append one case; `where` is its key path (`results.results[12]`) for messages."""
        index = len(self.ids)
        self.ids.append(case_id)
        self.passed.append(passed)
        # The usual values pass one inline test; anything else is checked, and named, in full.
        self.scores.append(
            score
            if score is None or (type(score) in _NUMBERS and 0 <= score <= 1)  # type: ignore[operator]
            else self.number(where, score_field, score, 0.0, 1.0)
        )
        self.latency_ms.append(
            latency_ms
            if latency_ms is None or (type(latency_ms) in _NUMBERS and 0 <= latency_ms <= _LARGEST)  # type: ignore[operator]
            else self.number(where, latency_field, latency_ms, 0.0, math.inf)
        )
        self.cost.append(
            cost
            if cost is None or (type(cost) in _NUMBERS and 0 <= cost <= _LARGEST)  # type: ignore[operator]
            else self.number(where, cost_field, cost, 0.0, math.inf)
        )
        if values:
            for name, value in values.items():
                self._set_field(name, index, value)

    def number(self, where: str, name: str, value: object, low: float, high: float) -> float | None:
        """A finite number within `low`..`high`, or None when absent; EvidenceError otherwise."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise EvidenceError(
                self.source, _join(where, name), f"must be a number, not {shown(value)}"
            )
        if not math.isfinite(value):
            raise EvidenceError(
                self.source, _join(where, name), f"is {value!r}; expected a finite number"
            )
        if not low <= value <= high:
            span = f"between {low:g} and {high:g}" if math.isfinite(high) else f"{low:g} or more"
            raise EvidenceError(
                self.source, _join(where, name), f"is {value!r}; expected a number {span}"
            )
        return float(value)

    def _set_field(self, name: str, index: int, value: object) -> None:
        cached = self._interned.get(value) if type(value) is str else None  # type: ignore[call-overload]
        text = cached if cached is not None else slice_value(value)
        if text is None:
            return
        if cached is None and type(value) is str:
            self._interned[value] = text  # type: ignore[index]
        column = self.fields.get(name)
        if column is None:
            if len(self.fields) >= MAX_FIELDS:
                return
            column = self.fields[name] = []
        # Columns are filled lazily: pad with "not set" up to this case first.
        if len(column) < index:
            column.extend([None] * (index - len(column)))
        column.append(text)

    def finish(self) -> None:
        """Pad every field column to the number of cases, and drop columns never set."""
        total = len(self.ids)
        for name in list(self.fields):
            column = self.fields[name]
            if not any(value is not None for value in column):
                del self.fields[name]
                continue
            if len(column) < total:
                column.extend([None] * (total - len(column)))
        self._interned.clear()

    def check_unique_ids(self, label: str = "id") -> None:
        """Refuse two cases with one id: a run that says two things about one case."""
        if len(set(self.ids)) == len(self.ids):
            return
        seen: dict[str, int] = {}
        for index, case_id in enumerate(self.ids):
            if case_id in seen:
                raise EvidenceError(
                    self.source,
                    label,
                    f"{shown(case_id)} appears twice (cases {seen[case_id] + 1} and {index + 1}); "
                    "each case needs its own id",
                )
            seen[case_id] = index


def slice_value(value: object) -> str | None:
    """A value as a slice name: short text, a whole number or true/false; None otherwise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if len(value) > MAX_SLICE_TEXT:
            return None  # free text (an input, an output), not a slice name
        text = " ".join(value.split())
        return text if 0 < len(text) <= MAX_SLICE_TEXT else None
    if isinstance(value, int):
        return str(value)
    return None


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


@dataclass(frozen=True)
class Run:
    """What a reader found in one file: the tool, its version, the run's date and the cases."""

    file: str
    tool: str
    tool_version: str
    run_date: str
    sha256: str
    cases: Cases
    notes: tuple[str, ...] = ()
    """Things the reader wants said about the file (partial scores counted as failures…)."""
