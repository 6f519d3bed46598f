"""Checklists and the readiness assessment, as data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Literal

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

NOTE_MAX = 2000
"""Longest evidence note a reader can type, in characters."""

OWNER_MAX = 120
"""Longest owner name a reader can type, in characters."""

NAME_MAX = 80
"""Longest name of a named copy of a checklist's answers, in characters."""


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to check, with why it matters and where the guidance is."""

    id: str
    text: str
    why: str
    guidance: str
    weight: float = 1.0
    critical: bool = False


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

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        """Every item in order, across sections."""
        return tuple(item for section in self.sections for item in section.items)

    @property
    def version(self) -> str:
        """A fingerprint of the items; it changes whenever an item is added, removed or edited."""
        payload = json.dumps([asdict(s) for s in self.sections], sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]

    @property
    def answer_values(self) -> tuple[str, ...]:
        """The values an answer may take on this checklist's scale."""
        return ANSWER_VALUES[self.scale]

    def anchor(self, item_or_section_id: str) -> str:
        """The HTML id of an item or section on its page: `<checklist>-<item>`."""
        return f"{self.id}-{item_or_section_id}"
