"""DeepEval's saved test runs: `{"testCases": [...], "testPassed", "testFailed", ...}`.

Each test case has `name`, `success` and `metricsData` (each metric's `name`, `score`,
`threshold`, `success`); `additionalMetadata` and a single `tags` entry give slice fields.
A case's `runDuration` (seconds) is its latency and `evaluationCost` its cost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import Cases, Run, slice_value

TOOL = "deepeval"


def recognises(document: Mapping[str, Any]) -> bool:
    """True for a DeepEval test run."""
    return isinstance(document.get("testCases"), list)


def read(document: Mapping[str, Any], source: str, digest: str) -> Run:
    """The run in a DeepEval test run document."""
    cases = Cases(source)
    for index, case in enumerate(document["testCases"]):
        where = f"testCases[{index}]"
        if not isinstance(case, dict):
            raise EvidenceError(source, where, f"must be an object, not {shown(case)}")
        success = case.get("success")
        if not isinstance(success, bool):
            raise EvidenceError(
                source, f"{where}.success", f"must be true or false, not {shown(success)}"
            )
        metrics = case.get("metricsData") or []
        if not isinstance(metrics, list):
            raise EvidenceError(source, f"{where}.metricsData", "must be a list")
        scores = [
            m.get("score") for m in metrics if isinstance(m, dict) and m.get("score") is not None
        ]
        for position, score in enumerate(scores):
            cases.number(f"{where}.metricsData[{position}]", "score", score, 0.0, 1.0)
        values: dict[str, object] = {}
        extra = case.get("additionalMetadata")
        if isinstance(extra, dict):
            for key, value in extra.items():
                if slice_value(value) is not None:
                    values[f"additionalMetadata.{key}"] = value
        tags = case.get("tags")
        if isinstance(tags, list) and len(tags) == 1 and slice_value(tags[0]) is not None:
            values["tags"] = tags[0]
        duration = case.get("runDuration")
        latency = (
            duration * 1000
            if isinstance(duration, int | float) and not isinstance(duration, bool)
            else None
        )
        name = case.get("name")
        cases.add(
            where,
            name if isinstance(name, str) and name else f"case {case.get('order', index)}",
            success,
            score=min(scores) if scores else None,
            score_field="metricsData[].score",
            latency_ms=latency,
            latency_field="runDuration",
            cost=case.get("evaluationCost"),
            cost_field="evaluationCost",
            values=values,
        )
    if not len(cases):
        raise EvidenceError(source, "testCases", "is empty: the run holds no test cases")
    cases.finish()
    cases.check_unique_ids("testCases[].name")
    return Run(
        file=source,
        tool=TOOL,
        tool_version="",
        run_date="",
        sha256=digest,
        cases=cases,
        notes=("a case passes when every one of its metrics passed",),
    )
