"""Reading `data/effort.yml`: the estimator's parameters, each checked, and its worked examples
run through the same input checks a reader's inputs get.

Apart from the model's types (`model.py`) because the examples need the input checks
(`inputs.py`), which in turn read the model: the model itself imports neither.
"""

from __future__ import annotations

from pilot2prod.calculators.effort.inputs import check_inputs
from pilot2prod.calculators.effort.model import (
    SOURCE,
    TARGET_ALL,
    TARGET_OPERATE,
    TARGET_UNCERTAINTY,
    TRAITS,
    EffortModel,
)
from pilot2prod.calculators.examples import check_examples
from pilot2prod.calculators.inputs import check_form, check_number_inputs, check_param, require_ids
from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_unique_ids, parse


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
