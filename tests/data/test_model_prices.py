"""The committed price table against the pinned genai-prices package it was written from."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from genai_prices import Usage, calc_price

from pilot2prod.calculators.runcost.model import load_cost_model, monthly_cost
from pilot2prod.calculators.runcost.prices import TABLE_PATH, price_fields, shipped_table
from sitebuild.model_prices import price_table
from tests.fixtures import repo_files
from tests.serving import ROOT

NAMED_MODELS = ("anthropic/claude-sonnet-4-5", "openai/gpt-4o", "google/gemini-2.5-flash")


def test_committed_table_is_what_genai_prices_gives():
    """`make prices` is up to date: the committed table equals genai-prices' on its as-of date."""
    committed = json.loads((ROOT / TABLE_PATH).read_text(encoding="utf-8"))
    fresh = price_table(datetime.date.fromisoformat(committed["as_of"]))
    assert committed == json.loads(json.dumps(fresh)), "run `make prices` and commit the table"


def _bill_inputs(fields: dict[str, str], **overrides: float) -> dict[str, float]:
    """Run-cost inputs that leave only the model's token bill: no people, servers or retries."""
    model = load_cost_model(repo_files()["data/cost.yml"])
    values = {spec.id: float(spec.default or 0) for spec in model.inputs}
    values |= {
        "requests-per-day": 1000,
        "tokens-in": 3000,
        "tokens-out": 400,
        "cache-hit-rate": 0,
        "retry-rate": 0,
        "review-share": 0,
        "infra-monthly": 0,
        "maintenance-staff": 0,
        "prompt-cache-share": 0,
        "cache-write-share": 0,
        "batch-share": 0,
    }
    values |= {name: float(value) for name, value in fields.items()}
    return values | overrides


@pytest.mark.parametrize("key", NAMED_MODELS)
@pytest.mark.parametrize(
    ("cached", "written", "batch"),
    [(0, 0, False), (60, 10, False), (0, 0, True)],
    ids=["plain", "prompt-cache", "batch"],
)
def test_monthly_cost_equals_genai_prices_own_calculation(key, cached, written, batch):
    """A named model's monthly token bill equals genai-prices' calc_price for the same tokens."""
    table = shipped_table()
    listed = table.find(key)
    assert listed is not None, key
    model = load_cost_model(repo_files()["data/cost.yml"])
    if written and listed.cache_write is None:
        written = 0  # the data bills no cache writes for this model: nothing to compare
    values = _bill_inputs(
        price_fields(listed),
        **{
            "prompt-cache-share": cached,
            "cache-write-share": written,
            "batch-share": 100 if batch else 0,
        },
    )
    ours = monthly_cost(model, values)
    tokens_in = 3000
    usage = Usage(
        input_tokens=tokens_in,
        cache_read_tokens=tokens_in * cached // 100,
        cache_write_tokens=tokens_in * written // 100,
        output_tokens=400,
    )
    when = datetime.datetime.combine(table.as_of, datetime.time(12), tzinfo=datetime.UTC)
    theirs = calc_price(
        usage,
        listed.id,
        provider_id=listed.provider_id,
        genai_request_timestamp=when,
        price_context={"processing": "batch"} if batch else None,
    )
    calls = Decimal(str(ours.model_calls))
    expected = float(theirs.total_price * calls)
    token_bill = ours.parts["model-input"] + ours.parts["model-output"]
    assert token_bill == pytest.approx(expected, rel=1e-9)
    assert ours.total == pytest.approx(expected, rel=1e-9)
