"""From the estimate to the run cost: one view of building it and running it for a year."""

from __future__ import annotations

import pytest

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.simulate import estimate
from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.calculators.runcost.model import check_inputs as check_cost
from pilot2prod.calculators.runcost.model import run_cost
from tests.unit.calculator_fixtures import cost_model, effort_model
from tests.unit.test_effort_calendar import _checked


def test_carried_inputs_price_the_build_at_p80_and_the_operating_effort_at_the_rate():
    """Build cost is P80 x rate; the run cost's maintenance line is operating weeks x rate."""
    inputs = _checked(cost_per_week="2500", team_size="2", focus="50")
    found = estimate(effort_model(), inputs)
    carried = effort_view.run_cost_inputs(effort_model(), inputs, found)
    assert float(carried["build-cost"]) == pytest.approx(found.p80 * 2500, abs=0.01)
    checked, messages = check_cost(cost_model(), carried)
    assert messages == {} and checked is not None
    result = run_cost(cost_model(), checked)
    yearly_maintenance = result.month.parts["maintenance"] * 12
    assert yearly_maintenance == pytest.approx(found.operate_weeks * 2500, rel=2e-3)


def test_first_year_adds_the_build_cost_to_a_year_of_running():
    """With a build cost the run cost shows build plus twelve months; without, a dash."""
    with_build = runcost_view.run(cost_model(), {"inputs": {"build-cost": "90000"}})
    out = with_build["outputs"]
    assert out["first-year"]["value"] == pytest.approx(90000 + out["yearly"]["value"])
    assert "$90,000 to build" in out["first-year"]["text"]
    without = runcost_view.run(cost_model(), {"inputs": {}})["outputs"]["first-year"]
    assert without["value"] is None and without["text"].startswith("—")
    assert (
        with_build["outputs"]["monthly"] == runcost_view.run(cost_model(), {})["outputs"]["monthly"]
    )


def test_the_distribution_chart_has_a_labelled_vertical_axis():
    """The histogram's vertical axis is titled, ticked in percent, and its top covers every bar."""
    found = estimate(effort_model(), _checked())
    chart = effort_view.total_chart(found)
    texts = [s for s in chart["shapes"] if s["tag"] == "text"]
    assert any(s["text"] == "share of simulated runs" for s in texts)
    ticks = [s for s in texts if s["attrs"].get("text-anchor") == "end" and s["text"].endswith("%")]
    assert len(ticks) >= 3 and ticks[0]["text"] == "0%"
    top_tick = min(s["attrs"]["y"] for s in ticks)
    bars = [s for s in chart["shapes"] if s["tag"] == "rect"]
    assert min(bar["attrs"]["y"] for bar in bars) >= top_tick - 0.1
    tallest = max(count for _, _, count in found.histogram)
    tallest_bar = max(bars, key=lambda bar: bar["attrs"]["height"])
    share_of_top = float(ticks[-1]["text"].rstrip("%").replace(",", ""))
    plot = max(s["attrs"]["y"] for s in ticks) - top_tick
    assert tallest_bar["attrs"]["height"] == pytest.approx(
        plot * 100 * tallest / found.draws / share_of_top, abs=0.2
    )
