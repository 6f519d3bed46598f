"""The run-cost page's model-price table, written into the built site.

The committed genai-prices table (`pilot2prod/calculators/runcost/prices.json`, refreshed by
`make prices`: `sitebuild.model_prices`) turned into the form's fields by
`pilot2prod.calculators.runcost.prices.site_table`, so the page's picker
(`docs/assets/js/components/price-picker.js`) does no price arithmetic of its own.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pilot2prod.calculators.runcost.prices import PriceTable, shipped_table, site_table
from pilot2prod.model.errors import DataError
from sitebuild.errors import BuildError

SITE_PATH = "assets/data/model-prices.json"
"""Where the build writes the picker's table in the site."""


def price_table() -> PriceTable:
    """The committed table; a fault in it fails the build naming the key."""
    try:
        return shipped_table()
    except DataError as error:
        raise BuildError(str(error)) from error


@cache
def site_json() -> str:
    """The picker's table as compact JSON text."""
    return json.dumps(
        site_table(price_table()), separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def write_site_prices(site_dir: Path) -> None:
    """Write the picker's table into the built site."""
    target = site_dir / SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(site_json(), encoding="utf-8")
