"""The estimate in a sponsor's terms: calendar weeks for a team, finish dates, money."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.calendar import schedule
from pilot2prod.calculators.effort.inputs import check_inputs
from pilot2prod.calculators.effort.simulate import estimate
from tests.unit.calculator_fixtures import effort_model


def _checked(**raw):
    inputs, messages = check_inputs(
        effort_model(), {k.replace("_", "-"): v for k, v in raw.items()}
    )
    assert messages == {} and inputs is not None
    return inputs


def test_calendar_weeks_divide_effort_by_people_and_focus():
    """Two people at half their time deliver one person-week a week: weeks equal effort."""
    inputs = _checked(team_size="2", focus="50", cost_per_week="3000", start_date="2027-01-04")
    found = estimate(effort_model(), inputs)
    p50, p80, p90 = schedule(found, inputs)
    assert p80.calendar_weeks == pytest.approx(found.p80)
    assert p80.cost == pytest.approx(found.p80 * 3000)
    assert p80.finish == date(2027, 1, 4) + timedelta(days=round(found.p80 * 7))
    assert p50.calendar_weeks <= p80.calendar_weeks <= p90.calendar_weeks


def test_without_a_start_date_there_are_weeks_but_no_dates():
    """The finish line asks for a start date instead of inventing one."""
    out = effort_view.run(effort_model(), {"inputs": {}})["outputs"]
    assert out["finish"]["text"] == "Give a start date to see finish dates."
    assert (
        "calendar weeks (P50 / P80 / P90) for 3 people at 80% of their time"
        in (out["calendar"]["text"])
    )
    assert out["percentiles"]["text"].startswith("P50 is the figure the work stays within half")


@pytest.mark.parametrize("start", ["2027-02-30", "next monday", "15/01/2027", "2027-1-5"])
def test_a_start_that_is_not_a_date_gets_a_message_at_its_field(start):
    """Impossible or foreign dates are refused next to the field, never guessed."""
    _, messages = check_inputs(effort_model(), {"start-date": start})
    assert list(messages) == ["start-date"]


def test_centuries_of_work_still_give_a_date():
    """A valid but extreme input does not overflow the calendar."""
    inputs = _checked(pilot_weeks="10000", team_size="0.5", focus="5", start_date="9990-01-01")
    assert schedule(estimate(effort_model(), inputs), inputs)[2].finish == date.max
