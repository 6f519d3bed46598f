"""Links in the data: every `page.md#anchor` a record or checklist item points at must exist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pilot2prod.model.anchors import check_anchor_collisions
from pilot2prod.model.checklists import CHECKLIST_DIR, Checklist
from pilot2prod.model.errors import DataError
from pilot2prod.model.records import Collection, Link, Topic, sign_anchor


def iter_links(
    collections: Iterable[Collection], checklists: Iterable[Checklist]
) -> list[tuple[str, str, str]]:
    """Every link in the data as (source file, key path, target)."""
    found: list[tuple[str, str, str]] = []
    for collection in collections:
        for r_index, record in enumerate(collection.records):
            links: tuple[Link, ...] = getattr(record, "see_also", ())
            for l_index, link in enumerate(links):
                found.append(
                    (collection.source, f"records[{r_index}].see_also[{l_index}].to", link.to)
                )
    for checklist in checklists:
        source = f"{CHECKLIST_DIR}{checklist.id}.yml"
        for s_index, section in enumerate(checklist.sections):
            for i_index, item in enumerate(section.items):
                where = f"sections[{s_index}].items[{i_index}].guidance"
                found.append((source, where, item.guidance))
    return found


def record_anchors(
    collections: Iterable[Collection], checklists: Iterable[Checklist]
) -> dict[str, set[str]]:
    """The anchors that rendering the data puts on each page."""
    anchors: dict[str, set[str]] = {}
    for collection in collections:
        page = anchors.setdefault(collection.page, set())
        page.update(r.id for r in collection.records)
        page.update(
            sign_anchor(record, sign)
            for record in collection.records
            if isinstance(record, Topic)
            for sign in record.signs
        )
    for checklist in checklists:
        page = anchors.setdefault(checklist.page, set())
        page.add(checklist.id)
        page.update(checklist.anchor(s.id) for s in checklist.sections)
        page.update(checklist.anchor(i.id) for i in checklist.items)
    return anchors


def check_links(
    collections: Mapping[str, Collection],
    checklists: Mapping[str, Checklist],
    page_anchors: Mapping[str, set[str]],
) -> None:
    """Fail on a link to a page or an anchor that does not exist.

    `page_anchors` maps every page under `docs/` to the anchors its own headings
    create; the anchors the data renders are added here.
    """
    check_anchor_collisions(collections, checklists, page_anchors)
    known: dict[str, set[str]] = {page: set(anchors) for page, anchors in page_anchors.items()}
    for page, anchors in record_anchors(collections.values(), checklists.values()).items():
        if page not in known:
            raise DataError(
                _source_for_page(collections, checklists, page),
                "page",
                f"no page {page!r} under docs/",
            )
        known[page] |= anchors
    for source, path, target in iter_links(collections.values(), checklists.values()):
        page, _, anchor = target.partition("#")
        if page not in known:
            raise DataError(source, path, f"links to {target!r}, but there is no page {page!r}")
        if anchor and anchor not in known[page]:
            raise DataError(
                source, path, f"links to {target!r}, but {page} has no anchor #{anchor}"
            )


def _source_for_page(
    collections: Mapping[str, Collection], checklists: Mapping[str, Checklist], page: str
) -> str:
    for collection in collections.values():
        if collection.page == page:
            return collection.source
    for checklist in checklists.values():
        if checklist.page == page:
            return f"{CHECKLIST_DIR}{checklist.id}.yml"
    return "data/"
