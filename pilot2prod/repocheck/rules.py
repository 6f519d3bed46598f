"""The rules `pilot2prod check` applies (`data/repository-checks.yml`), and a team's changes.

A rule names the files it looks at (globs), what it looks for in them, the readiness
questions its outcome informs, what passing means, the message for a failure, whether a
release should wait for it, and why it matters. The kinds:

- `exists`: a file matches the globs;
- `contains`: one file holds every pattern (`match: all`) or any of them (`match: any`);
- `count`: the patterns match at least `at_least` times over all the files;
- `value`: a JSON, YAML or TOML file holds a value at `key` that passes `operator`;
- `changed`: git's history shows a change within `within_days` days, or one no older than the
  last change to the files `newer_than` names;
- `owners`: a CODEOWNERS file (the first of `paths` found) names an owner for every file
  `owned` names;
- `model-ids`: every model named in the files that the price list knows is pinned to a dated
  version (one of `patterns`) rather than a name that moves.

`alternative` names another rule whose pass is accepted for this one. A team's own file
(`pilot2prod check --rules FILE`) adds rules, replaces a default rule by using its id, switches
rules off by id, and may change the limits.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields, replace
from typing import Literal

from pilot2prod.model.errors import DataError, describe
from pilot2prod.model.schema import check_id, check_unique_ids, parse
from pilot2prod.repocheck.globs import GlobError, glob_expression

SOURCE = "data/repository-checks.yml"

Kind = Literal["exists", "contains", "count", "value", "changed", "owners", "model-ids"]

Operator = Literal[
    "exists",
    "equals",
    "not-equals",
    "at-least",
    "at-most",
    "greater-than",
    "less-than",
    "matches",
    "one-of",
]

NUMBER_OPERATORS = frozenset({"at-least", "at-most", "greater-than", "less-than"})

MAX_PATTERN_CHARS = 1000
"""A longer regular expression is a mistake; it is refused by name before it is compiled."""

KIND_FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "exists": (frozenset(), frozenset()),
    "contains": (frozenset({"patterns"}), frozenset({"patterns", "match"})),
    "count": (frozenset({"patterns", "at_least"}), frozenset({"patterns", "at_least"})),
    "value": (frozenset({"key"}), frozenset({"key", "operator", "value"})),
    "changed": (frozenset(), frozenset({"within_days", "newer_than"})),
    "owners": (frozenset({"owned"}), frozenset({"owned"})),
    "model-ids": (frozenset({"patterns"}), frozenset({"patterns"})),
}
"""Per kind: the keys it needs, and the kind-specific keys it allows."""

_SPECIFIC = frozenset().union(*(allowed for _, allowed in KIND_FIELDS.values()))


@dataclass(frozen=True)
class Rule:
    """One fact about a repository and the readiness questions it informs."""

    id: str
    questions: tuple[str, ...]
    kind: Kind
    paths: tuple[str, ...]
    passing: str
    """What a pass means, in a sentence."""
    failure: str
    """What a failure means and what to do about it."""
    required: bool
    """Whether a failure makes `check` exit with status 1."""
    reason: str
    """Why the rule is worth checking."""
    exclude: tuple[str, ...] = ()
    patterns: Mapping[str, str] | None = None
    """What is looked for, in words, and the regular expression that finds it."""
    match: Literal["all", "any"] = "all"
    at_least: int | None = None
    key: str | None = None
    operator: Operator = "exists"
    value: object = None
    within_days: int | None = None
    newer_than: tuple[str, ...] = ()
    owned: tuple[str, ...] = ()
    alternative: str | None = None
    """Another rule whose pass is accepted in place of this one."""


@dataclass(frozen=True)
class Limits:
    """How far one check may go, so that it finishes on any repository."""

    max_file_bytes: int
    """Larger files are skipped (and counted), never read."""
    max_files: int
    """The walk stops after this many files, and the report says so."""
    max_seconds: float
    """The walk and the reading stop after this long, and the report says so."""
    git_seconds: float
    """The longest one question to git may take."""
    skip_folders: tuple[str, ...] = ()
    """Folder names never entered (dependencies, caches); `.git` is never entered anyway."""


@dataclass(frozen=True)
class RuleSet:
    """The contents of `data/repository-checks.yml`: the limits and the default rules."""

    limits: Limits
    rules: tuple[Rule, ...]
    globs: Mapping[str, tuple[str, ...]] | None = None
    """Lists of globs several rules share, through YAML anchors; rules hold their own copies."""

    def rule(self, rule_id: str) -> Rule | None:
        """The rule with this id, or None."""
        return next((rule for rule in self.rules if rule.id == rule_id), None)


@dataclass(frozen=True)
class LimitChanges:
    """A team's changes to the limits; a limit left out keeps its value."""

    max_file_bytes: int | None = None
    max_files: int | None = None
    max_seconds: float | None = None
    git_seconds: float | None = None
    skip_folders: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TeamRules:
    """A team's rules file: rules to add (or, by a default's id, to replace), rules to switch
    off, and changed limits."""

    rules: tuple[Rule, ...] = ()
    off: tuple[str, ...] = ()
    limits: LimitChanges | None = None


