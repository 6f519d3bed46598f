"""The calculators' real parameters, loaded the way the build loads them, and shared
property-test helpers, for unit tests."""

from __future__ import annotations

import copy
import functools
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from pilot2prod.calculators.effort.loader import load_effort_model
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.runcost.model import CostModel, load_cost_model
from tests.unit.data_source import raw_data_file

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def _raw(name: str) -> Any:
    return raw_data_file(name)


def raw_effort() -> dict[str, Any]:
    """A fresh, mutable copy of data/effort.yml as parsed YAML."""
    return copy.deepcopy(_raw("effort.yml"))


def raw_cost() -> dict[str, Any]:
    """A fresh, mutable copy of data/cost.yml as parsed YAML."""
    return copy.deepcopy(_raw("cost.yml"))


@functools.cache
def effort_model() -> EffortModel:
    """The estimator's validated parameters."""
    return load_effort_model(raw_effort())


@functools.cache
def cost_model() -> CostModel:
    """The run-cost calculator's validated parameters."""
    return load_cost_model(raw_cost())


def multiplier(model: EffortModel, trait: str, level: str, target: str) -> float:
    """The product of a level's multipliers on `target` (1 when it has none), read from data."""
    value = 1.0
    for entry in model.trait(trait).level(level).multipliers:
        if entry.to == target:
            value *= entry.by
    return value


def example_inputs(model: Any, example_id: str) -> dict[str, object]:
    """The inputs of one worked example in a data file."""
    for example in model.examples:
        if example.id == example_id:
            return dict(example.inputs)
    raise KeyError(example_id)


NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)
"""What a number shown to a reader must never read as."""


def junk_values(
    odd_strings: Sequence[str], *more: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Any JSON-ish value a hostile form or link could send, plus `odd_strings` and `more`."""
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
        st.sampled_from(list(odd_strings)),
        *more,
    )


def finite_everywhere(value: object) -> bool:
    """True when no float anywhere inside `value` is NaN or infinite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_everywhere(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(finite_everywhere(v) for v in value)
    return True
