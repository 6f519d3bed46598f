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
from pilot2prod.text import percent_figure


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


@dataclass(frozen=True)
class CarriedReadiness:
    """A readiness result carried from the assessment, as the estimator reads it."""

    scores: Mapping[str, float]
    """Dimension id to its score, 0-1, for each dimension the result gives a score."""
    unscored: tuple[str, ...] = ()
    """The estimator's dimensions the result gives no score: their fields carry nothing."""


def _score(value: object) -> float | str | None:
    """A carried score: the float, None for "no score", or a message."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "A carried readiness score must be a number between 0 and 1, or null."
    if not (math.isfinite(value) and 0 <= value <= 1):
        return "Carried readiness scores must lie between 0 and 1."
    return float(value)


def _listed_scores(listed: object) -> dict[str, object] | str:
    """The result's `dimensions`, as a list of `{"id", "score"}` or a mapping, by id."""
    if isinstance(listed, Mapping):
        items = list(listed.items())
    elif isinstance(listed, list):
        items = []
        for part in listed:
            if not isinstance(part, Mapping) or not isinstance(part.get("id"), str):
                return "Each carried readiness dimension needs an id and a score."
            items.append((part["id"], part))
    else:
        return "The carried readiness dimensions must be a list or a mapping."
    scores: dict[str, object] = {}
    for dim, part in items:
        if dim in scores:
            return f"The carried readiness result lists the dimension {str(dim)[:60]!r} twice."
        scores[dim] = part.get("score") if isinstance(part, Mapping) else part
    return scores


def read_carried(value: object, dimensions: Sequence[str]) -> CarriedReadiness | str:
    """Read a readiness result carried from the assessment, or a message saying why not.

    A bare score, or `{"score": ...}` alone, stands for every dimension: the reader wrote one
    figure for all. With `dimensions` listed, each dimension carries its own score only, and
    one the result leaves out or gives no score (null) carries nothing, whatever the overall
    score: a dimension nobody has scored must never lend the estimate credit.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Mapping):
        return "The carried readiness result is not a score."
    overall = _score(value.get("score") if isinstance(value, Mapping) else value)
    if isinstance(overall, str):
        return overall
    if not isinstance(value, Mapping) or "dimensions" not in value:
        if overall is None:
            return CarriedReadiness({}, tuple(dimensions))
        return CarriedReadiness(dict.fromkeys(dimensions, overall))
    listed = _listed_scores(value["dimensions"])
    if isinstance(listed, str):
        return listed
    scores: dict[str, float] = {}
    for dim in dimensions:
        found = _score(listed.get(dim))
        if isinstance(found, str):
            return found
        if found is not None:
            scores[dim] = found
    return CarriedReadiness(scores, tuple(dim for dim in dimensions if dim not in scores))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def carried_fields(model: EffortModel, raw: object) -> dict[str, str]:
    """The readiness fields a carried result sets, as the text the form shows ("41", or "").

    A scored dimension gives its score as the assessment shows it (41%, never 40.6); one the
    result leaves unscored gives an empty field. Only fields left blank in `raw` are set, the
    same rule `check_inputs` applies, so the form shows what the command line computes with.
    """
    if not isinstance(raw, Mapping) or "readiness" not in raw:
        return {}
    carried = read_carried(raw["readiness"], model.readiness.dimensions)
    if isinstance(carried, str):
        return {}  # check_inputs reports the message
    filled: dict[str, str] = {}
    for dim in model.readiness.dimensions:
        field_id = model.readiness_field(dim)
        if _blank(raw.get(field_id, model.number(field_id).default)):
            score = carried.scores.get(dim)
            filled[field_id] = "" if score is None else percent_figure(score)
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
    if "readiness" in raw:
        carried = read_carried(raw["readiness"], model.readiness.dimensions)
        if isinstance(carried, str):
            messages["readiness"] = carried
    filled = carried_fields(model, raw)
    for spec in model.inputs.numbers:
        given = filled.get(spec.id, raw.get(spec.id, spec.default))
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
