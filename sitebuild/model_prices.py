"""Model prices from the `genai-prices` package, read into the compact table the calculator uses.

genai-prices ships its price data inside the package, so this needs no network. It is a build
dependency only: `make prices` runs this module to write `pilot2prod/calculators/runcost/
prices.json`, which is committed, so the command line reads the table without genai-prices
installed, and the site build serves it to the run-cost page. The browser's wheel carries only
`.py` files, so neither the package nor the table reaches Pyodide. `tests/data/` checks that the
committed table equals what the pinned genai-prices gives on the table's own as-of date.

Usage: `python -m sitebuild.model_prices [YYYY-MM-DD]` (default: today, UTC).
"""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

from pilot2prod.calculators.runcost.prices import PRICES_FORMAT, PRICES_VERSION, TABLE_PATH, dump

FIELDS = {
    "input": "input_mtok",
    "output": "output_mtok",
    "cached_input": "cache_read_mtok",
    "cache_write": "cache_write_mtok",
}
"""Our name for each price, and genai-prices' (dollars per million tokens)."""

BATCH_CONTEXT = {"processing": "batch"}
"""The request context under which genai-prices gives a model's batch-tier prices."""


def _dollars(value: object) -> float | None:
    # Tiered prices (a higher rate past some prompt length) keep their first tier: the
    # calculator bills one rate per token, and the tiers start far above a typical prompt.
    base = getattr(value, "base", value)
    if isinstance(base, Decimal) and base.is_finite() and base >= 0:
        return float(base)
    return None


def _prices(found: object) -> dict[str, float]:
    prices = {ours: _dollars(getattr(found, theirs, None)) for ours, theirs in FIELDS.items()}
    return {key: value for key, value in prices.items() if value is not None}


def price_table(as_of: datetime.date) -> dict[str, Any]:
    """Every provider's token-billed models with the prices genai-prices gives on `as_of`."""
    from genai_prices.data_snapshot import get_snapshot

    moment = datetime.datetime.combine(as_of, datetime.time(12), tzinfo=datetime.UTC)
    providers = []
    for provider in get_snapshot().providers:
        models = []
        for model in provider.models:
            # genai-prices' own choice of the price in force on that day (start dates, variants).
            standard = model.get_prices(moment)
            prices = _prices(standard)
            if "input" not in prices or "output" not in prices:
                continue  # billed by image, second or request: no use to this calculator
            entry: dict[str, Any] = {"id": model.id, "name": model.name or model.id, **prices}
            batch = model.get_prices(moment, BATCH_CONTEXT)
            if batch != standard:
                entry["batch"] = _prices(batch)
            models.append(entry)
        if models:
            urls = provider.pricing_urls or []
            providers.append(
                {"id": provider.id, "name": provider.name, "url": urls[0] if urls else ""}
                | {"models": models}
            )
    return {
        "format": PRICES_FORMAT,
        "version": PRICES_VERSION,
        "source": f"genai-prices {metadata.version('genai-prices')}",
        "as_of": as_of.isoformat(),
        "providers": providers,
    }


def main(argv: list[str]) -> int:
    """Write the table for the date given (or today) into the package."""
    as_of = (
        datetime.date.fromisoformat(argv[0]) if argv else datetime.datetime.now(datetime.UTC).date()
    )
    target = Path(__file__).resolve().parent.parent / TABLE_PATH
    target.write_text(dump(price_table(as_of)), encoding="utf-8")
    print(f"wrote {TABLE_PATH} (prices as of {as_of.isoformat()})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
