"""The guidance content: records that pages render, each with a stable id."""

from __future__ import annotations

from dataclasses import dataclass

from pilot2prod.model.errors import DataError
from pilot2prod.model.schema import check_id, check_unique_ids, parse
from pilot2prod.urls import outside_link_problem


@dataclass(frozen=True)
class Link:
    """A link from one record to guidance elsewhere: `page.md` or `page.md#anchor`."""

    text: str
    to: str


@dataclass(frozen=True)
class Sign:
    """A warning sign under a topic; its id makes it linkable as `#<topic>-<sign>`."""

    id: str
    text: str


@dataclass(frozen=True)
class Topic:
    """A reason pilots stall, a change in production, or a practice that crosses the gap."""

    id: str
    title: str
    summary: str
    body: str
    signs: tuple[Sign, ...] = ()
    see_also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Contrast:
    """One aspect of a worked example, as it looked in the pilot and in production."""

    aspect: str
    pilot: str
    production: str


@dataclass(frozen=True)
class Example:
    """A worked example: the same capability as a pilot and as a production system."""

    id: str
    title: str
    summary: str
    contrasts: tuple[Contrast, ...]
    lesson: str
    see_also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class FaqEntry:
    """A question readers ask, answered in a few sentences."""

    id: str
    question: str
    answer: str
    see_also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Dimension:
    """One of the readiness questions: reliability, integration, operations."""

    id: str
    title: str
    question: str
    body: str
    probes: tuple[str, ...] = ()
    see_also: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Source:
    """A published work the guide cites: who wrote it, when, and where to read it."""

    id: str
    title: str
    by: str
    year: int
    url: str
    why: str
    """What the guide takes from it, in a sentence."""


Record = Topic | Example | FaqEntry | Dimension | Source


@dataclass(frozen=True)
class Collection:
    """A list of records of one kind, rendered on one page."""

    name: str
    source: str
    page: str
    records: tuple[Record, ...]

    def get(self, record_id: str) -> Record:
        """Return the record with `record_id`; KeyError when there is none."""
        for record in self.records:
            if record.id == record_id:
                return record
        raise KeyError(record_id)


COLLECTIONS: dict[str, tuple[str, type]] = {
    "reasons": ("data/reasons.yml", Topic),
    "changes": ("data/changes.yml", Topic),
    "practices": ("data/practices.yml", Topic),
    "examples": ("data/examples.yml", Example),
    "faq": ("data/faq.yml", FaqEntry),
    "dimensions": ("data/dimensions.yml", Dimension),
    "safeguards": ("data/safeguards.yml", Topic),
    "evaluation": ("data/evaluation.yml", Topic),
    "launch": ("data/launch.yml", Topic),
    "reading": ("data/reading.yml", Source),
}
"""Each list of records: its name in macros, its file, and the record type."""


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
        check_id(record.id, source, f"records[{index}].id")
        if isinstance(record, Topic):
            for s_index, sign in enumerate(record.signs):
                check_id(sign.id, source, f"records[{index}].signs[{s_index}].id")
            check_unique_ids(record.signs, source, f"records[{index}].signs")
        if isinstance(record, Source):
            problem = outside_link_problem(record.url)
            if problem:
                raise DataError(source, f"records[{index}].url", problem)
        records.append(record)
    check_unique_ids(records, source, "records")
    return Collection(name=name, source=source, page=page, records=tuple(records))


def sign_anchor(topic: Topic, sign: Sign) -> str:
    """The anchor of one warning sign on its topic's page."""
    return f"{topic.id}-{sign.id}"
