"""JSON Schemas for the data files, generated from the dataclasses the Dataset parses them into.

One source of truth: `schema.parse` reads a file into these types, and this module writes the
same types as JSON Schema, so an editor that knows the schema (every YAML file names its own in
a `# yaml-language-server: $schema=...` line) completes and checks keys while a maintainer
types, and `check-jsonschema` in `make test` checks the real files against them. Rules that
span files (a link's target exists, the bands' checklist is on the readiness scale) stay the
Dataset's to check: a schema sees one file at a time.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin

from pilot2prod.model.checklists import Checklist
from pilot2prod.model.records import COLLECTIONS
from pilot2prod.model.schema import ID_PATTERN, field_types

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_NONE = type(None)


def type_schema(tp: Any, name: str = "") -> dict[str, Any]:
    """The JSON Schema of one field type; `name` is the field's name (ids get their pattern)."""
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return dataclass_schema(tp)
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        members = [m for m in get_args(tp) if m is not _NONE]
        inner = type_schema(members[0], name)
        return {"anyOf": [inner, {"type": "null"}]} if _NONE in get_args(tp) else inner
    if origin is tuple:
        return {"type": "array", "items": type_schema(get_args(tp)[0])}
    if origin in (Mapping, dict):
        return {"type": "object", "additionalProperties": type_schema(get_args(tp)[1])}
    if tp is str:
        pattern = ID_PATTERN.pattern if name == "id" else r"\S"
        return {"type": "string", "pattern": pattern}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is object:
        return {}
    raise TypeError(f"no JSON Schema for {tp!r}")


def dataclass_schema(cls: type) -> dict[str, Any]:
    """An object with exactly the dataclass's init fields; those without a default required."""
    hints = field_types(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    required = [
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    found: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: type_schema(hints[f.name], f.name) for f in fields},
        "additionalProperties": False,
    }
    if cls.__doc__:
        found["description"] = " ".join(cls.__doc__.split())
    if required:
        found["required"] = required
    return found


def _collection_schema(record_type: type) -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A list of records of one kind, rendered on one page.",
        "properties": {
            "page": {"type": "string", "pattern": r"\.md(#.*)?$"},
            "records": {"type": "array", "minItems": 1, "items": dataclass_schema(record_type)},
        },
        "required": ["page", "records"],
        "additionalProperties": False,
    }


def file_schemas() -> dict[str, tuple[dict[str, Any], tuple[str, ...]]]:
    """Each schema file's name, its schema, and the data files (patterns) that use it."""
    from pilot2prod.calculators.effort.model import EffortModel
    from pilot2prod.calculators.runcost.model import CostModel
    from pilot2prod.evidence.settings import EvidenceSettings
    from pilot2prod.guide.figures import FigureWords
    from pilot2prod.readiness.examples import ExampleAssessmentsFile
    from pilot2prod.readiness.rubric import Rubric
    from pilot2prod.repocheck.rules import RuleSet, TeamRules

    by_type: dict[type, list[tuple[str, str]]] = {}
    for collection, (source, record_type) in COLLECTIONS.items():
        by_type.setdefault(record_type, []).append((collection, source))
    found: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}
    for record_type, uses in by_type.items():
        # Named for its one collection (faq), or for the kind several share (topics).
        name = uses[0][0] if len(uses) == 1 else f"{record_type.__name__.lower()}s"
        found[name] = (_collection_schema(record_type), tuple(source for _, source in uses))
    found["checklist"] = (dataclass_schema(Checklist), ("data/checklists/*.yml",))
    found["readiness"] = (dataclass_schema(Rubric), ("data/readiness.yml",))
    found["example-assessments"] = (
        dataclass_schema(ExampleAssessmentsFile),
        ("data/example-assessments.yml",),
    )
    found["effort"] = (dataclass_schema(EffortModel), ("data/effort.yml",))
    found["cost"] = (dataclass_schema(CostModel), ("data/cost.yml",))
    found["figures"] = (dataclass_schema(FigureWords), ("data/figures.yml",))
    found["repository-checks"] = (dataclass_schema(RuleSet), ("data/repository-checks.yml",))
    # A team's own rules file (`pilot2prod check --rules`) lives in its repository, not here.
    found["repository-rules"] = (dataclass_schema(TeamRules), ())
    found["evidence"] = (dataclass_schema(EvidenceSettings), ("data/evidence.yml",))
    return found


def schema_text(name: str, schema: dict[str, Any]) -> str:
    """The text of `schemas/<name>.schema.json`: stable, so a review sees only real changes."""
    document = {"$schema": DIALECT, "$id": f"{name}.schema.json", "title": name, **schema}
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
