"""A repository check as an evidence record (`pilot2prod/evidence`, kind "checks").

The record states each rule's outcome, the questions it informs, and the file and line that
decided it; never the contents of a file. It is written through the evidence package's one
record module, which refuses anything it could not read back, so `pilot2prod assess
--evidence` takes in exactly what `check -o` writes.
"""

from __future__ import annotations

from datetime import datetime

from pilot2prod import __version__
from pilot2prod.evidence.record import MAX_TEXT, Check, Record, Source, timestamp, write_record
from pilot2prod.repocheck.evaluate import CheckResult

TOOL = "pilot2prod-check"


def _short(text: str) -> str:
    """Text cut to the record's limit for one field, marked where it was cut."""
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def checks_record(result: CheckResult, rules_file: str, now: datetime | None = None) -> Record:
    """The record of `result`; `rules_file` names the rules applied (a base name)."""
    created = timestamp(now)
    base_name = rules_file.replace("\\", "/").rsplit("/", 1)[-1]
    return Record(
        kind="checks",
        created=created,
        source=Source(
            file=_short(base_name), tool=TOOL, tool_version=__version__, run_date=created
        ),
        repository=_short(result.repository),
        checks=tuple(
            Check(
                rule=outcome.rule.id,
                questions=outcome.rule.questions,
                required=outcome.rule.required,
                outcome=outcome.outcome,
                file=_short(outcome.file),
                line=outcome.line,
                message=_short(outcome.message),
            )
            for outcome in result.outcomes
        ),
    )


def checks_record_text(result: CheckResult, rules_file: str) -> str:
    """The record as the JSON text `check -o` writes."""
    return write_record(checks_record(result, rules_file), rules_file)
