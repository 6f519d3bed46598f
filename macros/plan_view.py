"""The improvement plan on the assessment page: the open questions' plan and its exports.

The plan is edited per question inside the checklist (macros/render_checklist.py, a "Plan"
fold on each open question); this block lists the plan as Python builds it
(`readiness.plan`, the same function as `pilot2prod plan`) and exports it as a Markdown task
list, tracker CSV and the plan's JSON with one issue body per open question.
`docs/assets/js/components/plan.js` fills the parts found by their `data-role`. Nothing is
pre-rendered: the plan follows the reader's own answers, which only the browser holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.html import attrs as _attrs
from pilot2prod.urls import site_root_for

TITLE_ID = "readiness-plan-title"
"""The plan heading's anchor, for the table of contents and the section's label."""


def plan_view_html(checklist_id: str, page: str, directory_urls: bool) -> str:
    """The plan block for the page built from `page`, following checklist `checklist_id`."""
    attributes = {
        "class": "p2p-plan",
        "data-p2p-component": "plan",
        "data-checklist": checklist_id,
        "data-site-root": site_root_for(page, directory_urls),
        "data-directory-urls": "true" if directory_urls else "false",
        "aria-labelledby": TITLE_ID,
    }
    buttons = "".join(
        f'<button type="button" class="p2p-button" data-action="{action}" disabled>{label}'
        "</button> "
        for action, label in (
            ("plan-md", "Export plan (Markdown tasks)"),
            ("plan-csv", "Export plan for a tracker (CSV)"),
            ("plan-json", "Export issue bodies (JSON)"),
        )
    )
    return (
        # A Markdown heading, so the plan has its entry in the page's table of contents.
        f"## Your improvement plan {{#{TITLE_ID}}}\n\n"
        f"<section {_attrs(attributes)}>"
        '<p class="p2p-plan__intro">Every question not yet answered Yes has a '
        "<strong>Plan</strong> fold under it: the next step (a suggested one to start from, "
        "yours to rewrite), who takes it, by when, and how far it has got. They are saved with "
        "your answers and travel with their exports and share links. Here is the whole plan, "
        "highest risk first, ready to paste into a tracker.</p>"
        '<p class="p2p-plan__nojs" data-role="nojs">The plan needs JavaScript in this page. '
        "Without it, write it from an exported answers file with "
        "<code>pilot2prod plan answers.json --format md</code>.</p>"
        '<p class="p2p-plan__status" data-role="status" role="status"></p>'
        '<div class="p2p-plan__body" data-role="body" hidden>'
        '<p class="p2p-plan__counts" data-role="counts"></p>'
        '<details class="p2p-plan__list" data-role="list">'
        '<summary data-role="list-summary">Open questions</summary>'
        '<ol class="p2p-plan__items" data-role="items"></ol></details>'
        f'<p class="p2p-plan__exports">{buttons.strip()}</p>'
        '<p class="p2p-plan__notice" data-role="notice" aria-live="polite"></p>'
        "</div></section>"
    )


def define(env: Any, page: Callable[[], str]) -> None:
    """Register `improvement_plan()`: the plan block for the scored checklist on the page."""
    directory_urls = bool(env.conf["use_directory_urls"])

    @env.macro
    def improvement_plan(checklist_id: str = "readiness") -> str:
        """The improvement plan of the readiness checklist on the same page, with its exports."""
        return plan_view_html(checklist_id, page(), directory_urls)
