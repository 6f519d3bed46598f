"""The team view macro: import several people's exported answers and see them side by side.

The page holds only the controls and empty result areas; `docs/assets/js/components/team.js`
reads the chosen files in the browser, hands them to `readiness.merge` (the same
Python as `pilot2prod merge`) in the Pyodide worker and fills the areas found by
their `data-role`. Nothing is pre-rendered: without files there is nothing to show,
and readers without JavaScript are pointed to the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from macros.assets import WHEEL_SITE_DIR, PythonRuntime
from macros.html import attrs as _attrs
from pilot2prod.urls import site_root_for


def team_view_html(page: str, directory_urls: bool, runtime_attributes: Mapping[str, str]) -> str:
    """The markup of the team view for the page built from `page`."""
    attributes = {
        "class": "p2p-team",
        "data-p2p-component": "team",
        "data-site-root": site_root_for(page, directory_urls),
        "data-directory-urls": "true" if directory_urls else "false",
        **runtime_attributes,
    }
    return f"""<div {_attrs(attributes)}>
<p class="p2p-team__nojs" data-role="nojs">The team view runs in your browser and needs
JavaScript. Without it, combine the files on the command line:
<code>pilot2prod merge alice.json bob.json --format md</code>.</p>
<div class="p2p-files__controls p2p-team__controls" data-role="controls" hidden>
<label class="p2p-files__label p2p-team__label" for="p2p-team-files">Exported answers files
(JSON), one per person; choose several at once, or add more later</label>
<input type="file" id="p2p-team-files" class="p2p-team__input" data-role="files"
accept=".json,application/json" multiple>
<button type="button" class="md-button" data-action="clear">Start again</button>
</div>
<p class="p2p-files__status" role="status" aria-live="polite" data-role="status"></p>
<div class="p2p-files__notice" data-role="refused" role="alert" hidden>
<p>Some files were not used:</p>
<ul data-role="refused-list"></ul>
</div>
<div class="p2p-files__notice" data-role="problems" hidden>
<p>Some answers inside the files were left out:</p>
<ul data-role="problems-list"></ul>
</div>
<section class="p2p-team__result" data-role="result" aria-labelledby="p2p-team-verdict-title"
aria-live="polite" hidden>
<h2 id="p2p-team-verdict-title" class="p2p-team__title">Team verdict</h2>
<dl class="p2p-team__figures">
<dt>Verdict</dt><dd><output name="team-verdict" data-role="verdict"></output></dd>
<dt>Score</dt><dd><output name="team-score" data-role="score"></output></dd>
<dt>Weakest dimension</dt><dd><output name="team-weakest" data-role="weakest"></output></dd>
<dt>People</dt><dd><output name="team-people" data-role="people-count"></output></dd>
</dl>
<p data-role="meaning"></p>
<p class="p2p-team__cap" data-role="cap" hidden></p>
<p><output name="disagreements" data-role="disagreements"></output></p>
<div class="p2p-team__block" data-role="what-if" hidden>
<h3>What would lift the team verdict</h3>
<p data-role="what-if-intro"></p>
<ul data-role="what-if-list"></ul>
</div>
<h3>Each person's own verdict</h3>
<div class="p2p-files__scroll">
<table class="p2p-files__table" data-role="people">
<thead><tr><th scope="col">File</th><th scope="col">Verdict</th><th scope="col">Score</th>
<th scope="col">Answered</th></tr></thead>
<tbody data-role="people-rows"></tbody>
</table>
</div>
<h3>Answers side by side</h3>
<p><label><input type="checkbox" data-role="only-disagreements"> Show only questions where the
answers disagree</label></p>
<div class="p2p-files__scroll" tabindex="0" role="region" aria-label="Answers side by side">
<table class="p2p-files__table p2p-team__items" data-role="items">
<caption>Each person's answer to each question, the team's (most cautious) answer, and the
kind of disagreement, if any.</caption>
<thead data-role="items-head"></thead>
<tbody data-role="items-rows"></tbody>
</table>
</div>
<h3>Markdown for a proposal</h3>
<p><button type="button" class="md-button" data-action="markdown">Make Markdown</button>
<button type="button" class="md-button" data-action="download" disabled>Download .md</button></p>
<p><label for="p2p-team-markdown">The team view as Markdown</label></p>
<textarea id="p2p-team-markdown" class="p2p-team__markdown" data-role="markdown" rows="8"
readonly></textarea>
</section>
</div>"""


def wheel_address(site_url: str | None, wheel_name: str) -> str:
    """Where the published site serves the wheel: absolute when the site's address is known."""
    path = f"{WHEEL_SITE_DIR}/{wheel_name}"
    if site_url and site_url.startswith(("https://", "http://")):
        return site_url.rstrip("/") + "/" + path
    return path


def define(env: Any, runtime: PythonRuntime, page: Callable[[], str]) -> None:
    """Register `team_view()`, `cli_wheel_url()` and `cli_site_url()`."""

    @env.macro
    def cli_wheel_url() -> str:
        """The address of the wheel this build publishes, for `pip install` instructions."""
        return wheel_address(env.conf.get("site_url"), runtime.wheel.name)

    @env.macro
    def cli_site_url() -> str:
        """The site's published address, for `--site-url` examples."""
        return (env.conf.get("site_url") or "https://pilot2prod.example.org/").rstrip("/") + "/"

    @env.macro
    def team_view() -> str:
        """The team view: import several answers exports, see them side by side."""
        src = page()
        attributes = runtime.attributes(src)
        return team_view_html(src, bool(env.conf["use_directory_urls"]), attributes)
