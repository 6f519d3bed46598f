"""Each chart's narrow layout, for a phone: the same data in a width a phone draws at full size."""

from __future__ import annotations

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as runcost_view
from pilot2prod.charts import NARROW
from tests.unit.calculator_fixtures import cost_model, effort_model


def _views() -> tuple[dict, dict]:
    effort = effort_view.run(effort_model(), {"inputs": {}})
    cost = runcost_view.run(cost_model(), {"inputs": {}})
    return {**effort["narrow_charts"], **cost["narrow_charts"]}, {
        **effort["charts"],
        **cost["charts"],
    }


def test_narrow_charts_are_narrow_and_draw_the_same_bars():
    """Every calculator chart has a NARROW-wide twin with the same bars and marks as the wide."""
    narrow, wide = _views()
    assert set(narrow) == set(wide)
    for name, chart in narrow.items():
        assert chart["width"] == NARROW, name
        assert chart["label"] == wide[name]["label"], name
        for tag in ("rect", "circle"):
            count = sum(1 for s in chart["shapes"] if s["tag"] == tag)
            assert count == sum(1 for s in wide[name]["shapes"] if s["tag"] == tag), (name, tag)


def test_narrow_charts_keep_every_shape_inside_their_width():
    """No bar, mark or text anchor of a narrow chart starts outside the chart."""
    narrow, _ = _views()
    for name, chart in narrow.items():
        for item in chart["shapes"]:
            attrs = item["attrs"]
            for key in ("x", "x1", "x2", "cx"):
                if key in attrs:
                    assert 0 <= attrs[key] <= chart["width"], (name, item)
            if item["tag"] == "rect":
                assert attrs["x"] + attrs["width"] <= chart["width"] + 0.5, (name, item)
