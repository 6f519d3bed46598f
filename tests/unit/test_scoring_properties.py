"""Property tests: any checklist and any answers score without crashing or yielding NaN."""

from __future__ import annotations

import itertools
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot2prod import api
from pilot2prod.model.dataset import Dataset
from pilot2prod.readiness.answers import READINESS_VALUES, read_answers
from pilot2prod.readiness.scoring import ANSWER_SCORES, assess
from pilot2prod.readiness.views import assessment_view
from tests.unit.scoring_fixtures import BANDS, RULES, checklist, item, rubric

weights = st.one_of(
    st.floats(min_value=1e-6, max_value=1e6),
    st.sampled_from([1.0, 2.0, 3.0, 1e-300, 1e300, 5e-324, 1.7e308]),
)


@st.composite
def checklists(draw, max_items=6):
    """Readiness checklists of 1-3 sections with random weights and critical flags."""
    sections = {}
    n = 0
    for sid in ("reliability", "integration", "operations")[: draw(st.integers(1, 3))]:
        items = []
        for _ in range(draw(st.integers(1, max_items))):
            items.append(item(f"q{n}", draw(weights), draw(st.booleans())))
            n += 1
        sections[sid] = items
    return checklist(sections)


@st.composite
def band_sets(draw):
    """Two to five rising verdict bands starting at 0."""
    cuts = draw(st.lists(st.floats(min_value=0.001, max_value=1.0), min_size=1, max_size=4))
    cuts = sorted(set(cuts))
    return [
        {"id": f"b{i}", "label": f"Band {i}", "min_score": m, "meaning": "Meaning."}
        for i, m in enumerate([0.0, *cuts])
    ]


junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@st.composite
def answer_maps(draw, c):
    """Answers for `c`: mostly real values, some open, some junk, some unknown ids."""
    values = {}
    for it in c.items:
        choice = draw(st.integers(0, 9))
        if choice < 6:
            values[it.id] = draw(st.sampled_from(READINESS_VALUES))
        elif choice < 8:
            continue
        else:
            values[it.id] = draw(junk)
    extra = draw(st.dictionaries(st.text(max_size=8), junk, max_size=3))
    return {**extra, **values}


def _finite(value):
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_answers_score_to_a_finite_result(data):
    """No checklist, band set or answers raise, and every number in the view is finite."""
    c = data.draw(checklists())
    r = rubric(data.draw(band_sets()))
    read = read_answers(data.draw(answer_maps(c)), c)
    result = assess(c, r, read)
    assert result.score is None or 0.0 <= result.score <= 1.0
    for d in result.dimensions:
        assert d.score is None or 0.0 <= d.score <= 1.0
    view = assessment_view(result, c, r, "../")
    assert _finite(view)
    json.dumps(view, allow_nan=False)
    if result.band is not None and any(i.critical for i in result.capping):
        assert result.band.id != r.bands[-1].id


def _band_of(c, r, values):
    return assess(c, r, read_answers(values, c)).band


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_if_is_the_fewest_items_that_lift_one_band(data):
    """Applying the what-if reaches the next band, and no smaller set of changes does."""
    c = data.draw(checklists(max_items=3))
    r = rubric(data.draw(band_sets()))
    values = {}
    for it in c.items:
        pick = data.draw(st.sampled_from([*READINESS_VALUES, None]))
        if pick is not None:
            values[it.id] = pick
    result = assess(c, r, read_answers(values, c))
    if result.band is None or result.what_if is None:
        return
    order = [b.id for b in r.bands]
    target = order.index(result.what_if.target.id)
    assert target == order.index(result.band.id) + 1

    def reaches(ids):
        band = _band_of(c, r, values | dict.fromkeys(ids, "yes"))
        return band is not None and order.index(band.id) >= target

    chosen = [i.id for i in result.what_if.items]
    assert reaches(chosen)
    top = target == len(order) - 1
    candidates = [
        i.id
        for i in c.items
        if values.get(i.id) in ("no", "partial") or (top and i.id not in values)
    ]
    for size in range(len(chosen)):
        for subset in itertools.combinations(candidates, size):
            assert not reaches(subset), (chosen, subset)


@settings(max_examples=200)
@given(name=st.sampled_from(["readiness.score", "nope", ""]), payload=st.text(max_size=40))
def test_browser_api_answers_json_for_any_text(name, payload):
    """Whatever the worker sends, `call` returns JSON; failures are plain messages."""
    out = json.loads(api.call(name, payload, Dataset(_bundle_files())))
    assert isinstance(out, dict)
    if "error" in out:
        assert "Traceback" not in out["error"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(answers=st.dictionaries(st.text(max_size=6), junk, max_size=6))
def test_browser_api_scores_any_answers_object(answers):
    """An answers object of any shape scores or explains what is wrong, never NaN."""
    doc = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness"}
    payload = json.dumps({"document": doc | {"answers": answers}})
    text = api.call("readiness.score", payload, Dataset(_bundle_files()))
    out = json.loads(text)
    if "error" in out:
        assert "JSON allows" in out["error"]  # only NaN/Infinity in the request itself
    else:
        assert out["verdict"]["label"] and _finite(out)


def _bundle_files():
    raw_items = [item(f"q{n}", float(n + 1), n == 0) for n in range(4)]
    return {
        "data/checklists/readiness.yml": {
            "id": "readiness",
            "title": "Readiness",
            "page": "assessment.md",
            "scale": "readiness",
            "intro": "Answer honestly.",
            "sections": [
                {"id": "reliability", "title": "Reliability", "items": raw_items[:2]},
                {"id": "operations", "title": "Operations", "items": raw_items[2:]},
            ],
        },
        "data/readiness.yml": {
            "checklist": "readiness",
            "bands": BANDS,
            **RULES,
            "unscored": {"label": "Not scored yet", "meaning": "Answer something."},
        },
    }


def test_answer_scores_cover_every_counted_value():
    """Yes, Partly and No are worth 1, 0.5 and 0; N/A has no worth at all."""
    assert dict(ANSWER_SCORES) == {"yes": 1.0, "partial": 0.5, "no": 0.0}
    assert set(ANSWER_SCORES) | {"na"} == set(READINESS_VALUES)
