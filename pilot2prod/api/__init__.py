"""The one door into pilot2prod for the browser, the build and the command line.

`call(name, payload_json)` is what the Pyodide worker calls: a declared function's name and a
JSON object as text in, JSON text out — the function's result, or `{"error": "plain message"}`,
never a traceback. The build calls it too, with its own Dataset, to pre-render each widget's
default result, so readers without JavaScript see what the browser would compute. The command
line calls `request`, the same functions on a dict, and reports their errors with the file
they came from.

A function is declared once, beside its code, in any module of this package:

    @declare("readiness.plan", examples=plan_examples)
    def plan(data: Dataset, payload: dict) -> dict[str, Any]: ...

`examples(data)` gives requests the function answers; the build's stdlib probe runs them (so
the browser's library holds every module they reach) and a unit test runs them too. Nothing
else lists the function: the worker, the pre-render, the probe and the CLI find it by name.

Each module is imported at its function's first call: in Pyodide every module imported at boot
is compiled before the first verdict, so each page pays only for what it uses. To find a
name's module without importing every module, the browser's library carries the catalogue the
build derived from the declarations (`_functions.json`); elsewhere the modules of this package
are imported once to read their declarations.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from pilot2prod.api.requests import InputError
from pilot2prod.dataset import Dataset, shipped
from pilot2prod.model import bundle
from pilot2prod.model.errors import DataError
from pilot2prod.model.nesting import text_depth_exceeds
from pilot2prod.readiness.answers import AnswersError

Function = Callable[[Dataset, dict], dict[str, Any]]
Examples = Callable[[Dataset], Iterable[dict[str, Any]]]
F = TypeVar("F", bound=Function)

MAX_REQUEST_DEPTH = 200
"""The deepest request read at all: above a document's MAX_DEPTH, so a team file nested a
little too deep is still refused by name (and the others merged), yet well inside the
recursion Python's json, and Pyodide's stack, can take."""

CATALOGUE = "_functions.json"
"""The catalogue of declared functions (`{name: "module:function"}`), as the build ships it
beside this package's modules."""

__all__ = ["FUNCTIONS", "Declaration", "InputError", "call", "declare", "request"]


@dataclass(frozen=True)
class Declaration:
    """A function the pages may call: its name, the code, and requests it answers."""

    name: str
    function: Function
    examples: Examples

    @property
    def target(self) -> str:
        """Where the function lives, as `module:function`."""
        return f"{self.function.__module__}:{self.function.__name__}"


_declared: dict[str, Declaration] = {}


def declare(name: str, *, examples: Examples) -> Callable[[F], F]:
    """Declare the decorated function under `name`; `examples(data)` gives requests it answers."""

    def register(function: F) -> F:
        found = Declaration(name, function, examples)
        earlier = _declared.get(name)
        if earlier is not None and earlier.target != found.target:
            raise RuntimeError(f"{name!r} is declared twice: {earlier.target} and {found.target}")
        _declared[name] = found
        return function

    return register


def declarations() -> dict[str, Declaration]:
    """Every declared function, by name; imports every module of this package to read them."""
    import pkgutil  # not at boot: the browser reads the shipped catalogue instead

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(_declared.items()))


def catalogue_json() -> str:
    """The catalogue the build ships as `_functions.json`, derived from the declarations."""
    found = {name: declaration.target for name, declaration in declarations().items()}
    return json.dumps(found, sort_keys=True, separators=(",", ":"))


@cache
def catalogue() -> dict[str, str]:
    """Every declared name and where it lives: the shipped catalogue, else the declarations."""
    shipped_catalogue = bundle.package_file(sys.modules[__name__], CATALOGUE)
    if shipped_catalogue is None:
        return {name: declaration.target for name, declaration in declarations().items()}
    found = json.loads(shipped_catalogue.decode("utf-8"))
    return {str(name): str(target) for name, target in found.items()}


class _Functions(MutableMapping[str, Function]):
    """The declared functions by name; each module is imported when its function is first used.

    Setting a name declares a function there and then (a test's stand-in)."""

    def __getitem__(self, name: str) -> Function:
        if name not in _declared:
            target = catalogue().get(name) if isinstance(name, str) else None
            if target is None:
                raise KeyError(name)
            importlib.import_module(target.partition(":")[0])  # its declaration registers it
        return _declared[name].function

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (name in _declared or name in catalogue())

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(set(catalogue()) | set(_declared)))

    def __len__(self) -> int:
        return len(set(catalogue()) | set(_declared))

    def __setitem__(self, name: str, function: Function) -> None:
        _declared[name] = Declaration(name, function, lambda data: [])

    def __delitem__(self, name: str) -> None:
        del _declared[name]


FUNCTIONS: MutableMapping[str, Function] = _Functions()
"""Every function the browser may call, by name."""


@declare("ping", examples=lambda data: [{}])
def ping(data: Dataset, payload: dict) -> dict[str, Any]:
    """Answer at once: the worker uses it to check that the package imported."""
    from pilot2prod import __version__

    return {"ok": True, "version": __version__}


def request(data: Dataset, name: str, payload: dict) -> dict[str, Any]:
    """Run `FUNCTIONS[name]` on `payload`; raises InputError, AnswersError or DataError."""
    if name not in FUNCTIONS:
        raise InputError(f"there is no calculator function called {str(name)[:60]!r}")
    if not isinstance(payload, dict):
        raise InputError("the request must be a JSON object")
    return FUNCTIONS[name](data, payload)


def _reject_constant(name: str) -> object:
    raise InputError(f"the request holds {name}, which is not a number JSON allows")


def _error(message: str) -> str:
    return json.dumps({"error": message})


def call(name: str, payload_json: str, data: Dataset | None = None) -> str:
    """Run `FUNCTIONS[name]` on the JSON object in `payload_json`; return JSON text.

    `data` defaults to the data shipped in this package (the browser's case).
    """
    if name not in FUNCTIONS:
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
