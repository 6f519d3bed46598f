"""mkdocs-macros module: a thin `define_env` that reads the data once and delegates.

One Dataset is made per build from `data/`, checked with `validate_all` against the pages'
own anchors before any page renders (a build fails naming file and key), and handed to each
macro module; the Python runtime (Pyodide and the wheel carrying that same data) is prepared
once and written into the site after the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros import (
    calculator_method,
    milestones_view,
    plan_view,
    portfolio_view,
    readiness_widget,
    render_calculators,
    team_view,
)
from macros.addresses import define_address_macros
from macros.assets import prepare_runtime, write_runtime
from macros.build_cache import build_cache
from macros.compressed import write_compressed_copies
from macros.figures import define_figure_macros
from macros.headers import write_headers
from macros.pages import page_anchors
from macros.price_picker import write_site_prices
from macros.published_links import check_published_links, redirect_maps
from macros.redirects import carry_fragments
from macros.render_checklist import render_checklist
from macros.render_content import render_collection, render_index
from macros.stylesheets import link_joined_stylesheet
from pilot2prod.api import rules
from pilot2prod.model.dataset import Dataset
from pilot2prod.model.errors import DataError

RUNTIME_KEY = "python_runtime"
"""Where the PythonRuntime of this build is kept in `env.variables`."""

DATASET_KEY = "p2p_dataset"
"""Where this build's Dataset is kept for the checks after the build."""

STYLESHEETS_KEY = "p2p_stylesheets"
"""The site's own stylesheets, joined into one file after the build (macros/stylesheets.py)."""


def define_env(env: Any) -> None:
    """Load and validate `data/` once per build, then register the macros."""
    root = Path(env.conf["config_file_path"]).resolve().parent
    try:
        dataset = Dataset.from_directory(root / "data")
        dataset.pages = page_anchors(Path(env.conf["docs_dir"]))
        dataset.validate_all()
    except DataError as error:
        # PluginError makes mkdocs print one clean line and exit non-zero.
        raise PluginError(str(error)) from error
    env.variables[STYLESHEETS_KEY] = link_joined_stylesheet(env.conf)
    runtime = prepare_runtime(root, env.conf, dataset)
    env.variables[RUNTIME_KEY] = runtime
    env.variables[DATASET_KEY] = dataset
    directory_urls = bool(env.conf["use_directory_urls"])
    define_figure_macros(env, dataset)
    define_address_macros(env, dataset)

    def page() -> str:
        return str(env.page.file.src_uri)

    readiness_widget.define(env, dataset, runtime, page)
    render_calculators.define(env, dataset, runtime, page)
    calculator_method.define(env, dataset, page)
    team_view.define(env, runtime, page)
    portfolio_view.define(env, runtime, page)
    plan_view.define(env, page)
    milestones_view.define(env, dataset)

    @env.macro
    def records(name: str, level: int = 2) -> str:
        """Render every record of a collection (reasons, changes, ...) on its page."""
        return render_collection(_collection(dataset, name), page(), level)

    @env.macro
    def record_index(name: str) -> str:
        """A linked list of a collection's records, for overview pages."""
        return render_index(_collection(dataset, name), page())

    @env.macro
    def checklist(checklist_id: str, level: int = 2) -> str:
        """Render a checklist from `data/checklists/` as a form of labelled controls."""
        try:
            found = dataset.checklist(checklist_id)
            python = runtime.attributes(page())
            return render_checklist(
                found, dataset, page(), directory_urls, level=level, python=python
            )
        except (KeyError, ValueError) as error:
            raise PluginError(str(error.args[0] if error.args else error)) from error

    @env.macro
    def record_count(name: str) -> int:
        """How many records a collection holds, for prose like 'the four reasons'."""
        return len(_collection(dataset, name).records)


def on_post_build(env: Any) -> None:
    """Write the runtime, the model prices, the hosts' `_headers` and compressed copies;
    check published addresses."""
    runtime = env.variables.get(RUNTIME_KEY)
    if runtime is not None:
        write_runtime(runtime, Path(env.conf["site_dir"]))
    write_headers(env.conf)
    write_page_rules(Path(env.conf["site_dir"]))
    write_site_prices(Path(env.conf["site_dir"]))
    env.variables[STYLESHEETS_KEY].write(Path(env.conf["site_dir"]))
    carry_fragments(
        Path(env.conf["site_dir"]), redirect_maps(env.conf), bool(env.conf["use_directory_urls"])
    )
    root = Path(env.conf["config_file_path"]).resolve().parent
    write_compressed_copies(Path(env.conf["site_dir"]), build_cache(root, "compressed"))
    check_published_links(env, env.variables[DATASET_KEY])


def write_page_rules(site_dir: Path) -> None:
    """Write the rules the pages apply before Python is up, from Python (api/rules.py)."""
    target = site_dir / rules.MODULE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rules.rules_module(), encoding="utf-8")


def _collection(dataset: Dataset, name: str) -> Any:
    try:
        return dataset.collection(name)
    except KeyError as error:
        raise PluginError(str(error.args[0])) from None
