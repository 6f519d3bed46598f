"""The calculators' views: worded outputs, safe chart data, exports, and the worker entry."""

from __future__ import annotations

import json

import pytest

from pilot2prod import api
from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.calculators.views import link_line
from pilot2prod.charts import ATTRIBUTES, TAGS, chart, nice_ticks, shape, to_svg
from pilot2prod.dataset import Dataset
from pilot2prod.text import money
from tests.unit.calculator_fixtures import cost_model, effort_model, raw_cost, raw_effort


def _call(name, payload):
    data = Dataset({"data/effort.yml": raw_effort(), "data/cost.yml": raw_cost()})
    return json.loads(api.call(name, json.dumps(payload), data))


def test_worker_entry_runs_both_calculators():
    """effort.estimate and cost.run answer through api.call as JSON."""
    effort = _call("effort.estimate", {"inputs": {"pilot-weeks": "8"}})
    assert effort["ok"] is True
    assert effort["outputs"]["p50"]["text"].endswith("person-weeks")
    cost = _call("cost.run", {"inputs": {}})
    assert cost["ok"] is True
    assert cost["outputs"]["monthly"]["text"].startswith("$")


def test_worker_entry_returns_field_messages_not_errors():
    """Bad inputs come back as ok: false with a message per field."""
    out = _call("cost.run", {"inputs": {"tokens-in": "many", "price-in": "-1"}})
    assert out["sources"]["tokens-in"]["kind"] == "own"
    del out["sources"]
    assert out == {
        "ok": False,
        "messages": {
            "tokens-in": "Use digits and a decimal point, such as 12 or 2.5 "
            "(no letters or currency signs).",
            "price-in": "Cannot be negative.",
        },
    }


def test_outputs_carry_the_value_behind_the_text():
    """Each output's text is the formatted form of its value."""
    view = runcost_view.run(cost_model(), {"inputs": {}})
    monthly = view["outputs"]["monthly"]
    assert monthly["text"] == money(monthly["value"])
    view = effort_view.run(effort_model(), {"inputs": {}})
    assert view["outputs"]["p80"]["text"] == f"{view['outputs']['p80']['value']:,.1f} person-weeks"


def test_charts_use_only_the_allowed_tags_and_attributes():
    """Every shape the views draw is one the browser renderer accepts."""
    views = [
        effort_view.run(effort_model(), {"inputs": {}}),
        runcost_view.run(cost_model(), {"inputs": {}}),
    ]
    for view in views:
        for figure in view["charts"].values():
            assert figure["label"]
            for item in figure["shapes"]:
                assert item["tag"] in TAGS
                assert set(item["attrs"]) <= ATTRIBUTES


def test_every_chart_has_a_table_with_one_row_per_bar():
    """The text equivalents list every stream, component and ranked input."""
    effort = effort_view.run(effort_model(), {"inputs": {}})
    assert len(effort["tables"]["streams"]["rows"]) == len(effort_model().streams) + 1
    cost = runcost_view.run(cost_model(), {"inputs": {}})
    assert len(cost["tables"]["breakdown"]["rows"]) == len(cost_model().components) + 1
    # The success rate and the one-off build cost never move the monthly total.
    assert len(cost["tables"]["sensitivity"]["rows"]) == len(cost_model().inputs) - 2


def test_svg_escapes_text_and_refuses_other_tags():
    """Chart text is escaped in SVG; a script tag or an event attribute cannot be made."""
    svg = to_svg(chart(10, 10, 'a "label" <b>', [shape("text", "<script>x</script>", x=1.26)]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'aria-label="a &quot;label&quot; &lt;b&gt;"' in svg
    assert 'x="1.3"' in svg
    with pytest.raises(ValueError):
        shape("script")
    with pytest.raises(ValueError):
        shape("rect", onclick="alert(1)")


def test_nice_ticks_cover_the_maximum_in_round_steps():
    """Ticks start at 0, end at or above the maximum, in steps of 1, 2, 2.5 or 5 x 10^n."""
    assert nice_ticks(79.5) == [0, 20, 40, 60, 80]
    assert nice_ticks(0) == [0.0, 1.0]
    assert nice_ticks(float("inf")) == [0.0, 1.0]
    assert nice_ticks(1234)[-1] >= 1234


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "$0"),
        (17068.8, "$17,069"),
        (532.534, "$532.53"),
        (0.2804, "$0.280"),
        (0.01234, "$0.0123"),
        (None, "—"),
    ],
)
def test_money_keeps_small_costs_legible(value, text):
    """Whole dollars above 1,000, cents above 1, three significant digits below."""
    assert money(value) == text


def test_export_links_only_to_plain_web_addresses():
    """A page URL with markup or a script scheme is left out of the Markdown."""
    assert "[pilot2prod estimator](https://x.org/e/)" in link_line(
        "estimator", "https://x.org/e/", ""
    )
    for bad in ("javascript:alert(1)", "https://x.org/a) [b](c", "https://x.org/<img>", 5):
        assert "](" not in link_line("estimator", bad, "2026-01-01")
    assert "on 2026-01-01" in link_line("estimator", None, "2026-01-01")
    assert " on " not in link_line("estimator", None, "yesterday<")


def test_markdown_exports_list_inputs_and_results():
    """Both exports carry the headline numbers, the inputs and the tables."""
    effort = effort_view.run(effort_model(), {"inputs": {"history": "6, 30"}, "markdown": True})
    text = effort["markdown"]
    assert effort["outputs"]["p50"]["text"].split()[0] in text
    assert "| Pilot effort | 8 person-weeks |" in text
    assert "| Your past projects (optional) | 6 then 30 |" in text
    cost = runcost_view.run(cost_model(), {"inputs": {}, "markdown": True})
    assert cost["outputs"]["monthly"]["text"] in cost["markdown"]
    assert "### Sensitivity" in cost["markdown"]
    assert "markdown" not in runcost_view.run(cost_model(), {"inputs": {}})
