"""The evidence page macro: drop evaluation results, see honest figures, download a record.

The page holds the controls and empty result areas; `docs/assets/js/components/evidence.js`
reads dropped files as bytes, hands them to the `evidence.*` API functions in the Pyodide
worker and fills the areas found by their `data-role`. The limits and defaults the page checks
before Python is up come from Python here, so the two never judge a file differently.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from macros.html import attrs as _attrs
from pilot2prod.dataset import Dataset
from pilot2prod.evidence.formats import MAX_JSON_DEPTH, PAGE_MAX_BYTES
from pilot2prod.evidence.mix import MAX_MIX_BYTES
from pilot2prod.evidence.settings import EvidenceSettings
from sitebuild.runtime import PythonRuntime


def evidence_view_html(
    settings: EvidenceSettings, runtime_attributes: Mapping[str, str], checklist: str = "readiness"
) -> str:
    """The markup of the evidence page's tool; `checklist` is the assessment its records are
    kept for in the browser."""
    attributes = {
        "class": "p2p-evidence",
        "data-p2p-component": "evidence",
        "data-checklist": checklist,
        "data-max-bytes": str(PAGE_MAX_BYTES),
        "data-max-mix-bytes": str(MAX_MIX_BYTES),
        "data-max-depth": str(MAX_JSON_DEPTH),
        **runtime_attributes,
    }
    target = round(settings.target_rate * 100, 2)
    return f"""<div {_attrs(attributes)}>
