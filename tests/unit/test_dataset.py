"""The Dataset turns parsed data files into records, and names file and key on bad data."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DataError


def _topic(record_id: str) -> dict[str, Any]:
    return {"id": record_id, "title": "A title", "summary": "A summary.", "body": "Some body."}


def valid_files() -> dict[str, Any]:
    """A small, valid data set: one record per collection and one checklist."""
    return {
        "data/reasons.yml": {"page": "why.md", "records": [_topic("easy-cases"), _topic("scope")]},
        "data/changes.yml": {"page": "changes.md", "records": [_topic("reliability")]},
        "data/practices.yml": {"page": "gap.md", "records": [_topic("plan-early")]},
        "data/examples.yml": {
            "page": "examples.md",
            "records": [
                {
                    "id": "support",
                    "title": "Support",
                    "summary": "A support bot.",
                    "contrasts": [{"aspect": "Inputs", "pilot": "few", "production": "all"}],
                    "lesson": "Plan for all inputs.",
                }
            ],
        },
        "data/faq.yml": {
            "page": "faq.md",
            "records": [
                {
                    "id": "why",
                    "question": "Why?",
                    "answer": "Because.",
                    "see_also": [{"text": "Reasons", "to": "why.md#easy-cases"}],
                }
            ],
        },
        "data/dimensions.yml": {
            "page": "questions.md",
            "records": [
                {"id": "reliability", "title": "R", "question": "Tested?", "body": "Body."}
            ],
        },
        "data/safeguards.yml": {"page": "gap.md", "records": [_topic("fallback")]},
        "data/evaluation.yml": {"page": "evaluate.md", "records": [_topic("golden-set")]},
        "data/launch.yml": {"page": "launch.md", "records": [_topic("off-switch")]},
        "data/reading.yml": {
            "page": "faq.md",
            "records": [
                {
                    "id": "a-paper",
                    "title": "A paper",
                    "by": "Someone",
                    "year": 2015,
                    "url": "https://example.org/paper",
                    "why": "It says so.",
                }
            ],
        },
        "data/checklists/ready.yml": {
            "id": "ready",
            "title": "Ready",
            "page": "assess.md",
            "scale": "readiness",
            "intro": "Answer honestly.",
            "sections": [
                {
                    "id": "reliability",
                    "title": "Reliability",
                    "items": [
                        {
                            "id": "hard-cases",
                            "text": "Hard cases tested",
                            "why": "Production sees them.",
                            "guidance": "changes.md#reliability",
                            "weight": 3,
                            "critical": True,
                        }
                    ],
                }
            ],
        },
    }


PAGES = {
    page: set()
    for page in (
        "why.md",
        "changes.md",
        "gap.md",
        "examples.md",
        "faq.md",
        "questions.md",
        "assess.md",
        "evaluate.md",
        "launch.md",
    )
}


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(files: dict[str, Any]) -> None:
        target = files
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Callable[[dict[str, Any]], None]:
    def change(files: dict[str, Any]) -> None:
        target = files
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _duplicate_reason(files: dict[str, Any]) -> None:
    files["data/reasons.yml"]["records"][1]["id"] = "easy-cases"


FAQ = ["data/faq.yml", "records", 0]
ITEM = ["data/checklists/ready.yml", "sections", 0, "items", 0]

BROKEN = [
    (
        "unknown key",
        _set([*FAQ, "answr"], "typo"),
        "data/faq.yml: records[0].answr: unknown key",
    ),
    (
        "missing key",
        _delete([*FAQ, "answer"]),
        "data/faq.yml: records[0].answer: missing required key",
    ),
    (
        "empty text",
        _set([*FAQ, "answer"], "   "),
        "data/faq.yml: records[0].answer: must not be empty",
    ),
    (
        "wrong type",
        _set([*FAQ, "question"], ["a", "list"]),
        "data/faq.yml: records[0].question: must be text, not a list",
    ),
    (
        "duplicate id",
        _duplicate_reason,
        "data/reasons.yml: records[1].id: duplicate id 'easy-cases' (first used at records[0])",
    ),
    (
        "id not usable as an anchor",
        _set(["data/changes.yml", "records", 0, "id"], "Reliability Now"),
        "data/changes.yml: records[0].id: id 'Reliability Now' must be lower-case words",
    ),
    (
        "weight is text",
        _set([*ITEM, "weight"], "heavy"),
        "data/checklists/ready.yml: sections[0].items[0].weight: must be a number, not text",
    ),
    (
        "weight is zero",
        _set([*ITEM, "weight"], 0),
        "data/checklists/ready.yml: sections[0].items[0].weight: must be greater than zero",
    ),
    (
        "critical is text",
        _set([*ITEM, "critical"], "yes"),
        "data/checklists/ready.yml: sections[0].items[0].critical: must be true or false",
    ),
    (
        "unknown scale",
        _set(["data/checklists/ready.yml", "scale"], "stars"),
        "data/checklists/ready.yml: scale: must be one of 'done', 'readiness', not 'stars'",
    ),
    (
        "checklist id differs from file name",
        _set(["data/checklists/ready.yml", "id"], "other"),
        "data/checklists/ready.yml: id: must match the file name ('ready')",
    ),
    (
        "records not a list",
        _set(["data/examples.yml", "records"], {"id": "x"}),
        "data/examples.yml: records: must be a non-empty list",
    ),
    (
        "file is not a mapping",
        _set(["data/practices.yml"], ["just", "a", "list"]),
        "data/practices.yml: must be a mapping",
    ),
    (
        "collection file missing",
        _delete(["data/dimensions.yml"]),
        "data/dimensions.yml: file is missing",
    ),
    (
        "contrast missing a side",
        _delete(["data/examples.yml", "records", 0, "contrasts", 0, "production"]),
        "data/examples.yml: records[0].contrasts[0].production: missing required key",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [(c, m) for _, c, m in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_data_is_refused_naming_file_and_key(change, message):
    """Each kind of broken data fails with `data/<file>.yml: <key path>: <problem>`."""
    files = copy.deepcopy(valid_files())
    change(files)
    with pytest.raises(DataError) as raised:
        Dataset(files).validate_all()
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("nowhere.md", "links to 'nowhere.md', but there is no page 'nowhere.md'"),
        ("why.md#missing", "links to 'why.md#missing', but why.md has no anchor #missing"),
    ],
)
def test_links_to_missing_pages_or_anchors_are_refused(target, message):
    """A see-also link must land on an existing page and anchor."""
    files = valid_files()
    files["data/faq.yml"]["records"][0]["see_also"][0]["to"] = target
    with pytest.raises(DataError) as raised:
        Dataset(files).validate_all(PAGES)
    assert str(raised.value) == f"data/faq.yml: records[0].see_also[0].to: {message}"


def test_checklist_guidance_link_is_checked():
    """An item's guidance link is validated like any other link."""
    files = valid_files()
    files["data/checklists/ready.yml"]["sections"][0]["items"][0]["guidance"] = "changes.md#gone"
    with pytest.raises(DataError, match=r"sections\[0\]\.items\[0\]\.guidance: links to"):
        Dataset(files).validate_all(PAGES)


