"""Calculator inputs: their specifications (from `data/`) and the checks on what readers type.

A reader can type anything into a form, and the CLI reads whatever is in a file,
so every check here takes any object and answers with a value or a message meant
for the field it came from. Nothing here raises on odd input, and no NaN or
infinity gets through to a model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pilot2prod.errors import DataError
from pilot2prod.schema import check_unique_ids

_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
"""Digits with an optional decimal point and exponent; what `float()` accepts beyond this
("nan", "inf", "1_000", non-ASCII digits) is refused on purpose."""

_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
"""`12,500` or `1,250,000.5`: thousands separators readers paste from spreadsheets."""

MAX_TEXT = 20_000
"""Longest text a field accepts; more is a paste gone wrong, not data."""


@dataclass(frozen=True)
class Param:
    """One model parameter and the one-line reason it has this value."""

    value: float
    rationale: str


@dataclass(frozen=True)
class NumberInput:
    """A numeric form field: label, unit, default and the range the model accepts."""

    id: str
    label: str
    unit: str
    help: str
    minimum: float
    maximum: float
    rationale: str
    default: float | None = None
    integer: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Check:
    """The outcome of checking one field: a usable value, or a message for the reader."""

    value: float | None
    message: str | None = None


HUGE = 1e15
"""From here on a figure is written as a power of ten: grouped digits would run to hundreds of
characters for a valid but extreme input (a success rate of 1e-306 %), and no reader can use
more than the first few of them anyway."""

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def scientific(value: float) -> str:
    """A huge number in a few characters: 2.8 times ten to the 28th, with a superscript 28."""
    if not math.isfinite(value):
        return "—"
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa.removesuffix('.0')} \u00d7 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def format_number(value: float, decimals: int = 2) -> str:
    """A number for messages and labels: grouped thousands, no needless trailing zeros."""
    if not math.isfinite(value):
        return "—"
    if abs(value) >= HUGE:
        return scientific(value)
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def with_unit(value: float, unit: str) -> str:
    """A value with its unit as the form shows it: "20%", "$3 per million tokens"."""
    number = format_number(value)
    if unit == "%":
        return f"{number}%"
    if unit.startswith("$"):
        rest = unit[1:].strip()
        return f"${number} {rest}".rstrip()
    return f"{number} {unit}".rstrip()


def parse_number(raw: object) -> float | str:
    """Read a number from a form value or a file; return the float or a message."""
    if isinstance(raw, bool):
        return "Enter a number, not true or false."
    if isinstance(raw, int):
        # Python ints are unbounded; huge ones would overflow a float later.
        return float(raw) if abs(raw) < 10**300 else "This number is far too large."
    if isinstance(raw, float):
        if math.isnan(raw):
            return "Enter a number: this is not one (NaN)."
        if math.isinf(raw):
            return "Enter a finite number."
        return raw
    if not isinstance(raw, str):
        return "Enter a number."
    text = raw.strip()
    if len(text) > 64:
        return "Enter a number with no more than a few digits."
    text = text.removesuffix("%").strip()
    if _GROUPED_NUMBER.match(text):
        text = text.replace(",", "")
    if not _PLAIN_NUMBER.match(text):
        return "Use digits and a decimal point, such as 12 or 2.5 (no letters or currency signs)."
    value = float(text)
    if not math.isfinite(value):
        return "This number is far too large."
    return value


def _is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def check_number(spec: NumberInput, raw: object) -> Check:
    """Check a reader's value for `spec`: type, whole number, range. Never raises."""
    if _is_empty(raw):
        if spec.optional:
            return Check(None)
        hint = (
            ""
            if spec.default is None
            else f" (the default is {with_unit(spec.default, spec.unit)})"
        )
        return Check(None, f"Enter a value{hint}.")
    parsed = parse_number(raw)
    if isinstance(parsed, str):
        return Check(None, parsed)
    if parsed == 0:
        parsed = 0.0  # -0 reads oddly in results
    if spec.integer and parsed != int(parsed):
        return Check(None, "Enter a whole number.")
    if parsed < spec.minimum:
        if spec.minimum == 0:
            return Check(None, "Cannot be negative.")
        return Check(None, f"Must be at least {with_unit(spec.minimum, spec.unit)}.")
    if parsed > spec.maximum:
        return Check(
            None, f"Must be at most {with_unit(spec.maximum, spec.unit)}; check the units."
        )
    return Check(parsed)


