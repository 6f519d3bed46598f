"""Model ids in a repository, recognised by the price list, and whether each is pinned."""

from __future__ import annotations

import datetime
import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.calculators.runcost.prices import shipped_table
from pilot2prod.repocheck import models
from tests.fixtures import repo_data


@functools.cache
def _rule_patterns() -> dict[str, str]:
    rule = repo_data().repository_checks.rule("model-ids-pinned")
    assert rule is not None and rule.patterns is not None
    return dict(rule.patterns)


@functools.cache
def _words() -> models.Vocabulary:
    return models.vocabulary(shipped_table(), _rule_patterns())


def found(text: str) -> list[tuple[str, str, bool]]:
    return [
        (m.text, m.base, bool(m.pinned_by))
        for m in models.mentions(text, _words(), _rule_patterns())
    ]


@pytest.mark.parametrize(
    ("word", "base", "pinned"),
    [
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5", True),
        ("gpt-4o-2024-08-06", "gpt-4o", True),
        ("openai:gpt-4o-2024-08-06", "gpt-4o", True),
        ("bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet", True),
        ("claude-3-5-sonnet@20240620", "claude-3-5-sonnet", True),
        ("gemini-1.5-pro-002", "gemini-1.5-pro", True),
        ("mistral-large-2512", "mistral-large", True),
        ("gpt-4o", "gpt-4o", False),
        ("claude-opus-5", "claude-opus-5", False),
        ("claude-3-5-haiku-latest", "claude-3-5-haiku", False),
        ("mistral-large-latest", "mistral-large", False),
        ("meta-llama/Llama-3.3-70B-Instruct", "llama-3.3-70b-instruct", False),
    ],
)
def test_model_ids_are_recognised_and_judged(word, base, pinned):
    """A listed model is found through provider prefixes; a date or version pins it."""
    assert found(f"model: {word}\n") == [(word, base, pinned)]


@pytest.mark.parametrize(
    "text",
    [
        "command: python run.py",
        "python-version: '3.12'",
        "runs-on: ubuntu-22.04",
        "uses: actions/checkout@v4",
        "model: ft:gpt-4o-mini:acme::abc123",
    ],
)
def test_ordinary_configuration_is_not_taken_for_a_model(text):
    """Plain words, tool versions and fine-tuned ids (fixed by nature) are not flagged."""
    assert found(text) == []


def test_a_pinned_id_says_which_forms_pin_it_in_order():
    """Several pinned forms on one id are named in the order the id has them."""
    mention = next(
        models.mentions("us.anthropic.claude-3-5-sonnet-20241022-v2:0", _words(), _rule_patterns())
    )
    assert mention.pinned_by.startswith("a date (YYYYMMDD) and a provider version")


def test_dated_versions_are_offered_for_a_moving_name():
    """For a base the list also has dated, the vocabulary keeps those ids for a suggestion."""
    assert any("20240620" in model for model in _words().dated["claude-3-5-sonnet"])


DATES = st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))


@given(st.sampled_from(sorted(_words().bases)), DATES.map(lambda d: d.strftime("%Y%m%d")))
def test_any_listed_model_with_a_date_is_pinned_and_without_is_not(base, date):
    """Every base the price list yields is moving bare, and pinned with a dated suffix."""
    assert [(b, p) for _, b, p in found(f"m: {base}\n")] == [(base, False)]
    dated = found(f"m: {base}-{date}\n")
    assert dated and dated[0][2] is True