def test_links_to_heading_anchors_of_pages_are_accepted():
    """Anchors made by a page's own headings count as link targets."""
    files = valid_files()
    files["data/faq.yml"]["records"][0]["see_also"][0]["to"] = "gap.md#budget"
    Dataset(files).validate_all({**PAGES, "gap.md": {"budget"}})


def test_records_keep_file_order_and_strip_whitespace():
    """Records load in file order with surrounding whitespace trimmed."""
    files = valid_files()
    files["data/reasons.yml"]["records"][0]["title"] = "  Padded  "
    data = Dataset(files)
    reasons = data.collections["reasons"]
    assert [r.id for r in reasons.records] == ["easy-cases", "scope"]
    assert reasons.get("easy-cases").title == "Padded"


def test_checklist_version_changes_when_an_item_changes():
    """Editing an item's text gives the checklist a new version."""
    before = Dataset(valid_files()).checklist("ready").version
    files = valid_files()
    files["data/checklists/ready.yml"]["sections"][0]["items"][0]["text"] = "Hard cases tested live"
    after = Dataset(files).checklist("ready").version
    assert before != after


def test_checklist_version_is_stable_for_the_same_items():
    """Loading the same checklist twice gives the same version."""
    assert (
        Dataset(valid_files()).checklist("ready").version
        == Dataset(valid_files()).checklist("ready").version
    )
