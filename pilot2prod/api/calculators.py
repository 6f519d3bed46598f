"""The estimator's and the run-cost calculator's API functions.

`estimate` and `run_cost` take `{"inputs": {field: value}}` (plus `"markdown": true`,
`"page_url"` and `"date"` for an export, and the form's `"preset"`) and answer
`{"ok": true, ...view, "sources": ...}` or, when a field is wrong, `{"ok": false, "messages":
{field: message}, "sources": ...}`: bad input is the reader's to fix next to the field, not an
error. `sources` says where each field's value came from.

The pages read, write and fill their inputs documents through the others, so a file or link
means the same on the page as on the command line (`pilot2prod.calculators.documents`):
`read_inputs` opens a file's or a share link's text, `write_inputs` makes the file and the
share link, `replace_inputs` says what a preset or a loaded file would change, and
`carried_link` writes the assessment's link into the estimator.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod import sharelink
from pilot2prod.api import declare
from pilot2prod.api.requests import EXAMPLE_LINKS, InputError, text_field
from pilot2prod.calculators import documents, sources
from pilot2prod.calculators.documents import InputsFormat
from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.runcost import view as cost_view
from pilot2prod.calculators.runcost.prices import shipped_table
from pilot2prod.calculators.views import request_inputs
from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DocumentError


def _format(data: Dataset, payload: Mapping[str, Any]) -> InputsFormat:
    name = payload.get("calculator")
    if name == "effort":
        return documents.effort_format(data.effort)
    if name == "cost":
        return documents.cost_format(data.cost)
    raise InputError('\'calculator\' must be "effort" or "cost"')


def _preset(fmt: InputsFormat, raw: object, key: str = "preset") -> sources.Preset | None:
    try:
        return sources.read_preset(fmt, raw, key)
    except DocumentError as error:
        raise InputError(f"'{error.where}' {error.problem}") from None


def _with_sources(fmt: InputsFormat, payload: Mapping[str, Any], result: dict) -> dict:
    inputs = request_inputs(payload)
    if isinstance(inputs, Mapping):
        preset = _preset(fmt, payload.get("preset"))
        result["sources"] = sources.field_sources(fmt, inputs, preset)
    return result


def _requests(defaults: dict[str, str]) -> list[dict[str, Any]]:
    """The defaults, their export, and every field out of range (a message per field)."""
    export = {"markdown": True, "page_url": EXAMPLE_LINKS["site_root"], "date": "2026-01-31"}
    return [
        {"inputs": defaults},
        {"inputs": defaults} | export,
        {"inputs": dict.fromkeys(defaults, "-1e999")},
    ]


def _formats(data: Dataset) -> dict[str, InputsFormat]:
    """Each calculator's inputs format, by the name a request gives it."""
    return {
        "effort": documents.effort_format(data.effort),
        "cost": documents.cost_format(data.cost),
    }


@declare("effort.estimate", examples=lambda data: _requests(data.effort.defaults()))
def estimate(data: Dataset, payload: dict) -> dict[str, Any]:
    """`effort.estimate`: the production-effort estimate for the inputs in `payload`.

    A result also carries `run_cost_link`: the share link's payload that opens the run-cost
    calculator with what this estimate means there.
    """
    result = effort_view.run(data.effort, payload)
    if result.get("ok"):
        tag = documents.cost_format(data.cost).tag
        link = {"format": tag, "version": documents.VERSION, "inputs": result["run_cost"]}
        result["run_cost_link"] = sharelink.encode(link)
    return _with_sources(documents.effort_format(data.effort), payload, result)


@declare("cost.run", examples=lambda data: _requests(data.cost.defaults()))
def run_cost(data: Dataset, payload: dict) -> dict[str, Any]:
    """`cost.run`: the monthly run cost for the inputs in `payload`."""
    result = cost_view.run(data.cost, payload)
    return _with_sources(documents.cost_format(data.cost), payload, result)


