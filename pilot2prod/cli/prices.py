"""`pilot2prod cost --model PROVIDER/MODEL`: the page's price list on the command line.

The same committed table the run-cost page's picker reads, through the same `price_fields`, so
a model gives the command line exactly the prices it gives the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pilot2prod.calculators.runcost.prices import (
    ModelPrices,
    PriceTable,
    price_fields,
    price_notes,
    shipped_table,
    source_line,
)
from pilot2prod.cli.errors import CliError
from pilot2prod.model.errors import DataError


@dataclass(frozen=True)
class ListedPrices:
    """One model's prices as the run-cost inputs take them, and where they come from."""

    table: PriceTable
    model: ModelPrices
    fields: dict[str, str]

    @property
    def text(self) -> str:
        """The source, as-of date and what the prices assume, for the printed result."""
        notes = price_notes(self.model)
        page = f" Check them on {self.model.provider_url}" if self.model.provider_url else ""
        return f"{source_line(self.table, self.model)}{page}.{' ' + notes if notes else ''}"

    def as_json(self) -> dict[str, Any]:
        """The same facts for `--format json`."""
        return {
            "model": self.model.key,
            "source": self.table.source,
            "as_of": self.table.as_of.isoformat(),
            "pricing_url": self.model.provider_url,
            "fields": dict(self.fields),
            "notes": price_notes(self.model),
        }


def listed_prices(key: str) -> ListedPrices:
    """The listed prices for `key`; an unknown model is bad input (exit 2) with suggestions."""
    try:
        table = shipped_table()
    except DataError as error:
        raise CliError(error.source, error.path, error.problem) from error
    model = table.find(key)
    if model is None:
        # The page's picker's matches first (`gpt-4o` finds openai/gpt-4o), then spellings.
        close = [found.key for found in table.search(key, limit=3)] or table.close_matches(key)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        shown = key.strip()[:80]
        raise CliError(
            "--model",
            "",
            f"{shown!r} is not in the price list ({table.source}, as of "
            f"{table.as_of.isoformat()}); give it as PROVIDER/MODEL{hint}",
        )
    return ListedPrices(table, model, price_fields(model))
