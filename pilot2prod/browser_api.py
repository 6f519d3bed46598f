"""The one door between the browser and pilot2prod: `call(name, payload_json) -> str`.

The Pyodide worker calls only `call`, with a function name from `FUNCTIONS`
and a JSON object as text; it always gets JSON text back: the function's
result, or `{"error": "plain message"}` — never a traceback. The build calls
the same functions to pre-render each widget's default result, so readers
without JavaScript see what the browser would compute.

To add a calculator, write `def run(payload: dict) -> dict` elsewhere in the
package, raise `InputError` with a plain message for bad input, and add it to
`FUNCTIONS` below.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

from pilot2prod import bundle
from pilot2prod.answers import AnswersError, read_answers, read_document
from pilot2prod.errors import DataError
from pilot2prod.readiness_data import READINESS_SOURCE
from pilot2prod.readiness_view import assessment_view
from pilot2prod.scoring import Rubric, assess, load_rubric


class InputError(ValueError):
    """The request itself is wrong; the message is shown to the reader as is."""


def _reject_constant(name: str) -> object:
    raise InputError(f"the request holds {name}, which is not a number JSON allows")


def _text(payload: dict, key: str, default: str, limit: int = 200) -> str:
    value = payload.get(key, default)
    if not isinstance(value, str) or len(value) > limit:
        raise InputError(f"'{key}' must be text of at most {limit} characters")
    return value


def _link_settings(payload: dict) -> tuple[str, bool]:
    """`site_root` and `directory_urls`: what the views need to write links the page can follow."""
    site_root = _text(payload, "site_root", "")
    directory_urls = payload.get("directory_urls", True)
    if not isinstance(directory_urls, bool):
        raise InputError("'directory_urls' must be true or false")
    return site_root, directory_urls


def readiness_rubric(data: bundle.Bundle) -> Rubric:
    """The verdict bands, validated once per bundle and checked against their checklist."""

    def build(b: bundle.Bundle) -> Rubric:
        rubric = load_rubric(b.raw(READINESS_SOURCE), READINESS_SOURCE)
        b.checklist(rubric.checklist)  # fails with the file name if the checklist is gone
        return rubric

    return data.cached("readiness-rubric", build)


def readiness_score(payload: dict) -> dict[str, Any]:
    """Score readiness answers: `{"answers": {...}}` or `{"document": {...export...}}`.

    Optional: `site_root` (the page's way up to the site root, for links) and
    `directory_urls` (MkDocs' setting). Returns the view of `readiness_view`.
    """
    data = bundle.current()
    rubric = readiness_rubric(data)
    checklist = data.checklist(rubric.checklist)
    site_root, directory_urls = _link_settings(payload)
    if "document" in payload:
        answers = read_document(payload["document"], checklist)
    else:
        answers = read_answers(payload.get("answers", {}), checklist)
    assessment = assess(checklist, rubric, answers)
    return assessment_view(assessment, checklist, rubric, site_root, directory_urls)


def readiness_merge(payload: dict) -> dict[str, Any]:
    """Combine several exports into a team view: `{"documents": [{"name", "document"}, ...]}`.

    A document that is not usable (wrong format, another checklist, a newer
    version) is listed under `refused` with its index and reason and left out;
    the rest are merged. Returns `merge.team_view` plus `refused`, and with
    `"markdown": true` the Markdown `pilot2prod merge --format md` prints;
    `team` is None when nothing could be merged.
    """
    from pilot2prod import merge, report  # imported on use: the worker boots faster without

    data = bundle.current()
    rubric = readiness_rubric(data)
    checklist = data.checklist(rubric.checklist)
    site_root, directory_urls = _link_settings(payload)
    documents = payload.get("documents")
    if not isinstance(documents, list):
        raise InputError("'documents' must be a list of {name, document} objects")
    if not documents:
        raise InputError("choose at least one exported answers file")
    if len(documents) > merge.MAX_PEOPLE:
        raise InputError(f"a team view combines at most {merge.MAX_PEOPLE} files")
    people = []
    refused = []
    for index, entry in enumerate(documents):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(f"documents[{index}].name must be text")
        if "document" not in entry:
            raise InputError(f"documents[{index}].document is missing")
        name = entry["name"][:200]
        try:
            people.append((name, read_document(entry["document"], checklist)))
        except AnswersError as error:
            refused.append({"index": index, "name": name, "message": str(error)})
    if not people:
        return {
            "checklist": checklist.id,
            "people": [],
            "items": [],
            "team": None,
            "refused": refused,
        }
    result = merge.merge(checklist, rubric, people)
    view = merge.team_view(result, checklist, rubric, site_root, directory_urls)
    if payload.get("markdown") is True:
        # Links appear only when site_root is an absolute address (the page sends its own).
        view["markdown"] = report.team_markdown(view, links=True)
    return {**view, "refused": refused}


def ping(payload: dict) -> dict[str, Any]:
    """Answer at once: the worker uses it to check that the package imported."""
    from pilot2prod import __version__

    return {"ok": True, "version": __version__}


def _on_first_use(module: str, name: str) -> Callable[[dict], dict]:
    """`module.name`, imported at its first call: in Pyodide every module imported at boot
    is compiled from source before the first verdict, so each page pays only for its own."""

    def run(payload: dict) -> dict:
        function: Callable[[dict], dict] = getattr(importlib.import_module(module), name)
        return function(payload)

    run.__name__ = name
    run.__doc__ = f"{module}.{name}, imported when first called."
    return run


FUNCTIONS: dict[str, Callable[[dict], dict]] = {
    "ping": ping,
    "readiness.score": readiness_score,
    "readiness.merge": readiness_merge,
    "effort.estimate": _on_first_use("pilot2prod.calculators_api", "effort_estimate"),
    "cost.run": _on_first_use("pilot2prod.calculators_api", "cost_run"),
}
"""Every function the browser may call, by name."""


def _error(message: str) -> str:
    return json.dumps({"error": message})


def call(name: str, payload_json: str) -> str:
    """Run `FUNCTIONS[name]` on the JSON object in `payload_json`; return JSON text."""
    function = FUNCTIONS.get(name) if isinstance(name, str) else None
    if function is None:
        return _error(f"there is no calculator function called {str(name)[:60]!r}")
    try:
        payload = json.loads(payload_json, parse_constant=_reject_constant)
    except InputError as error:
        return _error(str(error))
    except (TypeError, ValueError, RecursionError):
        return _error("the request was not valid JSON")
    if not isinstance(payload, dict):
        return _error("the request must be a JSON object")
    try:
        result = function(payload)
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
