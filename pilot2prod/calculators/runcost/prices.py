"""Published model prices: the table `make prices` writes from genai-prices, and its use.

The table (`prices.json` beside this module) holds, for each provider and model, the prices in
dollars per million tokens that genai-prices gave on the table's as-of date: input, output and,
where the data has them, cached input, cache writes and the batch tier.
`sitebuild/model_prices.py` writes it; this module only reads it, so neither the command line
nor the site needs genai-prices at run time. `price_fields` turns one model's prices into the
run-cost form's fields, once, for both the command line and the page's model picker.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from pilot2prod.model.errors import DataError
from pilot2prod.text import format_number

PRICES_FORMAT = "pilot2prod/prices"
PRICES_VERSION = 1
TABLE_NAME = "prices.json"
TABLE_PATH = f"pilot2prod/calculators/runcost/{TABLE_NAME}"
"""Where the committed table lives in the repository (and in the installed package)."""

STALE_AFTER_DAYS = 90
"""Published prices change often; past this age the page asks the reader to check them."""

PRICE_KEYS = ("input", "output", "cached_input", "cache_write")

SEARCH_LIMIT = 12
"""How many matches a search returns: enough to tell the close ones apart, few to read."""

_NOT_WORD = re.compile(r"[\W_]+")
_HOST_PREFIX = re.compile(r"^(?:[a-z]+\.)+(?=[a-z])")
"""Cloud listings put a region and a maker before the model (`global.anthropic.claude-…`)."""
_RELEASE_SUFFIX = re.compile(r"(?:[-@_](?:\d{8}|\d{4}-\d{2}-\d{2}))?(?:-v\d+(?::\d+)?)?$")
"""A release date and a version (`-20250929-v1:0`) that readers leave out of a model's name."""


def fold(text: str) -> str:
    """A name as the search compares it: letter case, spaces and punctuation do not count.

    "Claude Sonnet 4.5", "claude-sonnet-4-5" and "claude sonnet 4.5" all fold to the same
    text, so a reader need not guess how a provider spells its ids.
    """
    return _NOT_WORD.sub("", text.casefold())


def _bare_id(model_id: str) -> str:
    """The model's id without a reseller's namespace, cloud prefix or release suffix."""
    tail = model_id.rsplit("/", 1)[-1]
    tail = _HOST_PREFIX.sub("", tail)
    return _RELEASE_SUFFIX.sub("", tail) or tail


@dataclass(frozen=True)
class ModelPrices:
    """One model's prices in dollars per million tokens; None where the data has none."""

    provider_id: str
    provider_name: str
    provider_url: str
    id: str
    name: str
    input: float
    output: float
    cached_input: float | None = None
    cache_write: float | None = None
    batch_input: float | None = None

    @property
    def key(self) -> str:
        """How a reader names the model: `provider/model` (model ids may hold slashes too)."""
        return f"{self.provider_id}/{self.id}"


