"""lm-evaluation-harness per-sample logs (`lm_eval ... --log_samples`, `samples_<task>_*.jsonl`).

Each line is one document: `doc_id`, `doc` (the task's own fields), `target`, `metrics` (the
names of the metrics computed) and each metric's value at the top level (`"acc": 1.0`). Tasks
with several answer filters repeat a document once per `filter`; the first filter is read and
the others noted. A case passes when the first metric listed reaches the passing score, so
pass/fail metrics (acc, exact_match) read directly and continuous ones need a threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import Cases, Run, slice_value

TOOL = "lm-eval"


def read(
    rows: Sequence[object],
    line_numbers: Sequence[int],
    source: str,
    digest: str,
    passing_score: float,
) -> Run:
    """The run in an lm-eval samples file."""
    cases = Cases(source)
    metric: str | None = None
    first_filter: object = None
    skipped = 0
    for row, number in zip(rows, line_numbers, strict=True):
        where = f"line {number}"
        if not isinstance(row, dict):
            raise EvidenceError(source, where, f"must be an object, not {shown(row)}")
        if first_filter is None:
            first_filter = row.get("filter", "none")
        if row.get("filter", "none") != first_filter:
            skipped += 1
            continue
        if metric is None:
            names = row.get("metrics")
            if not isinstance(names, list) or not names or not isinstance(names[0], str):
                raise EvidenceError(source, f"{where}: metrics", "must list the metric names")
            metric = names[0]
        if metric not in row:
            raise EvidenceError(source, f"{where}: {metric}", "is missing, though line 1 has it")
        value = row[metric]
        if isinstance(value, bool):
            value = float(value)
        score = (
            cases.number(where, metric, value, 0.0, 1.0) if not isinstance(value, list) else None
        )
        if score is None:
            raise EvidenceError(
                source,
                f"{where}: {metric}",
                f"is {shown(value)}; expected a score between 0 and 1 (pilot2prod reads "
                "pass/fail metrics such as acc or exact_match)",
            )
        values: dict[str, object] = {}
        doc = row.get("doc")
        if isinstance(doc, dict):
            for key, item in doc.items():
                if slice_value(item) is not None:
                    values[f"doc.{key}"] = item
        cases.add(
            where,
            str(row.get("doc_id")),
            score >= passing_score,
            score=score,
            score_field=metric,
            values=values,
        )
    cases.finish()
    cases.check_unique_ids("doc_id")
    notes = [f"scored by {metric}; a case passes at {passing_score:g} or more"]
    if skipped:
        notes.append(
            f"{skipped} lines of other answer filters were left out (read: {first_filter})"
        )
    return Run(
        file=source,
        tool=TOOL,
        tool_version="",
        run_date="",
        sha256=digest,
        cases=cases,
        notes=tuple(notes),
    )
