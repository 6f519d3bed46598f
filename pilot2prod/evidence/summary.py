"""A run summarised: overall and per-slice figures, weighted to production, and what it would
take to reach a target, gathered into an evidence record and the words around it.

Everything a report, the page or a gate needs is computed here once, from the run's columns
and the settings in `data/evidence.yml`; the views only arrange it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from pilot2prod.evidence import stats
from pilot2prod.evidence.errors import EvidenceError
from pilot2prod.evidence.record import (
    Cost,
    Latency,
    Production,
    Record,
    SliceTally,
    Source,
    Tally,
    Target,
    tally,
    timestamp,
)
from pilot2prod.evidence.run import Run
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.evidence.slices import (
    NOT_SET,
    Candidate,
    Count,
    candidates,
    counts,
    grouped,
    resolve,
    suggest,
)

SOURCE_FIELD = "source"
"""The field naming where each case came from (production, synthetic…), found by its last name
part (`source`, `metadata.source`, `vars.source`)."""


@dataclass(frozen=True)
class Options:
    """What the reader chose: the slice field (None: not sliced), the production mix, the
    target pass rate and confidence, and the minimum cases per slice."""

    slice_field: str | None = None
    mix: Mapping[str, float] | None = None
    mix_source: str = "mix"
    target: float = 0.95
    confidence: float = 0.95
    min_cases: int = 30


@dataclass(frozen=True)
class MixGap:
    """A slice's share of the evaluation set beside its share of production traffic."""

    name: str
    evaluation_share: float
    traffic_share: float


@dataclass(frozen=True)
class Summary:
    """The record and everything said around it."""

    record: Record
    run: Run
    candidates: tuple[Candidate, ...]
    suggested: str | None
    grouped_values: int
    worst: SliceTally | None
    zero_failure_upper: float | None
    """With no failures at all, the exact one-sided upper bound on the failure rate."""
    mix_gaps: tuple[MixGap, ...] = ()
    mix_distance: float | None = None
    """Half the summed differences of shares: 0 when the mixes match, 1 when disjoint."""
    mix_only: tuple[str, ...] = ()
    """Slices of production traffic the evaluation has no case in."""
    evaluation_only: tuple[str, ...] = ()
    """Slices of the evaluation that production traffic never sends."""
    notes: tuple[str, ...] = field(default_factory=tuple)


def options_from_settings(settings: EvidenceSettings, **chosen: object) -> Options:
    """Options with the data's defaults for whatever the reader left unset (None)."""
    values: dict[str, object] = {
        "target": settings.target_rate,
        "confidence": settings.confidence,
        "min_cases": settings.min_cases_per_slice,
    }
    values |= {key: value for key, value in chosen.items() if value is not None}
    return Options(**values)  # type: ignore[arg-type]


def _slice(count: Count, options: Options, traffic: float | None) -> SliceTally:
    base = tally(count.passed, count.cases)
    interval = stats.wilson(count.passed, count.cases, 0.95)
    more = stats.cases_needed(count.passed, count.cases, options.target, options.confidence)
    return SliceTally(
        name=count.name,
        cases=count.cases,
        passed=count.passed,
        rate=base.rate,
        low=interval.low,
        high=interval.high,
        too_few=count.cases < options.min_cases,
        more_cases=more,
        traffic_share=traffic,
    )


