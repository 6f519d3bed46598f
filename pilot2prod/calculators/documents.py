"""The calculators' inputs documents: read strictly, checked, written, once for every surface.

A document is `{"format": "pilot2prod/estimate" | "pilot2prod/run-cost", "version": 1,
"inputs": {field: value}}`, optionally with notes about the file beside `inputs` (`title`,
`date`, `page_url`, ...). The command line's `--format json` result (`format` ending in
`-result`) holds the same `inputs` and reads the same way, and a hand-written file may hold the
`inputs` object on its own. A field left out takes the calculator's default.

The estimator and run-cost pages (their file input, share links, "Save inputs as JSON") and the
`pilot2prod estimate` and `pilot2prod cost` commands all read and write through this module, so
a document has one outcome everywhere: its inputs, or one refusal naming the field at fault.
A file's bytes or text become a value through `pilot2prod.model.documents`, as every other
document's do (UTF-8, no key written twice, bounded size and nesting); this module judges what
the value says. `MAX_VALUE_CHARS` is the only limit of its own, and the build writes it into
the pages' rules (`pilot2prod/api/rules.py`) for what a page keeps before Python is up.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pilot2prod.calculators.effort.inputs import carried_fields, parse_history
from pilot2prod.calculators.effort.inputs import check_inputs as check_effort
from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.inputs import MAX_TEXT
from pilot2prod.calculators.runcost.model import CostModel
from pilot2prod.calculators.runcost.model import check_inputs as check_cost
from pilot2prod.model import documents as files
from pilot2prod.model.errors import DocumentError
from pilot2prod.model.nesting import shape_problem

VERSION = 1
"""The newest document version written and read. There has been one version so far."""

WHAT = "a calculator's inputs"
"""How messages name the file expected."""

MAX_VALUE_CHARS = MAX_TEXT
"""The longest text one value may hold (the past-projects list is the only long field)."""

META_KEYS = ("title", "url", "exported", "date", "page_url")
"""Notes about the file a document may carry beside `inputs`, as text."""

RESULT_KEYS = ("outputs", "tables", "gate", "prices")
"""What the command line's `--format json` result holds beside `inputs`; not read back."""

RESULT_SUFFIX = "-result"
"""The command line's `--format json` result is tagged with the document's tag and this."""

CALCULATORS = ("effort", "cost")
"""The calculators' names, as the pages' `data-p2p-calc` gives them."""


def saved_key(calculator: str) -> str:
    """Where a calculator page keeps the reader's inputs in the browser's storage."""
    return f"pilot2prod/calculator/{calculator}/v1"


def worked_key(calculator: str) -> str:
    """Where a calculator page keeps the inputs of its last complete result and the day it was
    worked out, so the assessment can say what the work will take (shown or saved alike)."""
    return f"pilot2prod/calculator/{calculator}/worked/v1"


EFFORT_TAG = "pilot2prod/estimate"
COST_TAG = "pilot2prod/run-cost"
"""The `format` tags of the estimator's and the run-cost calculator's documents."""

MODEL_FIELD = "model"
"""The run-cost page's price-list field: which listed model the reader chose, as a note."""

CARRIED_FIELD = "readiness"
"""The estimator's carried readiness result: not a form field, it fills the readiness fields."""


@dataclass(frozen=True)
class InputsFormat:
    """One calculator's document: its tag, its fields and how their values are checked."""

    calculator: str
    """The page's name for it (`data-p2p-calc`): "effort" or "cost"."""
    command: str
    """The command that reads it: `pilot2prod estimate` or `pilot2prod cost`."""
    tag: str
    fields: tuple[str, ...]
    """Every key `inputs` may hold, form fields first."""
    form_fields: tuple[str, ...]
    """The fields the page's form shows, each with a control of that name."""
    defaults: Mapping[str, str]
    """Each form field's default, as the form shows it."""
    labels: Mapping[str, str]
    units: Mapping[str, str]
    """Each number field's unit, as its form shows it ("%", "$ per million tokens")."""
    options: Mapping[str, Mapping[str, str]]
    """Each choice field's ids and the words the form shows for them."""
    numbers: frozenset[str]
    """Form fields that hold a number."""
    trimmed: frozenset[str]
    """Form fields that hold an id or a date: their controls take them without spaces."""
    check: Callable[[Mapping[str, object]], Mapping[str, str]]
    """The calculator's own checks: a message per field that cannot be used."""
    carry: Callable[[Mapping[str, object]], Mapping[str, str]] = field(default=lambda raw: {})
    """The form fields a carried result fills in, as the form shows them."""


