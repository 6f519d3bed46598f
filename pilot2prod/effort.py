"""The production-effort estimator: from a pilot and a project's traits to the work ahead.

Each work stream gets a low / likely / high range in person-weeks: the likely
value is the pilot's effort times the stream's ratio (never below a floor),
scaled by the multipliers of the project's traits, reduced by the readiness the
team has already reached and scaled by the calibration from its own history.
The total is a seeded Monte Carlo sum of triangular draws, so P50/P80/P90 are
reproducible to the last digit on any machine, the browser included.
Every number the model uses lives in `data/effort.yml` with its rationale.
"""

from __future__ import annotations

import math
import random
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from pilot2prod.errors import DataError
from pilot2prod.fields import (
    MAX_TEXT,
    CalculatorExample,
    Check,
    NumberInput,
    Param,
    check_choice,
    check_number,
    check_number_inputs,
    check_param,
    format_number,
    parse_examples,
    parse_number,
    require_ids,
)
from pilot2prod.schema import check_unique_ids, parse

SOURCE = "data/effort.yml"

TRAITS = ("variety", "volume", "integration", "stakes", "experience")
"""The categorical traits the issue names, in form order; the data gives their levels."""

PERCENTILES = (0.5, 0.8, 0.9)

SPREAD = (0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95)
"""Quantiles of the simulated total reported beside the histogram as its text equivalent."""

TARGET_ALL = "all"
TARGET_OPERATE = "operate"
TARGET_UNCERTAINTY = "uncertainty"
"""Besides a stream id, a multiplier may scale every stream, the yearly operating effort,
or the upper spread of every range (how much worse than likely things can go)."""


@dataclass(frozen=True)
class Multiplier:
    """How one trait level scales one target, and why."""

    to: str
    by: float
    rationale: str


@dataclass(frozen=True)
class Level:
    """One answer to a trait, such as 'legacy systems' for integration."""

    id: str
    label: str
    meaning: str
    multipliers: tuple[Multiplier, ...] = ()
    ignores_systems: bool = False


@dataclass(frozen=True)
class Trait:
    """A categorical input of the estimator: input variety, volume, integration, ..."""

    id: str
    label: str
    help: str
    default: str
    levels: tuple[Level, ...]

    def level(self, level_id: str) -> Level:
        """The level with `level_id`; KeyError when there is none."""
        for level in self.levels:
            if level.id == level_id:
                return level
        raise KeyError(level_id)


@dataclass(frozen=True)
class Stream:
    """A work stream of production: how big it is next to the pilot and how uncertain."""

    id: str
    title: str
    covers: str
    ratio: Param
    minimum: Param
    low: Param
    high: Param
    dimension: str | None = None


@dataclass(frozen=True)
class TextInput:
    """A free-text form field, such as the calibration history."""

    id: str
    label: str
    help: str


@dataclass(frozen=True)
class EffortInputSpecs:
    """The numeric inputs and the calibration history field."""

    numbers: tuple[NumberInput, ...]
    history: TextInput


@dataclass(frozen=True)
class SystemsParams:
    """How the number of connected systems grows integration work."""

    stream: str
    per_additional: Param


@dataclass(frozen=True)
class ReadinessParams:
    """How a readiness score reduces the work left in the streams it covers."""

    dimensions: tuple[str, ...]
    credit: Param


@dataclass(frozen=True)
class OperateParams:
    """The yearly effort to run and maintain the system once it is live."""

    fraction: Param
    minimum: Param
    weeks_per_year: Param


@dataclass(frozen=True)
class SimulationParams:
    """The Monte Carlo run behind the percentiles."""

    draws: Param
    seed: Param
    shared_overrun: Param


@dataclass(frozen=True)
class CalibrationParams:
    """How far a team's own history may move the estimate."""

    prior_weight: Param
    max_factor: Param
    max_pairs: Param


