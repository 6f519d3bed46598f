"""Load the site's content from parsed data files into validated, frozen records.

Callers read the files (YAML in the build, JSON in the browser) and hand over
plain dicts keyed by their path, e.g. `{"data/faq.yml": {...}}`; this module
never touches the file system, so it runs unchanged inside Pyodide.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pilot2prod.checklists import Checklist
from pilot2prod.content import Collection, Dimension, Example, FaqEntry, Link, Record, Topic
from pilot2prod.errors import DataError
from pilot2prod.schema import check_unique_ids, parse

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids become URL anchors and storage keys: lower case words joined by hyphens."""

COLLECTIONS: dict[str, tuple[str, type]] = {
    "reasons": ("data/reasons.yml", Topic),
    "changes": ("data/changes.yml", Topic),
    "practices": ("data/practices.yml", Topic),
    "examples": ("data/examples.yml", Example),
    "faq": ("data/faq.yml", FaqEntry),
    "dimensions": ("data/dimensions.yml", Dimension),
}
"""Each list of records: its name in macros, its file, and the record type."""

CHECKLIST_DIR = "data/checklists/"


@dataclass(frozen=True)
class SiteData:
    """Everything under `data/`, validated."""

    collections: Mapping[str, Collection]
    checklists: Mapping[str, Checklist]
    extra: Mapping[str, Any] = field(default_factory=dict)


def _check_id(value: str, source: str, path: str) -> None:
    if not ID_PATTERN.match(value):
        raise DataError(
            source, path, f"id {value!r} must be lower-case words joined by hyphens (a-z, 0-9, -)"
        )


def load_collection(name: str, raw: object, source: str, record_type: type) -> Collection:
    """Validate one collection file: `{page: ..., records: [...]}`."""
    if not isinstance(raw, dict):
        raise DataError(source, "", "must be a mapping with keys 'page' and 'records'")
    for key in raw:
        if key not in ("page", "records"):
            raise DataError(source, str(key), "unknown key (expected one of: page, records)")
    for key in ("page", "records"):
        if key not in raw:
            raise DataError(source, key, "missing required key")
    page = parse(str, raw["page"], source, "page")
    records_raw = raw["records"]
    if not isinstance(records_raw, list) or not records_raw:
        raise DataError(source, "records", "must be a non-empty list")
    records: list[Record] = []
    for index, item in enumerate(records_raw):
        record = parse(record_type, item, source, f"records[{index}]")
        _check_id(record.id, source, f"records[{index}].id")
        records.append(record)
    check_unique_ids(records, source, "records")
    return Collection(name=name, source=source, page=page, records=tuple(records))


def load_checklist(raw: object, source: str) -> Checklist:
    """Validate one checklist file under `data/checklists/`."""
    checklist = parse(Checklist, raw, source)
    _check_id(checklist.id, source, "id")
    expected = source.removeprefix(CHECKLIST_DIR).removesuffix(".yml")
    if checklist.id != expected:
        raise DataError(source, "id", f"must match the file name ({expected!r})")
    if not checklist.sections:
        raise DataError(source, "sections", "must list at least one section")
    check_unique_ids(checklist.sections, source, "sections")
    every_item: list[Any] = []
    for s_index, section in enumerate(checklist.sections):
        _check_id(section.id, source, f"sections[{s_index}].id")
        if not section.items:
            raise DataError(source, f"sections[{s_index}].items", "must list at least one item")
        for i_index, item in enumerate(section.items):
            where = f"sections[{s_index}].items[{i_index}]"
            _check_id(item.id, source, f"{where}.id")
            if item.weight <= 0:
                raise DataError(source, f"{where}.weight", "must be greater than zero")
            if checklist.scale == "done" and item.critical:
                raise DataError(
                    source, f"{where}.critical", "only items on the readiness scale can be critical"
                )
            every_item.append(item)
    seen: dict[str, str] = {}
    for s_index, section in enumerate(checklist.sections):
        for i_index, item in enumerate(section.items):
            where = f"sections[{s_index}].items[{i_index}].id"
            if item.id in seen:
                raise DataError(
                    source, where, f"duplicate id {item.id!r} (first at {seen[item.id]})"
                )
            if item.id in {s.id for s in checklist.sections}:
                raise DataError(source, where, f"id {item.id!r} is also a section id")
            seen[item.id] = where
    return checklist