<p class="p2p-evidence__nojs" data-role="nojs">This tool runs in your browser and needs
JavaScript. Without it, the command line reads the same files:
<code>pilot2prod evidence results.json --slice category</code>.</p>
<div class="p2p-files__controls" data-role="controls" hidden>
<div class="p2p-files__drop" data-role="drop">
<label class="p2p-files__label" for="p2p-evidence-files">Result files: promptfoo JSON, Inspect AI
logs (.json or .eval), a DeepEval test run, lm-evaluation-harness samples, or a CSV or JSONL
with a passed column. Choose them here, or drop them anywhere in this box.</label>
<input type="file" id="p2p-evidence-files" data-role="files" multiple
accept=".json,.jsonl,.eval,.csv,.txt,application/json,text/csv">
</div>
<p><progress data-role="progress" max="100" hidden></progress></p>
</div>
<p class="p2p-files__status" role="status" aria-live="polite" data-role="status"></p>
<div class="p2p-files__notice" data-role="refused" role="alert" hidden>
<p data-role="refused-count">Some files were not used:</p>
<ul data-role="refused-list"></ul>
</div>
<section class="p2p-evidence__result" data-role="result" aria-labelledby="p2p-evidence-title"
hidden>
<h2 id="p2p-evidence-title">What the results say</h2>
<form class="p2p-evidence__form" data-role="form">
<p class="p2p-evidence__field" data-role="run-field" hidden><label for="p2p-evidence-run">Run
shown</label>
<select id="p2p-evidence-run" data-role="run"></select></p>
<p class="p2p-evidence__field"><label for="p2p-evidence-slice">Slices by</label>
<select id="p2p-evidence-slice" data-role="slice"></select></p>
<p class="p2p-evidence__field"><label for="p2p-evidence-target">Target pass rate (%)</label>
<input id="p2p-evidence-target" data-role="target" type="number" min="50" max="99.99"
step="0.1" value="{target}" inputmode="decimal"></p>
<p class="p2p-evidence__field"><label for="p2p-evidence-min">Fewest cases to give a slice a
rate</label>
<input id="p2p-evidence-min" data-role="min-cases" type="number" min="1" max="1000000"
step="1" value="{settings.min_cases_per_slice}" inputmode="numeric"></p>
<fieldset class="p2p-evidence__mix">
<legend>Production mix (optional)</legend>
<p><label for="p2p-evidence-mix">One slice per line: its name, a comma, and its share or count
of real traffic</label></p>
<textarea id="p2p-evidence-mix" data-role="mix" rows="4"
placeholder="billing,5200&#10;delivery,3100"></textarea>
<p><label for="p2p-evidence-mix-file">Or a CSV of slice,count exported from traffic logs</label>
<input type="file" id="p2p-evidence-mix-file" data-role="mix-file" accept=".csv,.txt,text/csv">
</p>
</fieldset>
</form>
<p class="p2p-evidence__headline" aria-live="polite"><output name="evidence-headline"
data-role="headline"></output></p>
<p data-role="source"></p>
<figure class="p2p-evidence__figure" data-role="figure" hidden>
<svg class="p2p-chart-svg p2p-chart-wide" data-role="chart" role="img"
xmlns="http://www.w3.org/2000/svg"></svg>
<svg class="p2p-chart-svg p2p-chart-narrow" data-role="chart-narrow" role="img"
xmlns="http://www.w3.org/2000/svg"></svg>
<figcaption>Each bar is a slice's 95% interval for its pass rate; the dot is the rate seen, hollow
where there are too few cases to say; the line is the target. The table below holds the same
figures.</figcaption>
</figure>
<div class="p2p-files__scroll" tabindex="0" role="region" aria-label="Slices and their figures"
data-role="table-region" hidden>
<table class="p2p-files__table">
<caption data-role="table-caption">Pass rate of each slice</caption>
<thead><tr><th scope="col">Slice</th><th scope="col">Cases</th><th scope="col">Passed</th>
<th scope="col">Pass rate (95% interval)</th><th scope="col">Share of traffic</th>
<th scope="col">More passing cases needed</th></tr></thead>
<tbody data-role="rows"></tbody>
</table>
</div>
<ul data-role="extras"></ul>
<div data-role="candidates-block" hidden>
<h3>Fields that could define slices</h3>
<ul data-role="candidates"></ul>
</div>
<h3>Keep it</h3>
<p>The evidence record holds the figures above and the file's SHA-256, never its cases. Keep it
for your assessment in this browser, where the verdict weighs your answers against it, or give
the file to <code>pilot2prod assess --evidence</code>.</p>
<p><button type="button" class="md-button md-button--primary" data-action="use">Use in my
assessment</button>
<button type="button" class="md-button" data-action="record">Download the evidence record
(.json)</button>
<button type="button" class="md-button" data-action="markdown">Download the report (.md)</button>
</p>
<div data-role="compare-block" hidden>
<h3>Before and after</h3>
<p>Two runs of the same evaluation, compared slice by slice. Cases with the same id in both runs
are paired.</p>
<p class="p2p-evidence__field"><label for="p2p-evidence-old">Before</label>
<select id="p2p-evidence-old" data-role="old"></select></p>
<p class="p2p-evidence__field"><label for="p2p-evidence-new">After</label>
<select id="p2p-evidence-new" data-role="new"></select></p>
<p><button type="button" class="md-button" data-action="compare">Compare</button></p>
<p aria-live="polite"><output name="evidence-compare" data-role="compare-headline"></output></p>
<div class="p2p-files__scroll" tabindex="0" role="region" aria-label="Before and after, by slice"
data-role="compare-region" hidden>
<table class="p2p-files__table">
<caption>Each slice before and after, the change in percentage points with its 95% interval,
and whether it fell, rose or held within the noise.</caption>
<thead><tr><th scope="col">Slice</th><th scope="col">Before</th><th scope="col">After</th>
<th scope="col">Change (95% interval)</th><th scope="col">Paired</th><th scope="col">Verdict</th>
</tr></thead>
<tbody data-role="compare-rows"></tbody>
</table>
</div>
<p><button type="button" class="md-button" data-action="compare-record" disabled>Download the
after run's record, with the comparison (.json)</button></p>
</div>
</section>
</div>"""


def define(
    env: Any,
    settings: Callable[[], EvidenceSettings],
    runtime: PythonRuntime,
    page: Callable[[], str],
    data: Dataset,
) -> None:
    """Register `evidence_view()`."""

    @env.macro
    def evidence_view() -> str:
        """The evidence tool: drop result files, choose slices and a mix, download a record."""
        attributes = runtime.attributes(page())
        return evidence_view_html(settings(), attributes, data.scored_checklist.id)
