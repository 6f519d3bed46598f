"""The repository rules as data: each fault named by file and key, and a team's changes."""

from __future__ import annotations

import copy

import pytest

from pilot2prod.model.errors import DataError
from pilot2prod.repocheck.rules import SOURCE, load_rule_set, load_team_rules
from tests.fixtures import repo_data

TEAM = "team-rules.yml"


def questions() -> set[str]:
    return {item.id for item in repo_data().scored_checklist.items}


def raw_rules() -> dict:
    return copy.deepcopy(repo_data().raw(SOURCE))


def rule(**changes: object) -> dict:
    """A small valid rule, changed by `changes` (a value of None removes the key)."""
    found = {
        "id": "flag-defined",
        "questions": ["incident-routine"],
        "kind": "exists",
        "paths": ["config/flags.yml"],
        "passing": "The feature flag file exists.",
        "failure": "Add config/flags.yml.",
        "required": True,
        "reason": "The switch must exist before it is needed.",
    }
    found.update(changes)
    return {key: value for key, value in found.items() if value is not None}


def test_the_default_rules_read_and_each_says_why():
    """Every default rule informs a real question and has a reason, a pass and a failure."""
    rule_set = repo_data().repository_checks
    known = questions()
    assert {q for r in rule_set.rules for q in r.questions} <= known
    assert all(r.reason and r.passing and r.failure for r in rule_set.rules)
    assert rule_set.limits.max_files > 0 and rule_set.limits.max_seconds > 0


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        ({"within_days": 3}, "rules[0].within_days", "has no use in a 'exists' rule"),
        ({"kind": "contains"}, "rules[0].patterns", "is needed by a 'contains' rule"),
        (
            {"kind": "contains", "patterns": {"a heading": "(unclosed"}},
            "rules[0].patterns.a heading",
            "is not a regular expression",
        ),
        ({"paths": ["../outside/*"]}, "rules[0].paths[0]", "leaves the repository"),
        ({"paths": []}, "rules[0].paths", "at least one"),
        ({"questions": ["not-a-question"]}, "rules[0].questions[0]", "is not a question"),
        ({"kind": "sniff"}, "rules[0].kind", "must be one of"),
        ({"required": "yes"}, "rules[0].required", "must be true or false"),
        ({"colour": "red"}, "rules[0].colour", "unknown key"),
        ({"id": "Flag Defined"}, "rules[0].id", "lower-case words"),
        ({"alternative": "nowhere"}, "rules[0].alternative", "there is no rule 'nowhere'"),
        ({"alternative": "flag-defined"}, "rules[0].alternative", "names the rule itself"),
        ({"kind": "count", "patterns": {"x": "x"}}, "rules[0].at_least", "is needed"),
        (
            {"kind": "count", "patterns": {"x": "x"}, "at_least": 0},
            "rules[0].at_least",
            "1 or more",
        ),
        ({"kind": "changed"}, "rules[0]", "needs within_days or newer_than"),
        ({"kind": "value", "key": "a..b"}, "rules[0].key", "has an empty part"),
        (
            {"kind": "value", "key": "a", "operator": "at-least", "value": "ten"},
            "rules[0].value",
            "must be a number",
        ),
        (
            {"kind": "value", "key": "a", "operator": "greater-than"},
            "rules[0].value",
            "is needed by the operator",
        ),
        ({"kind": "value", "key": "a", "value": 3}, "rules[0].value", "no use with"),
        ({"kind": "owners"}, "rules[0].owned", "is needed by a 'owners' rule"),
    ],
)
def test_each_fault_in_a_rule_is_named_by_its_key(change, where, problem):
    """A wrong rule stops the load with the file, the key path and the reason."""
    raw = raw_rules()
    raw["rules"] = [rule(**change)]
    with pytest.raises(DataError) as caught:
        load_rule_set(raw, questions())
    assert (caught.value.source, caught.value.path) == (SOURCE, where)
    assert problem in caught.value.problem


def test_alternatives_may_not_go_round_in_a_circle():
    """Two rules that each accept the other's pass are refused."""
    raw = raw_rules()
    raw["rules"] = [
        rule(id="a-rule", alternative="b-rule"),
        rule(id="b-rule", alternative="a-rule"),
    ]
    with pytest.raises(DataError, match="lead back to this rule"):
        load_rule_set(raw, questions())


def test_a_limit_must_be_positive():
    """A zero or negative limit is refused by name."""
    raw = raw_rules()
    raw["limits"]["max_seconds"] = 0
    with pytest.raises(DataError, match=r"limits\.max_seconds: must be more than 0"):
        load_rule_set(raw, questions())


def _team(raw: object):
    return load_team_rules(raw, repo_data().repository_checks, questions(), TEAM)


def test_a_team_adds_replaces_and_switches_off_rules():
    """New ids are added at the end, a default's id replaces it in place, `off` removes."""
    defaults = [r.id for r in repo_data().repository_checks.rules]
    changed = _team(
        {
            "off": ["model-card"],
            "rules": [
                rule(),
                rule(
                    id="monitoring-config", paths=["ops/alerts/**"], questions=["cost-monitoring"]
                ),
            ],
            "limits": {"max_seconds": 5},
        }
    )
    ids = [r.id for r in changed.rules]
    assert ids == [i for i in defaults if i != "model-card"] + ["flag-defined"]
    replaced = changed.rule("monitoring-config")
    assert replaced is not None and replaced.paths == ("ops/alerts/**",)
    assert changed.limits.max_seconds == 5
    assert changed.limits.max_files == repo_data().repository_checks.limits.max_files


@pytest.mark.parametrize(
    ("raw", "where", "problem"),
    [
        ({"off": ["no-such-rule"]}, "off[0]", "there is no rule 'no-such-rule'"),
        ({}, "", "changes nothing"),
        ([], "", "must be a mapping"),
        ({"rules": [rule(questions=["nope"])]}, "rules[0].questions[0]", "is not a question"),
        ({"limits": {"max_files": -1}}, "limits.max_files", "more than 0"),
        ({"limits": {"max_files": "many"}}, "limits.max_files", "whole number"),
        (
            {"off": ["ci-keeps-eval-results"]},
            "off[0]",
            "is the alternative of 'eval-results-current'",
        ),
        ({"rules": [rule(), rule()]}, "rules[1].id", "duplicate id"),
    ],
)
def test_a_team_file_is_validated_like_the_data(raw, where, problem):
    """A mistake in a team's rules file is named by that file and the key."""
    with pytest.raises(DataError) as caught:
        _team(raw)
    assert (caught.value.source, caught.value.path) == (TEAM, where)
    assert problem in caught.value.problem
