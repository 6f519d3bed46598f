"""The estimator's and the run-cost calculator's API functions.

Both take `{"inputs": {field: value}}` (plus `"markdown": true`, `"page_url"` and
`"date"` for an export) and answer `{"ok": true, ...view}` or, when a field is
wrong, `{"ok": false, "messages": {field: message}}`: bad input is the reader's
to fix next to the field, not an error.
"""

from __future__ import annotations

from typing import Any

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as cost_view
from pilot2prod.dataset import Dataset


def estimate(data: Dataset, payload: dict) -> dict[str, Any]:
    """`effort.estimate`: the production-effort estimate for the inputs in `payload`."""
    return effort_view.run(data.effort, payload)


def run_cost(data: Dataset, payload: dict) -> dict[str, Any]:
    """`cost.run`: the monthly run cost for the inputs in `payload`."""
    return cost_view.run(data.cost, payload)
