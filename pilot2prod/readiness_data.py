"""Load the readiness rubric and the worked examples' answers into `SiteData.extra`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.checklists import Checklist
from pilot2prod.content import Collection
from pilot2prod.errors import DataError
from pilot2prod.example_answers import SOURCE as EXAMPLES_SOURCE
from pilot2prod.example_answers import load_example_answers
from pilot2prod.scoring import load_rubric

READINESS_SOURCE = "data/readiness.yml"
"""The verdict bands."""


def load_readiness_extra(
    files: Mapping[str, object],
    collections: Mapping[str, Collection],
    checklists: Mapping[str, Checklist],
) -> dict[str, Any]:
    """`{"readiness": Rubric, "example_assessments": ExampleAssessments}`, for the files present."""
    extra: dict[str, Any] = {}
    if READINESS_SOURCE in files:
        rubric = load_rubric(files[READINESS_SOURCE], READINESS_SOURCE)
        checklist = checklists.get(rubric.checklist)
        if checklist is None:
            raise DataError(
                READINESS_SOURCE,
                "checklist",
                f"no checklist {rubric.checklist!r} under data/checklists/",
            )
        if checklist.scale != "readiness":
            raise DataError(
                READINESS_SOURCE,
                "checklist",
                f"{rubric.checklist!r} is not on the readiness scale (yes/partial/no/na)",
            )
        extra["readiness"] = rubric
    if EXAMPLES_SOURCE in files:
        examples = collections.get("examples")
        ids = [record.id for record in examples.records] if examples else []
        extra["example_assessments"] = load_example_answers(files[EXAMPLES_SOURCE], checklists, ids)
    return extra
