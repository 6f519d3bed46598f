"""Checklists and the readiness assessment, as data."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_id, check_unique_ids, parse

CHECKLIST_DIR = "data/checklists/"
"""Where every checklist file lives; a checklist's id is its file name."""

NOTE_MAX = 2000
"""Longest evidence note a reader can type, in characters (the page and the readers agree)."""

OWNER_MAX = 120
"""Longest owner name a reader can type, in characters."""

NAME_MAX = 80
"""Longest name of a named copy of a checklist's answers, in characters."""

Scale = Literal["done", "readiness"]
"""`done`: a checkbox per item. `readiness`: No / Partly / Yes / Not applicable."""

ANSWER_VALUES: dict[str, tuple[str, ...]] = {
    "done": ("done",),
    "readiness": ("no", "partial", "yes", "na"),
}
"""The values a control may carry on each scale, in the order the page shows them."""

ANSWER_LABELS: dict[str, str] = {
    "no": "No",
    "partial": "Partly",
    "yes": "Yes",
    "na": "Not applicable",
    "done": "Done",
}
"""What a reader sees for each stored value."""


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to check, with why it matters and where the guidance is."""

    id: str
    text: str
    why: str
    guidance: str
    weight: float = 1.0
    critical: bool = False
    action: str = ""
    """The suggested first step for the improvement plan while the item is open."""


@dataclass(frozen=True)
class ChecklistSection:
    """A group of items; in the readiness assessment, one dimension."""

    id: str
    title: str
    items: tuple[ChecklistItem, ...]
    intro: str = ""


@dataclass(frozen=True)
class Checklist:
    """A checklist as the maintainer wrote it under `data/checklists/`."""

    id: str
    title: str
    page: str
    scale: Scale
    intro: str
    sections: tuple[ChecklistSection, ...]

    @functools.cached_property
    def items(self) -> tuple[ChecklistItem, ...]:
        """Every item in order, across sections (kept: scoring asks for it many times)."""
        return tuple(item for section in self.sections for item in section.items)

    @functools.cached_property
    def version(self) -> str:
        """A fingerprint of the items; it changes whenever an item is added, removed or edited.

        Kept once worked out: every scored document asks for it, and a portfolio of
        10,000 files spent half its time hashing the same checklist again."""
        sections = [asdict(s) for s in self.sections]
        for section in sections:
            for item in section["items"]:
                # A suggested action is advice, not the question: rewording it must not mark
                # every saved answer as given to an older version of the questions.
                item.pop("action", None)
        payload = json.dumps(sections, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]

    @property
    def answer_values(self) -> tuple[str, ...]:
        """The values an answer may take on this checklist's scale."""
        return ANSWER_VALUES[self.scale]

    def anchor(self, item_or_section_id: str) -> str:
        """The HTML id of an item or section on its page: `<checklist>-<item>`."""
        return f"{self.id}-{item_or_section_id}"


def load_checklist(raw: object, source: str) -> Checklist:
    """Validate one checklist file under `data/checklists/`."""
    checklist = parse(Checklist, raw, source)
    check_id(checklist.id, source, "id")
    expected = source.removeprefix(CHECKLIST_DIR).removesuffix(".yml")
    if checklist.id != expected:
        raise DataError(source, "id", f"must match the file name ({expected!r})")
    if not checklist.sections:
        raise DataError(source, "sections", "must list at least one section")
    check_unique_ids(checklist.sections, source, "sections")
    section_ids = {s.id for s in checklist.sections}
    seen: dict[str, str] = {}
    for s_index, section in enumerate(checklist.sections):
        check_id(section.id, source, f"sections[{s_index}].id")
        if not section.items:
            raise DataError(source, f"sections[{s_index}].items", "must list at least one item")
        for i_index, item in enumerate(section.items):
            where = f"sections[{s_index}].items[{i_index}]"
            check_id(item.id, source, f"{where}.id")
            if item.weight <= 0:
                raise DataError(source, f"{where}.weight", "must be greater than zero")
            if checklist.scale == "done" and item.critical:
                raise DataError(
                    source, f"{where}.critical", "only items on the readiness scale can be critical"
                )
            if item.id in seen:
                raise DataError(
                    source, f"{where}.id", f"duplicate id {item.id!r} (first at {seen[item.id]})"
                )
            if item.id in section_ids:
                raise DataError(source, f"{where}.id", f"id {item.id!r} is also a section id")
            seen[item.id] = f"{where}.id"
    return checklist


def check_sections_are_dimensions(checklist: Checklist, dimensions: Sequence[str], of: str) -> None:
    """A checklist on the readiness scale has one section per dimension, in the same order.

    Scoring reports a score per dimension by section id, so a section that is not a
    dimension (or a dimension with no section) would silently drop out of the verdict.
    """
    found = [section.id for section in checklist.sections]
    if found != list(dimensions):
        raise DataError(
            f"{CHECKLIST_DIR}{checklist.id}.yml",
            "sections",
            f"on the readiness scale the section ids must be the dimensions of "
            f"{of} in order ({', '.join(dimensions)}), not ({', '.join(found)})",
        )