@declare(
    "cost.models",
    examples=lambda data: [{"query": "gpt-4o"}, {"query": "claude sonnet 4.5"}, {"query": ""}],
)
def find_models(data: Dataset, payload: dict) -> dict[str, Any]:
    """`cost.models`: the listed models `{"query": text}` names, best first.

    The run-cost page's model picker shows these as the reader types and takes the first on
    Enter, so the page and `pilot2prod prices` share one idea of which model a name means.
    """
    query = text_field(payload, "query", "", limit=200)
    table = shipped_table()
    found = table.search(query)
    return {
        "ok": True,
        "summary": table.search_summary(query, found),
        "matches": [
            {"key": model.key, "provider": model.provider_name, "name": model.name}
            for model in found
        ],
    }


def _opened(fmt: InputsFormat, data: Dataset, doc: documents.InputsDocument) -> dict[str, Any]:
    given = doc.given()
    carried = dict(fmt.carry(doc.inputs))
    preset = None
    notice = ""
    if carried:
        preset = sources.Preset("readiness", "", carried).as_json()
        notice = effort_view.carried_notice(data.effort, carried)
    # A link that carries only the assessment's scores (the verdict's "Estimate the remaining
    # work") adds to the reader's own inputs rather than replacing them, so the page keeps it
    # on arrival: a lead who only reads the estimate still finds the scores next time.
    carried_only = bool(carried) and set(given) <= set(carried)
    return {
        "ok": True,
        "inputs": doc.form(),
        "given": given,
        "preset": preset,
        "carried_text": notice,
        "carried_only": carried_only,
        "kept_text": "They are saved in this browser with the rest of your inputs."
        if carried_only
        else "",
    }


def _read_examples(data: Dataset) -> list[dict[str, Any]]:
    # Each calculator's saved defaults, and a file that is not JSON (refused by name).
    saved = [
        {"calculator": name, "text": documents.dumps(documents.write(fmt, fmt.defaults))}
        for name, fmt in _formats(data).items()
    ]
    return [*saved, {"calculator": "cost", "text": "{", "name": "broken.json"}]


@declare("calculators.read", examples=_read_examples)
def read_inputs(data: Dataset, payload: dict) -> dict[str, Any]:
    """`calculators.read`: open an inputs document for the page's form.

    Takes `{"calculator": "effort" | "cost", "text": the document's JSON text, "name": the
    file's name}` (no name: a share link's). The page has the file's bytes decoded, or the link
    unpacked, by the rules of `pilot2prod.model.documents` (lib/file-drop.js, lib/sharelink.js);
    the parsing and every check are here. Answers `{"ok": true, "inputs": every form field,
    "given": the fields the document sets, "preset": what a carried result filled,
    "carried_text", "carried_only": true when the document carries nothing but the
    assessment's scores (the page keeps those at once), "kept_text"}`, or `{"ok": false,
    "field", "message", "text"}` naming the field at fault, as the command line would.
    """
    fmt = _format(data, payload)
    text = payload.get("text")
    if not isinstance(text, str):
        raise InputError("'text' must be the document's text")
    name = text_field(payload, "name", "")
    what = f"“{name}”" if name else "The link"
    try:
        doc = documents.read_text(fmt, text)
    except DocumentError as error:
        where = f"{error.where}: " if error.where else ""
        return {
            "ok": False,
            "field": error.where,
            "message": error.problem,
            "text": f"{what} was not opened: {where}{error.problem}",
        }
    return _opened(fmt, data, doc)