def load_site(files: Mapping[str, object]) -> SiteData:
    """Validate every known data file; `files` maps `data/...yml` paths to parsed content."""
    collections: dict[str, Collection] = {}
    for name, (source, record_type) in COLLECTIONS.items():
        if source not in files:
            raise DataError(source, "", "file is missing")
        collections[name] = load_collection(name, files[source], source, record_type)
    checklists: dict[str, Checklist] = {}
    for source in sorted(files):
        if source.startswith(CHECKLIST_DIR):
            checklist = load_checklist(files[source], source)
            checklists[checklist.id] = checklist
    check_readiness_sections(checklists, collections["dimensions"])
    # Imported here, not at the top: the browser worker imports this module for
    # load_checklist alone, and every module it pulls in is compiled before the first result.
    from pilot2prod.calculator_data import load_calculator_extra
    from pilot2prod.readiness_data import load_readiness_extra

    return SiteData(
        collections=collections,
        checklists=checklists,
        extra={
            **load_readiness_extra(files, collections, checklists),
            **load_calculator_extra(files, collections),
        },
    )


def check_readiness_sections(checklists: Mapping[str, Checklist], dimensions: Collection) -> None:
    """A checklist on the readiness scale has one section per dimension, in the same order.

    Scoring reports a score per dimension by section id, so a section that is not a
    dimension (or a dimension with no section) would silently drop out of the verdict.
    """
    expected = [record.id for record in dimensions.records]
    for checklist in checklists.values():
        if checklist.scale != "readiness":
            continue
        found = [section.id for section in checklist.sections]
        if found != expected:
            raise DataError(
                f"{CHECKLIST_DIR}{checklist.id}.yml",
                "sections",
                f"on the readiness scale the section ids must be the dimensions of "
                f"{dimensions.source} in order ({', '.join(expected)}), "
                f"not ({', '.join(found)})",
            )


def iter_links(data: SiteData) -> list[tuple[str, str, str]]:
    """Every link in the data as (source file, key path, target)."""
    found: list[tuple[str, str, str]] = []
    for collection in data.collections.values():
        for r_index, record in enumerate(collection.records):
            links: tuple[Link, ...] = getattr(record, "see_also", ())
            for l_index, link in enumerate(links):
                found.append(
                    (collection.source, f"records[{r_index}].see_also[{l_index}].to", link.to)
                )
    for checklist in data.checklists.values():
        source = f"{CHECKLIST_DIR}{checklist.id}.yml"
        for s_index, section in enumerate(checklist.sections):
            for i_index, item in enumerate(section.items):
                where = f"sections[{s_index}].items[{i_index}].guidance"
                found.append((source, where, item.guidance))
    return found


def record_anchors(data: SiteData) -> dict[str, set[str]]:
    """The anchors that rendering the data puts on each page."""
    anchors: dict[str, set[str]] = {}
    for collection in data.collections.values():
        page = anchors.setdefault(collection.page, set())
        page.update(record.id for record in collection.records)
    for checklist in data.checklists.values():
        page = anchors.setdefault(checklist.page, set())
        page.add(checklist.id)
        page.update(checklist.anchor(s.id) for s in checklist.sections)
        page.update(checklist.anchor(i.id) for i in checklist.items)
    return anchors


def check_links(data: SiteData, page_anchors: Mapping[str, set[str]]) -> None:
    """Fail on a link to a page or an anchor that does not exist.

    `page_anchors` maps every page under `docs/` to the anchors its own headings
    create; the anchors the data renders are added here.
    """
    from pilot2prod.anchors import check_anchor_collisions  # it imports this module

    check_anchor_collisions(data, page_anchors)
    known: dict[str, set[str]] = {page: set(anchors) for page, anchors in page_anchors.items()}
    for page, anchors in record_anchors(data).items():
        if page not in known:
            raise DataError(_source_for_page(data, page), "page", f"no page {page!r} under docs/")
        known[page] |= anchors
    for source, path, target in iter_links(data):
        page, _, anchor = target.partition("#")
        if page not in known:
            raise DataError(source, path, f"links to {target!r}, but there is no page {page!r}")
        if anchor and anchor not in known[page]:
            raise DataError(
                source, path, f"links to {target!r}, but {page} has no anchor #{anchor}"
            )


def _source_for_page(data: SiteData, page: str) -> str:
    for collection in data.collections.values():
        if collection.page == page:
            return collection.source
    for checklist in data.checklists.values():
        if checklist.page == page:
            return f"{CHECKLIST_DIR}{checklist.id}.yml"
    return "data/"
