"""One outcome per rule: pass, fail or not applicable, with the file and line that decided it."""

from __future__ import annotations

import datetime
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pilot2prod.calculators.runcost.prices import PriceTable, shipped_table
from pilot2prod.repocheck import models
from pilot2prod.repocheck.globs import FileSet
from pilot2prod.repocheck.history import Change, History
from pilot2prod.repocheck.owners import owner_of, parse_codeowners
from pilot2prod.repocheck.rules import Rule, RuleSet, compile_pattern
from pilot2prod.repocheck.tree import OutOfTime, Tree, line_of, shown
from pilot2prod.repocheck.values import (
    NeedsYaml,
    Unreadable,
    file_format,
    find_values,
    key_line,
    parse_document,
    satisfies,
    shown_value,
)

Verdict = Literal["pass", "fail", "not-applicable"]

SHOWN_NAMES = 3
"""How many file names a message lists before it says how many more there are."""


@dataclass(frozen=True)
class Outcome:
    """What one rule found."""

    rule: Rule
    outcome: Verdict
    file: str
    """The file that decided it, relative to the repository's root, as printed; "" for none."""
    line: int | None
    message: str
    """What was found, in a sentence; the rule's `failure` says what to do about a failure."""
    team: bool = False
    """True for a rule that came from the team's rules file."""
    checked: bool = True
    """False when the rule could not be judged: a limit stopped the check first, or the
    files it needs cannot be read here (YAML without PyYAML)."""


@dataclass(frozen=True)
class CheckResult:
    """Every rule's outcome for one repository, and how far the look went."""

    repository: str
    outcomes: tuple[Outcome, ...]
    files: int
    """How many files the walk found."""
    skipped: dict[str, int]
    stopped: str
    history: str
    """Why there was no git history to use; empty when there was."""

    @property
    def failed_required(self) -> list[Outcome]:
        """The required rules that failed: any of them fails the gate."""
        return [o for o in self.outcomes if o.rule.required and o.outcome == "fail"]

    @property
    def unchecked(self) -> list[Outcome]:
        """The required rules that could not be judged (a limit, or a missing YAML reader)."""
        return [o for o in self.outcomes if o.rule.required and not o.checked]

    @property
    def undecided(self) -> bool:
        """True when a required rule could not be judged, or a limit cut the check short and
        a required rule failed (it may only mean the file was not reached): the gate cannot
        be judged either way."""
        return bool(self.unchecked) or (bool(self.stopped) and bool(self.failed_required))


def _names(paths: list[str]) -> str:
    listed = ", ".join(shown(path) for path in paths[:SHOWN_NAMES])
    more = len(paths) - SHOWN_NAMES
    return f"{listed} and {more} more" if more > 0 else listed


def _each(count: int, noun: str) -> str:
    """ "The only file", "Each of the 3 files"."""
    return f"The only {noun}" if count == 1 else f"Each of the {count} {noun}s"


