"""Evidence weighed against answers: what the records suggest for each readiness question, and
whether each answer is backed, self-reported, contradicted, or rests on stale evidence.

A record shows findings (a real-traffic sample measured, a hard slice measured, two runs
compared, latency and cost measured); the rules in `data/evidence.yml` say which question each
finding informs and how far it can go. A checks record names its questions itself. For one
question the most favourable suggestion of the current records counts: the questions ask
whether something exists, and one record showing it is enough. Records older than the data's
age are stale: listed, never counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from pilot2prod.evidence.record import Record, SliceTally, parse_moment
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.text import percent

RANK = {"no": 0, "partial": 1, "yes": 2}
"""Suggestions and answers on one scale."""

STATUSES = ("backed", "self-reported", "contradicted", "stale", "suggested")
"""How an answer stands against the evidence (`suggested`: unanswered, with evidence)."""


@dataclass(frozen=True)
class Finding:
    """What one record shows for one question, with the figures behind it."""

    question: str
    suggestion: str
    rule: str
    explains: str
    figures: str
    record: str
    dated: str
    stale: bool


@dataclass(frozen=True)
class Backing:
    """One question's answer beside the evidence."""

    question: str
    answer: str | None
    suggestion: str | None
    status: str | None
    findings: tuple[Finding, ...]


def record_date(record: Record) -> date | None:
    """The day the evidence is from: the run's own date, else when the record was made."""
    for text in (record.source.run_date, record.created):
        moment = parse_moment(text) if text else None
        if moment is not None:
            return moment.astimezone(UTC).date()
    return None


def _figures(item: SliceTally, what: str) -> str:
    if item.too_few or item.rate is None:
        return f"{what}: {item.passed} of {item.cases} passed (too few cases to say)"
    from pilot2prod.evidence.view import interval_text

    interval = interval_text(item.low, item.high)
    return f"{what}: {item.passed} of {item.cases} passed, {percent(item.rate)} ({interval})"


def _real_traffic(record: Record, settings: EvidenceSettings) -> tuple[str, str] | None:
    labels = set(settings.real_traffic_sources)
    pool = list(record.sources)
    if record.slice_field.rsplit(".", 1)[-1].lower() == "source":
        pool += list(record.slices)
    real = [item for item in pool if item.name.strip().lower() in labels]
    enough = [item for item in real if item.cases >= settings.min_cases_per_slice]
    if enough:
        best = max(enough, key=lambda item: item.cases)
        return "yes", _figures(best, f"cases from {best.name}")
    if real:
        best = max(real, key=lambda item: item.cases)
        need = settings.min_cases_per_slice
        return "partial", _figures(best, f"cases from {best.name}") + f"; {need} are needed"
    production = record.production
    if production is not None and production.untested_share > settings.max_untested_share:
        return "no", (
            f"{percent(production.untested_share)} of the production mix falls in slices the "
            "evaluation never tested"
        )
    return None


def _hard_slice(record: Record, settings: EvidenceSettings) -> tuple[str, str] | None:
    hard = [
        item
        for item in record.slices
        if any(word in item.name.lower() for word in settings.hard_slice_words)
    ]
    if not hard:
        return None
    best = max(hard, key=lambda item: item.cases)
    figures = _figures(best, f"slice {best.name}")
    if best.cases >= settings.min_cases_per_slice:
        return "yes", figures
    return "partial", f"{figures}; {settings.min_cases_per_slice} are needed"


def _compared(record: Record, settings: EvidenceSettings) -> tuple[str, str] | None:
    if record.compared is None:
        return None
    fell = record.compared.regressions
    words = f"regressions in {', '.join(fell[:5])}" if fell else "no slice fell significantly"
    return "yes", f"compared with an earlier run: {words}"


def _latency_cost(record: Record, settings: EvidenceSettings) -> tuple[str, str] | None:
    parts = []
    if record.latency_ms is not None:
        parts.append(f"latency p95 {record.latency_ms.p95:,.0f} ms")
    if record.cost is not None:
        parts.append(f"cost {record.cost.per_case:.4g} per case")
    if not parts:
        return None
    return ("yes" if len(parts) == 2 else "partial"), "measured: " + ", ".join(parts)


