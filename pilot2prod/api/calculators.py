"""The estimator's and the run-cost calculator's API functions.

Both take `{"inputs": {field: value}}` (plus `"markdown": true`, `"page_url"` and
`"date"` for an export) and answer `{"ok": true, ...view}` or, when a field is
wrong, `{"ok": false, "messages": {field: message}}`: bad input is the reader's
to fix next to the field, not an error.
"""

from __future__ import annotations

from typing import Any

from pilot2prod.api import declare
from pilot2prod.api.requests import EXAMPLE_LINKS
from pilot2prod.dataset import Dataset


def _requests(defaults: dict[str, str]) -> list[dict[str, Any]]:
    """The defaults, their export, and every field out of range (a message per field)."""
    export = {"markdown": True, "page_url": EXAMPLE_LINKS["site_root"], "date": "2026-01-31"}
    return [
        {"inputs": defaults},
        {"inputs": defaults} | export,
        {"inputs": dict.fromkeys(defaults, "-1e999")},
    ]


@declare("effort.estimate", examples=lambda data: _requests(data.effort.defaults()))
def estimate(data: Dataset, payload: dict) -> dict[str, Any]:
    """`effort.estimate`: the production-effort estimate for the inputs in `payload`."""
    from pilot2prod.calculators.effort import view

    return view.run(data.effort, payload)


@declare("cost.run", examples=lambda data: _requests(data.cost.defaults()))
def run_cost(data: Dataset, payload: dict) -> dict[str, Any]:
    """`cost.run`: the monthly run cost for the inputs in `payload`."""
    from pilot2prod.calculators.runcost import view

    return view.run(data.cost, payload)