def compile_pattern(expression: str, source: str, path: str) -> re.Pattern[str]:
    """A rule's regular expression, compiled; a DataError naming the key when it is unusable."""
    if len(expression) > MAX_PATTERN_CHARS:
        raise DataError(source, path, f"is longer than {MAX_PATTERN_CHARS} characters")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a FutureWarning about a set is a mistake too
            return re.compile(expression, re.MULTILINE)
    except (re.error, FutureWarning, DeprecationWarning) as error:
        problem = f"is not a regular expression Python reads: {error}"
        raise DataError(source, path, problem) from None


def _check_globs(globs: tuple[str, ...], source: str, path: str, needed: bool) -> None:
    if needed and not globs:
        raise DataError(source, path, "must name at least one file or glob")
    for index, glob in enumerate(globs):
        try:
            glob_expression(glob)
        except GlobError as error:
            raise DataError(source, f"{path}[{index}]", f"{glob!r} {error}") from None


def _check_operand(rule: Rule, source: str, path: str, given: bool) -> None:
    operator, value = rule.operator, rule.value
    if operator == "exists":
        if given:
            raise DataError(source, f"{path}.value", "has no use with the operator 'exists'")
        return
    if not given:
        raise DataError(source, f"{path}.value", f"is needed by the operator {operator!r}")
    if operator in NUMBER_OPERATORS and (
        isinstance(value, bool) or not isinstance(value, int | float)
    ):
        raise DataError(source, f"{path}.value", f"must be a number for {operator!r}")
    if operator == "matches":
        if not isinstance(value, str):
            raise DataError(source, f"{path}.value", "must be a regular expression (text)")
        compile_pattern(value, source, f"{path}.value")
    if operator == "one-of" and not isinstance(value, list):
        raise DataError(source, f"{path}.value", "must be a list for 'one-of'")
    if isinstance(value, dict | list) and operator != "one-of":
        raise DataError(source, f"{path}.value", "must be a single value (text, number, true)")


def check_rule(rule: Rule, raw: Mapping[str, object], source: str, path: str) -> None:
    """The checks a rule's types cannot express: which keys its kind takes, its globs, its
    expressions and its operand."""
    check_id(rule.id, source, f"{path}.id")
    needed, allowed = KIND_FIELDS[rule.kind]
    for key in sorted(_SPECIFIC - allowed):
        if key in raw:
            raise DataError(source, f"{path}.{key}", f"has no use in a {rule.kind!r} rule")
    for key in sorted(needed):
        if key not in raw:
            raise DataError(source, f"{path}.{key}", f"is needed by a {rule.kind!r} rule")
    if not rule.questions:
        raise DataError(source, f"{path}.questions", "must name at least one readiness question")
    _check_globs(rule.paths, source, f"{path}.paths", needed=True)
    _check_globs(rule.exclude, source, f"{path}.exclude", needed=False)
    _check_globs(rule.newer_than, source, f"{path}.newer_than", needed=False)
    _check_globs(rule.owned, source, f"{path}.owned", needed=rule.kind == "owners")
    if rule.patterns is not None:
        if not rule.patterns:
            raise DataError(source, f"{path}.patterns", "must hold at least one pattern")
        for label, expression in rule.patterns.items():
            compile_pattern(expression, source, f"{path}.patterns.{label}")
    if rule.kind == "count" and (rule.at_least is None or rule.at_least < 1):
        raise DataError(source, f"{path}.at_least", "must be a whole number of 1 or more")
    if rule.kind == "changed":
        if rule.within_days is None and not rule.newer_than:
            raise DataError(source, path, "a 'changed' rule needs within_days or newer_than")
        if rule.within_days is not None and rule.within_days < 1:
            raise DataError(source, f"{path}.within_days", "must be a whole number of 1 or more")
    if rule.kind == "value":
        _check_key(rule.key or "", source, f"{path}.key")
        _check_operand(rule, source, path, given="value" in raw)
    if rule.alternative == rule.id:
        raise DataError(source, f"{path}.alternative", "names the rule itself")


def _check_key(key: str, source: str, path: str) -> None:
    for part in key.split("."):
        if not part:
            raise DataError(source, path, f"{key!r} has an empty part; write a.b.c")
        try:
            glob_expression(part)
        except GlobError as error:
            raise DataError(source, path, f"{key!r}: {part!r} {error}") from None


def check_limits(limits: Limits | LimitChanges, source: str, path: str) -> None:
    """Every limit is positive."""
    for field in fields(limits):
        value = getattr(limits, field.name)
        if isinstance(value, int | float) and value <= 0:
            raise DataError(source, f"{path}.{field.name}", "must be more than 0")


