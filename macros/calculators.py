"""Macros for the in-browser calculators, and the build hook that ships their runtime.

`define_calculator_macros` builds the wheel (with the validated data) before
any page renders and registers the readiness macros; `write_calculator_assets`
runs after the build and writes Pyodide and the wheel into the site. Other
calculators' macros put `python_runtime(page).attributes(...)` on their root
element so `docs/assets/js/lib/python.js` finds the runtime.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros.assets import PythonRuntime, prepare_runtime, write_runtime
from macros.data_files import read_data_dir
from macros.readiness_widget import (
    bands_table,
    example_links_html,
    readiness_examples_html,
    readiness_widget_html,
    score_view,
)
from pilot2prod.loader import SiteData
from pilot2prod.scoring import Rubric
from pilot2prod.urls import site_root_for

RUNTIME_KEY = "python_runtime"
"""Where the PythonRuntime of this build is kept in `env.variables`."""


def _readiness(data: SiteData) -> Rubric:
    rubric = data.extra.get("readiness")
    if rubric is None:
        raise PluginError("data/readiness.yml is missing: the readiness macros need its bands")
    return rubric


def define_calculator_macros(env: Any, data: SiteData, root: Path) -> None:
    """Prepare the Python runtime for this build and register the readiness macros."""
    files = read_data_dir(root)
    runtime = prepare_runtime(root, env.conf, files)
    env.variables[RUNTIME_KEY] = runtime
    directory_urls = bool(env.conf["use_directory_urls"])

    def _page() -> str:
        return str(env.page.file.src_uri)

    @env.macro
    def readiness_widget() -> str:
        """The live readiness verdict for the checklist on the same page (pre-rendered empty)."""
        rubric = _readiness(data)
        checklist = data.checklists[rubric.checklist]
        page = _page()
        view = score_view(
            files,
            {"answers": {}, "site_root": site_root_for(page, directory_urls)}
            | {"directory_urls": directory_urls},
        )
        return readiness_widget_html(
            view, rubric, checklist, runtime.attributes(page), page, directory_urls
        )

    @env.macro
    def readiness_bands() -> str:
        """The verdict bands from data/readiness.yml as a table."""
        return bands_table(_readiness(data))

    @env.macro
    def readiness_examples(level: int = 3) -> str:
        """Each worked example's readiness answers, scored at build time, with an 'open' link."""
        _readiness(data)
        return readiness_examples_html(data, files, _page(), directory_urls, level)

    @env.macro
    def example_assessment_links() -> str:
        """Links that open the assessment pre-filled with each worked example's answers."""
        _readiness(data)
        return example_links_html(data, files, _page(), directory_urls)


def python_runtime(env: Any) -> PythonRuntime:
    """The runtime prepared for this build (for other calculators' macros)."""
    return env.variables[RUNTIME_KEY]


def write_calculator_assets(env: Any) -> None:
    """After the build: Pyodide (when self-hosted) and the wheel go into the site folder."""
    runtime = env.variables.get(RUNTIME_KEY)
    if runtime is not None:
        write_runtime(runtime, Path(env.conf["site_dir"]))
