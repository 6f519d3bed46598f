"""Plain tables of cases: CSV, JSON Lines, or a JSON array of rows.

Columns: `passed` (true/false, yes/no, pass/fail, 1/0), and optionally `id`, `score` (0-1),
`latency_ms`, `cost` and `source` (where the case came from: `production`, `synthetic`…).
Every other column with short values is a candidate slice field. Without `passed`, a `score`
column decides: a case passes at the data's passing score or above.

Built for a million rows: the columns are pulled out and checked with comprehensions and the
standard library's C loops, and a row is looked at by itself only to name the first fault.
lm-evaluation-harness samples (`--log_samples` JSONL) are JSON Lines too; they are recognised
by their `doc_id` and handed to `lm_eval`.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import MAX_FIELDS, Cases, Run, slice_value

RESERVED = ("id", "passed", "score", "latency_ms", "cost")
"""Columns with a meaning of their own; every other column may define slices."""

_PASSED: dict[object, bool] = {
    True: True,
    False: False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "pass": True,
    "fail": False,
    "passed": True,
    "failed": False,
    "1": True,
    "0": False,
}
"""What `passed` may say (1 and 0 as numbers are True and False's keys already)."""

_LARGEST = 1.7976931348623157e308  # a bound that refuses infinity in one comparison


def read_jsonl(text: str, source: str, digest: str, passing_score: float) -> Run:
    """JSON Lines: one object per line, blank lines skipped."""
    lines = text.splitlines()
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
    try:
        # One parse for the whole file is several times faster than one per line.
        rows = json.loads("[" + ",".join(line for _, line in numbered) + "]")
    except (ValueError, RecursionError):
        rows = [_parse_line(line, number, source) for number, line in numbered]
    first = rows[0] if rows else None
    if isinstance(first, dict) and "doc_id" in first and ("resps" in first or "doc" in first):
        from pilot2prod.evidence.formats import lm_eval

        return lm_eval.read(rows, [number for number, _ in numbered], source, digest, passing_score)
    return rows_run(
        rows, source, digest, passing_score, "jsonl", line_numbers=[n for n, _ in numbered]
    )


def _parse_line(line: str, number: int, source: str) -> object:
    from pilot2prod.evidence.formats import MAX_JSON_DEPTH
    from pilot2prod.model.nesting import text_depth_exceeds

    if text_depth_exceeds(line, MAX_JSON_DEPTH):
        raise EvidenceError(
            source, f"line {number}", f"is nested more than {MAX_JSON_DEPTH} levels"
        )
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise EvidenceError(
            source, f"line {number} column {error.colno}", f"is not valid JSON: {error.msg}"
        ) from None
    except (ValueError, RecursionError):
        raise EvidenceError(source, f"line {number}", "is not valid JSON") from None


def read_csv(text: str, source: str, digest: str, passing_score: float) -> Run:
    """CSV with a header row (comma, semicolon or tab separated)."""
    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise EvidenceError(source, "", "is empty") from None
    names = [name.strip() for name in header]
    lowered = [name.lower() for name in names]
    if "passed" not in lowered and "score" not in lowered:
        found = ", ".join(name[:30] for name in names[:10]) or "none"
        raise EvidenceError(
            source,
            "line 1",
            f"has no passed column (its columns: {found}); "
            "expected a CSV with a header naming passed (or score), and optionally id, "
            "a slice column, latency_ms, cost and source — or a tool's own result file",
        )
    seen: set[str] = set()
    for name in lowered:
        if name in seen and name:
            raise EvidenceError(source, "line 1", f"names the column {shown(name)} twice")
        seen.add(name)
    try:
        body = [row for row in reader if row and any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise EvidenceError(
            source, f"line {reader.line_num}", f"is not valid CSV: {error}"
        ) from None
    width = len(names)
    for index, row in enumerate(body):
        if len(row) != width:
            raise EvidenceError(
                source,
                f"row {index + 2}",
                f"has {len(row)} cells where the header has {width}",
            )
    columns = {lowered[i]: [row[i].strip() for row in body] for i in range(width)}
    originals = dict(zip(lowered, names, strict=True))
    return _from_columns(
        columns,
        len(body),
        source,
        digest,
        passing_score,
        "csv",
        lambda i: f"row {i + 2}",
        originals,
    )


def rows_run(
    rows: Sequence[object],
    source: str,
    digest: str,
    passing_score: float,
    tool: str,
    first_line: int = 1,
    *,
    line_numbers: Sequence[int] | None = None,
    array: bool = False,
) -> Run:
    """A run from parsed rows (objects), as JSON Lines or a JSON array holds them."""

    def where(index: int) -> str:
        if array:
            return f"[{index}]"
        if line_numbers is not None:
            return f"line {line_numbers[index]}"
        return f"line {first_line + index}"

    if not rows:
        raise EvidenceError(source, "", "holds no rows")
    kinds = set(map(type, rows))
    if kinds != {dict}:
        index = next(i for i, row in enumerate(rows) if not isinstance(row, dict))
        raise EvidenceError(
            source, where(index), f"must be an object with a passed field, not {shown(rows[index])}"
        )
    keys: set[str] = set()
    for row in rows[:1000]:
        keys.update(row)  # type: ignore[arg-type]
    if len(rows) > 1000:
        keys.update(set().union(*map(dict.keys, rows)))  # type: ignore[arg-type]
    if "passed" not in keys and "score" not in keys:
        sample = ", ".join(sorted(str(k)[:30] for k in keys)[:10]) or "none"
        raise EvidenceError(
            source,
            where(0),
            f"has no passed field (its fields: {sample}); expected rows with passed (or score), "
            "and optionally id, a slice field, latency_ms, cost and source",
        )
    columns = {key: [row.get(key) for row in rows] for key in sorted(keys)}  # type: ignore[attr-defined]
    return _from_columns(columns, len(rows), source, digest, passing_score, tool, where, None)


def _from_columns(
    columns: dict[str, list[Any]],
    count: int,
    source: str,
    digest: str,
    passing_score: float,
    tool: str,
    where: Any,
    originals: dict[str, str] | None,
) -> Run:
    cases = Cases(source)
    notes: list[str] = []
    text_cells = tool == "csv"
    scores = _numbers(columns.get("score"), count, 1.0, "score", source, where, text_cells)
    if "passed" in columns:
        passed = _passed(columns["passed"], source, where)
    else:
        passed = [score is not None and score >= passing_score for score in scores]
        missing = next((i for i, s in enumerate(scores) if s is None), None)
        if missing is not None:
            raise EvidenceError(
                source, f"{where(missing)}: score", "is empty and there is no passed column"
            )
        notes.append(f"no passed column: a score of {passing_score:g} or more counts as a pass")
    raw_ids = columns.get("id")
    if raw_ids is None:
        ids = [f"row {index + 1}" for index in range(count)]
    else:
        ids = [_id_text(value) for value in raw_ids]
        empty = next((i for i, value in enumerate(ids) if not value), None)
        if empty is not None:
            raise EvidenceError(source, f"{where(empty)}: id", "is empty; every case needs an id")
    cases.ids = ids
    cases.passed = passed
    cases.scores = scores
    cases.latency_ms = _numbers(
        columns.get("latency_ms"), count, _LARGEST, "latency_ms", source, where, text_cells
    )
    cases.cost = _numbers(columns.get("cost"), count, _LARGEST, "cost", source, where, text_cells)
    for key, column in columns.items():
        if key in RESERVED or len(cases.fields) >= MAX_FIELDS:
            continue
        values = _slice_column(column)
        if values is not None:
            name = originals.get(key, key) if originals else key
            cases.fields[name] = values
    cases.check_unique_ids("id")
    return Run(
        file=source,
        tool=tool,
        tool_version="",
        run_date="",
        sha256=digest,
        cases=cases,
        notes=tuple(notes),
    )


def _id_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return "" if value is None else shown(value)


def _passed(column: list[Any], source: str, where: Any) -> list[bool]:
    try:
        found = [
            _PASSED.get(value.strip().lower() if type(value) is str else value) for value in column
        ]
    except TypeError:  # an unhashable value (a list, an object)
        found = [
            _PASSED.get(value.strip().lower())
            if type(value) is str
            else (_PASSED.get(value) if isinstance(value, bool | int | float) else None)
            for value in column
        ]
    if None in found:
        index = found.index(None)
        raise EvidenceError(
            source,
            f"{where(index)}: passed",
            f"is {shown(column[index])}; expected true or false (also yes/no, pass/fail, 1/0)",
        )
    return found  # type: ignore[return-value]


def _numbers(
    column: list[Any] | None,
    count: int,
    high: float,
    name: str,
    source: str,
    where: Any,
    text_cells: bool,
) -> list[float | None]:
    """A number column checked in one pass; the first bad cell named with what was expected."""
    if column is None:
        return [None] * count
    if text_cells:
        converted: list[Any] = []
        for index, cell in enumerate(column):
            if cell == "":
                converted.append(None)
                continue
            try:
                converted.append(float(cell))
            except ValueError:
                raise EvidenceError(
                    source, f"{where(index)}: {name}", f"is {shown(cell)}; expected a number"
                ) from None
        column = converted
    good = [
        value is None or (type(value) in (int, float) and 0 <= value <= high) for value in column
    ]
    if not all(good):
        index = good.index(False)
        value = column[index]
        span = "between 0 and 1" if high == 1.0 else "0 or more"
        if isinstance(value, float) and not math.isfinite(value):
            problem = f"is {value!r}; expected a finite number {span}"
        else:
            problem = f"is {shown(value)}; expected a number {span}"
        raise EvidenceError(source, f"{where(index)}: {name}", problem)
    return [None if value is None else float(value) for value in column]


def _slice_column(column: list[Any]) -> list[str | None] | None:
    """The column as slice names (None where not set), or None when it cannot define slices."""
    try:
        counts = Counter(column)
    except TypeError:  # lists or objects in it: not a slice field
        return None
    names = {value: slice_value(value) for value in counts}
    if not any(names.values()):
        return None
    if any(name is None for value, name in names.items() if value not in (None, "")):
        return None  # long free text or numbers with decimals: not a slice field
    return [names[value] for value in column]
