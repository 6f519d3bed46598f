"""The estimate as a sponsor reads it: calendar weeks for a team, finish dates, and money.

Person-weeks become calendar weeks by dividing by the people on the work and the share of
their time they give it; a start date turns weeks into dates, and the loaded cost of a
person-week turns effort into money. The percentiles keep their meaning: P80 is the figure
the work stays within four times out of five, under the model's assumptions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pilot2prod.calculators.effort.inputs import EffortInputs
from pilot2prod.calculators.effort.simulate import PERCENTILES, EffortEstimate


@dataclass(frozen=True)
class Milestone:
    """One percentile of the estimate in the sponsor's terms."""

    percentile: float
    person_weeks: float
    calendar_weeks: float
    finish: date | None
    cost: float


def schedule(found: EffortEstimate, inputs: EffortInputs) -> tuple[Milestone, ...]:
    """P50, P80 and P90 as calendar weeks for the team, dates from the start, and cost."""
    capacity = inputs.team * inputs.focus  # person-weeks the team delivers in a calendar week
    milestones = []
    for p, person_weeks in zip(PERCENTILES, (found.p50, found.p80, found.p90), strict=True):
        weeks = person_weeks / capacity
        finish = None
        if inputs.start is not None:
            try:
                finish = inputs.start + timedelta(days=round(weeks * 7))
            except OverflowError:
                finish = date.max  # centuries of work: the date says "never" as well as any
        milestones.append(Milestone(p, person_weeks, weeks, finish, person_weeks * inputs.rate))
    return tuple(milestones)
