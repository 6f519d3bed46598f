"""Bad calculator parameters fail the build with the file, the key and what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pilot2prod.calculators.effort.loader import load_effort_model
from pilot2prod.calculators.runcost.model import load_cost_model
from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DataError
from tests.unit.calculator_fixtures import raw_cost, raw_effort


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


EFFORT_CASES = [
    (
        _drop(["streams", 0, "ratio", "rationale"]),
        "data/effort.yml: streams[0].ratio.rationale: missing required key",
    ),
    (
        _set(["streams", 1, "high", "value"], 0.5),
        "data/effort.yml: streams[1].high.value: must lie between 1 and 20",
    ),
    (
        _set(["traits", 0, "levels", 0, "multipliers", 0, "to"], "reliabilty"),
        "data/effort.yml: traits[0].levels[0].multipliers[0].to: unknown target 'reliabilty'",
    ),
    (
        _set(["traits", 0, "levels", 0, "multipliers", 0, "by"], -1),
        "data/effort.yml: traits[0].levels[0].multipliers[0].by: must lie between 0.05 and 20",
    ),
    (
        _set(["traits", 1, "default"], "huge"),
        "data/effort.yml: traits[1].default: no level 'huge'",
    ),
    (
        _set(["traits", 4, "id"], "seniority"),
        "data/effort.yml: traits[4].id: unknown trait 'seniority'",
    ),
    (
        _set(["simulation", "draws", "value"], 500),
        "data/effort.yml: simulation.draws.value: must lie between 10,000 and 1,000,000",
    ),
    (
        _set(["inputs", "numbers", 0, "default"], 0),
        "data/effort.yml: inputs.numbers[0].default: must lie between minimum and maximum",
    ),
    (
        _drop(["inputs", "numbers", 1]),
        "data/effort.yml: inputs.numbers: missing input 'systems'",
    ),
    (
        _set(["streams", 2, "dimension"], "culture"),
        "data/effort.yml: streams[2].dimension: 'culture' is not listed in readiness.dimensions",
    ),
    (
        _set(["streams", 0, "colour"], "red"),
        "data/effort.yml: streams[0].colour: unknown key",
    ),
    (
        _set(["examples", 0, "inputs", "pilot-weeks"], "ten"),
        "data/effort.yml: examples[0].inputs.pilot-weeks: Use digits",
    ),
    (
        _set(["systems", "stream"], "plumbing"),
        "data/effort.yml: systems.stream: no stream 'plumbing'",
    ),
    (
        _set(["form", 0, "fields"], ["pilot-weeks", "pilot-weeks"]),
        "data/effort.yml: form[0].fields[1]: 'pilot-weeks' is listed twice",
    ),
]


@pytest.mark.parametrize(("change", "message"), EFFORT_CASES)
def test_broken_effort_data_names_file_and_key(change, message):
    """Each kind of mistake in data/effort.yml is reported where it is."""
    data = raw_effort()
    change(data)
    with pytest.raises(DataError) as caught:
        load_effort_model(data)
    assert str(caught.value).startswith(message)


COST_CASES = [
    (
        _set(["inputs", 5, "maximum"], 150),
        "data/cost.yml: inputs[5].maximum: a share cannot exceed 100%",
    ),
    (
        _set(["inputs", 0, "id"], "requests-per-hour"),
        "data/cost.yml: inputs[0].id: unknown input 'requests-per-hour'",
    ),
    (
        _drop(["inputs", 2, "rationale"]),
        "data/cost.yml: inputs[2].rationale: missing required key",
    ),
    (
        _set(["inputs", 1, "minimum"], -5),
        "data/cost.yml: inputs[1].minimum: cannot be negative",
    ),
    (
        _set(["constants", "days_per_month", "value"], 365),
        "data/cost.yml: constants.days_per_month.value: must lie between 28 and 31",
    ),
    (
        _set(["inputs", 3, "default"], "three"),
        "data/cost.yml: inputs[3].default: must be a number, not text",
    ),
    (
        _set(["examples", 1, "inputs", "cache-hit-rate"], 140),
        "data/cost.yml: examples[1].inputs.cache-hit-rate: Must be at most 100%",
    ),
    (
        _drop(["components", 4]),
        "data/cost.yml: components: missing component 'maintenance'",
    ),
    (
        _set(["form", 0, "fields"], ["requests-per-day", "retry-rate", "success-rate"]),
        "data/cost.yml: form: input 'cache-hit-rate' is in no group of the form",
    ),
    (
        _set(["form", 1, "fields", 0], "tokens-inn"),
        "data/cost.yml: form[1].fields[0]: no input 'tokens-inn'",
    ),
]


@pytest.mark.parametrize(("change", "message"), COST_CASES)
def test_broken_cost_data_names_file_and_key(change, message):
    """Each kind of mistake in data/cost.yml is reported where it is."""
    data = raw_cost()
    change(data)
    with pytest.raises(DataError) as caught:
        load_cost_model(data)
    assert str(caught.value).startswith(message)


def test_readiness_dimension_must_exist_in_the_assessment():
    """A dimension the estimator credits must be one of data/dimensions.yml's records."""
    data = raw_effort()
    data["readiness"]["dimensions"] = ["reliability", "integration", "operations", "vibes"]
    data["inputs"]["numbers"].append(
        {
            **next(n for n in data["inputs"]["numbers"] if n["id"] == "readiness-operations"),
            "id": "readiness-vibes",
            "label": "Vibes readiness",
        }
    )
    data["form"][2]["fields"].append("readiness-vibes")

    dimensions = {
        "page": "readiness-questions.md",
        "records": [
            {"id": i, "title": i, "question": "Ready?", "body": "Why."}
            for i in ("reliability", "integration", "operations")
        ],
    }
    with pytest.raises(DataError) as caught:
        _ = Dataset({"data/effort.yml": data, "data/dimensions.yml": dimensions}).effort
    assert str(caught.value) == (
        "data/effort.yml: readiness.dimensions[3]: "
        "'vibes' is not a dimension in data/dimensions.yml"
    )


def test_real_parameters_load_with_their_examples():
    """The shipped data validates, with at least two worked examples per calculator."""
    assert len(load_effort_model(raw_effort()).examples) >= 2
    assert len(load_cost_model(raw_cost()).examples) >= 2
