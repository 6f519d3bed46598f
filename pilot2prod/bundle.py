"""The site's validated data, shipped inside the pilot2prod wheel as `pilot2prod/_data.json`.

The site build validates `data/*.yml`, then writes the parsed files as JSON
into the wheel it serves, so the browser (and anyone installing that wheel)
scores with exactly the data the pages were built from. Each part is
validated again on first use, lazily, so the worker parses only what a
calculator needs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from pilot2prod.checklists import Checklist
from pilot2prod.errors import DataError
from pilot2prod.loader import CHECKLIST_DIR, SiteData, load_checklist, load_site

BUNDLE_FORMAT = "pilot2prod/bundle"
"""The `format` tag of `_data.json`."""

BUNDLE_VERSION = 1
"""The layout version of `_data.json`."""

RESOURCE = "_data.json"
"""The file name of the bundled data inside the package."""


class Bundle:
    """Parsed data files keyed by `data/...yml` path, validated part by part on first use."""

    def __init__(self, files: Mapping[str, object]) -> None:
        self.files = files
        self._checklists: dict[str, Checklist] = {}
        self._cache: dict[str, Any] = {}

    def _file(self, source: str) -> object:
        if source not in self.files:
            raise DataError(source, "", "is not in the data bundle")
        return self.files[source]

    def checklist(self, checklist_id: str) -> Checklist:
        """One checklist, validated."""
        if checklist_id not in self._checklists:
            source = f"{CHECKLIST_DIR}{checklist_id}.yml"
            self._checklists[checklist_id] = load_checklist(self._file(source), source)
        return self._checklists[checklist_id]

    def cached(self, key: str, build: Any) -> Any:
        """The value `build(self)` made for `key`, computed once per bundle."""
        if key not in self._cache:
            self._cache[key] = build(self)
        return self._cache[key]

    def site(self) -> SiteData:
        """Everything, validated together (slower: every record is parsed)."""
        return self.cached("site", lambda b: load_site(b.files))

    def raw(self, source: str) -> object:
        """The parsed content of one data file, as the build read it."""
        return self._file(source)


def encode(files: Mapping[str, object], package_version: str) -> str:
    """The text of `_data.json` for `files` (raises TypeError on anything JSON cannot hold)."""
    payload = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "package_version": package_version,
        "files": dict(sorted(files.items())),
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)


def decode(text: str) -> Bundle:
    """A Bundle from the text of `_data.json`."""
    payload = json.loads(text)
    if not isinstance(payload, dict) or payload.get("format") != BUNDLE_FORMAT:
        raise DataError(RESOURCE, "format", f"is not a {BUNDLE_FORMAT} file")
    if payload.get("version") != BUNDLE_VERSION:
        raise DataError(RESOURCE, "version", f"must be {BUNDLE_VERSION}")
    files = payload.get("files")
    if not isinstance(files, dict):
        raise DataError(RESOURCE, "files", "must be a mapping of data files")
    return Bundle(files)


_current: Bundle | None = None


def current() -> Bundle:
    """The bundle shipped in this package (or one installed with `use`)."""
    global _current
    if _current is None:
        resource = resources.files("pilot2prod").joinpath(RESOURCE)
        if not resource.is_file():
            raise DataError(
                f"pilot2prod/{RESOURCE}",
                "",
                "is missing: only the wheel built with the site carries the data",
            )
        _current = decode(resource.read_text(encoding="utf-8"))
    return _current


def use(files: Mapping[str, object] | None) -> None:
    """Score with `files` instead of the shipped data (the build and tests); None resets."""
    global _current
    _current = None if files is None else Bundle(files)