def _date(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date().isoformat()


def _globs(rule: Rule) -> str:
    """The rule's globs in a message: the first, and how many more (JSON lists them all)."""
    more = len(rule.paths) - 1
    return rule.paths[0] + (f" (or {more} more {'glob' if more == 1 else 'globs'})" if more else "")


class _Checker:
    """Applies each kind of rule to one tree, its history and the price list."""

    def __init__(
        self, tree: Tree, history: History, prices: Callable[[], PriceTable], now: float
    ) -> None:
        self.tree = tree
        self.history = history
        self.prices = prices
        self.now = now
        self._selected: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}

    def files(self, rule: Rule, globs: tuple[str, ...] | None = None) -> list[str]:
        """The rule's files (or those `globs` name, less the rule's exclusions), sorted; rules
        that share globs share the selection."""
        key = (globs or rule.paths, rule.exclude)
        if key not in self._selected:
            chosen = FileSet(*key).select(self.tree.index)
            self._selected[key] = chosen
        return self._selected[key]

    def outcome(
        self, rule: Rule, verdict: Verdict, message: str, file: str = "", line: int | None = None
    ) -> Outcome:
        return Outcome(rule, verdict, shown(file) if file else "", line, message)

    def fail(self, rule: Rule, detail: str, file: str = "", line: int | None = None) -> Outcome:
        return self.outcome(rule, "fail", f"{detail}.", file, line)

    def no_files(self, rule: Rule) -> Outcome:
        return self.fail(rule, f"No file matches {_globs(rule)}")

    # --- the kinds -----------------------------------------------------------------------

    def exists(self, rule: Rule) -> Outcome:
        found = self.files(rule)
        if not found:
            return self.no_files(rule)
        return self.outcome(rule, "pass", f"Found {_names(found)}.", found[0])

    def _patterns(self, rule: Rule) -> dict[str, re.Pattern[str]]:
        # In label order: the shipped data carries mappings with sorted keys, so no outcome
        # may depend on the order a file wrote the patterns in.
        return {
            label: compile_pattern(p, "", "") for label, p in sorted((rule.patterns or {}).items())
        }

    def contains(self, rule: Rule) -> Outcome:
        patterns = self._patterns(rule)
        closest: tuple[int, str, list[str]] | None = None
        candidates = self.files(rule)
        for path in candidates:
            text = self.tree.read(path)
            if text is None:
                continue
            found = {label: p.search(text) for label, p in patterns.items()}
            hits = sorted((m.start(), label) for label, m in found.items() if m is not None)
            if hits and (rule.match == "any" or len(hits) == len(patterns)):
                offset, label = hits[0]  # the earliest in the file decides the line
                labels = ", ".join(label for _, label in hits)
                what = f"every one of: {labels}" if rule.match == "all" else label
                return self.outcome(rule, "pass", f"Found {what}.", path, line_of(text, offset))
            missing = [label for label, m in found.items() if m is None]
            if hits and (closest is None or len(hits) > closest[0]):
                closest = (len(hits), path, missing)
        if not candidates:
            return self.no_files(rule)
        if closest is not None:
            _, path, missing = closest
            return self.fail(rule, f"Lacks {' and '.join(missing)}", path)
        wanted = ", ".join(patterns) if rule.match == "all" else " or ".join(patterns)
        return self.fail(rule, f"None of {_names(candidates)} has {wanted}")

    def count(self, rule: Rule) -> Outcome:
        patterns = self._patterns(rule)
        needed = rule.at_least or 1
        total, first = 0, None
        candidates = self.files(rule)
        for path in candidates:
            text = self.tree.read(path)
            if text is None:
                continue
            offsets = sorted(
                (match.start(), label)
                for label, pattern in patterns.items()
                for match in pattern.finditer(text)
            )
            if offsets and first is None:
                first = (path, line_of(text, offsets[0][0]), offsets[0][1])
            total += len(offsets)
            if total >= needed:
                assert first is not None
                path, line, label = first
                said = f"Found at least {needed}; the first: {label}."
                return self.outcome(rule, "pass", said, path, line)
        if not candidates:
            return self.no_files(rule)
        path, line = (first[0], first[1]) if first else ("", None)
        return self.fail(rule, f"Found {total} of the {needed} needed", path, line)

    def value(self, rule: Rule) -> Outcome:
        key = rule.key or ""
        candidates = [path for path in self.files(rule) if file_format(path)]
        failing: tuple[str, str, int | None] | None = None
        unreadable: list[tuple[str, Unreadable]] = []
        for path in candidates:
            text = self.tree.read(path)
            kind = file_format(path)
            if text is None or kind is None:
                continue
            try:
                document = parse_document(text, kind, shown(path))
            except Unreadable as error:
                unreadable.append((path, error))
                continue
            for trail, found in find_values(document, key):
                line = key_line(text, trail)
                shown_at = ".".join(trail)
                if satisfies(rule.operator, found, rule.value):
                    return self.outcome(
                        rule, "pass", f"{shown_at} is {shown_value(found)}.", path, line
                    )
                failing = failing or (
                    path,
                    f"{shown_at} is {shown_value(found)}, which is not "
                    f"{rule.operator.replace('-', ' ')} {shown_value(rule.value)}",
                    line,
                )
        if failing is not None:
            path, detail, line = failing
            return self.fail(rule, detail, path, line)
        if not candidates:
            return self.no_files(rule)
        if any(isinstance(error, NeedsYaml) for _, error in unreadable):
            # The files may hold the value; only the reader is missing, so nothing is decided.
            path, error = next(entry for entry in unreadable if isinstance(entry[1], NeedsYaml))
            said = f"Not checked: {shown(path)} {error}"
            return replace(self.outcome(rule, "not-applicable", said, path), checked=False)
        shown_key = key if len(key) <= 40 else key[:39] + "…"
        detail = f"None of {_names(candidates)} sets {shown_key}"
        if unreadable:
            path, why = unreadable[0]
            more = f" (and {len(unreadable) - 1} more)" if len(unreadable) > 1 else ""
            detail += f"; {shown(path)} {why}{more}"
        return self.fail(rule, detail)

    def changed(self, rule: Rule) -> Outcome:
        if self.history.unavailable:
            return self.outcome(rule, "not-applicable", self.history.unavailable)
        files = self.files(rule)
        if not files:
            return self.no_files(rule)
        change = self.history.last_change(files)
        if self.history.unavailable:
            return self.outcome(rule, "not-applicable", self.history.unavailable)
        if change is None:
            return self.fail(rule, f"None of {_names(files)} is committed")
        when = _date(change.timestamp)
        if rule.within_days is not None:
            age = (self.now - change.timestamp) / 86400
            if age > rule.within_days:
                return self.fail(
                    rule,
                    f"Last changed on {when}, {int(age)} days ago "
                    f"(the limit is {rule.within_days})",
                    change.path,
                )
        if rule.newer_than:
            others = [path for path in self.files(rule, rule.newer_than) if path not in files]
            other = self.history.last_change(others) if others else None
            if self.history.unavailable:
                return self.outcome(rule, "not-applicable", self.history.unavailable)
            if other is not None and other.timestamp > change.timestamp:
                return self.fail(
                    rule,
                    f"Last changed on {when}, before {shown(other.path)} changed on "
                    f"{_date(other.timestamp)}",
                    change.path,
                )
            return self.outcome(rule, "pass", self._newer_words(change, other), change.path)
        return self.outcome(
            rule,
            "pass",
            f"Last changed on {when} (the limit is {rule.within_days} days).",
            change.path,
        )

    def _newer_words(self, change: Change, other: Change | None) -> str:
        when = _date(change.timestamp)
        if other is None:
            return f"Last changed on {when}; what it must follow has no commits."
        return (
            f"Last changed on {when}, not before the last change to {shown(other.path)} "
            f"({_date(other.timestamp)})."
        )

    def owners(self, rule: Rule) -> Outcome:
        codeowners = next(
            (found[0] for glob in rule.paths if (found := self.files(rule, (glob,)))), None
        )
        if codeowners is None:
            return self.fail(rule, f"No CODEOWNERS file at {', '.join(rule.paths)}")
        text = self.tree.read(codeowners)
        if text is None:
            return self.fail(rule, f"{shown(codeowners)} could not be read", codeowners)
        lines, _ = parse_codeowners(text)
        targets = [path for path in self.files(rule, rule.owned) if path != codeowners]
        if not targets:
            return self.outcome(
                rule, "not-applicable", f"No file matches {', '.join(rule.owned[:SHOWN_NAMES])}."
            )
        unowned: list[str] = []
        ownerless_line: int | None = None
        first_owner = None
        for index, target in enumerate(targets):
            if index % 256 == 0 and self.tree.out_of_time():
                raise OutOfTime
            entry = owner_of(lines, target)
            if entry is None or not entry.owners:
                unowned.append(target)
                if entry is not None and ownerless_line is None:
                    ownerless_line = entry.line
            elif first_owner is None:
                first_owner = (target, entry)
        if unowned:
            detail = f"{len(unowned)} of {len(targets)} files have no owner: {_names(unowned)}"
            if ownerless_line is not None:
                return self.fail(rule, detail, codeowners, ownerless_line)
            return self.fail(rule, detail, unowned[0])
        assert first_owner is not None
        target, entry = first_owner
        return self.outcome(
            rule,
            "pass",
            f"{_each(len(targets), 'file')} has an owner; {shown(target)}: "
            f"{' '.join(entry.owners[:SHOWN_NAMES])}.",
            codeowners,
            entry.line,
        )

    def model_ids(self, rule: Rule) -> Outcome:
        patterns = rule.patterns or {}
        table = self.prices()
        words = models.vocabulary(table, patterns)
        found: list[tuple[str, int, models.ModelMention]] = []
        for path in self.files(rule):
            text = self.tree.read(path)
            if text is None:
                continue
            found += [
                (path, line_of(text, m.offset), m) for m in models.mentions(text, words, patterns)
            ]
        if not found:
            return self.outcome(
                rule,
                "not-applicable",
                f"No model id from the price list ({table.source}, as of "
                f"{table.as_of.isoformat()}) appears in these files.",
            )
        moving = [entry for entry in found if not entry[2].pinned_by]
        if moving:
            path, line, mention = moving[0]
            dated = words.dated.get(mention.base, ())
            hint = f" (the price list has, for example, {', '.join(dated[:2])})" if dated else ""
            detail = (
                f"{mention.text} names no dated version{hint}; {len(moving)} of {len(found)} "
                "model ids are not pinned"
            )
            return self.fail(rule, detail, path, line)
        path, line, mention = found[0]
        return self.outcome(
            rule,
            "pass",
            f"{_each(len(found), 'model id')} is pinned; "
            f"{mention.text} carries {mention.pinned_by}.",
            path,
            line,
        )


