"""promptfoo's JSON output (`promptfoo eval -o results.json`).

Current releases write `{"evalId", "results": {"version", "timestamp", "results": [...],
"stats", "prompts"}, "config", "metadata": {"promptfooVersion"}}`, one entry per test and
prompt with `success`, `score`, `vars`, `testCase.metadata`, `metadata`, `gradingResult`,
`latencyMs`, `cost`, `error`, `testIdx` and `promptIdx`. Older releases kept a table, one row
per test with an `outputs` list (one per prompt) holding `pass` and `score`, and the variables
as a list named by `table.head.vars`; both are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import Cases, Run, slice_value

TOOL = "promptfoo"

PROVIDER_ERROR = 2
"""promptfoo's `failureReason` for a result the provider failed to produce (1 is a failed
assertion, 0 none)."""


def _table(document: Mapping[str, Any]) -> Mapping[str, Any] | None:
    for holder in (document.get("results"), document):
        if isinstance(holder, dict) and isinstance(holder.get("table"), dict):
            table = holder["table"]
            if isinstance(table.get("body"), list):
                return table
    return None


def recognises(document: Mapping[str, Any]) -> bool:
    """True for either shape of promptfoo's output."""
    results = document.get("results")
    if isinstance(results, dict) and isinstance(results.get("results"), list):
        return True
    return _table(document) is not None


def read(document: Mapping[str, Any], source: str, digest: str) -> Run:
    """The run in a promptfoo output document."""
    results = document.get("results")
    cases = Cases(source)
    notes: list[str] = []
    if isinstance(results, dict) and isinstance(results.get("results"), list):
        _read_results(results["results"], cases, notes)
        holder: Mapping[str, Any] = results
    else:
        table = _table(document)
        assert table is not None  # recognises() said so
        _read_table(
            table, cases, "results.table" if table is not document.get("table") else "table"
        )
        holder = results if isinstance(results, dict) else document
        notes.append("read from the results table of an older promptfoo release")
    if not len(cases):
        raise EvidenceError(source, "results.results", "is empty: the run holds no results")
    cases.finish()
    cases.check_unique_ids("results.results[].testIdx")
    metadata = document.get("metadata")
    version = ""
    if isinstance(metadata, dict) and isinstance(metadata.get("promptfooVersion"), str):
        version = metadata["promptfooVersion"][:40]
    run_date = holder.get("timestamp") or (metadata or {}).get("timestamp") or ""
    return Run(
        file=source,
        tool=TOOL,
        tool_version=version,
        run_date=run_date if isinstance(run_date, str) else "",
        sha256=digest,
        cases=cases,
        notes=tuple(notes),
    )


_NAMES: dict[tuple[str, str], str] = {}


def _scalars(prefix: str, values: object, into: dict[str, object]) -> None:
    """Every entry of `values` under a prefixed name; the column store keeps the short ones."""
    if isinstance(values, dict):
        for key, value in values.items():
            name = _NAMES.get((prefix, key))
            if name is None:
                name = f"{prefix}.{key}"
                if len(_NAMES) < 10_000:  # the few names files repeat, not every stray key
                    _NAMES[(prefix, key)] = name
            into[name] = value


def _read_results(results: list, cases: Cases, notes: list[str]) -> None:
    errors = 0
    prompts = {entry.get("promptIdx") for entry in results if isinstance(entry, dict)}
    for index, entry in enumerate(results):
        where = f"results.results[{index}]"
        if not isinstance(entry, dict):
            raise EvidenceError(cases.source, where, f"must be an object, not {shown(entry)}")
        success = entry.get("success")
        if not isinstance(success, bool):
            grading = entry.get("gradingResult")
            success = grading.get("pass") if isinstance(grading, dict) else None
        if not isinstance(success, bool):
            raise EvidenceError(
                cases.source, f"{where}.success", f"must be true or false, not {shown(success)}"
            )
        if entry.get("failureReason") == PROVIDER_ERROR and not success:
            errors += 1
        values: dict[str, object] = {}
        test = entry.get("testCase")
        _scalars("vars", entry.get("vars") or (test or {}).get("vars"), values)
        if isinstance(test, dict):
            _scalars("metadata", test.get("metadata"), values)
            values["description"] = test.get("description")
        _scalars("metadata", entry.get("metadata"), values)
        provider = entry.get("provider")
        label = (
            provider.get("label") or provider.get("id") if isinstance(provider, dict) else provider
        )
        values["provider"] = label
        test_index = entry.get("testIdx", index)
        case_id = f"test {test_index}"
        if len(prompts) > 1:
            case_id += f" prompt {entry.get('promptIdx')}"
        cases.add(
            where,
            case_id,
            success,
            score=entry.get("score"),
            latency_ms=entry.get("latencyMs"),
            cost=entry.get("cost"),
            values=values,
        )
    if errors:
        notes.append(
            f"{errors} results ended in an error from the provider; they count as failures"
        )


def _read_table(table: Mapping[str, Any], cases: Cases, path: str) -> None:
    head = table.get("head")
    names = head.get("vars") if isinstance(head, dict) else None
    names = names if isinstance(names, list) else []
    for row_index, row in enumerate(table["body"]):
        where = f"{path}.body[{row_index}]"
        if not isinstance(row, dict) or not isinstance(row.get("outputs"), list):
            raise EvidenceError(cases.source, where, "must be an object with an outputs list")
        row_vars = row.get("vars") if isinstance(row.get("vars"), list) else []
        values = {
            f"vars.{name}": value
            for name, value in zip(names, row_vars, strict=False)
            if isinstance(name, str) and slice_value(value) is not None
        }
        for output_index, output in enumerate(row["outputs"]):
            here = f"{where}.outputs[{output_index}]"
            if not isinstance(output, dict) or not isinstance(output.get("pass"), bool):
                raise EvidenceError(cases.source, f"{here}.pass", "must be true or false")
            case_id = f"test {row_index}"
            if len(row["outputs"]) > 1:
                case_id += f" prompt {output_index}"
            cases.add(
                here,
                case_id,
                output["pass"],
                score=output.get("score"),
                latency_ms=output.get("latencyMs"),
                cost=output.get("cost"),
                values=values,
            )