@dataclass(frozen=True)
class PriceTable:
    """Every model of the table, with where and when the prices come from."""

    source: str
    as_of: datetime.date
    models: tuple[ModelPrices, ...]

    def find(self, key: str) -> ModelPrices | None:
        """The model named `provider/model` (letter case ignored), or None."""
        wanted = key.strip().lower()
        for model in self.models:
            if model.key.lower() == wanted:
                return model
        return None

    @cached_property
    def _search_keys(self) -> tuple[tuple[ModelPrices, frozenset[str], frozenset[str], bool], ...]:
        """Each model's folded names (its own, and the aliases readers use) and whether its
        provider is the model's maker.

        A reseller names a model under its maker (`openrouter`'s `openai/gpt-4o`), so the
        makers are read from the table itself: `openai` listing `gpt-4o` is the maker's own
        price, and ranks before a reseller's listing of the same model.
        """
        providers = {model.provider_id for model in self.models}
        makers: dict[str, set[str]] = {}
        for model in self.models:
            space, slash, _ = model.id.partition("/")
            if slash and space in providers:
                makers.setdefault(fold(_bare_id(model.id)), set()).add(space)
        keys = []
        for model in self.models:
            own = frozenset(
                fold(text)
                for text in (
                    model.id,
                    model.name,
                    model.key,
                    f"{model.provider_name} {model.name}",
                )
            )
            bare = fold(_bare_id(model.id))
            aliases = frozenset({bare, fold(f"{model.provider_id} {_bare_id(model.id)}")}) - own
            maker = model.provider_id in makers.get(bare, ())
            keys.append((model, own, aliases, maker))
        return tuple(keys)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[ModelPrices]:
        """The models a reader means by `query`, best first; none for a blank query.

        The order: the exact `provider/model` key; then a model whose own id or name is the
        query, then one whose alias (its id without namespace, cloud prefix or release date)
        is; then names that start with it, then names that hold it, own before alias each
        time. Among equals, the maker's own listing comes first, then the shorter key (the
        plainer model: `gpt-4o` before `gpt-4o-mini`), then the key's alphabetical order.
        """
        wanted = fold(query)
        if not wanted:
            return []
        exact_key = query.strip().lower()
        ranked: list[tuple[tuple[int, bool, int, str], ModelPrices]] = []
        for model, own, aliases, maker in self._search_keys:
            if model.key.lower() == exact_key:
                tier = 0
            elif wanted in own:
                tier = 1
            elif wanted in aliases:
                tier = 2
            elif any(key.startswith(wanted) for key in own):
                tier = 3
            elif any(key.startswith(wanted) for key in aliases):
                tier = 4
            elif any(wanted in key for key in own):
                tier = 5
            elif any(wanted in key for key in aliases):
                tier = 6
            else:
                continue
            ranked.append(((tier, not maker, len(model.key), model.key.lower()), model))
        ranked.sort(key=lambda pair: pair[0])
        return [model for _, model in ranked[:limit]]

    def search_summary(self, query: str, found: list[ModelPrices]) -> str:
        """What a search found, in one sentence the picker announces."""
        shown = " ".join(query.split())[:80]
        if not shown:
            return ""
        if not found:
            return (
                f'No listed model matches "{shown}": try part of the model\'s name, such as '
                "gpt-4o or claude sonnet."
            )
        first = found[0]
        shown_count = "1 model" if len(found) == 1 else f"{len(found)} models, best first"
        return (
            f'Matching "{shown}": {shown_count}. Enter takes {first.provider_name} {first.name} '
            f"({first.key})."
        )

    def close_matches(self, key: str, limit: int = 3) -> list[str]:
        """A few model keys that look like `key`, for a message about a misspelt one."""
        import difflib

        keys = [model.key for model in self.models]
        lowered = {k.lower(): k for k in keys}
        found = difflib.get_close_matches(key.strip().lower(), list(lowered), n=limit, cutoff=0.6)
        return [lowered[k] for k in found]


def dump(table: Mapping[str, Any]) -> str:
    """The table's text: one provider per line, so a price change shows as a readable diff."""
    head = {key: value for key, value in table.items() if key != "providers"}
    lines = [
        json.dumps(provider, sort_keys=True, ensure_ascii=False) for provider in table["providers"]
    ]
    body = ",\n".join(lines)
    opening = json.dumps(head, sort_keys=True, ensure_ascii=False)[:-1]
    return f'{opening}, "providers": [\n{body}\n]}}\n'