@declare(
    "calculators.write",
    examples=lambda data: [
        {"calculator": name, "inputs": dict(fmt.defaults), "page_url": EXAMPLE_LINKS["site_root"]}
        for name, fmt in _formats(data).items()
    ],
)
def write_inputs(data: Dataset, payload: dict) -> dict[str, Any]:
    """`calculators.write`: the document for the form's inputs, as a file and a share link.

    Takes `{"calculator", "inputs", "page_url"}`; answers `{"ok": true, "text": the file,
    "link": the share link's payload}`, or `{"ok": false, "messages": {field: message}}` when a
    field cannot be used: a file the page writes is one the command line reads.
    """
    fmt = _format(data, payload)
    inputs = payload.get("inputs")
    if not isinstance(inputs, Mapping):
        raise InputError("'inputs' must be an object of fields and values")
    page_url = text_field(payload, "page_url", "", limit=2000)
    given = {key: value for key, value in inputs.items() if key in fmt.form_fields}
    messages = dict(fmt.check(given))
    if not messages:
        try:
            doc = documents.write(fmt, given, page_url or None)
            text = documents.dumps(doc)
        except DocumentError as error:
            messages[error.where.removeprefix("inputs.")] = f"This value {error.problem}."
    if messages:
        return {"ok": False, "messages": messages}
    shared = {key: value for key, value in doc.items() if key != "page_url"}
    return {"ok": True, "text": text, "link": sharelink.encode(shared)}


def _replace_examples(data: Dataset) -> list[dict[str, Any]]:
    # A loaded file that sets every field to its default text with a trailing zero.
    found = []
    for name, fmt in _formats(data).items():
        numbers = {key: fmt.defaults[key] for key in fmt.numbers if key in fmt.defaults}
        values = {key: f"{value}0" if "." in value else value for key, value in numbers.items()}
        source = {"kind": "file", "name": f"{name}.json"}
        found.append(
            {"calculator": name, "inputs": dict(fmt.defaults), "values": values, "source": source}
        )
    return found


@declare("calculators.replace", examples=_replace_examples)
def replace_inputs(data: Dataset, payload: dict) -> dict[str, Any]:
    """`calculators.replace`: what putting `values` from `source` into the form would change.

    Takes `{"calculator", "inputs": the form now, "values": {field: text}, "source": {"kind",
    "name"}, "preset": the preset the form follows now}`; answers the new form's `inputs`, the
    fields `changed` (and those of them that were the reader's `own`), a `notice` naming each
    change and an `undo_notice`. The page applies it and keeps the old form for undo.
    """
    fmt = _format(data, payload)
    form = payload.get("inputs")
    values = payload.get("values")
    if not isinstance(form, Mapping) or not isinstance(values, Mapping):
        raise InputError("'inputs' and 'values' must be objects of fields and values")
    if not all(isinstance(value, str) for value in values.values()):
        raise InputError("'values' must hold the form's text")
    source = _preset(fmt, payload.get("source"), "source")
    if source is None:
        raise InputError("'source' must say where the values come from")
    current = _preset(fmt, payload.get("preset"))
    return sources.replacement(fmt, form, values, source, current)


def _carried_examples(data: Dataset) -> list[dict[str, Any]]:
    # Every dimension scored, and the first one without a score yet.
    ids = [section.id for section in data.scored_checklist.sections]
    scored = [{"id": part, "score": 0.5} for part in ids]
    return [{"dimensions": scored}, {"dimensions": [{"id": ids[0], "score": None}, *scored[1:]]}]


@declare("effort.carried_link", examples=_carried_examples)
def carried_link(data: Dataset, payload: dict) -> dict[str, Any]:
    """`effort.carried_link`: the estimator link's payload for an assessment's dimension scores.

    Takes `{"dimensions": [{"id", "score"}]}` as the assessment's result lists them (a score of
    null: that dimension has none yet) and answers `{"link": payload}`; the estimator fills each
    scored dimension's field as the assessment shows it and leaves the others empty, saying why.
    """
    listed = payload.get("dimensions", [])
    if not isinstance(listed, list):
        raise InputError("'dimensions' must be the assessment's list of dimensions")
    dimensions = [
        {"id": part.get("id"), "score": part.get("score")}
        for part in listed
        if isinstance(part, Mapping)
    ]
    fmt = documents.effort_format(data.effort)
    doc = {
        "format": fmt.tag,
        "version": documents.VERSION,
        "inputs": {documents.CARRIED_FIELD: {"dimensions": dimensions}},
    }
    try:
        documents.read(fmt, doc)
    except DocumentError as error:
        raise InputError(f"the assessment's result cannot be carried: {error}") from None
    return {"link": sharelink.encode(doc)}
