"""The portfolio: many projects' exports ranked, checked against a direct count in the test."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date

import pytest

from pilot2prod import api
from pilot2prod.readiness.answers import READINESS_VALUES
from pilot2prod.readiness.presentation.portfolio_export import portfolio_csv, portfolio_markdown
from tests.fixtures import repo_data

DATA = repo_data()
CHECKLIST = DATA.scored_checklist
ITEMS = CHECKLIST.items
TODAY = date(2026, 6, 1)


def _generated(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    documents = []
    for n in range(count):
        answers = {i.id: rng.choice([*READINESS_VALUES, None]) for i in ITEMS}
        answers = {k: v for k, v in answers.items() if v is not None}
        notes = {k: "Reason given." for k, v in answers.items() if v == "na" and rng.random() < 0.5}
        owner = rng.choice(["Ana", "Bo", "Chen", ""])
        doc = {
            "format": "pilot2prod/answers",
            "version": rng.choice([1, 2]),
            "checklist": "readiness",
            "answers": answers,
            "notes": notes,
            "owners": {i.id: owner for i in ITEMS if owner},
            "project": f"Project {n}",
            "assessed": f"2026-0{rng.randint(1, 5)}-1{rng.randint(0, 9)}",
        }
        documents.append({"name": f"p{n}.json", "document": doc})
    return documents


def _is_open(doc: dict, item_id: str) -> bool:
    answer = doc["answers"].get(item_id)
    return answer in (None, "no", "partial") or (answer == "na" and item_id not in doc["notes"])


def _portfolio(payload: dict) -> dict:
    return json.loads(api.call("readiness.portfolio", json.dumps(payload), DATA))


def test_portfolio_equals_a_direct_count_over_generated_projects():
    """Open questions, blocked projects, owners and stale ones match a count done here."""
    documents = _generated(120)
    view = _portfolio({"documents": documents, "today": TODAY.isoformat(), "older_than": 60})
    docs = [d["document"] for d in documents]
    assert view["projects"] == 120 and view["refused"] == []
    opened = Counter(i.id for doc in docs for i in ITEMS if _is_open(doc, i.id))
    assert {q["id"]: q["open"] for q in view["questions"]} == {k: v for k, v in opened.items() if v}
    counts = [q["open"] for q in view["questions"]]
    assert counts == sorted(counts, reverse=True)
    critical = [i.id for i in ITEMS if i.critical]
    blocked = {
        doc["project"] for doc in docs if any(doc["answers"].get(c) == "no" for c in critical)
    }
    assert {b["project"] for b in view["blocked"]} == blocked
    stale = {
        doc["project"] for doc in docs if (TODAY - date.fromisoformat(doc["assessed"])).days > 60
    }
    assert {s["project"] for s in view["stale"]} == stale
    assert sum(b["count"] for b in view["bands"]) == 120
    assert sum(d["stalled"] for d in view["dimensions"]) == 120 - next(
        b["count"] for b in view["bands"] if b["id"] == "unscored"
    )


def test_owner_with_most_high_risk_gaps_comes_first():
    """Owners are ranked by their open high-risk questions; unowned ones are counted apart."""
    base = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness"}
    critical = [i.id for i in ITEMS if i.critical]
    heavy = {
        **base,
        "answers": dict.fromkeys(critical, "no"),
        "owners": dict.fromkeys(critical, "Bo"),
    }
    light = {
        **base,
        "answers": {critical[0]: "no"},
        "plan": {critical[0]: {"owner": "Ana"}},
    }
    view = _portfolio(
        {"documents": [{"name": "h", "document": heavy}, {"name": "l", "document": light}]}
    )
    assert [o["owner"] for o in view["owners"]][:2] == ["Bo", "Ana"]
    assert view["owners"][0]["open_high_risk"] == len(critical)


def test_unreadable_files_are_refused_by_name_and_the_rest_counted():
    """A foreign document is listed with its name and reason; the others are reported."""
    documents = [
        *_generated(2),
        {"name": "<script>x</script>.json", "document": {"format": "other"}},
    ]
    view = _portfolio({"documents": documents, "exports": True})
    assert view["projects"] == 2
    assert [r["name"] for r in view["refused"]] == ["<script>x</script>.json"]
    assert "2 projects read, 1 file refused." in view["markdown"]
    assert "\\<script\\>" in view["markdown"] and "<script>" not in view["markdown"]


def test_summaries_in_batches_give_the_same_report_as_documents_at_once():
    """The page's two-step way (batches of summaries) equals one call with every document."""
    documents = _generated(30, seed=3)
    whole = _portfolio({"documents": documents, "today": "2026-06-01", "older_than": 30})
    summaries = []
    for start in range(0, 30, 7):
        batch = json.loads(
            api.call(
                "readiness.portfolio_summaries",
                json.dumps({"documents": documents[start : start + 7]}),
                DATA,
            )
        )
        summaries += batch["summaries"]
    stepwise = _portfolio({"summaries": summaries, "today": "2026-06-01", "older_than": 30})
    assert stepwise == whole


@pytest.mark.parametrize(
    "summary",
    [
        {"name": "x"},
        {"band": "legendary"},
        {"open": ["no-such-question"]},
        {"score": "high"},
    ],
)
def test_summaries_of_the_wrong_shape_are_refused_plainly(summary):
    """A page that sends back a broken summary gets a message, never a traceback."""
    good = json.loads(
        api.call("readiness.portfolio_summaries", json.dumps({"documents": _generated(1)}), DATA)
    )["summaries"][0]
    bad = {**good, **summary} if len(summary) > 0 and "name" not in summary else {"name": "x"}
    out = _portfolio({"summaries": [bad]})
    assert "error" in out and "summaries[0]" in out["error"]


def test_csv_has_a_row_per_ranked_entry():
    """The CSV holds the bands, every dimension and every open question."""
    view = _portfolio({"documents": _generated(10)})
    text = portfolio_csv(view)
    assert text.count('\r\n"question"') == len(view["questions"])
    assert text.count('\r\n"dimension"') == len(CHECKLIST.sections)
    assert portfolio_markdown(view).startswith("# Readiness portfolio")


def test_assessing_without_the_path_keeps_verdict_and_risks():
    """The portfolio's faster scoring gives the same verdict, score and risks, only no path."""
    from pilot2prod.readiness.answers import read_document
    from pilot2prod.readiness.scoring import assess

    for entry in _generated(20, seed=5):
        answers = read_document(entry["document"], CHECKLIST)
        full = assess(CHECKLIST, DATA.rubric, answers)
        quick = assess(CHECKLIST, DATA.rubric, answers, with_path=False)
        assert (quick.band, quick.score, quick.risks, quick.capping) == (
            full.band,
            full.score,
            full.risks,
            full.capping,
        )
        assert quick.path == () and quick.what_if is None
