"""The worker's single entry point: JSON in, JSON out, plain messages on failure."""

from __future__ import annotations

import json

import pytest

from pilot2prod import api
from pilot2prod.model.dataset import Dataset
from tests.unit.test_scoring_properties import _bundle_files

DATA = Dataset(_bundle_files())


def _doc(answers):
    return {
        "format": "pilot2prod/answers",
        "version": 2,
        "checklist": "readiness",
        "answers": answers,
    }


def _call(name, payload):
    return json.loads(api.call(name, json.dumps(payload), DATA))


def test_readiness_score_returns_the_worded_view():
    """A scored request returns verdict, score text and links relative to the page."""
    out = _call(
        "readiness.score",
        {
            "document": _doc({"q0": "yes", "q1": "partial", "q2": "no", "q3": "yes"}),
            "site_root": "../",
        },
    )
    # reliability (1*1 + 2*0.5)/3 = 0.667; operations (3*0 + 4*1)/7 = 0.571
    assert out["score_text"] == "57%"
    assert out["verdict"]["label"] == "Early"
    assert out["weakest_text"] == "Operations (57%)"
    # to 0.7: q1 lifts reliability to 3/3, q2 lifts operations to 7/7
    assert [i["id"] for i in out["what_if"]["items"]] == ["q1", "q2"]
    assert out["what_if"]["items"][0]["guidance_href"] == "../what-changes/#reliability"
    assert out["what_if"]["items"][0]["question_href"] == "../assessment/#readiness-q1"


def test_full_export_document_is_accepted():
    """The browser's JSON export can be scored as is."""
    doc = {"format": "pilot2prod/answers", "version": 1, "checklist": "readiness"}
    out = _call("readiness.score", {"document": {**doc, "answers": {"q0": "no"}}})
    assert out["capping"][0]["id"] == "q0"
    assert out["answered_text"] == "1 of 4 questions answered"


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("nope", "{}", "there is no calculator function called 'nope'"),
        ("readiness.score", "{", "the request was not valid JSON"),
        ("readiness.score", "[]", "the request must be a JSON object"),
        ("readiness.score", '{"document": NaN}', "the request holds NaN"),
        ("readiness.score", '{"answers": {}}', "'document' is missing"),
        ("readiness.score", '{"document": {}, "site_root": 3}', "'site_root' must be text"),
        ("readiness.score", '{"document": {"format": "x"}}', "format: 'x' is not a pilot2prod"),
    ],
)
def test_failures_come_back_as_plain_messages(name, payload, message):
    """Every failure is `{"error": "..."}` with a message a reader can act on."""
    out = json.loads(api.call(name, payload, DATA))
    assert message in out["error"]


def test_unexpected_failure_is_not_a_traceback(monkeypatch):
    """A bug inside a function still answers with one plain sentence."""

    def broken(data, payload):
        raise KeyError("secret internals")

    monkeypatch.setitem(api.FUNCTIONS, "broken", broken)
    out = json.loads(api.call("broken", "{}", DATA))
    assert out["error"].startswith("the calculator failed unexpectedly (KeyError)")
    assert "secret" not in out["error"]


def test_non_finite_result_is_refused(monkeypatch):
    """A function returning NaN yields an error instead of invalid JSON."""
    monkeypatch.setitem(api.FUNCTIONS, "nan", lambda data, payload: {"x": float("nan")})
    out = json.loads(api.call("nan", "{}", DATA))
    assert "not finite" in out["error"]


def test_missing_bundle_is_explained():
    """Without the shipped data (a checkout, not the site's wheel) the error says where the
    data comes from."""
    out = json.loads(api.call("readiness.score", "{}"))
    assert "_data.json" in out["error"]
