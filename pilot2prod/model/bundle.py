"""The site's validated data as shipped inside the pilot2prod wheel: `pilot2prod/_data.json`.

The site build validates `data/*.yml`, then writes the parsed files as JSON into the wheel it
serves, so the browser (and anyone installing that wheel) scores with exactly the data the pages
were built from. The anchors of every page travel along, so `pilot2prod --data DIR` can check an
adapted copy's links against the published site, as the build does.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from types import ModuleType

from pilot2prod.model.errors import DataError
from pilot2prod.model.jsonsafe import first_unjsonable

BUNDLE_FORMAT = "pilot2prod/bundle"
"""The `format` tag of `_data.json`."""

BUNDLE_VERSION = 2
"""The layout version of `_data.json` (2: the pages' anchors travel with the files)."""

RESOURCE = "_data.json"
"""The file name of the bundled data inside the package."""


def package_file(package: ModuleType, name: str) -> bytes | None:
    """The bytes of the file `name` beside `package`'s modules; None when there is none.

    Read through the package's own loader: in Pyodide that is the zip importer, whose table of
    contents is read already, where importlib.resources would parse the zip again (tens of
    milliseconds before the first verdict)."""
    loader = getattr(package.__spec__, "loader", None)
    folder = os.path.dirname(package.__file__ or "")
    try:
        return loader.get_data(os.path.join(folder, name))  # type: ignore[union-attr]
    except (AttributeError, OSError):
        return None


def encode(files: Mapping[str, object], package_version: str, pages: Mapping[str, set[str]]) -> str:
    """The text of `_data.json`; a DataError names the file and key JSON cannot carry."""
    for source, content in files.items():
        unjsonable = first_unjsonable(content)
        if unjsonable is not None:
            raise DataError(source, *unjsonable)
    payload = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "package_version": package_version,
        "files": dict(sorted(files.items())),
        "pages": {page: sorted(anchors) for page, anchors in sorted(pages.items())},
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)


def decode(text: str) -> tuple[dict[str, object], dict[str, set[str]]]:
    """The data files and page anchors from the text of `_data.json`."""
    payload = json.loads(text)
    if not isinstance(payload, dict) or payload.get("format") != BUNDLE_FORMAT:
        raise DataError(RESOURCE, "format", f"is not a {BUNDLE_FORMAT} file")
    if payload.get("version") != BUNDLE_VERSION:
        raise DataError(RESOURCE, "version", f"must be {BUNDLE_VERSION}")
    files = payload.get("files")
    pages = payload.get("pages")
    if not isinstance(files, dict) or not isinstance(pages, dict):
        raise DataError(RESOURCE, "files", "must be a mapping of data files and pages")
    return files, {page: set(anchors) for page, anchors in pages.items()}
