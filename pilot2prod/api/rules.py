"""Every rule and limit the pages apply before Python is up, taken from where Python defines it.

A page keeps what the reader typed and checks a file's size, encoding and nesting before its
Python has started, and it reads back what it stored itself. Those checks must never judge a
document differently from Python, so the build writes `page_rules()` into the site as
`assets/js/lib/rules.js` (`RULES`), and the browser modules import their limits from there
instead of writing numbers of their own. Each value below is the constant the Python reader
enforces; nothing here is a second definition.
"""

from __future__ import annotations

import json
from typing import Any

from pilot2prod import sharelink
from pilot2prod.model import blank, checklists, documents, nesting
from pilot2prod.readiness import answers, merge, milestones

MODULE_PATH = "assets/js/lib/rules.js"
"""Where the build writes the rules in the site."""


def page_rules() -> dict[str, Any]:
    """The rules the pages need, as JSON-ready data."""
    from pilot2prod.api.programme import MAX_BATCH, MAX_PORTFOLIO
    from pilot2prod.calculators import documents as inputs
    from pilot2prod.evidence.assessment import MAX_RECORDS

    return {
        "blank_class": blank.BLANK_CLASS,
        "documents": {
            "max_bytes": documents.MAX_DOCUMENT_BYTES,
            "max_depth": nesting.MAX_DEPTH,
            "max_nodes": nesting.MAX_NODES,
        },
        "answers": {
            "format": answers.FORMAT,
            "version": answers.PAGE_VERSION,
            "readable_versions": list(range(1, answers.FORMAT_VERSION + 1)),
            "known_keys": list(answers.KNOWN_KEYS),
            "identity_keys": list(answers.IDENTITY_KEYS),
            "scale_values": {
                scale: list(values) for scale, values in checklists.ANSWER_VALUES.items()
            },
            "id_max": answers.ID_MAX,
            "entries_max": answers.ENTRIES_MAX,
            "answer_max": answers.ANSWER_MAX,
            "note_max": checklists.NOTE_MAX,
            "owner_max": checklists.OWNER_MAX,
            "identity_max": answers.IDENTITY_MAX,
            "action_max": answers.ACTION_MAX,
            "version_max": answers.VERSION_MAX,
            "kept_limits": dict(answers.KEPT_LIMITS),
            "plan_fields": list(answers.PLAN_FIELDS),
            "plan_statuses": list(answers.PLAN_STATUSES),
            "status_labels": dict(answers.STATUS_LABELS),
        },
        "copies": {"name_max": checklists.NAME_MAX},
        "share_link": {"max_bytes": sharelink.MAX_BYTES},
        "calculators": {"version": inputs.VERSION, "max_value_chars": inputs.MAX_VALUE_CHARS},
        "milestones": {
            "format": milestones.FORMAT,
            "version": milestones.FORMAT_VERSION,
            "max": milestones.MAX_MILESTONES,
            "name_max": milestones.NAME_MAX,
            "trend_max": milestones.TREND_MAX,
        },
        "team": {"max_files": merge.MAX_PEOPLE},
        "evidence": {"max_records": MAX_RECORDS},
        "portfolio": {"max_files": MAX_PORTFOLIO, "batch_max": MAX_BATCH},
    }


def rules_module() -> str:
    """`page_rules()` as the ES module the pages import."""
    data = json.dumps(page_rules(), ensure_ascii=True, sort_keys=True, indent=2)
    return (
        "// Written by the build from pilot2prod (pilot2prod/api/rules.py): the limits and rules\n"
        "// Python enforces, for what a page does before its Python is up. Do not edit.\n"
        "const freeze = (value) => {\n"
        '  if (value && typeof value === "object") Object.values(value).forEach(freeze);\n'
        "  return Object.freeze(value);\n"
        "};\n"
        f"export const RULES = freeze({data});\n"
    )
