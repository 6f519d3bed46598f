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