def _parse_rules(raw: object, source: str, path: str) -> tuple[Rule, ...]:
    if not isinstance(raw, list):
        return parse(tuple[Rule, ...], raw, source, path)  # names the fault in its own words
    rules = parse(tuple[Rule, ...], raw, source, path)
    for index, (rule, raw_rule) in enumerate(zip(rules, raw, strict=True)):
        check_rule(rule, raw_rule, source, f"{path}[{index}]")
    check_unique_ids(rules, source, path)
    return rules


def check_questions(
    rules: tuple[Rule, ...], questions: Collection[str], source: str, path: str = "rules"
) -> None:
    """Each question a rule informs is a question of the readiness assessment."""
    for index, rule in enumerate(rules):
        for q_index, question in enumerate(rule.questions):
            if question not in questions:
                raise DataError(
                    source,
                    f"{path}[{index}].questions[{q_index}]",
                    f"{question!r} is not a question of the readiness assessment",
                )


def check_alternatives(rules: tuple[Rule, ...], source: str, where: Mapping[str, str]) -> None:
    """Each alternative names another rule in use, and no chain of them comes back round.

    `where` gives the key path of each rule by id, for the message.
    """
    by_id = {rule.id: rule for rule in rules}
    for rule in rules:
        if rule.alternative is None:
            continue
        if rule.alternative not in by_id:
            raise DataError(
                source,
                f"{where[rule.id]}.alternative",
                f"there is no rule {rule.alternative!r} in use",
            )
        seen = {rule.id}
        step: str | None = rule.alternative
        while step is not None:
            if step in seen:
                raise DataError(
                    source, f"{where[rule.id]}.alternative", "alternatives lead back to this rule"
                )
            seen.add(step)
            step = by_id[step].alternative if step in by_id else None


def _mapping(raw: object, source: str, what: str) -> dict:
    if not isinstance(raw, dict):
        raise DataError(source, "", f"must be a mapping with {what}, not {describe(raw)}")
    return raw


def load_rule_set(raw: object, questions: Collection[str] | None, source: str = SOURCE) -> RuleSet:
    """Validate `data/repository-checks.yml`; `questions` are the readiness question ids."""
    content = _mapping(raw, source, "limits and rules")
    rule_set = parse(RuleSet, {**content, "rules": []}, source)
    rules = _parse_rules(content.get("rules"), source, "rules")
    if not rules:
        raise DataError(source, "rules", "must hold at least one rule")
    check_limits(rule_set.limits, source, "limits")
    for name, globs in (rule_set.globs or {}).items():
        _check_globs(globs, source, f"globs.{name}", needed=True)
    if questions is not None:
        check_questions(rules, questions, source)
    check_alternatives(rules, source, {rule.id: f"rules[{i}]" for i, rule in enumerate(rules)})
    return replace(rule_set, rules=rules)


def load_team_rules(
    raw: object, defaults: RuleSet, questions: Collection[str] | None, source: str
) -> RuleSet:
    """The default rules changed by a team's file: added, replaced, switched off, new limits."""
    content = _mapping(raw, source, "rules, off or limits")
    team = parse(TeamRules, {**content, "rules": []}, source)
    added = _parse_rules(content.get("rules", []), source, "rules")
    if not added and not team.off and team.limits is None:
        raise DataError(source, "", "changes nothing: give rules, off or limits")
    known = [rule.id for rule in defaults.rules]
    for index, rule_id in enumerate(team.off):
        if rule_id not in known:
            raise DataError(
                source, f"off[{index}]", f"there is no rule {rule_id!r} (known: {', '.join(known)})"
            )
    if questions is not None:
        check_questions(added, questions, source)
    replacing = {rule.id: rule for rule in added}
    switched_off = set(team.off) - set(replacing)
    merged = tuple(
        [replacing.get(rule.id, rule) for rule in defaults.rules if rule.id not in switched_off]
        + [rule for rule in added if rule.id not in known]
    )
    where = {rule.id: f"the default rule {rule.id!r}" for rule in defaults.rules}
    where.update({rule_id: f"off[{team.off.index(rule_id)}]" for rule_id in switched_off})
    where.update({rule.id: f"rules[{index}]" for index, rule in enumerate(added)})
    _check_switched_off_alternatives(merged, switched_off, source, where)
    check_alternatives(merged, source, where)
    limits = defaults.limits
    if team.limits is not None:
        check_limits(team.limits, source, "limits")
        changes = {f.name: getattr(team.limits, f.name) for f in fields(team.limits)}
        limits = replace(limits, **{k: v for k, v in changes.items() if v is not None})
    return RuleSet(limits=limits, rules=merged)


def _check_switched_off_alternatives(
    rules: tuple[Rule, ...], switched_off: set[str], source: str, where: Mapping[str, str]
) -> None:
    """Switching off a rule another one accepts in its place would change that one quietly."""
    for rule in rules:
        if rule.alternative in switched_off:
            raise DataError(
                source,
                where[rule.alternative],
                f"{rule.alternative!r} is the alternative of {rule.id!r}: switch that rule off "
                "too, or replace it with one of your own under the same id",
            )