def _number(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise DataError(TABLE_PATH, where, "must be a price of zero or more")
    return float(value)


def parse_table(raw: object) -> PriceTable:
    """Check the table's layout; a DataError names the key at fault."""
    if not isinstance(raw, Mapping) or raw.get("format") != PRICES_FORMAT:
        raise DataError(TABLE_PATH, "format", f"is not a {PRICES_FORMAT} table")
    if raw.get("version") != PRICES_VERSION:
        raise DataError(TABLE_PATH, "version", f"must be {PRICES_VERSION}")
    try:
        as_of = datetime.date.fromisoformat(str(raw.get("as_of")))
    except ValueError:
        raise DataError(TABLE_PATH, "as_of", "must be a date (YYYY-MM-DD)") from None
    providers = raw.get("providers")
    if not isinstance(providers, list):
        raise DataError(TABLE_PATH, "providers", "must be a list")
    models: list[ModelPrices] = []
    for p_index, provider in enumerate(providers):
        where = f"providers[{p_index}]"
        if not isinstance(provider, Mapping) or not isinstance(provider.get("models"), list):
            raise DataError(TABLE_PATH, where, "must be a provider with a list of models")
        for m_index, entry in enumerate(provider["models"]):
            at = f"{where}.models[{m_index}]"
            if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
                raise DataError(TABLE_PATH, at, "must be a model with an id")
            batch = entry.get("batch") or {}
            if not isinstance(batch, Mapping):
                raise DataError(TABLE_PATH, f"{at}.batch", "must be a mapping of prices")
            base_in = _number(entry.get("input"), f"{at}.input")
            base_out = _number(entry.get("output"), f"{at}.output")
            if base_in is None or base_out is None:
                raise DataError(TABLE_PATH, at, "needs an input and an output price")
            models.append(
                ModelPrices(
                    provider_id=str(provider.get("id", "")),
                    provider_name=str(provider.get("name", "")),
                    provider_url=str(provider.get("url", "")),
                    id=entry["id"],
                    name=str(entry.get("name") or entry["id"]),
                    input=base_in,
                    output=base_out,
                    cached_input=_number(entry.get("cached_input"), f"{at}.cached_input"),
                    cache_write=_number(entry.get("cache_write"), f"{at}.cache_write"),
                    batch_input=_number(batch.get("input"), f"{at}.batch.input"),
                )
            )
    return PriceTable(str(raw.get("source", "")), as_of, tuple(models))


_SHIPPED: list[PriceTable] = []


def shipped_table() -> PriceTable:
    """The table installed with this package (read once)."""
    if not _SHIPPED:
        try:
            text = resources.files(__package__).joinpath(TABLE_NAME).read_text(encoding="utf-8")
        except (FileNotFoundError, OSError) as error:
            raise DataError(TABLE_PATH, "", f"cannot be read: {error}") from None
        _SHIPPED.append(parse_table(json.loads(text)))
    return _SHIPPED[0]


def _form_value(value: float) -> str:
    return f"{value:.10g}"


def price_fields(model: ModelPrices) -> dict[str, str]:
    """The run-cost form's price fields for `model`, as the form shows them.

    Every price field gets a value, so choosing a model never leaves another model's figure
    behind: data without a cache price means the provider bills those tokens as plain input (or
    the data does not say), so the plain input price stands in; a model without a batch tier has
    no batch discount (0%).
    """
    fields = {
        "price-in": _form_value(model.input),
        "price-out": _form_value(model.output),
        "price-cached-in": _form_value(
            model.input if model.cached_input is None else model.cached_input
        ),
        "price-cache-write": _form_value(
            model.input if model.cache_write is None else model.cache_write
        ),
    }
    discount = 0.0
    if model.batch_input is not None and model.input > 0:
        discount = round((1 - model.batch_input / model.input) * 100, 6)
    fields["batch-discount"] = _form_value(discount)
    return fields


def price_notes(model: ModelPrices) -> str:
    """What the filled prices assume, in words, for the page and the command line."""
    gaps = []
    if model.cached_input is None:
        gaps.append("cached input")
    if model.cache_write is None:
        gaps.append("cache writes")
    notes = []
    if gaps:
        notes.append(
            f"The price data lists no price for {' or '.join(gaps)}, so the normal input price "
            "stands in."
        )
    if model.batch_input is None:
        notes.append("It lists no batch tier, so no batch discount applies (0%).")
    return " ".join(notes)


def source_line(table: PriceTable, model: ModelPrices) -> str:
    """Where the prices come from, in one sentence."""
    return (
        f"Prices of {model.provider_name} {model.name} from {table.source}, as of "
        f"{table.as_of.isoformat()}: ${format_number(model.input)} in and "
        f"${format_number(model.output)} out per million tokens."
    )


SITE_FIELDS = ("price-in", "price-out", "price-cached-in", "price-cache-write", "batch-discount")
"""The form fields the picker fills, in the order of each model's `values` in the site table."""


def site_table(table: PriceTable) -> dict[str, Any]:
    """The compact table the run-cost page's picker reads: each model's form values and notes.

    Values sit in `fields` order (every field has one) and notes are indexes into
    `notes`, so two thousand models stay a small download.
    """
    providers: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    for model in table.models:
        provider = providers.setdefault(
            model.provider_id,
            {"id": model.provider_id, "name": model.provider_name, "url": model.provider_url}
            | {"models": []},
        )
        filled = price_fields(model)
        entry: dict[str, Any] = {
            "id": model.id,
            "name": model.name,
            "values": [filled.get(name) for name in SITE_FIELDS],
        }
        note = price_notes(model)
        if note:
            if note not in notes:
                notes.append(note)
            entry["note"] = notes.index(note)
        provider["models"].append(entry)
    return {
        "format": f"{PRICES_FORMAT}-fields",
        "version": PRICES_VERSION,
        "source": table.source,
        "as_of": table.as_of.isoformat(),
        "stale_after_days": STALE_AFTER_DAYS,
        "fields": list(SITE_FIELDS),
        "notes": notes,
        "providers": list(providers.values()),
    }
