"""Small checklists and rubrics for the scoring tests, built through the real validators."""

from __future__ import annotations

from dataclasses import replace

from pilot2prod.model.checklists import Checklist, load_checklist
from pilot2prod.readiness.answers import Answers, read_answers
from pilot2prod.readiness.rubric import Rubric, load_rubric

BANDS = [
    {"id": "not-ready", "label": "Not ready", "min_score": 0, "meaning": "Far off."},
    {"id": "early", "label": "Early", "min_score": 0.4, "meaning": "Foundations only."},
    {"id": "nearly-ready", "label": "Nearly ready", "min_score": 0.7, "meaning": "Close."},
    {"id": "ready", "label": "Ready", "min_score": 0.9, "meaning": "Go, in stages."},
]

RULES = {
    "weights": [
        {"weight": 3, "word": "essential"},
        {"weight": 2, "word": "important"},
        {"weight": 1, "word": "useful"},
    ],
    "risks": [
        {"level": "high", "critical": True, "answers": ["no", "open"]},
        {"level": "high", "min_weight": 3, "answers": ["no"]},
        {"level": "medium", "min_weight": 2, "answers": ["no", "open"]},
        {"level": "low"},
    ],
}
"""Weight words and risk rules like the real rubric's; the critical cap is the default (lowest)."""


def item(item_id: str, weight: float = 1.0, critical: bool = False) -> dict:
    """A raw checklist item as a maintainer would write it."""
    return {
        "id": item_id,
        "text": f"Question {item_id}?",
        "why": "Because it matters.",
        "guidance": "what-changes.md#reliability",
        "weight": weight,
        "critical": critical,
    }


def checklist(sections: dict[str, list[dict]], checklist_id: str = "readiness") -> Checklist:
    """A readiness-scale checklist with the given sections of raw items."""
    raw = {
        "id": checklist_id,
        "title": "Readiness",
        "page": "assessment.md",
        "scale": "readiness",
        "intro": "Answer honestly.",
        "sections": [
            {"id": sid, "title": sid.capitalize(), "items": items}
            for sid, items in sections.items()
        ],
    }
    return load_checklist(raw, f"data/checklists/{checklist_id}.yml")


def rubric(bands: list[dict] | None = None, checklist_id: str = "readiness") -> Rubric:
    """The four test bands (or `bands`) for `checklist_id`."""
    raw = {
        "checklist": checklist_id,
        "bands": bands if bands is not None else BANDS,
        "unscored": {"label": "Not scored yet", "meaning": "Answer something first."},
        **RULES,
    }
    return load_rubric(raw)


def answers(
    values: dict[str, object], for_checklist: Checklist, notes: dict[str, str] | None = None
) -> Answers:
    """Answers read through the real validator; every Not applicable gets a reason unless
    `notes` is given (an N/A without one counts as open)."""
    read = read_answers(values, for_checklist)
    if notes is None:
        notes = {k: "Does not apply to this project." for k, v in read.values.items() if v == "na"}
    return replace(read, notes=notes)


THREE = {
    "reliability": [item("r1", 2), item("r2", 1, critical=True), item("r3", 1)],
    "integration": [item("i1", 1), item("i2", 3)],
    "operations": [item("o1", 1), item("o2", 1), item("o3", 2)],
}
"""Three dimensions with unequal weights and one critical item (r2)."""
