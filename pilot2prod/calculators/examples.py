"""Worked examples of a calculator: inputs the method page walks through and the tests pin."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_unique_ids


@dataclass(frozen=True)
class CalculatorExample:
    """A worked example: inputs the method page walks through and the tests pin."""

    id: str
    title: str
    summary: str
    inputs: Mapping[str, object] = field(default_factory=dict)
    """Field id to value, as a reader would type them; checked like reader input."""


def check_examples(
    examples: Sequence[CalculatorExample],
    source: str,
    check: Callable[[Mapping[str, object]], Mapping[str, str]],
) -> None:
    """Each example's inputs pass the calculator's own checks; ids are unique."""
    for index, example in enumerate(examples):
        for field_id, message in check(example.inputs).items():
            raise DataError(source, f"examples[{index}].inputs.{field_id}", message)
    check_unique_ids(examples, source, "examples")
