"""The readiness view's dimension chart: data the build and the browser both draw."""

from __future__ import annotations

import json

from pilot2prod import api
from pilot2prod.charts import ATTRIBUTES, TAGS
from pilot2prod.model.dataset import Dataset
from tests.unit.test_scoring_properties import _bundle_files


def _view(answers: dict[str, str]) -> dict:
    doc = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness"}
    payload = json.dumps({"document": doc | {"answers": answers}})
    return json.loads(api.call("readiness.score", payload, Dataset(_bundle_files())))


def _bars(view: dict) -> list[dict]:
    return [s for s in view["chart"]["shapes"] if "p2p-chart__bar" in s["attrs"].get("class", "")]


def test_each_dimension_has_a_bar_as_long_as_its_score():
    """A full bar is 400 units: reliability at 66.7% draws 266.8, operations at 57.1% 228.4."""
    view = _view({"q0": "yes", "q1": "partial", "q2": "no", "q3": "yes"})
    assert [bar["attrs"]["width"] for bar in _bars(view)] == [266.8, 228.4]


def test_the_weakest_dimension_is_marked_and_unscored_ones_draw_no_bar():
    """Only the weakest dimension's bar carries the weakest class; no answers, no length."""
    view = _view({"q0": "yes", "q1": "yes", "q2": "no"})
    classes = [bar["attrs"]["class"] for bar in _bars(view)]
    assert classes == ["p2p-chart__bar", "p2p-chart__bar p2p-chart__bar--weakest"]
    empty = _view({})
    assert [bar["attrs"]["width"] for bar in _bars(empty)] == [0, 0]
    texts = [s.get("text") for s in empty["chart"]["shapes"] if s["tag"] == "text"]
    assert texts.count("no score") == 2


def test_the_chart_is_labelled_by_the_summary_and_uses_only_allowed_shapes():
    """The chart's label is the caption's text, and every shape passes the browser's allow-list."""
    view = _view({"q0": "partial"})
    assert view["chart"]["label"] == view["chart_summary"]
    for shape in view["chart"]["shapes"]:
        assert shape["tag"] in TAGS
        assert set(shape["attrs"]) <= ATTRIBUTES
