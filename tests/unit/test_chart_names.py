"""Bar names in the calculators' charts stay inside the chart, however long the data makes them."""

from __future__ import annotations

import dataclasses

import pytest

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.calculators.runcost.model import CostModel, CostResult, check_inputs, run_cost
from pilot2prod.charts import NARROW_FONT, WIDE_FONT, fitted, text_width
from tests.unit.calculator_fixtures import cost_model, effort_model

LONG = "A part of the cost whose name goes on and on, well past any column a chart could spare"
WIDE = "WWWW MMMM WWWW MMMM WWWW MMMM WWWW MMMM"


def _long_cost_model() -> CostModel:
    model = cost_model()
    names = [LONG, WIDE]
    components = tuple(
        dataclasses.replace(c, label=names[i % 2] + str(i)) for i, c in enumerate(model.components)
    )
    inputs = tuple(
        dataclasses.replace(spec, label=names[i % 2] + str(i))
        for i, spec in enumerate(model.inputs)
    )
    return dataclasses.replace(model, components=components, inputs=inputs)


def _charts(cost_model_: CostModel) -> list[tuple[str, dict]]:
    cost = runcost_view.run(cost_model_, {"inputs": {}})
    effort = effort_view.run(effort_model(), {"inputs": {}})
    return [
        (f"{layout}:{name}", found)
        for view in (cost, effort)
        for layout in ("charts", "narrow_charts")
        for name, found in view[layout].items()
    ]


def _names(found: dict) -> list[dict]:
    return [s for s in found["shapes"] if s["attrs"].get("class") == "p2p-label"]


def _extent(label: dict, size: float) -> tuple[float, float]:
    x = label["attrs"]["x"]
    width = text_width(label["text"], size)
    return (x - width, x) if label["attrs"].get("text-anchor") == "end" else (x, x + width)


@pytest.mark.parametrize("model", [cost_model(), _long_cost_model()], ids=["shipped", "long"])
def test_every_bar_name_lies_inside_its_chart(model: CostModel) -> None:
    """At the wide (12) or narrow (13) text size, each name's generous width fits the chart."""
    for name, found in _charts(model):
        size = NARROW_FONT if name.startswith("narrow") else WIDE_FONT
        for label in _names(found):
            start, end = _extent(label, size)
            assert start >= 0 and end <= found["width"], (name, label)


def test_shipped_names_are_shown_whole() -> None:
    """The data's own names are short enough to be drawn in full, in both layouts."""
    for name, found in _charts(cost_model()):
        for label in _names(found):
            assert not label["text"].endswith("…"), (name, label["text"])


def test_a_long_name_widens_the_column_before_it_is_shortened() -> None:
    """The bars move right for a longer name (up to half the chart); beyond that it is cut."""
    shipped = runcost_view.breakdown_chart(cost_model(), _found(cost_model()))
    long = runcost_view.breakdown_chart(_long_cost_model(), _found(_long_cost_model()))
    bar_x = [s["attrs"]["x"] for s in long["shapes"] if s["tag"] == "rect"]
    assert min(bar_x) == 360 > min(s["attrs"]["x"] for s in shipped["shapes"] if s["tag"] == "rect")
    assert any(label["text"].endswith("…") for label in _names(long))


def _found(model: CostModel) -> CostResult:
    inputs, messages = check_inputs(model, {})
    assert inputs is not None, messages
    return run_cost(model, inputs)


def test_fitted_keeps_what_fits_and_cuts_what_does_not() -> None:
    """A name that fits is left alone; a longer one ends in an ellipsis within the room."""
    assert fitted("Human review", 200, 12) == "Human review"
    cut = fitted(LONG, 200, 12)
    assert cut.endswith("…") and LONG.startswith(cut[:-1])
    assert text_width(cut, 12) <= 200
