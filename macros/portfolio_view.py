"""The portfolio macro: many projects' exported answers at once, where the pilots stall.

The page holds the controls and empty result areas; `docs/assets/js/components/portfolio.js`
reads the dropped or chosen files in the browser, scores them in batches with
`readiness.portfolio_summaries` in the Pyodide worker (so progress can be shown), ranks the
summaries with `readiness.portfolio` (the same Python as `pilot2prod portfolio`) and fills
the areas found by their `data-role`. Nothing is pre-rendered: there is nothing to show
before files are chosen, and readers without JavaScript are pointed to the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from macros.assets import PythonRuntime
from macros.html import attrs as _attrs
from pilot2prod.api.programme import MAX_BATCH

BATCH = min(50, MAX_BATCH)
"""Files scored per call to the worker: small enough for steady progress, large enough that
the calls' own cost stays small."""

DEFAULT_OLDER_THAN = 180
"""Days after which an assessment is listed as due for a fresh look, until the reader says."""


def _table(role: str, caption: str, columns: list[str]) -> str:
    head = "".join(f'<th scope="col">{column}</th>' for column in columns)
    return (
        '<div class="p2p-files__scroll p2p-portfolio__scroll" tabindex="0" role="region"'
        f' aria-label="{caption}">'
        f'<table class="p2p-files__table p2p-portfolio__table" data-role="{role}">'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f'<tbody data-role="{role}-rows"></tbody></table></div>'
    )


def portfolio_view_html(runtime_attributes: Mapping[str, str]) -> str:
    """The markup of the portfolio view."""
    attributes = {
        "class": "p2p-portfolio",
        "data-p2p-component": "portfolio",
        "data-batch": str(BATCH),
        **runtime_attributes,
    }
    return f"""<div {_attrs(attributes)}>
<p class="p2p-portfolio__nojs" data-role="nojs">The portfolio runs in your browser and needs
JavaScript. Without it, use the command line:
<code>pilot2prod portfolio assessments/ --format md</code>.</p>
<div class="p2p-files__controls" data-role="controls" hidden>
<div class="p2p-files__drop" data-role="drop">
<label class="p2p-files__label p2p-portfolio__label" for="p2p-portfolio-files">Exported
answers files (JSON), one per project: choose them here, or drop them anywhere in this box</label>
<input type="file" id="p2p-portfolio-files" data-role="files" accept=".json,application/json"
multiple>
</div>
<p class="p2p-portfolio__age"><label for="p2p-portfolio-older">List assessments older than
(days)</label>
<input type="number" id="p2p-portfolio-older" data-role="older-than" min="0" max="3650"
step="1" value="{DEFAULT_OLDER_THAN}" inputmode="numeric"></p>
<p><button type="button" class="md-button" data-action="clear">Start again</button></p>
</div>
<p class="p2p-files__status" role="status" aria-live="polite" data-role="status"></p>
<progress class="p2p-portfolio__progress" data-role="progress" max="1" value="0"
aria-label="Files read and scored" hidden></progress>
<div class="p2p-files__notice" data-role="refused" hidden>
<p data-role="refused-count"></p>
<ul data-role="refused-list"></ul>
</div>
<section class="p2p-portfolio__result" data-role="result" aria-labelledby="p2p-portfolio-title"
hidden>
<h2 id="p2p-portfolio-title">Portfolio</h2>
<p data-role="summary"></p>
<div class="p2p-files__notice" data-role="partial" hidden>
<p>Read only in part: these files are counted, without what could not be read (a value that is
not an answer leaves its question open).</p>
<ul data-role="partial-list"></ul>
</div>
{_table("bands", "Projects per verdict", ["Verdict", "Projects", "Share"])}
{
        _table(
            "dimensions",
            "Where projects stall: dimensions, the most often weakest first",
            ["Rank", "Dimension", "Weakest for", "Open questions"],
        )
    }
{
        _table(
            "questions",
            "Where projects stall: questions, the most often open first",
            ["Rank", "Question", "Dimension", "Open in"],
        )
    }
<h3>Blocked by critical questions</h3>
<p data-role="blocked-none" hidden>No project has a critical question answered No.</p>
<ul data-role="blocked-list"></ul>
{
        _table(
            "owners",
            "Owners with the most open high-risk questions",
            ["Owner", "Open high-risk questions", "Projects"],
        )
    }
<p data-role="unowned"></p>
{
        _table(
            "stale",
            "Assessments older than the age chosen above, oldest first",
            ["Project", "File", "Assessed", "Days ago"],
        )
    }
<p data-role="undated"></p>
<h3>Take the report with you</h3>
<p><button type="button" class="md-button" data-action="markdown">Download Markdown</button>
<button type="button" class="md-button" data-action="csv">Download CSV</button>
<button type="button" class="md-button" data-action="json">Download JSON</button></p>
</section>
</div>"""


def define(env: Any, runtime: PythonRuntime, page: Callable[[], str]) -> None:
    """Register `portfolio_view()`."""

    @env.macro
    def portfolio_view() -> str:
        """The portfolio: many projects' exports at once, where their pilots stall."""
        return portfolio_view_html(runtime.attributes(page()))
