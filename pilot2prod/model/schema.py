"""Turn plain dicts (parsed YAML or JSON) into frozen dataclasses, strictly.

Every problem is reported with the key path that holds it, so a maintainer
editing `data/` reads `data/faq.yml: entries[3].answer: must not be empty`
instead of a bare KeyError deep inside the build.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

from pilot2prod.model.errors import DataError, describe

T = TypeVar("T")

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids become URL anchors and storage keys: lower case words joined by hyphens."""

_NONE_TYPE = type(None)


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def parse(cls: type[T], raw: object, source: str, path: str = "") -> T:
    """Build dataclass `cls` from `raw`, raising DataError(source, key path, problem)."""
    return typing.cast(T, _convert(cls, raw, source, path))


def _convert(tp: Any, raw: object, source: str, path: str) -> object:
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _convert_dataclass(tp, raw, source, path)
    if origin is Literal:
        allowed = get_args(tp)
        if raw not in allowed or isinstance(raw, bool) != any(isinstance(a, bool) for a in allowed):
            choices = ", ".join(repr(a) for a in allowed)
            if isinstance(raw, bool) and all(isinstance(a, str) for a in allowed):
                # YAML reads a bare yes/no/on/off as true/false: say so, it is the usual cause.
                raise DataError(
                    source,
                    path,
                    f'must be one of {choices}, not true/false (in YAML, quote it: "yes")',
                )
            raise DataError(source, path, f"must be one of {choices}, not {raw!r}")
        return raw
    if origin in (typing.Union, types.UnionType):
        members = get_args(tp)
        if raw is None and _NONE_TYPE in members:
            return None
        non_none = [m for m in members if m is not _NONE_TYPE]
        if len(non_none) == 1:
            return _convert(non_none[0], raw, source, path)
        raise TypeError(f"unsupported union {tp!r}")  # a programming error, not a data error
    if origin in (Mapping, dict):
        key_type, value_type = get_args(tp)
        if not isinstance(raw, dict):
            raise DataError(source, path, f"must be a mapping, not {describe(raw)}")
        return {
            _convert(key_type, key, source, _join(path, str(key))): _convert(
                value_type, value, source, _join(path, str(key))
            )
            for key, value in raw.items()
        }
    if tp is object:
        return raw  # checked by whoever reads it (calculator inputs are checked like a form)
    if origin is tuple:
        item_type = get_args(tp)[0]
        if not isinstance(raw, list):
            raise DataError(source, path, f"must be a list, not {describe(raw)}")
        return tuple(
            _convert(item_type, item, source, _join(path, i)) for i, item in enumerate(raw)
        )
    if tp is str:
        if not isinstance(raw, str):
            raise DataError(source, path, f"must be text, not {describe(raw)}")
        if not raw.strip():
            raise DataError(source, path, "must not be empty")
        return raw.strip()
    if tp is bool:
        if not isinstance(raw, bool):
            raise DataError(source, path, f"must be true or false, not {describe(raw)}")
        return raw
    if tp is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise DataError(source, path, f"must be a whole number, not {describe(raw)}")
        return raw
    if tp is float:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise DataError(source, path, f"must be a number, not {describe(raw)}")
        if not math.isfinite(raw):
            raise DataError(source, path, "must be a finite number")
        return float(raw)
    raise TypeError(f"unsupported field type {tp!r}")


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    # Resolving string annotations is slow, and a data set parses the same few classes many times.
    return get_type_hints(cls)


def _convert_dataclass(cls: type, raw: object, source: str, path: str) -> object:
    if not isinstance(raw, dict):
        raise DataError(source, path, f"must be a mapping, not {describe(raw)}")
    hints = field_types(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(str(k) for k in raw if k not in fields)
    if unknown:
        expected = ", ".join(fields)
        raise DataError(
            source, _join(path, unknown[0]), f"unknown key (expected one of: {expected})"
        )
    values: dict[str, object] = {}
    for name, field in fields.items():
        if name not in raw:
            has_default = (
                field.default is not dataclasses.MISSING
                or field.default_factory is not dataclasses.MISSING
            )
            if not has_default:
                raise DataError(source, _join(path, name), "missing required key")
            continue
        values[name] = _convert(hints[name], raw[name], source, _join(path, name))
    return cls(**values)


def check_unique_ids(items: typing.Sequence[Any], source: str, path: str) -> None:
    """Reject two records in one list that share an `id`."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            raise DataError(
                source,
                f"{_join(path, index)}.id",
                f"duplicate id {item.id!r} (first used at {_join(path, seen[item.id])})",
            )
        seen[item.id] = index


def check_id(value: str, source: str, path: str) -> None:
    """Reject an id that could not serve as an anchor and a storage key."""
    if not ID_PATTERN.match(value):
        raise DataError(
            source, path, f"id {value!r} must be lower-case words joined by hyphens (a-z, 0-9, -)"
        )
