"""Errors that name where bad data or bad input came from."""

from __future__ import annotations


class DataError(ValueError):
    """Bad content under `data/`: the message reads `data/<file>.yml: <key path>: <problem>`."""

    def __init__(self, source: str, path: str, problem: str) -> None:
        self.source = source
        self.path = path
        self.problem = problem
        where = f"{source}: {path}" if path else source
        super().__init__(f"{where}: {problem}")


class DocumentError(ValueError):
    """A document a reader holds cannot be used: `where` names the field ("" for the whole
    file), `problem` says why in plain words."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


def describe(
    value: object, *, mapping: str = "a mapping", boolean: str = "a true/false value"
) -> str:
    """Name the kind of a value for a message ("not text", "not a list").

    Data files speak of mappings; answers arrive as JSON, so that reader passes
    `mapping="an object"` and a shorter `boolean` to keep its own wording.
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return boolean
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return mapping
    return type(value).__name__
