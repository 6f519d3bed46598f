"""The site's validated data as shipped inside the pilot2prod wheel: `pilot2prod/_data.json`.

The site build validates `data/*.yml`, then writes the parsed files as JSON into the wheel it
serves, so the browser (and anyone installing that wheel) scores with exactly the data the pages
were built from. The anchors of every page travel along, so `pilot2prod --data DIR` can check an
adapted copy's links against the published site, as the build does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from pilot2prod.model.errors import DataError

BUNDLE_FORMAT = "pilot2prod/bundle"
"""The `format` tag of `_data.json`."""

BUNDLE_VERSION = 2
"""The layout version of `_data.json` (2: the pages' anchors travel with the files)."""

RESOURCE = "_data.json"
"""The file name of the bundled data inside the package."""


def encode(files: Mapping[str, object], package_version: str, pages: Mapping[str, set[str]]) -> str:
    """The text of `_data.json`; a DataError names the file and key JSON cannot carry."""
    for source, content in files.items():
        _check_json(content, source, "")
    payload = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "package_version": package_version,
        "files": dict(sorted(files.items())),
        "pages": {page: sorted(anchors) for page, anchors in sorted(pages.items())},
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)


def _check_json(value: object, source: str, path: str) -> None:
    """Refuse what JSON cannot carry (a date, a set, NaN), naming the key that holds it."""
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise DataError(source, path, "must be a finite number")
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_json(item, source, f"{path}[{index}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str):
                raise DataError(source, where, f"keys must be text, not {type(key).__name__}")
            _check_json(item, source, where)
        return
    raise DataError(
        source, path, f"holds a {type(value).__name__}, which the site cannot carry; quote it"
    )


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
