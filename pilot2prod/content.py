"""The guidance content: records that pages render, each with a stable id."""

from __future__ import annotations

from dataclasses import dataclass


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


Record = Topic | Example | FaqEntry | Dimension


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


def sign_anchor(topic: Topic, sign: Sign) -> str:
    """The anchor of one warning sign on its topic's page."""
    return f"{topic.id}-{sign.id}"