@dataclass(frozen=True)
class InputsDocument:
    """A document that passed every check: what it gave, and where messages point."""

    format: InputsFormat
    inputs: Mapping[str, object]
    """The fields the document gives, as it gives them (absent ones take their defaults)."""
    prefix: str
    """"inputs." for a document, "" for a bare inputs object: how fields are named."""

    def given(self) -> dict[str, str]:
        """The form fields the document sets, as the form shows them (a carried result included)."""
        fmt = self.format
        values = {
            key: form_text(fmt, key, value)
            for key, value in self.inputs.items()
            if key in fmt.form_fields
        }
        return values | dict(fmt.carry(self.inputs))

    def form(self) -> dict[str, str]:
        """Every form field: the document's value, or the default where it gives none."""
        return dict(self.format.defaults) | self.given()


# --- the two calculators ------------------------------------------------------------------


def effort_format(model: EffortModel) -> InputsFormat:
    """The estimator's document."""
    history, start = model.inputs.history, model.inputs.start
    numbers = tuple(spec.id for spec in model.inputs.numbers)
    traits = tuple(trait.id for trait in model.traits)
    form_fields = (*numbers, *traits, history.id, start.id)
    labels = {spec.id: spec.label for spec in model.inputs.numbers}
    labels |= {trait.id: trait.label for trait in model.traits}
    labels |= {history.id: history.label, start.id: start.label}
    labels[CARRIED_FIELD] = "Readiness result"
    return InputsFormat(
        calculator="effort",
        command="estimate",
        tag=EFFORT_TAG,
        fields=(*form_fields, CARRIED_FIELD),
        form_fields=form_fields,
        defaults=model.defaults(),
        labels=labels,
        units={spec.id: spec.unit for spec in model.inputs.numbers},
        options={t.id: {level.id: level.label for level in t.levels} for t in model.traits},
        numbers=frozenset(numbers),
        trimmed=frozenset(traits) | {start.id},
        check=lambda raw: check_effort(model, raw)[1],
        carry=lambda raw: carried_fields(model, raw),
    )


def _check_cost(model: CostModel, raw: Mapping[str, object]) -> dict[str, str]:
    messages = dict(check_cost(model, raw)[1])
    chosen = raw.get(MODEL_FIELD)
    if chosen is not None and not isinstance(chosen, str):
        messages[MODEL_FIELD] = "Name the model as text (provider/model), or leave it out."
    return messages


def cost_format(model: CostModel) -> InputsFormat:
    """The run-cost calculator's document."""
    numbers = tuple(spec.id for spec in model.inputs)
    labels = {spec.id: spec.label for spec in model.inputs}
    labels[MODEL_FIELD] = "Model from the price list"
    return InputsFormat(
        calculator="cost",
        command="cost",
        tag=COST_TAG,
        fields=(*numbers, MODEL_FIELD),
        form_fields=(*numbers, MODEL_FIELD),
        defaults=model.defaults() | {MODEL_FIELD: ""},
        labels=labels,
        units={spec.id: spec.unit for spec in model.inputs},
        options={},
        numbers=frozenset(numbers),
        trimmed=frozenset(),
        check=lambda raw: _check_cost(model, raw),
    )


# --- reading ------------------------------------------------------------------------------


def _text_problem(value: str) -> str | None:
    if len(value) > MAX_VALUE_CHARS:
        return f"is longer than {MAX_VALUE_CHARS:,} characters"
    if any(0xD800 <= ord(char) <= 0xDFFF for char in value):
        return "holds a broken character (a lone UTF-16 surrogate), not text"
    return None


def _value_problem(value: object) -> str | None:
    """Why a value cannot be kept at all (too long, broken text), whatever its field."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and (problem := _text_problem(node)) is not None:
            return problem
        if isinstance(node, dict):
            stack.extend(node.values())
            stack.extend(node.keys())
        elif isinstance(node, list):
            stack.extend(node)
    return None


_OTHER_TAGS = {
    "pilot2prod/answers": "it is an answers file: use pilot2prod assess",
}


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _check_head(fmt: InputsFormat, raw: Mapping[str, object]) -> bool:
    """Check the format tag, version and keys beside `inputs`; True for a command's result."""
    tag = raw["format"]
    result = isinstance(tag, str) and tag == fmt.tag + RESULT_SUFFIX
    if tag != fmt.tag and not result:
        shown = str(tag)[:60]
        hint = _OTHER_TAGS.get(str(tag), "")
        for other, command in ((EFFORT_TAG, "estimate"), (COST_TAG, "cost")):
            if other != fmt.tag and str(tag) in (other, other + RESULT_SUFFIX):
                hint = f"use pilot2prod {command}"
        raise DocumentError(
            "format",
            f"{shown!r} is not {_article(fmt.command)} {fmt.command} document "
            f"(expected {fmt.tag!r})" + (f"; {hint}" if hint else ""),
        )
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("version", "must be a whole number")
    if version > VERSION:
        raise DocumentError(
            "version",
            f"this file uses version {version}, written by a newer pilot2prod; this one reads "
            f"version {VERSION}: update pilot2prod to read it",
        )
    if version < 1:
        raise DocumentError("version", f"{version} is not a document version")
    return result


