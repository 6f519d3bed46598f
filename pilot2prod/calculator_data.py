"""Load the estimator's and the run-cost calculator's parameters into `SiteData.extra`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.content import Collection
from pilot2prod.effort import SOURCE as EFFORT_SOURCE
from pilot2prod.effort import load_effort_model
from pilot2prod.errors import DataError
from pilot2prod.runcost import SOURCE as COST_SOURCE
from pilot2prod.runcost import load_cost_model


def load_calculator_extra(
    files: Mapping[str, object], collections: Mapping[str, Collection]
) -> dict[str, Any]:
    """`{"effort": EffortModel, "cost": CostModel}`, for the files present.

    The readiness dimensions the estimator credits must be the assessment's own, or a
    score carried from the assessment would credit nothing.
    """
    extra: dict[str, Any] = {}
    if EFFORT_SOURCE in files:
        model = load_effort_model(files[EFFORT_SOURCE], EFFORT_SOURCE)
        dimensions = collections.get("dimensions")
        known = [record.id for record in dimensions.records] if dimensions else []
        for index, dimension in enumerate(model.readiness.dimensions):
            if dimension not in known:
                raise DataError(
                    EFFORT_SOURCE,
                    f"readiness.dimensions[{index}]",
                    f"{dimension!r} is not a dimension in data/dimensions.yml",
                )
        extra["effort"] = model
    if COST_SOURCE in files:
        extra["cost"] = load_cost_model(files[COST_SOURCE], COST_SOURCE)
    return extra