def summarise(run: Run, settings: EvidenceSettings, options: Options) -> Summary:
    """The summary of `run` with the reader's options; EvidenceError for a wrong slice field
    or a mix that cannot apply."""
    cases = run.cases
    found = candidates(cases)
    suggested = suggest(found, settings.slice_field_words, len(cases))
    field_name = resolve(cases, options.slice_field, found) if options.slice_field else None
    if options.mix is not None and field_name is None:
        raise EvidenceError(
            options.mix_source,
            "",
            "a production mix weighs slices, so choose the slice field too (--slice FIELD)"
            + (f"; {suggested} looks likely" if suggested else ""),
        )
    every = counts(cases, field_name)
    shown_counts, joined = grouped(every, settings.slices_shown) if field_name else (every, 0)
    overall = tally(sum(cases.passed), len(cases))
    traffic_share = _shares(options.mix) if options.mix else None
    joined_names = (
        {c.name for c in every} - {c.name for c in shown_counts[:-1]} if joined else set()
    )

    def traffic(count: Count) -> float | None:
        if traffic_share is None:
            return None
        if joined and count is shown_counts[-1]:
            # The joined slice carries the traffic of every value it joined.
            return sum(traffic_share.get(name, 0.0) for name in joined_names)
        return traffic_share.get(count.name, 0.0)

    slices = tuple(_slice(c, options, traffic(c)) for c in shown_counts) if field_name else ()
    notes = list(run.notes)
    production = None
    gaps: tuple[MixGap, ...] = ()
    distance = None
    mix_only: tuple[str, ...] = ()
    evaluation_only: tuple[str, ...] = ()
    if traffic_share is not None:
        by_name = {count.name: count for count in every}
        strata = [
            stats.Stratum(by_name[name].cases, by_name[name].passed, share)
            if name in by_name
            else stats.Stratum(0, 0, share)
            for name, share in traffic_share.items()
        ]
        weighted = stats.stratified(strata, options.confidence)
        production = Production(
            rate=weighted.rate,
            low=weighted.low,
            high=weighted.high,
            untested_share=weighted.untested_share,
            all_low=weighted.all_low,
            all_high=weighted.all_high,
        )
        total = len(cases)
        names = list(dict.fromkeys([*traffic_share, *by_name]))
        gaps = tuple(
            MixGap(
                name,
                by_name[name].cases / total if name in by_name else 0.0,
                traffic_share.get(name, 0.0),
            )
            for name in names
        )
        distance = sum(abs(g.evaluation_share - g.traffic_share) for g in gaps) / 2
        mix_only = tuple(name for name in traffic_share if name not in by_name)
        evaluation_only = tuple(
            name for name in by_name if name not in traffic_share and name != NOT_SET
        )
    measured = [s for s in slices if not s.too_few]
    worst = min(measured, key=lambda s: (s.low, s.name)) if len(measured) > 1 else None
    failures = overall.cases - overall.passed
    zero_upper = (
        stats.zero_failure_upper(overall.cases, options.confidence)
        if overall.cases and not failures
        else None
    )
    if joined:
        notes.append(
            f"{field_name} has {len(every):,} values: the {len(shown_counts) - 1} largest are "
            f"shown and the other {joined:,} joined into one slice"
        )
    record = Record(
        kind="evaluation",
        created=timestamp(),
        source=Source(
            file=run.file,
            tool=run.tool,
            tool_version=run.tool_version,
            run_date=_run_date(run.run_date),
            sha256=run.sha256,
        ),
        slice_field=field_name or "",
        overall=overall,
        slices=slices,
        production=production,
        latency_ms=_latency(run),
        cost=_cost(run),
        target=Target(options.target, options.confidence),
        sources=_sources(run, field_name, options),
    )
    return Summary(
        record=record,
        run=run,
        candidates=tuple(found),
        suggested=suggested,
        grouped_values=joined,
        worst=worst,
        zero_failure_upper=zero_upper,
        mix_gaps=gaps,
        mix_distance=distance,
        mix_only=mix_only,
        evaluation_only=evaluation_only,
        notes=tuple(notes),
    )


def _run_date(text: str) -> str:
    """The run's own date as a record states it, or "" when the file's is not a date."""
    from pilot2prod.evidence.record import parse_moment

    text = text.strip()
    if not text:
        return ""
    moment = parse_moment(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    return timestamp(moment) if moment else ""


def _shares(mix: Mapping[str, float]) -> dict[str, float]:
    total = sum(mix.values())
    return {name: count / total for name, count in mix.items()}


def _latency(run: Run) -> Latency | None:
    column = run.cases.latency_ms
    values = sorted(column if None not in column else [v for v in column if v is not None])
    if not values:
        return None
    return Latency(
        p50=stats.percentile(values, 0.50),
        p95=stats.percentile(values, 0.95),
        p99=stats.percentile(values, 0.99),
    )


def _cost(run: Run) -> Cost | None:
    column, passed = run.cases.cost, run.cases.passed
    if None not in column:
        priced, passes = len(column), sum(passed)
        total = math.fsum(column)
    else:
        pairs = [(c, p) for c, p in zip(column, passed, strict=True) if c is not None]
        priced, passes = len(pairs), sum(p for _, p in pairs)
        total = math.fsum(c for c, _ in pairs)
    if not priced:
        return None
    return Cost(per_case=total / priced, per_passing_case=total / passes if passes else None)


def _sources(run: Run, field_name: str | None, options: Options) -> tuple[SliceTally, ...]:
    names = [n for n in run.cases.fields if n.rsplit(".", 1)[-1].lower() == SOURCE_FIELD]
    if len(names) != 1:
        return ()
    found = counts(run.cases, names[0])
    if len(found) > 50:
        return ()  # not a source label but free text
    return tuple(_slice(count, options, None) for count in found)


def overall_tally(summary: Summary) -> Tally:
    """The run's overall figures."""
    assert summary.record.overall is not None
    return summary.record.overall