def _unwrap(fmt: InputsFormat, raw: object) -> tuple[object, str]:
    """The inputs object of a document (or the bare object itself) and the prefix of its keys."""
    if not isinstance(raw, Mapping):
        raise DocumentError("", "must hold an object of the calculator's fields and values")
    result = False
    if "format" in raw:
        result = _check_head(fmt, raw)
        if "inputs" not in raw:
            raise DocumentError("inputs", "missing; the file holds no inputs")
    if "inputs" not in raw:
        return raw, ""
    allowed = ("format", "version", "inputs", *META_KEYS, *(RESULT_KEYS if result else ()))
    for key, value in raw.items():
        if key not in allowed:
            raise DocumentError(str(key)[:60], "unknown key beside 'inputs'")
        if key in META_KEYS and value is not None:
            if not isinstance(value, str):
                raise DocumentError(key, "must be text")
            if (problem := _text_problem(value)) is not None:
                raise DocumentError(key, problem)
    return raw["inputs"], "inputs."


def read(fmt: InputsFormat, raw: object) -> InputsDocument:
    """Check a parsed document (or bare inputs object) for `fmt`; raises DocumentError.

    Every key must be a field of the calculator, every value usable by its field (the same
    checks the form's messages come from); the first fault is named, with a count of the rest.
    """
    problem = shape_problem(raw)  # a YAML file's value: JSON text was bounded as it was parsed
    if problem is not None:
        raise DocumentError("", problem.replace("an answers file", "a calculator's inputs"))
    inputs, prefix = _unwrap(fmt, raw)
    if not isinstance(inputs, Mapping):
        raise DocumentError(prefix.rstrip("."), "must be an object of fields and values")
    for key, value in inputs.items():
        if not isinstance(key, str):
            raise DocumentError(prefix.rstrip("."), f"field name {key!r} must be text")
        if key not in fmt.fields:
            raise DocumentError(
                f"{prefix}{key[:60]}",
                "not a field of this calculator (known: " + ", ".join(fmt.fields) + ")",
            )
        if (problem := _value_problem(value)) is not None:
            raise DocumentError(f"{prefix}{key}", problem)
    messages = fmt.check(inputs)
    if messages:
        name, message = next(iter(messages.items()))
        if len(messages) > 1:
            message += f" (and {len(messages) - 1} more: " + ", ".join(list(messages)[1:4]) + ")"
        raise DocumentError(f"{prefix}{name}" if name else prefix.rstrip("."), message)
    return InputsDocument(fmt, dict(inputs), prefix)


def read_text(fmt: InputsFormat, text: str) -> InputsDocument:
    """Parse and check a document's JSON text (a file's, or a share link's)."""
    return read(fmt, files.parse_json(text, WHAT))


def read_bytes(fmt: InputsFormat, data: bytes, name: str = "inputs.json") -> InputsDocument:
    """Decode, parse (JSON, or YAML by `name`) and check a file's bytes."""
    return read(fmt, files.read_bytes(data, name, WHAT))


# --- the form's text and writing ----------------------------------------------------------


def number_text(value: float) -> str:
    """A number as a form field shows it: the shortest text that reads back as it."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _history_text(value: Sequence[object]) -> str:
    pairs, _ = parse_history(list(value), len(value))
    return "\n".join(f"{number_text(pilot)}, {number_text(done)}" for pilot, done in pairs)


def form_text(fmt: InputsFormat, key: str, value: object) -> str:
    """A checked value as its form control holds it (choices and dates without spaces)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip() if key in fmt.trimmed else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return ""  # refused by the checks before it gets here
        return number_text(value)
    if isinstance(value, list | tuple):
        return _history_text(value)
    return ""


def write(
    fmt: InputsFormat, inputs: Mapping[str, object], page_url: str | None = None
) -> dict[str, Any]:
    """The document for the form's `inputs`, once they pass every check; raises DocumentError.

    Every form field is written, at its default when absent, so the file says what was used.
    """
    given = {key: value for key, value in inputs.items() if key in fmt.form_fields}
    document = read(fmt, {"format": fmt.tag, "version": VERSION, "inputs": given})
    values = document.form()
    doc: dict[str, Any] = {"format": fmt.tag, "version": VERSION, "inputs": values}
    if page_url:
        doc["page_url"] = page_url
    read(fmt, doc)  # what is written is read back the same way, limits included
    return doc


def dumps(doc: Mapping[str, Any]) -> str:
    """A document as the text of its file."""
    text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    files.check_text(text, WHAT)  # within what every reader takes
    return text


def shown(fmt: InputsFormat, key: str, text: str) -> str:
    """A form value in words, with its unit or its choice's label: "$2.50 per million tokens"."""
    if not text.strip():
        return "empty"
    value = text.strip()
    if key in fmt.options:
        return fmt.options[key].get(value, value)
    unit = fmt.units.get(key, "")
    if unit == "%":
        return f"{value}%"
    if unit.startswith("$"):
        return f"${value} {unit[1:].strip()}".rstrip()
    return f"{value} {unit}".rstrip()
