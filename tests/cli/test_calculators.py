"""`pilot2prod estimate` and `pilot2prod cost`: the site's calculators on a JSON or YAML file."""

from __future__ import annotations

import datetime
import json
import random

import pytest

from pilot2prod.cli import calculators as cli_calculators
from tests.cli.support import run, site_call

EFFORT = {"pilot-weeks": 6, "systems": 2, "integration": "legacy", "stakes": "customer-facing"}
COST = {"requests-per-day": 5000, "tokens-in": 1500, "price-in": "3", "review-share": 5}


def _random_cost(seed: int) -> dict:
    rng = random.Random(seed)
    return {
        "requests-per-day": rng.randint(1, 200_000),
        "tokens-in": rng.randint(10, 8000),
        "tokens-out": rng.randint(10, 2000),
        "cache-hit-rate": rng.randint(0, 90),
        "review-share": rng.randint(0, 30),
    }


@pytest.mark.parametrize("seed", range(3))
def test_cost_json_equals_the_pages_numbers(capsys, tmp_path, seed):
    """cost --format json gives the outputs and tables the page's worker computes."""
    inputs = _random_cost(seed)
    path = tmp_path / "cost.json"
    path.write_text(json.dumps({"inputs": inputs}), encoding="utf-8")
    result = run(capsys, "cost", path, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    expected = site_call("cost.run", {"inputs": inputs})
    assert out["outputs"] == expected["outputs"]
    assert out["tables"] == expected["tables"]


def test_estimate_json_equals_the_pages_numbers(capsys, tmp_path):
    """estimate --format json gives the seeded simulation's figures the page shows."""
    path = tmp_path / "effort.json"
    path.write_text(json.dumps(EFFORT), encoding="utf-8")
    out = json.loads(run(capsys, "estimate", path, "--format", "json").out)
    expected = site_call("effort.estimate", {"inputs": EFFORT})
    assert out["outputs"] == expected["outputs"]
    assert out["tables"] == expected["tables"]


@pytest.mark.parametrize(
    ("command", "name", "inputs"),
    [("estimate", "effort.estimate", EFFORT), ("cost", "cost.run", COST)],
)
def test_markdown_is_the_pages_export(capsys, tmp_path, command, name, inputs):
    """--format md prints the Markdown the page exports for a proposal."""
    path = tmp_path / "in.yml"
    path.write_text("".join(f"{k}: {json.dumps(v)}\n" for k, v in inputs.items()), encoding="utf-8")
    result = run(capsys, command, path, "--format", "md")
    assert result.code == 0, result.err
    today = datetime.date.today().isoformat()
    expected = site_call(name, {"inputs": inputs, "markdown": True, "date": today})
    assert result.out == expected["markdown"]


def test_text_output_is_the_export_without_markup(capsys, tmp_path):
    """The default text output carries the export's figures with no Markdown marks."""
    path = tmp_path / "cost.json"
    path.write_text(json.dumps(COST), encoding="utf-8")
    result = run(capsys, "cost", path)
    expected = site_call("cost.run", {"inputs": COST})
    assert result.code == 0
    assert f"Monthly cost: {expected['outputs']['monthly']['text']}" in result.out
    assert "**" not in result.out and "| ---" not in result.out
    for row in expected["tables"]["breakdown"]["rows"]:
        assert any(line.split() == " ".join(row).split() for line in result.out.splitlines())


def test_bare_fields_and_an_inputs_key_are_the_same(capsys, tmp_path):
    """A saved run-cost document and its bare inputs give the same result."""
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(COST), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(
        json.dumps({"format": "pilot2prod/run-cost", "version": 1, "inputs": COST}),
        encoding="utf-8",
    )
    one = json.loads(run(capsys, "cost", bare, "--format", "json").out)
    two = json.loads(run(capsys, "cost", wrapped, "--format", "json").out)
    assert one == two


def test_saved_documents_carry_the_widgets_format_tags():
    """The tags the CLI accepts are the ones the calculator widgets save and share."""
    from macros.render_calculators import COST_FORMAT, EFFORT_FORMAT

    assert (cli_calculators.ESTIMATE.format, cli_calculators.COST.format) == (
        EFFORT_FORMAT,
        COST_FORMAT,
    )


@pytest.mark.parametrize(
    ("command", "doc", "message"),
    [
        (
            "cost",
            {"format": "pilot2prod/answers", "version": 1},
            "format: 'pilot2prod/answers' is "
            "not a cost document (expected 'pilot2prod/run-cost'); it is an answers file: use "
            "pilot2prod assess",
        ),
        (
            "cost",
            {"format": "pilot2prod/estimate", "version": 1, "inputs": {}},
            "format: "
            "'pilot2prod/estimate' is not a cost document (expected 'pilot2prod/run-cost'); use "
            "pilot2prod estimate",
        ),
        (
            "estimate",
            {"format": "pilot2prod/estimate", "version": 3, "inputs": {}},
            "version: this file uses version 3, written by a newer pilot2prod",
        ),
        ("estimate", {"format": "pilot2prod/estimate", "version": 1}, "inputs: missing"),
    ],
)
def test_foreign_or_newer_calculator_documents_are_refused(capsys, tmp_path, command, doc, message):
    """A document for another tool, or from a newer pilot2prod, is named by its field; exit 2."""
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run(capsys, command, path)
    assert result.code == 2
    assert result.err.startswith(f"pilot2prod: {path}: {message}")


@pytest.mark.parametrize("command", ["estimate", "cost"])
def test_fields_lists_every_field_the_calculator_accepts(capsys, tmp_path, command):
    """--fields names each accepted field once; each listed id is accepted in a file."""
    listed = run(capsys, command, "--fields")
    assert listed.code == 0
    ids = [line.split(":")[0] for line in listed.out.splitlines()]
    assert len(ids) == len(set(ids)) > 3
    for field_id in ids:
        path = tmp_path / "one.json"
        path.write_text(json.dumps({field_id: None}), encoding="utf-8")
        result = run(capsys, command, path)
        assert "not a field of this calculator" not in result.err, field_id
    missing = run(capsys, command)
    assert missing.code == 2
    assert missing.err == (
        f"pilot2prod: {command}: give the inputs FILE (or --fields to list the fields)\n"
    )


@pytest.mark.parametrize(
    ("command", "extra", "output"),
    [("estimate", [], "p80"), ("estimate", ["--at", "P90"], "p90"), ("cost", [], "monthly")],
)
def test_fail_over_gates_on_the_result_exit_1_over_0_within(
    capsys, tmp_path, command, extra, output
):
    """--fail-over LIMIT exits 1 just below the result and 0 at it (P80 unless --at says)."""
    path = tmp_path / "in.json"
    path.write_text("{}", encoding="utf-8")
    value = json.loads(run(capsys, command, path, "--format", "json").out)["outputs"][output][
        "value"
    ]
    over = run(capsys, command, path, "--fail-over", str(value * 0.99), *extra, "--format", "json")
    assert over.code == 1 and json.loads(over.out)["gate"]["passed"] is False
    within = run(capsys, command, path, "--fail-over", str(value * 1.01), *extra)
    assert within.code == 0 and "is within the limit" in within.out


@pytest.mark.parametrize("limit", ["", "abc", "-5", "nan", "1e999"])
def test_fail_over_with_a_bad_limit_is_exit_2_never_a_silent_pass(capsys, tmp_path, limit):
    """An empty, non-numeric, negative or non-finite limit is refused in one line, exit 2."""
    path = tmp_path / "in.json"
    path.write_text("{}", encoding="utf-8")
    result = run(capsys, "cost", path, "--fail-over", limit)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("pilot2prod: --fail-over: ") and result.err.count("\n") == 1


def test_cost_with_a_model_reports_the_model_whose_prices_it_used(capsys, tmp_path):
    """`cost FILE --model X --format json` names X, not the model the file named before."""
    path = tmp_path / "saved.json"
    inputs = {"model": "openai/gpt-4o", "price-in": "2.5", "batch-discount": "35"}
    path.write_text(json.dumps({"format": "pilot2prod/run-cost", "version": 1, "inputs": inputs}))
    key = "anthropic/claude-3-haiku"  # listed without a batch tier
    result = run(capsys, "cost", path, "--model", key, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["inputs"]["model"] == out["prices"]["model"] == key
    assert out["inputs"]["batch-discount"] == "0"  # no batch tier: no discount, not the file's


@pytest.mark.parametrize("command", ["estimate", "cost"])
def test_fields_lists_every_field_of_the_document_the_page_saves(capsys, command):
    """--fields names exactly the fields the page's saved document may hold (start-date too)."""
    from pilot2prod.calculators import documents
    from tests.fixtures import repo_data

    data = repo_data()
    fmt = (
        documents.effort_format(data.effort)
        if command == "estimate"
        else documents.cost_format(data.cost)
    )
    listed = run(capsys, command, "--fields")
    assert [line.split(":")[0] for line in listed.out.splitlines()] == list(fmt.fields)
