"""The estimator's reader inputs: every field checked, past projects read, readiness carried.

A reader can type anything, and the CLI reads whatever is in a file, so every check takes any
object and answers with a value or a message meant for the field it came from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.inputs import MAX_TEXT, Check, check_choice, check_number, parse_number


@dataclass(frozen=True)
class EffortInputs:
    """A reader's inputs after every check passed."""

    pilot_weeks: float
    systems: int
    levels: Mapping[str, str]
    readiness: Mapping[str, float] = field(default_factory=dict)
    """Dimension id to the share of it already in place, 0-1; absent when not assessed."""
    history: tuple[tuple[float, float], ...] = ()
    """Past projects as (pilot person-weeks, production person-weeks) pairs."""
    team: float = 1.0
    """People on the production work."""
    focus: float = 1.0
    """The share of their time they give it, 0-1."""
    rate: float = 0.0
    """Loaded cost of one person-week, in dollars."""
    start: date | None = None
    """When the production work starts; None when not given (no dates then)."""


def parse_start(raw: object) -> tuple[date | None, str | None]:
    """A start date as YYYY-MM-DD, or nothing; the date and a message."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip()), None
        except ValueError:
            pass
    return None, "Enter a date as year-month-day, such as 2027-01-15, or leave it empty."


_HISTORY_SPLIT = re.compile(r"[\s;,]+")


def parse_history(
    raw: object, max_pairs: int
) -> tuple[tuple[tuple[float, float], ...], str | None]:
    """Read past (pilot, production) pairs from text lines or a list; pairs and a message."""
    if raw is None:
        return (), None
    lines: list[object]
    if isinstance(raw, str):
        if len(raw) > MAX_TEXT:
            return (), "This is too long: list at most a few hundred past projects."
        lines = [
            line for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")
        ]
    elif isinstance(raw, list | tuple):
        lines = list(raw)
    else:
        return (), "List past projects, one per line: pilot weeks, then production weeks."
    if len(lines) > max_pairs:
        return (), f"List at most {max_pairs} past projects."
    pairs: list[tuple[float, float]] = []
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str):
            parts: list[object] = [p for p in _HISTORY_SPLIT.split(line.strip()) if p]
        elif isinstance(line, list | tuple):
            parts = list(line)
        else:
            parts = [line]
        if len(parts) != 2:
            return (), (
                f"Line {number}: write two numbers, the pilot's person-weeks and then the "
                "production work's, such as 6, 30."
            )
        values = [parse_number(part) for part in parts]
        for value in values:
            if isinstance(value, str):
                return (), f"Line {number}: {value}"
        pilot, production = (float(v) for v in values)
        if not (0 < pilot <= 100_000 and 0 < production <= 1_000_000):
            return (), (
                f"Line {number}: both efforts must be above zero and below a million person-weeks."
            )
        pairs.append((pilot, production))
    return tuple(pairs), None


def _readiness_from_result(value: object, dimensions: Sequence[str]) -> dict[str, float] | str:
    """Read a readiness result carried from the assessment: a 0-1 score or per-dimension scores."""
    if isinstance(value, bool):
        return "The carried readiness result is not a score."
    if isinstance(value, int | float):
        score: object = value
        per_dimension: object = {}
    elif isinstance(value, Mapping):
        score = value.get("score")
        per_dimension = value.get("dimensions", {})
        if isinstance(per_dimension, list):
            # The assessment's own view lists its dimensions as [{"id": ..., "score": ...}].
            per_dimension = {
                part["id"]: part
                for part in per_dimension
                if isinstance(part, Mapping) and isinstance(part.get("id"), str)
            }
    else:
        return "The carried readiness result is not a score."
    found: dict[str, float] = {}
    if isinstance(per_dimension, Mapping):
        for dim in dimensions:
            part = per_dimension.get(dim)
            if isinstance(part, Mapping):
                part = part.get("score")
            if isinstance(part, int | float) and not isinstance(part, bool):
                if not (math.isfinite(part) and 0 <= part <= 1):
                    return "Carried readiness scores must lie between 0 and 1."
                found[dim] = float(part)
    if isinstance(score, int | float) and not isinstance(score, bool):
        if not (math.isfinite(score) and 0 <= score <= 1):
            return "Carried readiness scores must lie between 0 and 1."
        for dim in dimensions:
            found.setdefault(dim, float(score))
    return found


def carried_fields(model: EffortModel, raw: object) -> dict[str, str]:
    """The readiness fields a carried result fills in, as the text the form shows ("62.5").

    Only fields left blank in `raw` are filled, the same rule `check_inputs` applies. The page
    sends the carried document's inputs, puts these values into its form once, and from then
    on computes from the form alone.
    """
    if not isinstance(raw, Mapping) or "readiness" not in raw:
        return {}
    carried = _readiness_from_result(raw["readiness"], model.readiness.dimensions)
    if isinstance(carried, str):
        return {}  # check_inputs reports the message
    filled: dict[str, str] = {}
    for dim, score in carried.items():
        field_id = model.readiness_field(dim)
        given = raw.get(field_id, model.number(field_id).default)
        if given is None or (isinstance(given, str) and not given.strip()):
            filled[field_id] = f"{round(score * 100, 1):g}"
    return filled


def check_inputs(model: EffortModel, raw: object) -> tuple[EffortInputs | None, dict[str, str]]:
    """Check a reader's inputs; the inputs when all are fine, and a message per bad field.

    A key that is absent takes its default (old share links, hand-written files);
    a key that is present but blank is a message when the field is required.
    """
    if not isinstance(raw, Mapping):
        return None, {"": "The inputs must be a mapping of field names to values."}
    messages: dict[str, str] = {}
    values: dict[str, float | None] = {}
    carried: dict[str, float] = {}
    if "readiness" in raw:
        carried_or_message = _readiness_from_result(raw["readiness"], model.readiness.dimensions)
        if isinstance(carried_or_message, str):
            messages["readiness"] = carried_or_message
        else:
            carried = carried_or_message
    for spec in model.inputs.numbers:
        given = raw.get(spec.id, spec.default)
        dimension = spec.id.removeprefix("readiness-")
        blank = given is None or (isinstance(given, str) and not given.strip())
        if spec.id.startswith("readiness-") and dimension in carried and blank:
            given = round(carried[dimension] * 100, 1)
        checked = check_number(spec, given)
        if checked.message:
            messages[spec.id] = checked.message
        values[spec.id] = checked.value
    levels: dict[str, str] = {}
    for trait in model.traits:
        choice = check_choice(
            [level.id for level in trait.levels],
            [level.label for level in trait.levels],
            raw.get(trait.id, trait.default),
        )
        if isinstance(choice, Check):
            messages[trait.id] = choice.message or "Choose one of the options."
        else:
            levels[trait.id] = choice
    history_id = model.inputs.history.id
    history, history_message = parse_history(
        raw.get(history_id), int(model.calibration.max_pairs.value)
    )
    if history_message:
        messages[history_id] = history_message
    start_id = model.inputs.start.id
    start, start_message = parse_start(raw.get(start_id))
    if start_message:
        messages[start_id] = start_message
    systems = values.get("systems")
    integration = levels.get("integration")
    if systems is not None and integration is not None:
        level = model.trait("integration").level(integration)
        if systems == 0 and not level.ignores_systems:
            messages["systems"] = (
                "Production connects to at least one system here; enter 1 or more, or choose "
                "the standalone option for integration."
            )
    if messages:
        return None, messages
    readiness = {
        dim: float(value) / 100
        for dim in model.readiness.dimensions
        if (value := values.get(model.readiness_field(dim))) is not None
    }
    pilot_weeks, team, focus, rate = (
        values[key] for key in ("pilot-weeks", "team-size", "focus", "cost-per-week")
    )
    assert None not in (pilot_weeks, systems, team, focus, rate)  # required, checked above
    return (
        EffortInputs(
            pilot_weeks=float(pilot_weeks or 0),
            systems=int(systems or 0),
            levels=levels,
            readiness=readiness,
            history=history,
            team=float(team or 1),
            focus=float(focus or 100) / 100,
            rate=float(rate or 0),
            start=start,
        ),
        {},
    )
