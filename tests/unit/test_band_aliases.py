"""A renamed verdict band keeps its old id working wherever a band is named from outside."""

from __future__ import annotations

import json

from pilot2prod import api
from pilot2prod.dataset import Dataset
from tests.unit.scoring_fixtures import BANDS, rubric
from tests.unit.test_scoring_properties import _bundle_files

RENAMED = [
    BANDS[0],
    BANDS[1],
    {**BANDS[2], "id": "almost-ready", "label": "Almost ready", "aliases": ["nearly-ready"]},
    BANDS[3],
]
"""The fixtures' bands with the third renamed, its old id kept as an alias."""


def test_a_band_is_found_by_its_id_or_an_old_id():
    """`Rubric.band` resolves the new id and the alias to the same band; unknown ids to none."""
    renamed = rubric(RENAMED)
    assert renamed.band("almost-ready") is renamed.bands[2]
    assert renamed.band("nearly-ready") is renamed.bands[2]
    assert renamed.band("Almost ready") is None and renamed.band("later") is None


def test_the_critical_cap_may_name_a_band_by_its_old_id():
    """A cap written before the rename still caps at that band."""
    raw = {
        **_bundle_files()["data/readiness.yml"],
        "bands": RENAMED,
        "critical_cap": "nearly-ready",
    }
    files = {**_bundle_files(), "data/readiness.yml": raw}
    assert Dataset(files).rubric.cap_index == 2


def test_portfolio_summaries_naming_an_old_band_id_are_read_as_the_band_it_is_now():
    """Summaries a page made before the rename are counted under the renamed band."""
    files = _bundle_files()
    files["data/readiness.yml"] = {**files["data/readiness.yml"], "bands": RENAMED}
    data = Dataset(files)
    answers = {"q0": "yes", "q1": "yes", "q2": "yes", "q3": "partial"}  # 5 of 7 in operations
    document = {"format": "pilot2prod/answers", "version": 1, "checklist": "readiness"}
    batch = {"documents": [{"name": "a.json", "document": document | {"answers": answers}}]}
    made = json.loads(api.call("readiness.portfolio_summaries", json.dumps(batch), data))
    summary = made["summaries"][0]
    assert summary["band"] == "almost-ready"
    payload = {"summaries": [summary | {"band": "nearly-ready"}], "today": "2026-02-01"}
    view = json.loads(api.call("readiness.portfolio", json.dumps(payload), data))
    assert "error" not in view, view["error"]
    counts = {row["id"]: row["count"] for row in view["bands"]}
    assert counts["almost-ready"] == 1 and "nearly-ready" not in counts
