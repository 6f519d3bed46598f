"""`pilot2prod cost --model PROVIDER/MODEL`: the page's price list on the command line."""

from __future__ import annotations

import json

from pilot2prod.calculators.runcost.prices import price_fields, shipped_table
from tests.cli.support import run, site_call

KEY = "anthropic/claude-sonnet-4-5"


def test_model_fills_the_prices_and_gives_the_pages_numbers(capsys, tmp_path):
    """--model over a file: the listed prices replace the file's, the rest of the file stays."""
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps({"requests-per-day": 5000, "price-in": 99}), encoding="utf-8")
    result = run(capsys, "cost", inputs, "--model", KEY, "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    listed = shipped_table().find(KEY)
    assert listed is not None
    expected = site_call("cost.run", {"inputs": {"requests-per-day": 5000, **price_fields(listed)}})
    assert doc["outputs"] == expected["outputs"]
    assert doc["inputs"]["price-in"] == "3"
    assert doc["prices"]["model"] == KEY
    assert doc["prices"]["as_of"] == shipped_table().as_of.isoformat()
    assert doc["prices"]["pricing_url"].startswith("https://")


def test_model_without_a_file_uses_the_defaults_and_names_the_source(capsys):
    """No FILE: the page's defaults with the model's prices; the text says where they come from."""
    result = run(capsys, "cost", "--model", KEY)
    assert result.code == 0, result.err
    assert "Claude Sonnet 4.5 from genai-prices" in result.out
    assert f"as of {shipped_table().as_of.isoformat()}" in result.out


def test_an_unknown_model_is_exit_2_with_suggestions(capsys):
    """A misspelt model is bad input: exit 2, one line naming the option and close matches."""
    result = run(capsys, "cost", "--model", "openai/gpt-4oo")
    assert result.code == 2
    assert result.out == ""
    assert "--model" in result.err and "openai/gpt-4o" in result.err


def test_a_saved_page_document_with_its_model_choice_is_read(capsys, tmp_path):
    """The page saves the picker's choice as "model"; the command line accepts it as a note."""
    doc = {"format": "pilot2prod/run-cost", "version": 1, "inputs": {"model": KEY, "price-in": "7"}}
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    result = run(capsys, "cost", saved, "--format", "json")
    assert result.code == 0, result.err
    expected = site_call("cost.run", {"inputs": {"price-in": "7"}})
    assert json.loads(result.out)["outputs"] == expected["outputs"]
