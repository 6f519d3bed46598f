"""Calculators at the edges: valid but extreme inputs give a bounded figure, never a wall of
digits, a hang or a failed result."""

from __future__ import annotations

import itertools
import json
import signal
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.charts import nice_ticks
from pilot2prod.text import format_number, money, percent, weeks
from tests.unit.calculator_fixtures import cost_model, effort_model

LONGEST_FIGURE = 40
"""No figure a reader sees needs more characters than this, whatever the input."""

EXTREMES = (5e-324, 1e-306, 1e-12)
"""Tiny positive values: each passes the range checks of an input whose minimum is 0."""


@pytest.fixture
def time_limit() -> Iterator[None]:
    """Fail a test that takes minutes instead of hanging the run (a tiny cost once looped)."""

    if not hasattr(signal, "setitimer") or sys.platform == "emscripten":
        yield  # Pyodide has no alarm signal: the test runs without a time limit there
        return

    def stop(*_: object) -> None:
        raise TimeoutError("the calculator did not finish within 20 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _texts(found: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text a view holds, with where it sits; Markdown line by line."""
    if isinstance(found, dict):
        for key, value in found.items():
            yield from _texts(value, f"{path}.{key}")
    elif isinstance(found, list):
        for index, value in enumerate(found):
            yield from _texts(value, f"{path}[{index}]")
    elif isinstance(found, str):
        for line in found.splitlines():
            yield path, line


def _figures(view: dict[str, Any]) -> list[tuple[str, str]]:
    """Output texts, table cells and chart labels: where a number is printed on its own."""
    found = list(_texts(view["outputs"], "outputs")) + list(_texts(view["tables"], "tables"))
    for path, text in _texts(view["charts"], "charts"):
        if path.endswith(".text") or path.endswith("]"):
            found.append((path, text))
    return found


def test_cost_per_success_of_a_tiny_success_rate_is_a_short_power_of_ten():
    """A success rate of 1e-306 % gives a power of ten in a few characters, not 400 digits."""
    view = runcost_view.run(cost_model(), {"inputs": {"success-rate": 1e-306}, "markdown": True})
    assert view["ok"] is True
    text = view["outputs"]["per-success"]["text"]
    assert text.startswith("$2.8 \u00d7 10")
    assert len(text) < LONGEST_FIGURE
    assert all(len(line) < 300 for line in view["markdown"].splitlines())


def _cost_cases() -> list[tuple[str, dict[str, float]]]:
    model = cost_model()
    cases: list[tuple[str, dict[str, float]]] = []
    lowest = {spec.id: spec.minimum for spec in model.inputs}
    highest = {spec.id: spec.maximum for spec in model.inputs}
    highest["cache-write-share"] = 0  # read from and written to the cache: 100% at most
    for spec in model.inputs:
        for value in (*EXTREMES, spec.maximum):
            if spec.minimum <= value <= spec.maximum:
                cases.append((f"{spec.id}={value:g}", {spec.id: value}))
                cases.append((f"{spec.id}={value:g},rest-lowest", {**lowest, spec.id: value}))
                rest = {**highest, spec.id: value}
                if spec.id == "cache-write-share":
                    rest["prompt-cache-share"] = 100 - value
                cases.append((f"{spec.id}={value:g},rest-highest", rest))
    return cases


@pytest.mark.parametrize(("case", "inputs"), _cost_cases(), ids=[c for c, _ in _cost_cases()])
def test_run_cost_at_the_edges_answers_with_bounded_figures(time_limit, case, inputs):
    """Every input at a tiny value or its maximum, with the rest at default, lowest or highest:
    a result (never an error), and every figure short."""
    view = runcost_view.run(cost_model(), {"inputs": inputs, "markdown": True})
    assert view["ok"] is True, view
    json.dumps(view, allow_nan=False)  # what the worker sends must be valid JSON
    for path, text in _figures(view):
        assert len(text) < 200, (path, text)
    for line in view["markdown"].splitlines():
        if not line.startswith("|"):
            assert len(line) < 300, line


def _effort_cases() -> list[tuple[str, dict[str, object]]]:
    model = effort_model()
    cases: list[tuple[str, dict[str, object]]] = []
    for spec in model.inputs.numbers:
        for value in (*EXTREMES, spec.minimum, spec.maximum):
            if spec.minimum <= value <= spec.maximum and not (spec.integer and value % 1):
                cases.append((f"{spec.id}={value:g}", {spec.id: value}))
    for history in ("1e-306, 1e300", "1e300, 1e-306", "5e-324, 5e-324\n1e308, 1e308"):
        cases.append((f"history={history!r}", {"history": history, "pilot-weeks": 10000}))
    return cases


@pytest.mark.parametrize(("case", "inputs"), _effort_cases(), ids=[c for c, _ in _effort_cases()])
def test_effort_at_the_edges_answers_with_bounded_figures(time_limit, case, inputs):
    """The estimator at its edges, and a calibration history of extreme numbers: a result or
    field messages, every figure short."""
    view = effort_view.run(effort_model(), {"inputs": inputs, "markdown": True})
    json.dumps(view, allow_nan=False)
    if not view["ok"]:
        assert all(len(message) < 300 for message in view["messages"].values())
        return
    for path, text in _figures(view):
        assert len(text) < 200, (path, text)


@pytest.mark.parametrize("value", [1e15, 2.8e28, 1.7e308, -3e20])
def test_huge_numbers_are_written_as_powers_of_ten(value):
    """Money, weeks, percentages and plain numbers stay short at any magnitude."""
    for text in (money(value), weeks(value), percent(value / 100), format_number(value, 0)):
        assert "\u00d7 10" in text
        assert len(text) < LONGEST_FIGURE


def test_numbers_below_the_huge_threshold_keep_their_digits():
    """A large but ordinary figure is still written out in full."""
    assert money(999_999_999_999) == "$999,999,999,999"
    assert format_number(123_456_789, 0) == "123,456,789"


@pytest.mark.parametrize("maximum", [1e-12, 1e-306, 5e-324, 1.7e308])
def test_ticks_for_tiny_and_huge_maxima_end_at_or_above_them(time_limit, maximum):
    """A chart of tiny costs once looped for ever; every maximum now gets a few finite ticks."""
    ticks = nice_ticks(maximum)
    assert 2 <= len(ticks) <= 7
    assert ticks[0] == 0 and ticks[-1] >= maximum
    assert all(a < b for a, b in itertools.pairwise(ticks))
