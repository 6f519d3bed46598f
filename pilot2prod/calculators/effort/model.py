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

from pilot2prod.calculators.examples import CalculatorExample
from pilot2prod.calculators.inputs import (
    FormGroup,
    NumberInput,
    Param,
)
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
