"""Where each value in a calculator's form came from, and what a preset would change.

A preset fills several fields at once: a model's prices from the price list, the readiness
scores the assessment carries, a loaded file. Each field then says where its value came from
(the preset, the reader's own figure, or the default), and a preset that would replace what is
in the form names every change, the reader's own figures first among them, so the page can
offer to undo it in one step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pilot2prod.calculators.documents import (
    CARRIED_FIELD,
    MODEL_FIELD,
    InputsFormat,
    form_text,
    shown,
)
from pilot2prod.calculators.inputs import parse_number
from pilot2prod.model.errors import DocumentError

PRESET_KINDS = {
    "price-list": "the price list for {name}",
    "readiness": "the readiness assessment",
    "file": "the file “{name}”",
}
"""What can fill fields at once, and how a sentence names it."""

MAX_NAME = 200
"""The longest preset name (a model's or a file's) a sentence takes."""

MAX_LISTED = 8
"""A notice names this many changes, then counts the rest."""


@dataclass(frozen=True)
class Preset:
    """Values that fill fields at once, and what they are called."""

    kind: str
    name: str
    fields: Mapping[str, str]

    @property
    def label(self) -> str:
        """How a sentence names it: "the price list for OpenAI GPT-4o"."""
        return PRESET_KINDS[self.kind].format(name=self.name)

    def as_json(self) -> dict[str, Any]:
        """The preset as the page keeps it and sends it back."""
        return {"kind": self.kind, "name": self.name, "fields": dict(self.fields)}


def read_preset(fmt: InputsFormat, raw: object, key: str = "preset") -> Preset | None:
    """A preset sent by the page (`{"kind", "name", "fields"}`), or None; DocumentError if bad."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or raw.get("kind") not in PRESET_KINDS:
        raise DocumentError(key, "must name its kind: " + ", ".join(PRESET_KINDS))
    name = raw.get("name", "")
    if not isinstance(name, str) or len(name) > MAX_NAME:
        raise DocumentError(f"{key}.name", f"must be text of at most {MAX_NAME} characters")
    fields = raw.get("fields", {})
    if not isinstance(fields, Mapping):
        raise DocumentError(f"{key}.fields", "must map fields to values")
    values: dict[str, str] = {}
    for field_id, value in fields.items():
        if field_id not in fmt.form_fields:
            raise DocumentError(f"{key}.fields", f"{str(field_id)[:60]!r} is not a field")
        if not isinstance(value, str) or len(value) > 200:
            raise DocumentError(f"{key}.fields.{field_id}", "must be text, as the form shows it")
        values[field_id] = value
    return Preset(str(raw["kind"]), name, values)


def _text(fmt: InputsFormat, form: Mapping[str, object], key: str) -> str:
    return form_text(fmt, key, form.get(key, fmt.defaults.get(key, "")))


def same(fmt: InputsFormat, key: str, first: str, second: str) -> bool:
    """Whether two form values say the same: "2.50" and "2.5" do, as numbers."""
    if key in fmt.numbers and first.strip() and second.strip():
        a, b = parse_number(first), parse_number(second)
        if isinstance(a, float) and isinstance(b, float):
            return a == b
    return first.strip() == second.strip()


def _sourced(fmt: InputsFormat) -> list[str]:
    # The price list's own field names the model chosen; it is the preset, not a value from one.
    return [key for key in fmt.form_fields if key not in (MODEL_FIELD, CARRIED_FIELD)]


def field_sources(
    fmt: InputsFormat, form: Mapping[str, object], preset: Preset | None
) -> dict[str, dict[str, str]]:
    """Each field's source ("preset", "own" or "default") and the words the page shows."""
    found: dict[str, dict[str, str]] = {}
    for key in _sourced(fmt):
        value = _text(fmt, form, key)
        if preset is not None and key in preset.fields:
            listed = preset.fields[key]
            if same(fmt, key, value, listed):
                found[key] = {"kind": "preset", "text": f"From {preset.label}."}
            else:
                found[key] = {
                    "kind": "own",
                    "text": f"Your own figure; {preset.label} gives {shown(fmt, key, listed)}.",
                }
        elif same(fmt, key, value, fmt.defaults.get(key, "")):
            found[key] = {"kind": "default", "text": "Default."}
        else:
            found[key] = {"kind": "own", "text": "Your own figure."}
    return found


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def replacement(
    fmt: InputsFormat,
    form: Mapping[str, object],
    values: Mapping[str, str],
    source: Preset,
    current: Preset | None,
) -> dict[str, Any]:
    """What `values` from `source` do to the form: the new form, the changes, and the notices.

    `current` is the preset the form follows now, so a value of the reader's own is named as
    such. Nothing is changed here: the page applies `inputs`, and keeps the old ones for undo.
    """
    before = {key: _text(fmt, form, key) for key in fmt.form_fields}
    after = before | {key: value for key, value in values.items() if key in fmt.form_fields}
    kinds = field_sources(fmt, before, current)
    changed = [key for key in _sourced(fmt) if not same(fmt, key, before[key], after[key])]
    own = [key for key in changed if kinds[key]["kind"] == "own"]
    what = _capital(source.label)
    if not changed:
        notice = f"{what} holds the figures the form already shows; nothing changed."
    else:
        lines = []
        for key in sorted(changed, key=lambda k: k not in own)[:MAX_LISTED]:
            mine = " (your own figure)" if key in own else ""
            lines.append(
                f"{fmt.labels[key]} from {shown(fmt, key, before[key])}{mine} "
                f"to {shown(fmt, key, after[key])}"
            )
        more = len(changed) - len(lines)
        rest = f"; and {more} more" if more else ""
        count, it = ("1 field", "it") if len(changed) == 1 else (f"{len(changed)} fields", "them")
        notice = f"{what} changed {count}: {'; '.join(lines)}{rest}. Undo puts {it} back."
    return {
        "inputs": after,
        "changed": changed,
        "own": own,
        "notice": notice,
        "undo_notice": f"Undone: the form is back as it was before {source.label}.",
    }
