"""Values read from a repository's JSON, YAML and TOML files by a key path, and judged."""

from __future__ import annotations

import pytest

from pilot2prod.repocheck.values import (
    Unreadable,
    file_format,
    find_values,
    key_line,
    parse_document,
    satisfies,
)

YAML = """\
gateway:
  routes:
    - name: answers
      limits:
        max_tokens: 800
    - name: summaries
      limits:
        max_tokens: 0
budget_usd: 500
"""

TOML = """\
[llm]
model = "gpt-4o-2024-08-06"

[llm.limits]
max_output_tokens = 512
"""


def test_a_key_path_finds_values_at_any_depth_in_document_order():
    """`**.max_tokens` finds each occurrence, with the keys leading to it, in order."""
    found = list(find_values({"a": {"max_tokens": 1}, "b": [{"max_tokens": 2}]}, "**.max_tokens"))
    assert found == [(("a", "max_tokens"), 1), (("b", "0", "max_tokens"), 2)]


def test_each_part_of_a_key_path_is_a_glob():
    """Braces and stars in a part match key names, letter case ignored."""
    document = {"Limits": {"maxTokens": 5, "max_output_tokens": 7, "other": 1}}
    found = [value for _, value in find_values(document, "limits.max{_output_,}tokens")]
    assert found == [5, 7]
    assert [v for _, v in find_values({"x": [3, 4]}, "x.*")] == [3, 4]


@pytest.mark.parametrize(
    ("operator", "actual", "operand", "expected"),
    [
        ("exists", 0, None, True),
        ("exists", None, None, False),
        ("greater-than", 800, 0, True),
        ("greater-than", 0, 0, False),
        ("greater-than", "800", 0, False),
        ("greater-than", True, 0, False),
        ("at-most", 2.5, 3, True),
        ("at-least", 3, 3, True),
        ("less-than", 3, 3, False),
        ("equals", 1, 1.0, True),
        ("equals", True, 1, False),
        ("not-equals", "on", "off", True),
        ("matches", "gpt-4o-2024-08-06", r"\d{4}-\d{2}-\d{2}$", True),
        ("matches", 5, r"5", False),
        ("one-of", "eu-west-1", ["eu-west-1", "eu-central-1"], True),
    ],
)
def test_operators_compare_like_a_careful_reader(operator, actual, operand, expected):
    """Numbers compare as numbers, never text or true/false; equals is strict about kinds."""
    assert satisfies(operator, actual, operand) is expected


def test_yaml_and_toml_values_are_found_with_their_lines():
    """The line reported is the one where the found key is written, following its parents."""
    # The YAML text as PyYAML reads it (PyYAML is not there inside Pyodide; the command
    # line's tests read real YAML files).
    document = {
        "gateway": {
            "routes": [
                {"name": "answers", "limits": {"max_tokens": 800}},
                {"name": "summaries", "limits": {"max_tokens": 0}},
            ]
        },
        "budget_usd": 500,
    }
    found = list(find_values(document, "**.max_tokens"))
    assert [value for _, value in found] == [800, 0]
    assert key_line(YAML, found[1][0]) == 8
    toml = parse_document(TOML, "TOML", "pyproject.toml")
    ((trail, value),) = find_values(toml, "**.max_output_tokens")
    assert (value, key_line(TOML, trail)) == (512, 5)
    assert key_line('{"limits": {"max_tokens": 3}}', ("limits", "max_tokens")) == 1


@pytest.mark.parametrize(
    ("text", "kind", "problem"),
    [
        ("{", "JSON", "is not valid JSON"),
        ("[" * 200 + "]" * 200, "JSON", "nested more than"),
        ("a = ", "TOML", "is not valid TOML"),
    ],
)
def test_unreadable_files_are_reported_not_guessed(text, kind, problem):
    """A file that is not what its suffix says is refused with the reason."""
    with pytest.raises(Unreadable, match=problem):
        parse_document(text, kind, "x")


def test_the_format_comes_from_the_suffix():
    """JSON, YAML and TOML by suffix, any case; other files are not value files."""
    assert [file_format(p) for p in ("a.JSON", "b.yml", "c.yaml", "d.toml", "e.ini", "f")] == [
        "JSON",
        "YAML",
        "YAML",
        "TOML",
        None,
        None,
    ]