def _resolve_alternatives(outcomes: dict[str, Outcome]) -> dict[str, Outcome]:
    """A rule that did not pass takes the pass of its alternative, saying so."""
    resolved: dict[str, Outcome] = {}

    def final(rule_id: str) -> Outcome:
        if rule_id in resolved:
            return resolved[rule_id]
        outcome = outcomes[rule_id]
        alternative = outcome.rule.alternative
        if outcome.outcome != "pass" and alternative in outcomes:
            other = final(alternative)
            if other.outcome == "pass":
                outcome = replace(
                    outcome,
                    outcome="pass",
                    file=other.file,
                    line=other.line,
                    message=(
                        f"Passes by {alternative}: {other.message} On its own: {outcome.message}"
                    ),
                )
        resolved[rule_id] = outcome
        return outcome

    return {rule_id: final(rule_id) for rule_id in outcomes}


def check_repository(
    root: Path,
    rule_set: RuleSet,
    team_ids: frozenset[str] = frozenset(),
    now: float | None = None,
    prices: Callable[[], PriceTable] = shipped_table,
) -> CheckResult:
    """Every rule of `rule_set` applied to the repository at `root` (a folder)."""
    tree = Tree(root, rule_set.limits)
    history = History(Path(tree.root), rule_set.limits.git_seconds)
    checker = _Checker(tree, history, prices, time.time() if now is None else now)
    kinds: dict[str, Callable[[Rule], Outcome]] = {
        "exists": checker.exists,
        "contains": checker.contains,
        "count": checker.count,
        "value": checker.value,
        "changed": checker.changed,
        "owners": checker.owners,
        "model-ids": checker.model_ids,
    }
    outcomes: dict[str, Outcome] = {}
    for rule in rule_set.rules:
        try:
            if tree.out_of_time():
                raise OutOfTime
            outcome = kinds[rule.kind](rule)
        except OutOfTime:
            outcome = checker.outcome(
                rule, "not-applicable", f"Not checked: {tree.stopped} before this rule finished."
            )
            outcome = replace(outcome, checked=False)
        outcomes[rule.id] = replace(outcome, team=rule.id in team_ids)
    final = _resolve_alternatives(outcomes)
    return CheckResult(
        repository=shown(Path(tree.root).name or tree.root),
        outcomes=tuple(final[rule.id] for rule in rule_set.rules),
        files=len(tree.files),
        skipped=tree.skipped_counts(),
        stopped=tree.stopped,
        history=history.unavailable,
    )
