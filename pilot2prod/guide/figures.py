"""Which figure each guide page shows, built from the records the page already renders.

Titles, links and contrasts come from `data/`; the only figure with words of its
own is the home page's, whose short contrasts live in `data/figures.yml`. The same
file holds the numbers the guide quotes (`pilot2prod.guide.numbers`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from pilot2prod.guide.layouts import Figure, Node, chain, contrast, mapping, matrix
from pilot2prod.guide.numbers import Number, Numbers
from pilot2prod.model.errors import DataError
from pilot2prod.model.records import Collection, Contrast, Example, Topic
from pilot2prod.model.schema import check_id, parse
from pilot2prod.readiness.rubric import Rubric

SOURCE = "data/figures.yml"
"""Words drawn only in a figure (the home page's contrasts) and the numbers the guide quotes."""

SHIFT = re.compile(r"^(?P<name>[^:]+):\s+from\s+(?P<pilot>.+?)\s+to\s+(?P<production>.+)$")
"""A change's title reads 'Name: from what the pilot had to what production needs'."""


class FigureData(Protocol):
    """What the figures draw from: the records and the verdict bands (a Dataset has both)."""

    @property
    def collections(self) -> Mapping[str, Collection]:
        """Every list of records, by name."""
        ...

    @property
    def rubric(self) -> Rubric:
        """The verdict bands."""
        ...


@dataclass(frozen=True)
class FigureWords:
    """The contents of `data/figures.yml`."""

    pilot_and_production: tuple[Contrast, ...]
    numbers: tuple[Number, ...] = ()


def load_figure_words(raw: object) -> FigureWords:
    """Validate `data/figures.yml`."""
    words = parse(FigureWords, raw, SOURCE)
    if not words.pilot_and_production:
        raise DataError(SOURCE, "pilot_and_production", "must list at least one contrast")
    load_numbers(words)
    return words


def load_numbers(words: FigureWords) -> Numbers:
    """The numbers of `data/figures.yml`, each id valid and used once."""
    for index, number in enumerate(words.numbers):
        check_id(number.id, SOURCE, f"numbers[{index}].id")
        if "{n:" in number.label + number.rationale:
            raise DataError(SOURCE, f"numbers[{index}]", "a number cannot quote another number")
    return Numbers(words.numbers, SOURCE)


def _topics(collection: Collection) -> list[Topic]:
    return [record for record in collection.records if isinstance(record, Topic)]


def pilot_and_production(data: FigureData, words: FigureWords) -> Figure:
    """Home page: what a pilot shows against what production has to show."""
    rows = [(c.aspect, c.pilot, c.production) for c in words.pilot_and_production]
    label = "Diagram comparing a pilot with a production system: " + "; ".join(
        f"{aspect}, {pilot} against {production}" for aspect, pilot, production in rows
    )
    return contrast("pilot-and-production", label, rows)


def four_shifts(data: FigureData, words: FigureWords) -> Figure:
    """What changes: each change as the pilot's state against production's."""
    changes = data.collections["changes"]
    rows = []
    for index, topic in enumerate(_topics(changes)):
        match = SHIFT.match(topic.title)
        if not match:
            raise DataError(
                changes.source,
                f"records[{index}].title",
                "the figure reads titles as 'Name: from <pilot> to <production>'",
            )
        rows.append((match["name"], match["pilot"], match["production"]))
    label = "Diagram of the shifts from pilot to production: " + "; ".join(
        f"{name}, from {pilot} to {production}" for name, pilot, production in rows
    )
    return contrast("shifts", label, rows)


def reason_chain(data: FigureData, words: FigureWords) -> Figure:
    """Why pilots stall: the reasons in order, each making the next more likely."""
    steps = [Node(f"{n}. {t.title}") for n, t in enumerate(_topics(data.collections["reasons"]), 1)]
    label = "Diagram of the reasons pilots stall, each leading to the next: " + ", then ".join(
        step.title for step in steps
    )
    return chain("reason-chain", label, steps, "Each reason makes the next one more likely")


def reasons_to_practices(data: FigureData, words: FigureWords) -> Figure:
    """Crossing the gap: each reason joined to the practices its record links to."""
    reasons = _topics(data.collections["reasons"])
    practices_collection = data.collections["practices"]
    practices = _topics(practices_collection)
    where = {f"{practices_collection.page}#{p.id}": index for index, p in enumerate(practices)}
    edges = [
        (r_index, where[link.to])
        for r_index, reason in enumerate(reasons)
        for link in reason.see_also
        if link.to in where
    ]
    label = (
        "Diagram joining each reason pilots stall to the practice that answers it: "
        + "; ".join(f"{reasons[i].title} is answered by {practices[j].title}" for i, j in edges)
    )
    return mapping(
        "reasons-to-practices",
        label,
        [Node(r.title) for r in reasons],
        [Node(p.title) for p in practices],
        edges,
        "Answered by:",
    )


def readiness_verdict(data: FigureData, words: FigureWords) -> Figure:
    """The readiness questions: every dimension feeding the one verdict."""
    dimensions = [record.title for record in data.collections["dimensions"].records]
    rubric = data.rubric
    bands = ", ".join(band.label for band in rubric.bands)
    verdict = Node("Verdict", f"the weakest score picks the band: {bands}")
    label = (
        "Diagram of the readiness questions feeding one verdict: "
        + ", ".join(dimensions)
        + f"; the weakest of them picks the band ({bands})"
    )
    return mapping(
        "readiness-verdict",
        label,
        [Node(title) for title in dimensions],
        [verdict],
        [(index, 0) for index in range(len(dimensions))],
        "Feeds the",
    )


def example_aspects(data: FigureData, words: FigureWords) -> Figure:
    """Worked examples: which aspects change between pilot and production in each."""
    examples = [r for r in data.collections["examples"].records if isinstance(r, Example)]
    aspects: list[str] = []
    for example in examples:
        for item in example.contrasts:
            if item.aspect not in aspects:
                aspects.append(item.aspect)
    marks = {
        (aspects.index(item.aspect), column)
        for column, example in enumerate(examples)
        for item in example.contrasts
    }
    label = (
        "Grid of the aspects that change from pilot to production in each example: "
        + "; ".join(
            f"{example.title}: {', '.join(c.aspect for c in example.contrasts)}"
            for example in examples
        )
    )
    return matrix("example-aspects", label, aspects, [e.title for e in examples], marks, "Changes")


BUILDERS: Mapping[str, Callable[[FigureData, FigureWords], Figure]] = {
    "pilot-and-production": pilot_and_production,
    "shifts": four_shifts,
    "reason-chain": reason_chain,
    "reasons-to-practices": reasons_to_practices,
    "readiness-verdict": readiness_verdict,
    "example-aspects": example_aspects,
}
"""Every figure by id, as a page names it in `{{ figure("id", "caption") }}`."""
