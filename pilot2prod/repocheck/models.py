"""Model ids in a repository's files, recognised by the price list, pinned or moving.

The run-cost calculator's price list (`calculators/runcost/prices.json`) names every model a
team is likely to call. Each of its ids is reduced to a base name: lower case, without the
provider's prefixes (`openai:`, `meta-llama/`, `global.anthropic.`), without a `-latest`, and
without the pinned forms a rule lists (a date, a snapshot number, a provider's version).
A word in a file whose base is one of those names is a model id; it is pinned when it carried
one of the pinned forms, and a moving alias when it did not, since such a name follows
whatever version the provider serves under it today.

Only bases with a digit or a hyphen count (`gpt-4o`, `command-r`): plain words in the list,
such as `command` or `sonar`, would match ordinary configuration keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

from pilot2prod.calculators.runcost.prices import PriceTable

WORD = re.compile(r"[A-Za-z0-9~@][A-Za-z0-9._:/@~+-]*[A-Za-z0-9]")
"""A word that may be a model id: letters, digits and the punctuation providers use."""

_ALIAS = re.compile(r"[-:@]latest$")
_PREFIX = re.compile(r"^(?:global|regional|us|eu|apac|us-gov|jp|au)\.")
_VENDOR = re.compile(r"^[a-z][a-z-]*\.(?=[a-z])")
"""A vendor's prefix (`anthropic.`, `meta.`); without digits, so `gpt-5.1` keeps its number."""


@dataclass(frozen=True)
class ModelMention:
    """One model id found in a file."""

    text: str
    """The word as written."""
    base: str
    """The model's base name in the price list."""
    pinned_by: str
    """The pinned form it carries, in words; empty for a moving alias."""
    offset: int


@dataclass(frozen=True)
class Vocabulary:
    """The base names the price list knows, with the dated ids it lists for each."""

    bases: frozenset[str]
    dated: Mapping[str, tuple[str, ...]]
    """Per base, the listed ids that carry a pinned form, for a suggestion."""


def _strip_pinned(word: str, pinned: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[str, str]:
    """`word` without its trailing pinned forms, and those forms in words, in the order the
    word has them ("a date (YYYYMMDD) and a provider version")."""
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        for label, pattern in pinned:
            match = pattern.search(word)
            if match is not None and match.start() > 0:
                word = word[: match.start()]
                found.insert(0, label)
                changed = True
    return word, " and ".join(found)


def _candidates(word: str) -> Iterator[str]:
    """The names a word may stand for, from the fullest to the barest."""
    name = word.lower()
    for separator in ("/", ":"):
        name = name.rsplit(separator, 1)[-1]
    name = name.lstrip("~")
    yield name
    bare = _PREFIX.sub("", name)
    stripped = _VENDOR.sub("", bare)
    if stripped != name:
        yield stripped


def _counts(base: str) -> bool:
    """Whether a base from the list is a name worth looking for (see the module's note)."""
    return (
        WORD.fullmatch(base) is not None
        and any(c.isalpha() for c in base)
        and any(c in "-0123456789" for c in base)
    )


def compile_pinned(patterns: Mapping[str, str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The rule's pinned forms, each matched at the end of a word."""
    return tuple(
        (label, re.compile(f"(?:{expression})$", re.IGNORECASE))
        for label, expression in patterns.items()
    )


def _reduce(
    word: str, pinned: tuple[tuple[str, re.Pattern[str]], ...]
) -> tuple[list[str], str, bool]:
    lowered = word.lower()
    alias = _ALIAS.search(lowered) is not None
    if alias:
        lowered = _ALIAS.sub("", lowered)
    stripped, form = _strip_pinned(lowered, pinned)
    return list(_candidates(stripped)), form, alias


@cache
def _vocabulary(table: PriceTable, pinned: tuple[tuple[str, re.Pattern[str]], ...]) -> Vocabulary:
    bases: set[str] = set()
    dated: dict[str, list[str]] = {}
    for model in table.models:
        if model.id.lower().startswith("ft:"):
            continue  # fine-tuned ids name one team's model, never a family
        candidates, form, _ = _reduce(model.id, pinned)
        for base in candidates:
            if _counts(base):
                bases.add(base)
                if form:
                    dated.setdefault(base, []).append(model.id)
    return Vocabulary(frozenset(bases), {k: tuple(sorted(set(v))) for k, v in dated.items()})


def vocabulary(table: PriceTable, patterns: Mapping[str, str]) -> Vocabulary:
    """The base names of every model in `table`, by the rule's pinned forms."""
    return _vocabulary(table, compile_pinned(patterns))


def mentions(text: str, words: Vocabulary, patterns: Mapping[str, str]) -> Iterable[ModelMention]:
    """Every model id in `text` the vocabulary knows, in order."""
    pinned = compile_pinned(patterns)
    for match in WORD.finditer(text):
        word = match.group(0)
        if word.lower().startswith("ft:"):
            continue  # a fine-tuned model's id names one fixed model
        candidates, form, alias = _reduce(word, pinned)
        base = next((name for name in candidates if name in words.bases), None)
        if base is None:
            continue
        yield ModelMention(word, base, "" if alias else form, match.start())
