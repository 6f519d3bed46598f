"""The one door into pilot2prod for the browser, the build and the command line.

`call(name, payload_json)` is what the Pyodide worker calls: a function name from
`FUNCTIONS` and a JSON object as text in, JSON text out — the function's result, or
`{"error": "plain message"}`, never a traceback. The build calls it too, with its own
Dataset, to pre-render each widget's default result, so readers without JavaScript see
what the browser would compute. The command line calls `request`, the same functions on
a dict, and reports their errors with the file they came from.

To add a function, write `def name(data: Dataset, payload: dict) -> dict` in a module of
this package, raise `InputError` with a plain message for a bad request, and list it in
`FUNCTIONS` below.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from pilot2prod.api.requests import InputError
from pilot2prod.model.dataset import Dataset, shipped
from pilot2prod.model.errors import DataError
from pilot2prod.model.nesting import text_depth_exceeds
from pilot2prod.readiness.answers import AnswersError

Function = Callable[[Dataset, dict], dict[str, Any]]

MAX_REQUEST_DEPTH = 200
"""The deepest request read at all: above a document's MAX_DEPTH, so a team file nested a
little too deep is still refused by name (and the others merged), yet well inside the
recursion Python's json, and Pyodide's stack, can take."""

__all__ = ["FUNCTIONS", "InputError", "call", "request"]


def ping(data: Dataset, payload: dict) -> dict[str, Any]:
    """Answer at once: the worker uses it to check that the package imported."""
    from pilot2prod import __version__

    return {"ok": True, "version": __version__}


def _on_first_use(module: str, name: str) -> Function:
    """`module.name`, imported at its first call: in Pyodide every module imported at boot
    is compiled before the first verdict, so each page pays only for what it uses."""

    def run(data: Dataset, payload: dict) -> dict[str, Any]:
        function: Function = getattr(importlib.import_module(module), name)
        return function(data, payload)

    run.__name__ = name
    run.__doc__ = f"{module}.{name}, imported when first called."
    return run


FUNCTIONS: dict[str, Function] = {
    "ping": ping,
    "answers.read": _on_first_use("pilot2prod.api.answers", "read"),
    "answers.export": _on_first_use("pilot2prod.api.answers", "export"),
    "readiness.score": _on_first_use("pilot2prod.api.readiness", "score"),
    "readiness.view": _on_first_use("pilot2prod.api.readiness", "view"),
    "readiness.merge": _on_first_use("pilot2prod.api.readiness", "merge"),
    "readiness.plan": _on_first_use("pilot2prod.api.programme", "plan"),
    "readiness.compare": _on_first_use("pilot2prod.api.programme", "compare"),
    "readiness.trend": _on_first_use("pilot2prod.api.programme", "trend"),
    "readiness.milestones_import": _on_first_use("pilot2prod.api.milestones", "import_milestones"),
    "readiness.portfolio_summaries": _on_first_use(
        "pilot2prod.api.programme", "portfolio_summaries"
    ),
    "readiness.portfolio": _on_first_use("pilot2prod.api.programme", "portfolio"),
    "effort.estimate": _on_first_use("pilot2prod.api.calculators", "estimate"),
    "cost.run": _on_first_use("pilot2prod.api.calculators", "run_cost"),
    "effort.carried_link": _on_first_use("pilot2prod.api.calculators", "carried_link"),
    "calculators.read": _on_first_use("pilot2prod.api.calculators", "read_inputs"),
    "calculators.write": _on_first_use("pilot2prod.api.calculators", "write_inputs"),
    "calculators.replace": _on_first_use("pilot2prod.api.calculators", "replace_inputs"),
}
"""Every function the browser may call, by name."""


def request(data: Dataset, name: str, payload: dict) -> dict[str, Any]:
    """Run `FUNCTIONS[name]` on `payload`; raises InputError, AnswersError or DataError."""
    function = FUNCTIONS.get(name) if isinstance(name, str) else None
    if function is None:
        raise InputError(f"there is no calculator function called {str(name)[:60]!r}")
    if not isinstance(payload, dict):
        raise InputError("the request must be a JSON object")
    return function(data, payload)


def _reject_constant(name: str) -> object:
    raise InputError(f"the request holds {name}, which is not a number JSON allows")


def _error(message: str) -> str:
    return json.dumps({"error": message})


def call(name: str, payload_json: str, data: Dataset | None = None) -> str:
    """Run `FUNCTIONS[name]` on the JSON object in `payload_json`; return JSON text.

    `data` defaults to the data shipped in this package (the browser's case).
    """
    if not isinstance(name, str) or name not in FUNCTIONS:
        return _error(f"there is no calculator function called {str(name)[:60]!r}")
    # Refused before parsing: json recurses per level, and inside Pyodide so does the stack.
    if isinstance(payload_json, str) and text_depth_exceeds(payload_json, MAX_REQUEST_DEPTH):
        return _error(
            f"the request is nested more than {MAX_REQUEST_DEPTH} levels deep; it was not read"
        )
    try:
        payload = json.loads(payload_json, parse_constant=_reject_constant)
    except InputError as error:
        return _error(str(error))
    except (TypeError, ValueError, RecursionError):
        return _error("the request was not valid JSON")
    try:
        result = request(shipped() if data is None else data, name, payload)
    except (InputError, AnswersError, DataError) as error:
        return _error(str(error))
    except RecursionError:
        return _error("the request is nested too deeply to read")
    except Exception as error:  # the reader gets a plain message, never a traceback
        return _error(
            f"the calculator failed unexpectedly ({type(error).__name__}); "
            "your answers are unchanged — please report this"
        )
    try:
        return json.dumps(result, allow_nan=False, ensure_ascii=False)
    except ValueError:
        return _error("the calculator produced a number that is not finite; please report this")
