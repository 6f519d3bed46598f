"""Milestones: named, dated snapshots of one assessment, kept in a file of their own.

The assessment page keeps its milestones in the browser and exports them as one JSON file
(`{"format": "pilot2prod/milestones", "version": 1, "checklist": ..., "milestones": [...]}`);
each milestone is `{id, name, saved, verdict, document}`, the document being the answers
export of that moment and the verdict the one this package works out from it (a file's own
word for the verdict is never taken). `read_milestones` is the one judge of such a file: a
file it refuses is refused whole, with the reason, so an import never half-happens. `merge`
adds a file's milestones to the ones already kept without ever changing one of those: a
milestone whose id is taken by a different one comes in as a copy under a fresh id.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pilot2prod.model.blank import is_blank
from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import FORMAT as ANSWERS_FORMAT
from pilot2prod.readiness.answers import AnswersError, read_document
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.readiness.scoring import assess
from pilot2prod.text import plural

FORMAT = "pilot2prod/milestones"
"""The `format` tag of a milestones file."""

FORMAT_VERSION = 1
"""The milestones format this package reads and the page writes."""

MAX_MILESTONES = 200
"""The most milestones one file (or one browser) holds: years of monthly snapshots."""

NAME_MAX = 80
"""The longest milestone name, in characters."""

TREND_MAX = 100
"""The most milestones the trend draws (the newest ones): more would not fit on a phone."""

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
"""A milestone id: short, plain, and never a word with a meaning of its own in code."""

_ENTRY_KEYS = ("id", "name", "saved", "verdict", "document")


class MilestonesError(ValueError):
    """The file cannot be used as milestones; the message says why in plain words."""


@dataclass(frozen=True)
class Milestone:
    """One snapshot: its id, the reader's name for it, when it was saved, its verdict (worked
    out here) and the answers document."""

    id: str
    name: str
    saved: str
    verdict: str
    document: Mapping[str, Any]

    def entry(self) -> dict[str, Any]:
        """The milestone as the file stores it."""
        return {
            "id": self.id,
            "name": self.name,
            "saved": self.saved,
            "verdict": self.verdict,
            "document": self.document,
        }


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text"}.get(type(value), type(value).__name__)


def _text(entry: Mapping[str, Any], key: str, where: str, limit: int) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or is_blank(value):
        raise MilestonesError(f"{where}.{key} must be text, not {_kind(value)}")
    if len(value) > limit:
        raise MilestonesError(f"{where}.{key} is longer than {limit} characters")
    return value


def _saved(entry: Mapping[str, Any], where: str) -> str:
    text = _text(entry, "saved", where, 40)
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise MilestonesError(f"{where}.saved is not a date and time: {text[:40]!r}") from None
    return text


def _milestone(raw: object, index: int, checklist: Checklist, rubric: Rubric) -> Milestone:
    where = f"milestones[{index}]"
    if not isinstance(raw, Mapping):
        raise MilestonesError(f"{where} must be an object, not {_kind(raw)}")
    unknown = [str(key)[:40] for key in raw if key not in _ENTRY_KEYS]
    if unknown:
        raise MilestonesError(f"{where} holds keys a milestone does not have: {', '.join(unknown)}")
    ident = raw.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident):
        raise MilestonesError(
            f"{where}.id must be 1 to 64 letters, digits, '-' or '_', not {str(ident)[:40]!r}"
        )
    name = _text(raw, "name", where, NAME_MAX)
    saved = _saved(raw, where)
    document = raw.get("document")
    try:
        answers = read_document(document, checklist)
    except AnswersError as error:
        raise MilestonesError(f"{where}.document: {error}") from None
    assert isinstance(document, Mapping)  # read_document refuses anything else
    band = assess(checklist, rubric, answers, with_path=False).band
    verdict = band.label if band else rubric.unscored.label
    return Milestone(ident, name, saved, verdict, document)


def read_milestones(raw: object, checklist: Checklist, rubric: Rubric) -> list[Milestone]:
    """Every milestone of a milestones file for `checklist`, each with its verdict under
    `rubric`; MilestonesError names the first fault."""
    if not isinstance(raw, Mapping):
        raise MilestonesError(f"a milestones file holds a JSON object, not {_kind(raw)}")
    found = raw.get("format")
    if found == ANSWERS_FORMAT:
        raise MilestonesError(
            "this is an answers file, not a milestones file: open it with the checklist's "
            "Import JSON instead"
        )
    if found != FORMAT:
        raise MilestonesError(f"this is not a pilot2prod milestones file (format {FORMAT!r})")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise MilestonesError("its version must be a whole number from 1")
    if version > FORMAT_VERSION:
        raise MilestonesError(
            f"it uses milestones format {version}, written by a newer pilot2prod; "
            f"this one reads format {FORMAT_VERSION}"
        )
    if raw.get("checklist") != checklist.id:
        raise MilestonesError(
            f"its milestones are for {str(raw.get('checklist'))[:40]!r}, "
            f"not for the '{checklist.id}' checklist"
        )
    entries = raw.get("milestones")
    if not isinstance(entries, list):
        raise MilestonesError(f"'milestones' must be a list, not {_kind(entries)}")
    if len(entries) > MAX_MILESTONES:
        raise MilestonesError(f"it holds {len(entries)} milestones; at most {MAX_MILESTONES}")
    milestones = [
        _milestone(entry, index, checklist, rubric) for index, entry in enumerate(entries)
    ]
    seen: set[str] = set()
    for milestone in milestones:
        if milestone.id in seen:
            raise MilestonesError(f"the id {milestone.id!r} is used by two milestones")
        seen.add(milestone.id)
    return milestones


def _copy_id(ident: str, taken: set[str]) -> str:
    stem = ident[:50]
    candidate, number = f"{stem}-copy", 2
    while candidate in taken:
        candidate, number = f"{stem}-copy-{number}", number + 1
    return candidate


def _copy_name(name: str) -> str:
    suffix = " (imported copy)"
    return name[: NAME_MAX - len(suffix)] + suffix


def merge(kept: Sequence[Milestone], incoming: Sequence[Milestone]) -> dict[str, Any]:
    """`kept` with `incoming` added: new ids join, identical ones are skipped, and one whose
    id is taken by a different milestone joins as a renamed copy; nothing kept changes."""
    result = [m.entry() for m in kept]
    by_id = {m.id: m.entry() for m in kept}
    # A copy's id must clash with neither side, or a later milestone of the file would meet it.
    taken = set(by_id) | {m.id for m in incoming}
    added = unchanged = copies = 0
    for milestone in incoming:
        entry = milestone.entry()
        if milestone.id not in by_id:
            added += 1
        elif by_id[milestone.id] == entry:
            unchanged += 1
            continue
        else:
            copies += 1
            entry = entry | {"id": _copy_id(milestone.id, taken), "name": _copy_name(entry["name"])}
        taken.add(entry["id"])
        by_id[entry["id"]] = entry
        result.append(entry)
    if len(result) > MAX_MILESTONES:
        raise MilestonesError(
            f"together with the {len(kept)} kept here that makes {len(result)} milestones; "
            f"at most {MAX_MILESTONES} fit, so nothing was imported"
        )
    parts = [f"{plural(added, 'milestone', 'milestones')} added"]
    if copies:
        parts.append(
            f"{plural(copies, 'milestone', 'milestones')} kept as a copy beside one of the same id "
            "saved here, which is unchanged"
        )
    if unchanged:
        parts.append(f"{plural(unchanged, 'milestone', 'milestones')} already here, skipped")
    return {
        "milestones": result,
        "added": added,
        "copies": copies,
        "unchanged": unchanged,
        "summary": "; ".join(parts) + ".",
    }
