"""The assessment page's evidence section: the records the reader keeps, and what they back.

Only the frame is built here; `docs/assets/js/components/backing.js` keeps the records in the
browser (lib/evidence-records.js) and fills the parts found by their `data-role`, and marks each
question with what the live verdict's Python (`readiness.view` with `records`) worked out.
Readers without JavaScript are told which command does the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.html import esc as _e
from pilot2prod.dataset import Dataset
from pilot2prod.urls import doc_url, site_root_for


def backing_html(checklist_id: str, evidence_href: str) -> str:
    """The evidence section for the scored checklist `checklist_id` (one HTML block);
    `evidence_href` is the evidence page's address from this page."""
    key = f"p2p-backing-{_e(checklist_id)}"
    return (
        "## Evidence behind the answers {#evidence-behind-the-answers}\n\n"
        '<section class="p2p-backing" data-p2p-component="backing" '
        f'data-checklist="{_e(checklist_id)}" aria-labelledby="evidence-behind-the-answers">'
        '<p data-role="nojs">Weighing answers against evidence needs JavaScript here. On the '
        "command line: <code>pilot2prod assess answers.json --evidence record.json</code>.</p>"
        '<div data-role="live" hidden>'
        f'<p>Evidence records, written by the <a href="{_e(evidence_href)}">evidence page</a>, '
        "<code>pilot2prod evidence</code> or <code>pilot2prod check</code>, mark each answer they "
        "inform as backed, self-reported or contradicted, and suggest an answer where there is "
        "none yet. You decide: a suggestion changes nothing until you choose it. The records "
        "stay in this browser.</p>"
        f'<p><label for="{key}-files">Add evidence records (JSON)</label> '
        f'<input type="file" id="{key}-files" data-role="files" accept=".json,application/json" '
        "multiple></p>"
        '<div class="p2p-backing__notices" data-role="notices" role="status" aria-live="polite">'
        "</div>"
        '<p data-role="summary">No evidence record is kept for this assessment yet.</p>'
        f'<ul class="p2p-backing__records" data-role="records" aria-label="Evidence records kept">'
        "</ul></div></section>"
    )


def define(env: Any, data: Dataset, page: Callable[[], str]) -> None:
    """Register `evidence_backing()`."""
    directory_urls = bool(env.conf["use_directory_urls"])

    @env.macro
    def evidence_backing() -> str:
        """The evidence section of the scored assessment on this page."""
        root = site_root_for(page(), directory_urls)
        href = doc_url("evidence.md", root, directory_urls)
        return backing_html(data.scored_checklist.id, href)
