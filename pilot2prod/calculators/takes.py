"""What the work will take, for the assessment's verdict and its printed page 1.

The estimator and the run-cost calculator keep, in the reader's browser, the inputs of their
last complete result and the day it was worked out. The assessment page sends those records
here; each is checked as its calculator checks its form, and a record that cannot be read is
left out rather than guessed at. The figures and every word are the calculators' own, so the
verdict box and the calculators cannot disagree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.inputs import check_inputs as check_effort
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.effort.simulate import EffortEstimate, estimate
from pilot2prod.calculators.runcost import view as cost_view
from pilot2prod.calculators.runcost.model import CostModel, run_cost
from pilot2prod.calculators.runcost.model import check_inputs as check_cost

TITLE = "What it will take"

NONE_YET = (
    "Run the estimator and the run-cost calculator in this browser to see the effort, calendar "
    "time and monthly cost here."
)


def _worked(record: object) -> tuple[Mapping[str, Any], date] | None:
    """A kept record's inputs and day, or None when either cannot be read."""
    if not isinstance(record, Mapping):
        return None
    inputs, day = record.get("inputs"), record.get("worked")
    if not isinstance(inputs, Mapping) or not isinstance(day, str):
        return None
    try:
        return inputs, date.fromisoformat(day)
    except ValueError:
        return None


# The worker asks again on every answer; the simulation is seeded, so the same inputs give the
# same figures and a few kept results spare the reader a second run per keystroke.
_KEPT: dict[tuple[int, str], list[dict[str, str]] | None] = {}
_KEEP = 8


def _effort(model: EffortModel, inputs: Mapping[str, Any]) -> list[dict[str, str]] | None:
    key = (id(model), json.dumps(dict(inputs), sort_keys=True, default=str))
    if key not in _KEPT:
        checked, _ = check_effort(model, inputs)
        found: EffortEstimate | None = None if checked is None else estimate(model, checked)
        if len(_KEPT) >= _KEEP:
            _KEPT.pop(next(iter(_KEPT)))
        _KEPT[key] = (
            None if checked is None or found is None else effort_view.headline(checked, found)
        )
    return _KEPT[key]


def _cost(model: CostModel, inputs: Mapping[str, Any]) -> list[dict[str, str]] | None:
    checked, _ = check_cost(model, inputs)
    if checked is None:
        return None
    return cost_view.headline(run_cost(model, checked))


def none_yet() -> dict[str, Any]:
    """What the verdict says before either calculator has a result in this browser."""
    return {"title": TITLE, "lines": [], "as_of": "", "note": NONE_YET}


def what_it_takes(
    effort: EffortModel, cost: CostModel, worked: Mapping[str, object]
) -> dict[str, Any]:
    """The P80 effort, calendar time, cost and finish, and the monthly run cost, from the
    records `worked` holds under "effort" and "cost"; `lines` is empty when neither can be
    read, and `note` then says how to fill them."""
    lines: list[dict[str, str]] = []
    dates: list[str] = []
    missing: list[str] = []
    effort_record = _worked(worked.get("effort"))
    figures = None if effort_record is None else _effort(effort, effort_record[0])
    if figures is not None and effort_record is not None:
        wanted = {"p80": "Production work at P80", "calendar": "Calendar time at P80"}
        wanted |= {"cost": "Cost of the work at P80", "finish": "Finish at P80"}
        lines += [
            {"id": f["id"], "label": wanted[f["id"]], "text": f["text"]}
            for f in figures
            if f["id"] in wanted and f["text"] != effort_view.NO_START
        ]
        dates.append(f"the effort on {effort_record[1].isoformat()}")
    else:
        missing.append("the estimator")
    cost_record = _worked(worked.get("cost"))
    monthly = _cost(cost, cost_record[0]) if cost_record is not None else None
    if monthly is not None and cost_record is not None:
        first = monthly[0]
        lines.append({"id": "monthly", "label": "Running cost", "text": f"{first['text']} a month"})
        dates.append(f"the running cost on {cost_record[1].isoformat()}")
    else:
        missing.append("the run-cost calculator")
    if not lines:
        return none_yet()
    as_of = f"Worked out in this browser: {' and '.join(dates)}."
    note = f"Run {' and '.join(missing)} to add {'its' if len(missing) == 1 else 'their'} figures."
    return {"title": TITLE, "lines": lines, "as_of": as_of, "note": note if missing else ""}
