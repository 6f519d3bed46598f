"""The milestones section of the assessment page: dated snapshots, compared and charted.

Only the frame is built here; `docs/assets/js/components/milestones.js` keeps the milestones
in the browser and fills the parts found by their `data-role`. The comparison and the trend
come from pilot2prod's Python in the worker (`readiness.compare`, `readiness.trend`), and an
imported file is judged by `readiness.milestones_import`. Nothing is pre-rendered: before a
reader saves one there is nothing to show, and readers without JavaScript are told what to
use instead.
"""

from __future__ import annotations

from typing import Any

from macros.html import esc as _e
from pilot2prod.dataset import Dataset
from pilot2prod.readiness.milestones import NAME_MAX


def milestones_html(checklist_id: str) -> str:
    """The milestones section for the scored checklist `checklist_id` (one HTML block)."""
    key = f"p2p-milestones-{_e(checklist_id)}"
    return (
        # A Markdown heading, so the section has its entry in the page's table of contents.
        "## Milestones {#milestones}\n\n"
        '<section class="p2p-milestones" data-p2p-component="milestones" '
        f'data-checklist="{_e(checklist_id)}" aria-labelledby="milestones">'
        '<p data-role="nojs">Milestones keep dated copies of your answers in this browser and '
        "need JavaScript. Without it, export your answers as JSON now and again, and compare two "
        "files with <code>pilot2prod compare OLD NEW</code>.</p>"
        '<div data-role="live" hidden>'
        "<p>Save a milestone whenever the answers reach a point worth remembering, such as the "
        "end of a review or a release. Each one keeps the answers, the project's details and the "
        "verdict of that day, so you can show what changed since.</p>"
        '<div class="p2p-milestones__save">'
        f'<label for="{key}-name">Name of the new milestone (optional)</label>'
        f'<input type="text" id="{key}-name" data-role="name" maxlength="{NAME_MAX}" '
        'autocomplete="off" spellcheck="false">'
        '<button type="button" class="p2p-button p2p-button--primary" data-action="save">'
        "Save milestone</button></div>"
        '<p class="p2p-milestones__tools">'
        '<button type="button" class="p2p-button" data-action="export">Export milestones'
        "</button> "
        '<button type="button" class="p2p-button" data-action="import">Import milestones…'
        "</button>"
        '<input type="file" data-role="file" accept=".json,application/json" hidden '
        'aria-label="Milestones file to import"></p>'
        '<div class="p2p-milestones__notices" data-role="notices" role="status" '
        'aria-live="polite"></div>'
        f'<h3 id="{key}-list">Saved milestones</h3>'
        '<p data-role="empty">No milestone saved yet.</p>'
        f'<ol class="p2p-milestones__list" data-role="list" aria-labelledby="{key}-list"></ol>'
        f'<h3 id="{key}-compare">Compare two points</h3>'
        '<p data-role="compare-none">Save a milestone to compare it with your answers now.</p>'
        '<div class="p2p-milestones__pick" data-role="compare-pick" hidden>'
        f'<p><label for="{key}-old">Compare from</label> '
        f'<select id="{key}-old" data-role="old"></select></p>'
        f'<p><label for="{key}-new">Compare to</label> '
        f'<select id="{key}-new" data-role="new"></select></p></div>'
        '<div class="p2p-milestones__result" data-role="compare-result" aria-live="polite">'
        "</div>"
        f'<h3 id="{key}-trend">Dimension scores over the milestones</h3>'
        '<p data-role="trend-none">The trend appears once a milestone is saved.</p>'
        '<div class="p2p-milestones__trend" data-role="trend" hidden><figure>'
        '<div class="p2p-milestones__scroll" data-role="trend-scroll" tabindex="0" '
        f'role="region" aria-labelledby="{key}-trend">'
        '<svg class="p2p-chart-svg p2p-milestones__svg" data-role="trend-chart" role="img" '
        'aria-label="Dimension scores over milestones" xmlns="http://www.w3.org/2000/svg">'
        "</svg></div>"
        "<figcaption>One line per dimension, one point per milestone, oldest on the left. The "
        "table below holds the same scores.</figcaption></figure>"
        '<div class="p2p-milestones__scroll" data-role="trend-table" tabindex="0" '
        'role="region" aria-label="Trend table"></div>'
        "</div></div></section>"
    )


def define(env: Any, data: Dataset) -> None:
    """Register `milestones()`."""

    @env.macro
    def milestones() -> str:
        """Milestones of the scored assessment on this page: save, compare, trend, export."""
        return milestones_html(data.scored_checklist.id)
