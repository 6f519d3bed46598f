"""A summary in words and rows: the headline, the slice table, the mix, latency and cost.

One view feeds the page (JSON), the terminal (text) and Markdown, so a figure reads the same
everywhere. Names from files are kept as data here and escaped by whoever renders them.
"""

from __future__ import annotations

from typing import Any

from pilot2prod.evidence.chart import interval_chart
from pilot2prod.evidence.record import SliceTally, record_to_value
from pilot2prod.evidence.slices import describe_candidate
from pilot2prod.evidence.summary import Summary
from pilot2prod.text import format_number, money, percent

TOOL_NAMES = {
    "promptfoo": "promptfoo",
    "inspect-ai": "Inspect AI",
    "deepeval": "DeepEval",
    "lm-eval": "lm-evaluation-harness",
    "csv": "CSV",
    "jsonl": "JSON Lines",
}


def interval_text(low: float, high: float) -> str:
    """An interval as readers write it: 92, an en dash, 96%."""
    low_text, high_text = percent(low), percent(high)
    return f"{low_text.removesuffix('%')}\u2013{high_text}"


def rate_text(item: SliceTally) -> str:
    """A slice's rate with its interval, or "too few cases to say"."""
    if item.rate is None:
        return "no cases"
    if item.too_few:
        return f"too few cases to say ({item.passed} of {item.cases} passed)"
    return f"{percent(item.rate)} ({interval_text(item.low, item.high)})"


def headline(summary: Summary) -> str:
    """The sentence a sponsor reads first: the evaluation's rate and interval, then, with a
    mix, the rate weighted to traffic and the share of traffic never tested."""
    overall = summary.record.overall
    assert overall is not None
    if overall.rate is None:
        return "The file holds no cases."
    text = (
        f"The evaluation says {percent(overall.rate)} "
        f"({interval_text(overall.low, overall.high)}) over {overall.cases:,} cases."
    )
    if summary.zero_failure_upper is not None:
        text += (
            f" No case failed; the failure rate could still be as high as "
            f"{percent(summary.zero_failure_upper, 2)} (exact 95% upper bound)."
        )
    production = summary.record.production
    if production is not None:
        if production.rate is None:
            text += " None of your traffic falls in a slice the evaluation tested."
        else:
            text += (
                f" Weighted to your traffic: {percent(production.rate)} "
                f"({interval_text(production.low, production.high)})"
            )
            untested = production.untested_share
            if untested > 0.0005:
                text += f", and {percent(untested)} of traffic is in slices never tested."
            else:
                text += ", and every slice of your traffic was tested."
    return text


def _mix_sentences(summary: Summary) -> list[str]:
    gaps = sorted(
        summary.mix_gaps,
        key=lambda g: -abs(g.evaluation_share - g.traffic_share),
    )
    sentences = []
    for gap in gaps[:3]:
        if abs(gap.evaluation_share - gap.traffic_share) < 0.05:
            break
        sentences.append(
            f"{gap.name} is {percent(gap.evaluation_share)} of the evaluation set and "
            f"{percent(gap.traffic_share)} of traffic."
        )
    if summary.mix_only:
        shares = {g.name: g.traffic_share for g in summary.mix_gaps}
        listed = ", ".join(
            f"{name} ({percent(shares.get(name, 0.0))})" for name in summary.mix_only[:8]
        )
        more = f" and {len(summary.mix_only) - 8:,} more" if len(summary.mix_only) > 8 else ""
        sentences.append(f"Never tested: {listed}{more}.")
    if summary.evaluation_only:
        listed = ", ".join(summary.evaluation_only[:8])
        sentences.append(f"In the evaluation but not in your traffic: {listed}.")
    return sentences


def _row(item: SliceTally, target: float | None) -> dict[str, Any]:
    return {
        "name": item.name,
        "cases": item.cases,
        "passed": item.passed,
        "rate": item.rate,
        "low": item.low,
        "high": item.high,
        "too_few": item.too_few,
        "rate_text": rate_text(item),
        "traffic_text": "—" if item.traffic_share is None else percent(item.traffic_share),
        "more_text": _more(item.more_cases, target),
    }


def _more(more: int | None, target: float | None) -> str:
    if target is None:
        return "—"
    if more is None:
        return "out of reach"
    return "none" if more == 0 else f"{more:,}"


def summary_view(summary: Summary) -> dict[str, Any]:
    """Everything the page and the reports show for one run."""
    record = summary.record
    target = record.target.rate if record.target else None
    rows = [_row(item, target) for item in record.slices]
    tool = TOOL_NAMES.get(record.source.tool, record.source.tool)
    version = f" {record.source.tool_version}" if record.source.tool_version else ""
    dated = f", run {record.source.run_date}" if record.source.run_date else ""
    latency = record.latency_ms
    cost = record.cost
    label = (
        f"Pass rate of each slice of {record.source.file} by {record.slice_field}, with its 95% "
        "interval" + (f", against a target of {percent(target)}" if target else "")
    )
    return {
        "file": record.source.file,
        "tool": record.source.tool,
        "source_text": f"{record.source.file} ({tool}{version}{dated})",
        "headline": headline(summary),
        "slice_field": record.slice_field,
        "suggested": summary.suggested,
        "candidates": [
            {
                "name": c.name,
                "distinct": c.distinct,
                "covered": c.covered,
                "text": describe_candidate(c),
            }
            for c in summary.candidates[:30]
        ],
        "rows": rows,
        "worst_text": (
            f"Weakest slice by its lower bound: {summary.worst.name}, {rate_text(summary.worst)}."
            if summary.worst
            else ""
        ),
        "target_text": (
            f"the passing cases each slice still needs before its lower bound reaches "
            f"{percent(target)} (at {percent(record.target.confidence)} confidence)"
            if record.target and target
            else ""
        ),
        "mix": _mix_sentences(summary),
        "mix_distance_text": (
            f"The two mixes differ by {percent(summary.mix_distance)} of cases "
            "(0% would be the same mix)."
            if summary.mix_distance is not None
            else ""
        ),
        "latency_text": (
            f"Latency: p50 {format_number(latency.p50, 0)} ms, p95 "
            f"{format_number(latency.p95, 0)} ms, p99 {format_number(latency.p99, 0)} ms."
            if latency
            else ""
        ),
        "cost_text": (
            f"Cost: {money(cost.per_case)} per case"
            + (
                f", {money(cost.per_passing_case)} per passing case."
                if cost.per_passing_case is not None
                else "; no case passed."
            )
            if cost
            else ""
        ),
        "notes": list(summary.notes),
        "chart": interval_chart(record.slices, target, label) if record.slices else None,
        "chart_narrow": (
            interval_chart(record.slices, target, label, narrow=True) if record.slices else None
        ),
        "record": record_to_value(record),
    }
