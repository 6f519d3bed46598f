"""The numbers the guide quotes: each defined once in `data/figures.yml`, with its reason.

Pages print one with the `number` macro; text in any other data file names one as
`{n:id}` and the Dataset fills it in when the file is read, so a readiness question, a
guide record, the CLI's report and the browser all show the same value, and changing the
value in one place changes it everywhere (and changes the checklist's version with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_unique_ids
from pilot2prod.text import with_unit

SOURCE = "data/figures.yml"
"""Where the numbers live (beside the words the guide's figures draw)."""

PLACEHOLDER = re.compile(r"\{n:([a-z0-9]+(?:-[a-z0-9]+)*)\}")
"""`{n:cases-per-slice}` in data text stands for that number with its unit."""

_OPENING = "{n:"
"""What is left of a placeholder the pattern could not read (a typo such as `{n:Cases}`)."""


@dataclass(frozen=True)
class Number:
    """A number a team can adopt: its value, unit, what it measures and why it is set so."""

    id: str
    label: str
    value: float
    unit: str
    rationale: str

    @property
    def text(self) -> str:
        """The value as prose quotes it: "50 cases", "20%", "3 percentage points"."""
        return with_unit(self.value, self.unit)


class Numbers:
    """The guide's numbers by id, and the filling of `{n:id}` placeholders in data text."""

    def __init__(self, numbers: Sequence[Number], source: str = SOURCE) -> None:
        check_unique_ids(numbers, source, "numbers")
        self.source = source
        self.all = tuple(numbers)
        self._by_id = {number.id: number for number in numbers}

    def get(self, number_id: str, where: str = "", path: str = "") -> Number:
        """One number; a DataError naming `where` and `path` (or this file) when unknown."""
        found = self._by_id.get(number_id)
        if found is None:
            known = ", ".join(sorted(self._by_id)) or "none"
            raise DataError(
                where or self.source,
                path or "numbers",
                f"names no number {number_id!r} in {self.source} (known: {known})",
            )
        return found

    def value(self, number_id: str) -> float:
        """The bare value of one number, for code that compares against it."""
        return self.get(number_id).value

    def fill_text(self, text: str, where: str, path: str) -> str:
        """`text` with each `{n:id}` replaced by that number as prose quotes it."""
        if _OPENING not in text:
            return text
        filled = PLACEHOLDER.sub(lambda match: self.get(match[1], where, path).text, text)
        if _OPENING in filled:
            raise DataError(
                where, path, "has a '{n:' that is not a number's id (write it as {n:some-id})"
            )
        return filled

    def fill(self, raw: object, where: str, path: str = "") -> object:
        """A copy of parsed data with every placeholder in its text filled in."""
        if isinstance(raw, str):
            return self.fill_text(raw, where, path)
        if isinstance(raw, list):
            return [self.fill(item, where, f"{path}[{index}]") for index, item in enumerate(raw)]
        if isinstance(raw, dict):
            return {
                key: self.fill(item, where, f"{path}.{key}" if path else str(key))
                for key, item in raw.items()
            }
        return raw

    def used_in(self, text: str) -> Iterator[str]:
        """The ids of the numbers a text names, in order."""
        return (match[1] for match in PLACEHOLDER.finditer(text))
