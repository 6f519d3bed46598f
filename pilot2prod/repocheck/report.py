"""A repository check in words: plain text for a terminal, Markdown for a pull request, and
the same facts as JSON for other tools."""

from __future__ import annotations

import textwrap
from typing import Any

from pilot2prod.repocheck.evaluate import CheckResult, Outcome
from pilot2prod.repocheck.tree import SKIP_WORDS
from pilot2prod.text import clean, markdown_table, md, plural

REPORT_FORMAT = "pilot2prod/check-report"
REPORT_VERSION = 1

OUTCOME_WORDS = {"pass": "Pass", "fail": "Fail", "not-applicable": "Not applicable"}
_TEXT_TAGS = {"pass": "PASS", "fail": "FAIL", "not-applicable": "N/A "}


def where(outcome: Outcome) -> str:
    """`file:line`, `file`, or "" when nothing in the repository decided the outcome."""
    if not outcome.file:
        return ""
    return f"{outcome.file}:{outcome.line}" if outcome.line is not None else outcome.file


def finding(outcome: Outcome) -> str:
    """What was found, as a report says it (not applicable says so first)."""
    if outcome.outcome == "not-applicable":
        message = outcome.message.rstrip(".")
        if message[1:2].islower():  # "No model…" reads "no model…" after the colon; "CI" stays
            message = message[0].lower() + message[1:]
        return f"not applicable: {message}"
    return outcome.message


def _counts(result: CheckResult) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOME_WORDS, 0)
    for outcome in result.outcomes:
        counts[outcome.outcome] += 1
    return counts


def summary(result: CheckResult) -> str:
    """The gate's result in a sentence."""
    failed = result.failed_required
    if result.undecided and result.stopped:
        return (
            f"Not decided: {result.stopped} before every required rule could be judged; "
            "raise the limit in a rules file (limits:) or check a smaller folder."
        )
    if result.undecided:
        names = ", ".join(o.rule.id for o in result.unchecked)
        return f"Not decided: {names} could not be checked here; see why above."
    if failed:
        names = ", ".join(o.rule.id for o in failed)
        return f"{plural(len(failed), 'required rule fails', 'required rules fail')}: {names}."
    return "Every required rule passes or does not apply."


def coverage(result: CheckResult) -> str:
    """How much of the repository was looked at, and what was skipped."""
    text = f"Looked at {plural(result.files, 'file', 'files')}"
    skipped = [
        plural(count, *SKIP_WORDS[reason]) for reason, count in result.skipped.items() if count
    ]
    if skipped:
        text += "; skipped " + ", ".join(skipped)
    text += "."
    if result.stopped:
        text += f" Incomplete: {result.stopped}; rules saw only what was reached by then."
    return text


def _tally(result: CheckResult) -> str:
    counts = _counts(result)
    return (
        f"{plural(len(result.outcomes), 'rule', 'rules')}: {counts['pass']} pass, "
        f"{counts['fail']} fail, {counts['not-applicable']} not applicable"
    )


def _role(outcome: Outcome) -> str:
    parts = ["required" if outcome.rule.required else "advisory"]
    if outcome.team:
        parts.append("team rule")
    parts.append("informs " + ", ".join(outcome.rule.questions))
    return "; ".join(parts)


def check_text(result: CheckResult) -> str:
    """The report for a terminal."""
    lines = [
        f"pilot2prod check: {clean(result.repository)} ({_tally(result)})",
        *textwrap.wrap(coverage(result), width=88),
        "",
    ]
    for outcome in result.outcomes:
        lines.append(f"{_TEXT_TAGS[outcome.outcome]}  {outcome.rule.id}  ({_role(outcome)})")
        place = where(outcome)
        said = clean(f"{place}: {finding(outcome)}" if place else finding(outcome))
        lines += textwrap.wrap(said, width=88, initial_indent="      ", subsequent_indent="      ")
        if outcome.outcome == "fail":
            lines += textwrap.wrap(
                clean(f"To do: {outcome.rule.failure}"),
                width=88,
                initial_indent="      ",
                subsequent_indent="      ",
            )
    lines += ["", *textwrap.wrap(f"Result: {summary(result)}", width=88, subsequent_indent="  ")]
    return "\n".join(lines) + "\n"


def check_markdown(result: CheckResult) -> str:
    """The report for a pull request or a proposal."""
    lines = [
        f"## Repository check: {md(result.repository)}",
        "",
        f"**{md(summary(result))}** {md(_tally(result))}. {md(coverage(result))}",
        "",
    ]
    rows = []
    for outcome in result.outcomes:
        said = finding(outcome)
        if outcome.outcome == "fail":
            said += f" To do: {outcome.rule.failure}"
        rows.append(
            [
                outcome.rule.id + (" (required)" if outcome.rule.required else ""),
                OUTCOME_WORDS[outcome.outcome],
                where(outcome) or "—",
                said,
                ", ".join(outcome.rule.questions),
            ]
        )
    lines += markdown_table(["Rule", "Outcome", "Where", "What was found", "Informs"], rows)
    return "\n".join(lines) + "\n"


def check_view(result: CheckResult) -> dict[str, Any]:
    """Every fact of the check as JSON-ready data (`--format json`)."""
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "repository": result.repository,
        "passed": not result.failed_required and not result.undecided,
        "decided": not result.undecided,
        "summary": summary(result),
        "files": result.files,
        "skipped": dict(result.skipped),
        "stopped": result.stopped,
        "history": result.history,
        "rules": [
            {
                "rule": outcome.rule.id,
                "kind": outcome.rule.kind,
                "questions": list(outcome.rule.questions),
                "required": outcome.rule.required,
                "team": outcome.team,
                "outcome": outcome.outcome,
                "file": outcome.file,
                "line": outcome.line,
                "message": outcome.message,
                "passing": outcome.rule.passing,
                "failure": outcome.rule.failure,
                "reason": outcome.rule.reason,
            }
            for outcome in result.outcomes
        ],
    }
