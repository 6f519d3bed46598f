"""The price table's reader and its translation into the run-cost form's price fields."""

from __future__ import annotations

import pytest

from pilot2prod.calculators.runcost.prices import (
    PRICES_FORMAT,
    parse_table,
    price_fields,
    price_notes,
    site_table,
)
from pilot2prod.model.errors import DataError


def _table(*models: dict, provider: str = "acme") -> dict:
    return {
        "format": PRICES_FORMAT,
        "version": 1,
        "source": "genai-prices 0.0.0",
        "as_of": "2026-01-15",
        "providers": [
            {
                "id": provider,
                "name": "Acme",
                "url": "https://acme.test/prices",
                "models": list(models),
            }
        ],
    }


FULL = {
    "id": "big/one",
    "name": "Big One",
    "input": 3.0,
    "output": 15.0,
    "cached_input": 0.3,
    "cache_write": 3.75,
    "batch": {"input": 1.5, "output": 7.5},
}
BARE = {"id": "small", "name": "Small", "input": 0.5, "output": 2.0}


def test_a_model_fills_every_price_field_it_has():
    """Input, output, cache read and write come over as typed values; batch as a discount."""
    model = parse_table(_table(FULL)).find("acme/big/one")
    assert model is not None
    assert price_fields(model) == {
        "price-in": "3",
        "price-out": "15",
        "price-cached-in": "0.3",
        "price-cache-write": "3.75",
        "batch-discount": "50",
    }
    assert price_notes(model) == ""


def test_missing_cache_prices_fall_back_to_the_input_price_and_say_so():
    """Without cache prices the input price stands in; without a batch tier there is no discount."""
    model = parse_table(_table(BARE)).find("ACME/Small")
    assert model is not None
    fields = price_fields(model)
    assert fields["price-cached-in"] == fields["price-cache-write"] == "0.5"
    assert fields["batch-discount"] == "0"
    assert "no price for cached input or cache writes" in price_notes(model)
    assert "no batch tier" in price_notes(model)


def test_model_names_are_looked_up_as_data_not_attributes():
    """A model id like a built-in name is just a string key; an unknown one is None."""
    table = parse_table(_table({**BARE, "id": "constructor"}, provider="__proto__"))
    assert table.find("__proto__/constructor") is not None
    assert table.find("acme/small") is None


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"input": -1}, "providers[0].models[0].input"),
        ({"output": "cheap"}, "providers[0].models[0].output"),
        ({"output": None}, "providers[0].models[0]"),
    ],
)
def test_a_bad_price_names_its_key(change, where):
    """A broken table fails with the key path of the bad price."""
    with pytest.raises(DataError) as caught:
        parse_table(_table({**BARE, **change}))
    assert caught.value.path == where


def test_site_table_keeps_values_in_field_order_and_notes_once():
    """The page's table lists each model's values in its field order, each note text once."""
    site = site_table(parse_table(_table(FULL, BARE, {**BARE, "id": "other"})))
    models = site["providers"][0]["models"]
    assert site["fields"][0] == "price-in" and models[0]["values"][0] == "3"
    assert models[1]["values"][-1] == "0"  # no batch tier: no batch discount, never the last one
    assert models[1]["note"] == models[2]["note"] == 0 and len(site["notes"]) == 1
    assert site["stale_after_days"] == 90


def _listing(provider: str, *ids: str) -> dict:
    return {
        "id": provider,
        "name": provider.title(),
        "url": f"https://{provider}.test/prices",
        "models": [{"id": model_id, "input": 1.0, "output": 2.0} for model_id in ids],
    }


SEARCHABLE = {
    "format": PRICES_FORMAT,
    "version": 1,
    "source": "genai-prices 0.0.0",
    "as_of": "2026-01-15",
    "providers": [
        _listing("reseller", "maker/mod-4o", "maker/mod-4o-mini"),
        _listing("maker", "mod-4o-mini", "mod-4o", "mod-4o-2024-05-13"),
        _listing("cloud", "global.maker.mod-4o-20250929-v1:0"),
    ],
}


def _keys(query: str) -> list[str]:
    return [model.key for model in parse_table(SEARCHABLE).search(query)]


def test_a_models_own_name_finds_the_makers_listing_first():
    """Typing the bare model id puts the maker's own price first, its resellers after."""
    found = _keys("mod-4o")
    assert found[0] == "maker/mod-4o"
    assert found.index("reseller/maker/mod-4o") < found.index("maker/mod-4o-mini")


def test_case_spaces_and_punctuation_do_not_matter():
    """`MOD 4O`, `mod_4o` and `Mod-4o` mean the same model."""
    assert _keys("MOD 4O")[0] == _keys("mod_4o")[0] == _keys("Mod-4o")[0] == "maker/mod-4o"


def test_an_exact_name_ranks_before_a_prefix_and_a_prefix_before_a_part():
    """The exact model, then the dated and cloud aliases, then longer names it starts."""
    found = _keys("mod-4o")
    assert found.index("maker/mod-4o") < found.index("maker/mod-4o-2024-05-13")
    assert found.index("cloud/global.maker.mod-4o-20250929-v1:0") < found.index("maker/mod-4o-mini")
    assert _keys("4o-mini")[0] == "maker/mod-4o-mini"


def test_the_full_key_wins_over_every_other_match():
    """`reseller/maker/mod-4o` typed whole picks that listing, not the maker's."""
    assert _keys("reseller/maker/mod-4o")[0] == "reseller/maker/mod-4o"


def test_a_blank_or_unknown_query_finds_nothing():
    """Blank text lists nothing (not two thousand models); a stranger name nothing either."""
    assert _keys("  ") == []
    assert _keys("nothing-like-it") == []


@pytest.mark.parametrize(
    ("query", "key"),
    [("gpt-4o", "openai/gpt-4o"), ("claude sonnet 4.5", "anthropic/claude-sonnet-4-5")],
)
def test_the_names_readers_type_find_the_listed_model(query, key):
    """In the shipped list, the names of issue 26 find the maker's model first."""
    from pilot2prod.calculators.runcost.prices import shipped_table

    assert shipped_table().search(query)[0].key == key