@dataclass(frozen=True)
class EffortModel:
    """Everything in `data/effort.yml`, validated."""

    inputs: EffortInputSpecs
    traits: tuple[Trait, ...]
    streams: tuple[Stream, ...]
    systems: SystemsParams
    readiness: ReadinessParams
    operate: OperateParams
    simulation: SimulationParams
    calibration: CalibrationParams
    examples: tuple[CalculatorExample, ...] = ()
    """Worked examples for the method page and the tests (checked like reader input)."""

    def number(self, input_id: str) -> NumberInput:
        """The numeric input with `input_id`; KeyError when there is none."""
        for spec in self.inputs.numbers:
            if spec.id == input_id:
                return spec
        raise KeyError(input_id)

    def trait(self, trait_id: str) -> Trait:
        """The trait with `trait_id`; KeyError when there is none."""
        for trait in self.traits:
            if trait.id == trait_id:
                return trait
        raise KeyError(trait_id)

    def readiness_field(self, dimension: str) -> str:
        """The form field that holds the readiness score (percent) of `dimension`."""
        return f"readiness-{dimension}"

    def number_ids(self) -> tuple[str, ...]:
        """The numeric inputs the code expects, in form order."""
        return ("pilot-weeks", "systems", *map(self.readiness_field, self.readiness.dimensions))

    def defaults(self) -> dict[str, str]:
        """Every input at its default, as the form shows it."""
        values: dict[str, str] = {}
        for spec in self.inputs.numbers:
            values[spec.id] = "" if spec.default is None else format_number(spec.default, 4)
            values[spec.id] = values[spec.id].replace(",", "")
        for trait in self.traits:
            values[trait.id] = trait.default
        values[self.inputs.history.id] = ""
        return values


def load_effort_model(raw: object, source: str = SOURCE) -> EffortModel:
    """Validate `data/effort.yml`; a DataError names the file and key on any problem."""
    examples_raw: object = []
    if isinstance(raw, dict) and "examples" in raw:
        raw = dict(raw)
        examples_raw = raw.pop("examples")
    model = parse(EffortModel, raw, source)
    numbers = model.inputs.numbers
    check_unique_ids(numbers, source, "inputs.numbers")
    require_ids([n.id for n in numbers], model.number_ids(), source, "inputs.numbers", "input")
    check_number_inputs(numbers, source, "inputs.numbers")
    for index, spec in enumerate(numbers):
        if spec.id.startswith("readiness-") and (spec.minimum, spec.maximum) != (0, 100):
            raise DataError(source, f"inputs.numbers[{index}]", "readiness is a percentage, 0-100")
    require_ids([t.id for t in model.traits], TRAITS, source, "traits", "trait")
    stream_ids = [s.id for s in model.streams]
    check_unique_ids(model.streams, source, "streams")
    if not model.streams:
        raise DataError(source, "streams", "must list at least one work stream")
    targets = {*stream_ids, TARGET_ALL, TARGET_OPERATE, TARGET_UNCERTAINTY}
    for t_index, trait in enumerate(model.traits):
        where = f"traits[{t_index}]"
        if not trait.levels:
            raise DataError(source, f"{where}.levels", "must list at least one level")
        check_unique_ids(trait.levels, source, f"{where}.levels")
        if trait.default not in [level.id for level in trait.levels]:
            raise DataError(source, f"{where}.default", f"no level {trait.default!r}")
        for l_index, level in enumerate(trait.levels):
            for m_index, multiplier in enumerate(level.multipliers):
                at = f"{where}.levels[{l_index}].multipliers[{m_index}]"
                if multiplier.to not in targets:
                    known = ", ".join(sorted(targets))
                    raise DataError(
                        source, f"{at}.to", f"unknown target {multiplier.to!r} ({known})"
                    )
                if not 0.05 <= multiplier.by <= 20:
                    raise DataError(source, f"{at}.by", "must lie between 0.05 and 20")
            if level.ignores_systems and trait.id != "integration":
                raise DataError(
                    source,
                    f"{where}.levels[{l_index}].ignores_systems",
                    "only an integration level can ignore the number of systems",
                )
    for index, stream in enumerate(model.streams):
        where = f"streams[{index}]"
        check_param(stream.ratio, 0, 50, source, f"{where}.ratio")
        check_param(stream.minimum, 0, 1000, source, f"{where}.minimum")
        check_param(stream.low, 0.05, 1, source, f"{where}.low")
        check_param(stream.high, 1, 20, source, f"{where}.high")
        if stream.ratio.value == 0 and stream.minimum.value == 0:
            raise DataError(source, f"{where}.minimum", "a stream with ratio 0 needs a minimum")
        if stream.dimension is not None and stream.dimension not in model.readiness.dimensions:
            raise DataError(
                source,
                f"{where}.dimension",
                f"{stream.dimension!r} is not listed in readiness.dimensions",
            )
    if model.systems.stream not in stream_ids:
        raise DataError(source, "systems.stream", f"no stream {model.systems.stream!r}")
    check_param(model.systems.per_additional, 0, 5, source, "systems.per_additional")
    check_param(model.readiness.credit, 0, 0.9, source, "readiness.credit")
    check_param(model.operate.fraction, 0, 5, source, "operate.fraction")
    check_param(model.operate.minimum, 0, 1000, source, "operate.minimum")
    check_param(model.operate.weeks_per_year, 1, 52, source, "operate.weeks_per_year")
    check_param(model.simulation.draws, 10_000, 1_000_000, source, "simulation.draws")
    check_param(model.simulation.seed, 0, 2**32 - 1, source, "simulation.seed")
    check_param(model.simulation.shared_overrun, 0, 1, source, "simulation.shared_overrun")
    check_param(model.calibration.prior_weight, 0, 100, source, "calibration.prior_weight")
    check_param(model.calibration.max_factor, 1, 100, source, "calibration.max_factor")
    check_param(model.calibration.max_pairs, 1, 10_000, source, "calibration.max_pairs")
    for name in ("draws", "seed"):
        if getattr(model.simulation, name).value % 1:
            raise DataError(source, f"simulation.{name}.value", "must be a whole number")
    examples = parse_examples(examples_raw, source, lambda inputs: check_inputs(model, inputs)[1])
    return replace(model, examples=examples)