def check_choice(choices: Sequence[str], labels: Sequence[str], raw: object) -> Check | str:
    """The chosen id when `raw` is one of `choices`, else a Check carrying the message."""
    if isinstance(raw, str) and raw.strip() in choices:
        return raw.strip()
    if _is_empty(raw):
        return Check(None, "Choose one of the options.")
    return Check(None, "Choose one of: " + "; ".join(labels) + ".")


def check_number_inputs(specs: Sequence[NumberInput], source: str, path: str) -> None:
    """Reject a number input whose range or default makes no sense (a data error)."""
    for index, spec in enumerate(specs):
        where = f"{path}[{index}]"
        if spec.minimum >= spec.maximum:
            raise DataError(source, f"{where}.maximum", "must be greater than minimum")
        if spec.default is None and not spec.optional:
            raise DataError(source, f"{where}.default", "a required input needs a default")
        if spec.default is not None:
            if not spec.minimum <= spec.default <= spec.maximum:
                raise DataError(source, f"{where}.default", "must lie between minimum and maximum")
            if spec.integer and spec.default != int(spec.default):
                raise DataError(source, f"{where}.default", "must be a whole number")


def require_ids(
    found: Sequence[str], expected: Sequence[str], source: str, path: str, what: str
) -> None:
    """The code reads these records by id: every expected id once, no other."""
    for index, item in enumerate(found):
        if item not in expected:
            raise DataError(
                source,
                f"{path}[{index}].id",
                f"unknown {what} {item!r} (expected: " + ", ".join(expected) + ")",
            )
        if found.index(item) != index:
            raise DataError(source, f"{path}[{index}].id", f"duplicate id {item!r}")
    missing = [item for item in expected if item not in found]
    if missing:
        raise DataError(source, path, f"missing {what} {missing[0]!r}")


def check_param(param: Param, low: float, high: float, source: str, path: str) -> None:
    """A model parameter must lie in the range the model can use."""
    if not low <= param.value <= high:
        raise DataError(
            source,
            f"{path}.value",
            f"must lie between {format_number(low, 4)} and {format_number(high, 4)}",
        )


@dataclass(frozen=True)
class CalculatorExample:
    """A worked example: inputs the method page walks through and the tests pin."""

    id: str
    title: str
    summary: str
    inputs: Mapping[str, object]


_EXAMPLE_KEYS = ("id", "title", "summary", "inputs")


def parse_examples(
    raw: object, source: str, check: Callable[[Mapping[str, object]], Mapping[str, str]]
) -> tuple[CalculatorExample, ...]:
    """Read the `examples` list of a calculator's data file; `check` vets each one's inputs."""
    if not isinstance(raw, list):
        raise DataError(source, "examples", "must be a list")
    found: list[CalculatorExample] = []
    for index, item in enumerate(raw):
        where = f"examples[{index}]"
        if not isinstance(item, dict):
            raise DataError(source, where, "must be a mapping")
        for key in item:
            if key not in _EXAMPLE_KEYS:
                expected = ", ".join(_EXAMPLE_KEYS)
                raise DataError(
                    source, f"{where}.{key}", f"unknown key (expected one of: {expected})"
                )
        for key in _EXAMPLE_KEYS[:3]:
            if key not in item:
                raise DataError(source, f"{where}.{key}", "missing required key")
            if not isinstance(item[key], str) or not item[key].strip():
                raise DataError(source, f"{where}.{key}", "must be non-empty text")
        inputs = item.get("inputs", {})
        if not isinstance(inputs, dict):
            raise DataError(source, f"{where}.inputs", "must be a mapping of field to value")
        messages = check(inputs)
        for field_id, message in messages.items():
            raise DataError(source, f"{where}.inputs.{field_id}", message)
        found.append(CalculatorExample(item["id"], item["title"], item["summary"], dict(inputs)))
    check_unique_ids(found, source, "examples")
    return tuple(found)
