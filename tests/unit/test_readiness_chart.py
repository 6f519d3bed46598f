"""The readiness view's dimension chart: data the build and the browser both draw."""

from __future__ import annotations

import json

from pilot2prod import api
from pilot2prod.charts import ATTRIBUTES, TAGS
from pilot2prod.dataset import Dataset
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


def test_every_band_is_a_zone_named_with_its_threshold_the_lowest_included():
    """Each band, "Not ready" too, is a shaded zone from its threshold to the next, and its
    name under the bars carries the score it starts at (the lowest, the score it ends at)."""
    data = Dataset(_bundle_files())
    bands = data.rubric.bands
    for key in ("chart", "chart_narrow"):
        shapes = _view({"q0": "yes"})[key]["shapes"]
        zones = [s for s in shapes if "p2p-chart__zone" in s["attrs"].get("class", "")]
        assert [z["attrs"]["class"].split("--")[1] for z in zones] == [b.id for b in bands]
        names = [s["text"] for s in shapes if s["attrs"].get("class") == "p2p-chart__tick"]
        assert names[0] == f"{bands[0].label} <{round(bands[1].min_score * 100)}%"
        assert names[1:] == [f"{b.label} {round(b.min_score * 100)}%+" for b in bands[1:]]