# --- reader input -------------------------------------------------------------------------


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
    pilot_weeks = values["pilot-weeks"]
    assert pilot_weeks is not None and systems is not None  # required inputs, checked above
    return (
        EffortInputs(
            pilot_weeks=pilot_weeks,
            systems=int(systems),
            levels=levels,
            readiness=readiness,
            history=history,
        ),
        {},
    )


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Range:
    """Low / likely / high person-weeks for one work stream."""

    low: float
    likely: float
    high: float


@dataclass(frozen=True)
class Step:
    """One factor in a stream's likely effort or spread, named so the method page can show it."""

    label: str
    value: float


@dataclass(frozen=True)
class StreamPlan:
    """How a stream's range is built: a base, factors on the likely value and on the spread."""

    stream: Stream
    base: float
    floored: bool
    """True when the stream's minimum replaced ratio x pilot effort."""
    steps: tuple[Step, ...]
    spread: tuple[Step, ...]

    @property
    def range(self) -> Range:
        """Low / likely / high from the base and the factors."""
        likely = self.base
        for step in self.steps:
            likely *= step.value
        uncertainty = 1.0
        for step in self.spread:
            uncertainty *= step.value
        high = likely * (1 + (self.stream.high.value - 1) * uncertainty)
        return Range(likely * self.stream.low.value, likely, high)


def _level_steps(model: EffortModel, levels: Mapping[str, str], target: str) -> list[Step]:
    """The multipliers the chosen levels apply to `target`, in trait order."""
    steps: list[Step] = []
    for trait in model.traits:
        level = trait.level(levels[trait.id])
        for multiplier in level.multipliers:
            if multiplier.to == target or (
                multiplier.to == TARGET_ALL and target not in _NON_STREAM_TARGETS
            ):
                steps.append(Step(f"{trait.label}: {level.label}", multiplier.by))
    return steps


_NON_STREAM_TARGETS = frozenset({TARGET_OPERATE, TARGET_UNCERTAINTY})


def stream_plans(
    model: EffortModel,
    inputs: EffortInputs,
    *,
    factor: float = 1.0,
    readiness: bool = True,
    pilot_weeks: float | None = None,
) -> tuple[StreamPlan, ...]:
    """Each stream's base and factors, in the order of `model.streams`."""
    pilot = inputs.pilot_weeks if pilot_weeks is None else pilot_weeks
    count_systems = not any(
        trait.level(inputs.levels[trait.id]).ignores_systems for trait in model.traits
    )
    spread = tuple(_level_steps(model, inputs.levels, TARGET_UNCERTAINTY))
    credit = model.readiness.credit.value
    plans: list[StreamPlan] = []
    for stream in model.streams:
        scaled = stream.ratio.value * pilot
        steps = _level_steps(model, inputs.levels, stream.id)
        if stream.id == model.systems.stream and count_systems and inputs.systems > 1:
            extra = model.systems.per_additional.value * (inputs.systems - 1)
            steps.append(Step(f"{inputs.systems} systems to connect", 1 + extra))
        if readiness and stream.dimension in inputs.readiness:
            score = inputs.readiness[stream.dimension]
            steps.append(Step(f"{stream.dimension} readiness {score:.0%}", 1 - credit * score))
        if factor != 1.0:
            steps.append(Step("calibration from past projects", factor))
        plans.append(
            StreamPlan(
                stream=stream,
                base=max(scaled, stream.minimum.value),
                floored=stream.minimum.value > scaled,
                steps=tuple(steps),
                spread=spread,
            )
        )
    return tuple(plans)


