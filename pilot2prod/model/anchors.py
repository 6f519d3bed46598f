"""Every anchor a page gets, and where it comes from: one anchor, one origin.

A record's id becomes an HTML id on its page (`#why-pilots-stall`), so does each
checklist, section and item (`#readiness-reliability`), and so does each heading
of the page's Markdown. Two of them with the same id make a page where a deep
link lands on the wrong element and a label points at the wrong control; the
build refuses it, naming the data file and key that brought the second one.
"""

from __future__ import annotations

from collections.abc import Mapping

from pilot2prod.model.checklists import CHECKLIST_DIR, Checklist
from pilot2prod.model.errors import DataError
from pilot2prod.model.records import Collection

Origin = tuple[str, str]
"""(source file, key path) of a data anchor."""


def data_anchors(
    collections: Mapping[str, Collection], checklists: Mapping[str, Checklist]
) -> dict[str, list[tuple[str, Origin]]]:
    """Per page, each anchor the data renders there with its file and key, in data order."""
    found: dict[str, list[tuple[str, Origin]]] = {}
    for collection in collections.values():
        page = found.setdefault(collection.page, [])
        for index, record in enumerate(collection.records):
            page.append((record.id, (collection.source, f"records[{index}].id")))
    for checklist in checklists.values():
        source = f"{CHECKLIST_DIR}{checklist.id}.yml"
        page = found.setdefault(checklist.page, [])
        page.append((checklist.id, (source, "id")))
        for s_index, section in enumerate(checklist.sections):
            page.append((checklist.anchor(section.id), (source, f"sections[{s_index}].id")))
            for i_index, item in enumerate(section.items):
                where = f"sections[{s_index}].items[{i_index}].id"
                page.append((checklist.anchor(item.id), (source, where)))
    return found


def check_anchor_collisions(
    collections: Mapping[str, Collection],
    checklists: Mapping[str, Checklist],
    page_anchors: Mapping[str, set[str]],
) -> None:
    """Fail when a data anchor repeats a heading anchor or another data anchor on its page."""
    for page, anchors in data_anchors(collections, checklists).items():
        seen: dict[str, str] = {
            anchor: "a heading of the page" for anchor in page_anchors.get(page, ())
        }
        for anchor, (source, key) in anchors:
            if anchor in seen:
                raise DataError(
                    source,
                    key,
                    f"gives {page} the anchor #{anchor}, which {seen[anchor]} already has; "
                    "choose another id",
                )
            seen[anchor] = f"{source} ({key})"
