"""The estimator's and the run-cost calculator's entries in `browser_api.FUNCTIONS`.

Both take `{"inputs": {field: value}}` (plus `"markdown": true`, `"page_url"` and
`"date"` for an export) and answer `{"ok": true, ...view}` or, when a field is
wrong, `{"ok": false, "messages": {field: message}}`: bad input is the reader's
to fix next to the field, not an error.
"""

from __future__ import annotations

from typing import Any

from pilot2prod import bundle, effort_view, runcost_view
from pilot2prod.effort import SOURCE as EFFORT_SOURCE
from pilot2prod.effort import EffortModel, load_effort_model
from pilot2prod.runcost import SOURCE as COST_SOURCE
from pilot2prod.runcost import CostModel, load_cost_model


def effort_model(data: bundle.Bundle) -> EffortModel:
    """The estimator's parameters, validated once per bundle."""
    return data.cached(
        "effort-model", lambda b: load_effort_model(b.raw(EFFORT_SOURCE), EFFORT_SOURCE)
    )


def cost_model(data: bundle.Bundle) -> CostModel:
    """The run-cost calculator's parameters, validated once per bundle."""
    return data.cached("cost-model", lambda b: load_cost_model(b.raw(COST_SOURCE), COST_SOURCE))


def effort_estimate(payload: dict) -> dict[str, Any]:
    """`effort.estimate`: the production-effort estimate for the inputs in `payload`."""
    return effort_view.run(effort_model(bundle.current()), payload)


def cost_run(payload: dict) -> dict[str, Any]:
    """`cost.run`: the monthly run cost for the inputs in `payload`."""
    return runcost_view.run(cost_model(bundle.current()), payload)