def stream_ranges(
    model: EffortModel,
    inputs: EffortInputs,
    *,
    factor: float = 1.0,
    readiness: bool = True,
    pilot_weeks: float | None = None,
) -> tuple[Range, ...]:
    """Each stream's low / likely / high, in the order of `model.streams`."""
    plans = stream_plans(model, inputs, factor=factor, readiness=readiness, pilot_weeks=pilot_weeks)
    return tuple(plan.range for plan in plans)


def operate_steps(model: EffortModel, inputs: EffortInputs) -> tuple[Step, ...]:
    """The factors the chosen levels apply to the yearly operating effort."""
    return tuple(_level_steps(model, inputs.levels, TARGET_OPERATE))


def triangular_quantile(span: Range, p: float) -> float:
    """The `p` quantile of the triangular distribution over `span` (inverse CDF)."""
    low, mode, high = span.low, span.likely, span.high
    width = high - low
    if width <= 0:
        return mode
    cut = (mode - low) / width
    if p < cut:
        return low + math.sqrt(p * width * (mode - low))
    return high - math.sqrt((1 - p) * width * (high - mode))


def simulate_total(ranges: Sequence[Range], draws: int, seed: int, shared: float) -> list[float]:
    """Sorted totals of `draws` seeded triangular draws, one per stream per draw.

    A share `shared` of the draws moves every stream by the same quantile: overruns
    travel together (one team, one set of unknowns), and summing only independent
    draws would make the total look far more certain than it is. The rest are
    independent. Each stream's own distribution stays exactly triangular.

    This runs on every change in the browser, where Pyodide makes each call into C
    expensive: hence one list comprehension per stream over precomputed constants,
    and `** 0.5` rather than `math.sqrt` (about three times faster there).
    """
    rnd = random.Random(seed).random
    together = round(draws * shared)
    common = [rnd() for _ in range(together)]
    linked = [0.0] * together
    apart = [0.0] * (draws - together)
    for span in ranges:
        low, mode, high = span.low, span.likely, span.high
        width = high - low
        if width <= 0:
            linked = [t + mode for t in linked]
            apart = [t + mode for t in apart]
            continue
        cut = (mode - low) / width
        k_low = width * (mode - low)
        k_high = width * (high - mode)
        linked = [
            t + (low + (u * k_low) ** 0.5 if u < cut else high - ((1.0 - u) * k_high) ** 0.5)
            for t, u in zip(linked, common, strict=True)
        ]
        apart = [
            t
            + (
                low + (u * k_low) ** 0.5
                if (u := rnd()) < cut
                else high - ((1.0 - u) * k_high) ** 0.5
            )
            for t in apart
        ]
    linked.extend(apart)
    linked.sort()
    return linked


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The `p` quantile of sorted values, interpolating between neighbours."""
    if not sorted_values:
        return 0.0
    position = p * (len(sorted_values) - 1)
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    fraction = position - below
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * fraction


@dataclass(frozen=True)
class Calibration:
    """How a team's past projects moved the estimate."""

    pairs: int
    observed_multiple: float
    """Geometric mean of production / pilot effort in the team's history."""
    model_multiple: float
    """Geometric mean of what the model, uncalibrated, says for the same pilots."""
    weight: float
    """How much the history counts against the defaults: pairs / (pairs + prior weight)."""
    factor: float
    limited: bool
    """True when the factor hit the bound in `calibration.max_factor`."""