_FINDINGS = {
    "real-traffic-sample": _real_traffic,
    "hard-slice": _hard_slice,
    "runs-compared": _compared,
    "latency-and-cost": _latency_cost,
}


def _capped(suggestion: str, cap: str) -> str:
    return suggestion if RANK[suggestion] <= RANK[cap] else cap


def findings(
    records: Sequence[tuple[str, Record]],
    settings: EvidenceSettings,
    questions: Sequence[str],
    today: date | None = None,
) -> tuple[list[Finding], list[str]]:
    """Every finding of every record, and notes on what was left out (a checks record naming
    a question the checklist does not have)."""
    today = today or datetime.now(UTC).date()
    known = set(questions)
    found: list[Finding] = []
    notes: list[str] = []
    for label, record in records:
        dated = record_date(record)
        stale = dated is None or (today - dated).days > settings.stale_after_days
        day = dated.isoformat() if dated else "undated"
        if record.kind == "checks":
            found += _check_findings(label, record, known, day, stale, notes)
            continue
        for rule in settings.rules:
            result = _FINDINGS[rule.finding](record, settings)
            if result is None:
                continue
            suggestion, figures = result
            found.append(
                Finding(
                    question=rule.question,
                    suggestion=_capped(suggestion, rule.at_most),
                    rule=rule.id,
                    explains=rule.explains,
                    figures=figures,
                    record=label,
                    dated=day,
                    stale=stale,
                )
            )
    return found, notes


def _check_findings(
    label: str, record: Record, known: set[str], day: str, stale: bool, notes: list[str]
) -> list[Finding]:
    by_question: dict[str, list] = {}
    for check in record.checks:
        for question in check.questions:
            if question not in known:
                notes.append(f"{label}: rule {check.rule} names no question {question!r}; ignored")
                continue
            by_question.setdefault(question, []).append(check)
    found = []
    for question, checks in by_question.items():
        counted = [c for c in checks if c.outcome != "not-applicable"]
        if not counted:
            continue
        if any(c.outcome == "fail" and c.required for c in counted):
            suggestion = "no"
        elif all(c.outcome == "pass" for c in counted):
            suggestion = "yes"
        else:
            suggestion = "partial"
        passed = sum(c.outcome == "pass" for c in counted)
        failed = [c.rule for c in counted if c.outcome == "fail"]
        figures = f"{passed} of {len(counted)} repository checks passed"
        if failed:
            figures += f"; failed: {', '.join(failed[:5])}"
        found.append(
            Finding(
                question=question,
                suggestion=suggestion,
                rule="repository-checks",
                explains="Checks of the repository report on this question.",
                figures=figures,
                record=label,
                dated=day,
                stale=stale,
            )
        )
    return found


def back_answers(
    answers: Mapping[str, str], found: Sequence[Finding], questions: Sequence[str]
) -> list[Backing]:
    """Each question, in checklist order, with its answer, suggestion and status.

    The suggestion is the most cautious one among the evidence that is not stale. Status:
    contradicted when the answer is Yes and the evidence says No; backed when the evidence
    supports at least the answer (an answer more cautious than the evidence is backed too);
    self-reported when it supports less, or when there is none; stale when the only evidence is
    past its age; suggested when unanswered.
    """
    result = []
    for question in questions:
        mine = tuple(f for f in found if f.question == question)
        current = [f for f in mine if not f.stale]
        # The most cautious current suggestion: a failed required check outweighs a record that
        # would back the answer, so a Yes is never called backed while evidence says No.
        suggestion = min((f.suggestion for f in current), key=RANK.__getitem__, default=None)
        answer = answers.get(question)
        if answer is None:
            status = "suggested" if suggestion else None
        elif suggestion is None:
            status = "stale" if mine else "self-reported"
        elif answer not in RANK:
            status = "self-reported"  # not applicable: the reader's own call
        elif answer == "yes" and suggestion == "no":
            status = "contradicted"
        elif RANK[answer] <= RANK[suggestion]:
            status = "backed"
        else:
            status = "self-reported"
        result.append(Backing(question, answer, suggestion, status, mine))
    return result
