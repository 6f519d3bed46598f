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
from itertools import repeat
from typing import Any

from pilot2prod.evidence.errors import BOM, EvidenceError, shown
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


CHUNK_BYTES = 8 * 1024 * 1024
"""JSON Lines are parsed this much at a time: one `json.loads` per chunk is several times faster
than one per line, and only one chunk's objects exist at once (a million rows as objects would
take gigabytes; as columns, a few hundred megabytes)."""

_OPENERS_AND_LINES = bytes(range(256)).translate(None, b"[{\n")


def _deepest_line(body: bytes) -> int:
    """An upper bound on how deep any one line nests: the most `[` and `{` on one line.

    Brackets inside strings count too, which only makes the bound safer; it needs no parse."""
    skeleton = body.translate(None, _OPENERS_AND_LINES)
    return max(map(len, skeleton.split(b"\n")), default=0)


def _line_numbers(body: bytes) -> list[int]:
    """The number of each non-blank line, in order (only asked for when naming a fault)."""
    return [n for n, line in enumerate(body.split(b"\n"), 1) if line.strip()]


def _parse_chunk(chunk: bytes, body: bytes, start: int, source: str) -> list[Any]:
    lines = list(filter(None, map(bytes.strip, chunk.split(b"\n"))))
    try:
        return json.loads(b"[" + b",".join(lines) + b"]")
    except (ValueError, RecursionError):
        first = body.count(b"\n", 0, start) + 1
        numbered = [(n, line) for n, line in enumerate(chunk.split(b"\n"), first) if line.strip()]
        return [_parse_line(line, number, source) for number, line in numbered]


def read_jsonl(body: bytes, source: str, digest: str, passing_score: float) -> Run:
    """JSON Lines from the file's bytes: one object per line, blank lines skipped."""
    from pilot2prod.evidence.formats import MAX_JSON_DEPTH

    body = body.removeprefix(BOM)
    if _deepest_line(body) > MAX_JSON_DEPTH:
        # Some line has enough brackets to be too deep: measure those lines exactly.
        for number, line in enumerate(body.split(b"\n"), 1):
            if line.count(b"[") + line.count(b"{") > MAX_JSON_DEPTH:
                _parse_line(line, number, source)
    first_end = body.find(b"\n", max(0, body.find(b"{")))
    first = _parse_line(body[: first_end if first_end >= 0 else len(body)].strip(), 1, source)
    if isinstance(first, dict) and "doc_id" in first and ("resps" in first or "doc" in first):
        from pilot2prod.evidence.formats import lm_eval

        rows = _parse_chunk(body, body, 0, source)
        return lm_eval.read(rows, _line_numbers(body), source, digest, passing_score)
    columns: dict[str, list[Any]] = {}
    count = 0
    start = 0
    numbers: list[int] = []

    def where(index: int) -> str:
        if not numbers:
            numbers.extend(_line_numbers(body))
        return f"line {numbers[index]}"

    while start < len(body):
        end = body.find(b"\n", start + CHUNK_BYTES)
        end = len(body) if end < 0 else end + 1
        rows = _parse_chunk(body[start:end], body, start, source)
        _add_rows(columns, count, rows, source, where)
        count += len(rows)
        start = end
    if not count:
        raise EvidenceError(source, "", "holds no rows")
    _require_passed(columns, source, where)
    return _from_columns(columns, count, source, digest, passing_score, "jsonl", where, None)


def _add_rows(
    columns: dict[str, list[Any]], before: int, rows: list[Any], source: str, where: Any
) -> None:
    """Append the rows' fields to `columns` (which hold `before` rows so far)."""
    if rows and set(map(type, rows)) != {dict}:
        index = next(i for i, row in enumerate(rows) if not isinstance(row, dict))
        raise EvidenceError(
            source,
            where(before + index),
            f"must be an object with a passed field, not {shown(rows[index])}",
        )
    keys = set().union(*map(dict.keys, rows))
    for key in keys | columns.keys():
        column = columns.get(key)
        if column is None:
            if len(columns) >= MAX_FIELDS + len(RESERVED) and key not in RESERVED:
                continue  # thousands of distinct keys: the first ones are kept
            column = columns[key] = [None] * before
        column.extend(map(dict.get, rows, repeat(key)))  # C loops, no bytecode per row


def _require_passed(columns: dict[str, list[Any]], source: str, where: Any) -> None:
    if "passed" not in columns and "score" not in columns:
        sample = ", ".join(sorted(str(k)[:30] for k in columns)[:10]) or "none"
        raise EvidenceError(
            source,
            where(0),
            f"has no passed field (its fields: {sample}); expected rows with passed (or score), "
            "and optionally id, a slice field, latency_ms, cost and source",
        )


def _parse_line(line: bytes | str, number: int, source: str) -> object:
    from pilot2prod.evidence.formats import MAX_JSON_DEPTH
    from pilot2prod.model.nesting import bytes_depth_exceeds

    raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
    if bytes_depth_exceeds(raw, MAX_JSON_DEPTH):
        raise EvidenceError(
            source, f"line {number}", f"is nested more than {MAX_JSON_DEPTH} levels"
        )
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise EvidenceError(source, f"line {number}", "is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise EvidenceError(
            source, f"line {number} column {error.colno}", f"is not valid JSON: {error.msg}"
        ) from None
    except (ValueError, RecursionError):
        raise EvidenceError(source, f"line {number}", "is not valid JSON") from None


def read_csv(text: str, source: str, digest: str, passing_score: float) -> Run:
    """CSV with a header row (comma, semicolon or tab separated)."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
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
    columns: dict[str, list[Any]] = {}
    _add_rows(columns, 0, list(rows), source, where)
    _require_passed(columns, source, where)
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
    elif set(map(type, raw_ids)) == {str} and not text_cells:
        ids = raw_ids  # the usual case, checked in C: every id is already text
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
    if set(map(type, column)) == {bool}:
        return column  # JSON's true and false: nothing to translate
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
    kinds = set(map(type, column))
    values = column if type(None) not in kinds else [v for v in column if v is not None]
    kinds.discard(type(None))
    if kinds <= {int, float} and (
        not values or (math.isfinite(sum(values)) and min(values) >= 0 and max(values) <= high)
    ):
        return column  # all numbers in range, found with C loops (a NaN or an infinity
        # makes the sum not finite, so it takes the slow path below and is named there)
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
    return column


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
