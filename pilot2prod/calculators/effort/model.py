"""The production-effort estimator's model: every parameter in `data/effort.yml`, validated.

Each work stream gets a low / likely / high range in person-weeks: the likely
value is the pilot's effort times the stream's ratio (never below a floor),
scaled by the multipliers of the project's traits, reduced by the readiness the
team has already reached and scaled by the calibration from its own history.
The total is a seeded Monte Carlo sum of triangular draws, so P50/P80/P90 are
reproducible to the last digit on any machine, the browser included.
Every number the model uses lives in `data/effort.yml` with its rationale.
"""

from __future__ import annotations

from dataclasses import dataclass

from pilot2prod.calculators.examples import CalculatorExample, check_examples
from pilot2prod.calculators.inputs import (
    FormGroup,
    NumberInput,
    Param,
    check_form,
    check_number_inputs,
    check_param,
    require_ids,
)
from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_unique_ids, parse
from pilot2prod.text import format_number

SOURCE = "data/effort.yml"

TRAITS = ("variety", "volume", "integration", "stakes", "experience")
"""The categorical traits the issue names, in form order; the data gives their levels."""

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
    """The numeric inputs, the calibration history field and the start date."""

    numbers: tuple[NumberInput, ...]
    history: TextInput
    start: TextInput


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
    form: tuple[FormGroup, ...]
    """How the page groups the inputs into fieldsets; every input appears once."""
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
        readiness = map(self.readiness_field, self.readiness.dimensions)
        return ("pilot-weeks", "systems", *readiness, "team-size", "focus", "cost-per-week")

    def defaults(self) -> dict[str, str]:
        """Every input at its default, as the form shows it."""
        values: dict[str, str] = {}
        for spec in self.inputs.numbers:
            values[spec.id] = "" if spec.default is None else format_number(spec.default, 4)
            values[spec.id] = values[spec.id].replace(",", "")
        for trait in self.traits:
            values[trait.id] = trait.default
        values[self.inputs.history.id] = ""
        values[self.inputs.start.id] = ""
        return values


def load_effort_model(raw: object, source: str = SOURCE) -> EffortModel:
    """Validate `data/effort.yml`; a DataError names the file and key on any problem."""
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
    from pilot2prod.calculators.effort.inputs import check_inputs  # inputs are read by the model

    check_form(
        model.form,
        [
            *(n.id for n in numbers),
            *(t.id for t in model.traits),
            model.inputs.history.id,
            model.inputs.start.id,
        ],
        source,
    )
    check_examples(model.examples, source, lambda inputs: check_inputs(model, inputs)[1])
    return model
