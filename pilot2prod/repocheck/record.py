"""A repository check as an evidence record (`pilot2prod/evidence`, kind "checks").

The record states each rule's outcome, the questions it informs, and the file and line that
decided it; never the contents of a file. `pilot2prod assess --evidence` reads it back.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pilot2prod import __version__
from pilot2prod.repocheck.evaluate import CheckResult

TOOL = "pilot2prod-check"
MAX_TEXT = 500
"""The longest text a record's field may hold (the record's own limit)."""


def _short(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def checks_record(result: CheckResult, rules_file: str, now: datetime | None = None) -> dict:
    """The record of `result`; `rules_file` is the base name of the rules applied."""
    created = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "format": "pilot2prod/evidence",
        "version": 1,
        "kind": "checks",
        "created": created,
        "source": {
            "file": _short(rules_file),
            "tool": TOOL,
            "tool_version": __version__,
            "run_date": created,
            "sha256": "",
        },
        "repository": _short(result.repository),
        "checks": [
            {
                "rule": outcome.rule.id,
                "questions": list(outcome.rule.questions),
                "required": outcome.rule.required,
                "outcome": outcome.outcome,
                "file": _short(outcome.file),
                "line": outcome.line,
                "message": _short(outcome.message),
            }
            for outcome in result.outcomes
        ],
    }


def checks_record_text(result: CheckResult, rules_file: str) -> str:
    """The record as the JSON text `-o` writes."""
    return json.dumps(checks_record(result, rules_file), indent=2, ensure_ascii=False) + "\n"
