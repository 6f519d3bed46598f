"""The production mix: how traffic divides between slices, typed in or from a CSV of counts.

A CSV exported from traffic logs has one row per slice, its name and a count (or a share);
a header row is optional. Counts and shares are treated alike: only their proportions matter.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping

from pilot2prod.evidence.errors import EvidenceError, shown

MAX_MIX_ROWS = 100_000
"""Slices a mix may list; more is a log of requests, not a mix."""

MAX_MIX_BYTES = 16 * 1024 * 1024
"""The largest mix file read."""


def read_mix_csv(text: str, source: str) -> dict[str, float]:
    """`slice,count` rows (a header allowed) as {slice: count}; EvidenceError naming the line."""
    if len(text) > MAX_MIX_BYTES:
        raise EvidenceError(source, "", "is larger than 16 MB; a mix lists slices, not requests")
    lines = [line for line in text.lstrip("\ufeff").splitlines()]
    if not any(line.strip() for line in lines):
        raise EvidenceError(source, "", "is empty; expected rows of slice,count")
    delimiter = max(",;\t", key=lines[0].count)
    mix: dict[str, float] = {}
    for number, row in enumerate(csv.reader(lines, delimiter=delimiter), 1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise EvidenceError(
                source, f"line {number}", f"has {len(row)} cells; expected two: slice,count"
            )
        name, raw = row[0].strip(), row[1].strip()
        try:
            count = float(raw.rstrip("%"))
        except ValueError:
            if number == 1:
                continue  # a header row
            raise EvidenceError(
                source, f"line {number}", f"count {shown(raw)} is not a number"
            ) from None
        _add(mix, name, count, source, f"line {number}")
        if len(mix) > MAX_MIX_ROWS:
            raise EvidenceError(source, "", f"lists more than {MAX_MIX_ROWS:,} slices")
    return _checked(mix, source)


def read_mix_mapping(raw: object, source: str) -> dict[str, float]:
    """A mix given as an object {slice: count} (the page's form); EvidenceError on a fault."""
    if not isinstance(raw, Mapping):
        raise EvidenceError(source, "", "must map slice names to counts")
    if len(raw) > MAX_MIX_ROWS:
        raise EvidenceError(source, "", f"lists more than {MAX_MIX_ROWS:,} slices")
    mix: dict[str, float] = {}
    for name, count in raw.items():
        if isinstance(count, bool) or not isinstance(count, int | float):
            raise EvidenceError(source, str(name)[:60], f"count {shown(count)} is not a number")
        _add(mix, str(name).strip(), float(count), source, str(name)[:60])
    return _checked(mix, source)


def _add(mix: dict[str, float], name: str, count: float, source: str, where: str) -> None:
    if not name:
        raise EvidenceError(source, where, "has no slice name")
    if not math.isfinite(count) or count < 0:
        raise EvidenceError(source, where, f"count {count!r} must be a finite number, 0 or more")
    if name in mix:
        raise EvidenceError(source, where, f"slice {shown(name)} is listed twice")
    mix[name] = count


def _checked(mix: dict[str, float], source: str) -> dict[str, float]:
    if not mix:
        raise EvidenceError(source, "", "lists no slices; expected rows of slice,count")
    if sum(mix.values()) <= 0:
        raise EvidenceError(source, "", "gives every slice a count of 0; no traffic to weigh by")
    return mix