def calibrate(model: EffortModel, inputs: EffortInputs) -> Calibration | None:
    """The calibration factor from the team's (pilot, production) history, or None.

    Each past project is compared with what the model says for a pilot of its size and
    this project's traits, so it assumes the history holds projects of a similar kind.
    The log-ratios are averaged and shrunk towards no change by the prior weight: one
    or two projects nudge the defaults, a long history replaces them.
    """
    if not inputs.history:
        return None
    log_ratios: list[float] = []
    log_observed: list[float] = []
    log_model: list[float] = []
    for pilot, production in inputs.history:
        predicted = math.fsum(
            r.likely for r in stream_ranges(model, inputs, readiness=False, pilot_weeks=pilot)
        )
        log_observed.append(math.log(production / pilot))
        log_model.append(math.log(predicted / pilot))
        log_ratios.append(math.log(production / predicted))
    count = len(log_ratios)
    weight = count / (count + model.calibration.prior_weight.value)
    raw_log = weight * math.fsum(log_ratios) / count
    bound = math.log(model.calibration.max_factor.value)
    limited = abs(raw_log) > bound
    clipped = max(-bound, min(bound, raw_log))
    return Calibration(
        pairs=count,
        observed_multiple=math.exp(math.fsum(log_observed) / count),
        model_multiple=math.exp(math.fsum(log_model) / count),
        weight=weight,
        factor=math.exp(clipped),
        limited=limited,
    )


@dataclass(frozen=True)
class StreamEstimate:
    """One work stream's range and its own percentiles (exact, from the triangle)."""

    id: str
    title: str
    low: float
    likely: float
    high: float
    p50: float
    p80: float
    p90: float


@dataclass(frozen=True)
class EffortEstimate:
    """The estimator's answer for one set of inputs."""

    streams: tuple[StreamEstimate, ...]
    low: float
    likely: float
    high: float
    mean: float
    p50: float
    p80: float
    p90: float
    pilot_weeks: float
    pilot_share: float
    """The pilot's part of pilot plus production work at P50."""
    operate_weeks: float
    """Person-weeks a year to operate and maintain the live system."""
    operate_fte: float
    calibration: Calibration | None
    readiness: Mapping[str, float]
    draws: int
    seed: int
    histogram: tuple[tuple[float, float, int], ...]
    """Bins of the simulated totals: (from, to, draws)."""
    spread: tuple[tuple[float, float], ...]
    """(quantile, total) for each quantile in SPREAD."""


def _histogram(totals: Sequence[float], bins: int = 24) -> tuple[tuple[float, float, int], ...]:
    low, high = totals[0], totals[-1]
    if high <= low:
        return ((low, high, len(totals)),)
    width = (high - low) / bins
    edges = [low + width * i for i in range(bins)] + [high]
    counts: list[tuple[float, float, int]] = []
    start = 0
    for i in range(bins):
        end = len(totals) if i == bins - 1 else bisect_right(totals, edges[i + 1], lo=start)
        counts.append((edges[i], edges[i + 1], end - start))
        start = end
    return tuple(counts)


def estimate(model: EffortModel, inputs: EffortInputs) -> EffortEstimate:
    """Run the estimator: ranges per stream, Monte Carlo total, operating effort."""
    calibration = calibrate(model, inputs)
    factor = calibration.factor if calibration else 1.0
    ranges = stream_ranges(model, inputs, factor=factor)
    draws = int(model.simulation.draws.value)
    seed = int(model.simulation.seed.value)
    totals = simulate_total(ranges, draws, seed, model.simulation.shared_overrun.value)
    streams = tuple(
        StreamEstimate(
            id=stream.id,
            title=stream.title,
            low=span.low,
            likely=span.likely,
            high=span.high,
            p50=triangular_quantile(span, 0.5),
            p80=triangular_quantile(span, 0.8),
            p90=triangular_quantile(span, 0.9),
        )
        for stream, span in zip(model.streams, ranges, strict=True)
    )
    likely = math.fsum(span.likely for span in ranges)
    p50, p80, p90 = (percentile(totals, p) for p in PERCENTILES)
    operate = model.operate
    operate_weeks = max(operate.fraction.value * likely, operate.minimum.value)
    for step in operate_steps(model, inputs):
        operate_weeks *= step.value
    return EffortEstimate(
        streams=streams,
        low=math.fsum(span.low for span in ranges),
        likely=likely,
        high=math.fsum(span.high for span in ranges),
        mean=math.fsum(totals) / len(totals),
        p50=p50,
        p80=p80,
        p90=p90,
        pilot_weeks=inputs.pilot_weeks,
        pilot_share=inputs.pilot_weeks / (inputs.pilot_weeks + p50),
        operate_weeks=operate_weeks,
        operate_fte=operate_weeks / operate.weeks_per_year.value,
        calibration=calibration,
        readiness=dict(inputs.readiness),
        draws=draws,
        seed=seed,
        histogram=_histogram(totals),
        spread=tuple((p, percentile(totals, p)) for p in SPREAD),
    )
