"""Run pilot2prod's API at build time, through the very entry point the browser's worker calls."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from mkdocs.exceptions import PluginError

from pilot2prod import api
from pilot2prod.dataset import Dataset


def prerender(data: Dataset, name: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """`api.call(name, payload)` over the build's data, as JSON in and out like the worker's."""
    out = json.loads(api.call(name, json.dumps(payload), data))
    if "error" in out or out.get("ok") is False:
        raise PluginError(f"{name} failed at build time: {out.get('error') or out.get('messages')}")
    return dict(out)
