"""mkdocs-macros module: a thin `define_env` that reads the data once and delegates.

One `sitebuild.Build` is made per build: its Dataset from `data/`, checked with `validate_all`
against the pages' own anchors before any page renders (a build fails naming file and key), is
handed to each macro module, and its Python runtime (Pyodide and the wheel carrying that same
data) is prepared before the pages name its files. After the build, `on_post_build` runs the
steps of `sitebuild.steps` over the site folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros import (
    backing_view,
    calculator_method,
    evidence_view,
    milestones_view,
    plan_view,
    portfolio_view,
    readiness_widget,
    render_calculators,
    repository_rules,
    team_view,
)
from macros.addresses import define_address_macros
from macros.figures import define_figure_macros
from macros.render_checklist import render_checklist
from macros.render_content import render_collection, render_index
from pilot2prod.dataset import Dataset
from sitebuild import settings, steps
from sitebuild.build import Build
from sitebuild.errors import BuildError
from sitebuild.stylesheets import link_joined_stylesheet

BUILD_KEY = "p2p_build"
"""Where this build's `sitebuild.Build` is kept in `env.variables` for the steps after it."""


@contextmanager
def _plugin_errors() -> Iterator[None]:
    """A build step's error as MkDocs' PluginError: one clean line, and a non-zero exit."""
    try:
        yield
    except BuildError as error:
        raise PluginError(str(error)) from error


def define_env(env: Any) -> None:
    """Load and validate `data/` once per build, prepare the runtime, register the macros."""
    root = Path(env.conf["config_file_path"]).resolve().parent
    with _plugin_errors():
        build = Build(Path(env.conf["site_dir"]), root, settings.from_config(env.conf, root))
        dataset = build.dataset
        link_joined_stylesheet(env.conf, build.stylesheets)
        runtime = build.runtime
    env.variables[BUILD_KEY] = build
    directory_urls = bool(env.conf["use_directory_urls"])
    define_figure_macros(env, dataset)
    define_address_macros(env, dataset)

    def page() -> str:
        return str(env.page.file.src_uri)

    readiness_widget.define(env, dataset, runtime, page)
    render_calculators.define(env, dataset, runtime, page)
    calculator_method.define(env, dataset, page)
    team_view.define(env, runtime, page)
    evidence_view.define(env, lambda: dataset.evidence, runtime, page, dataset)
    portfolio_view.define(env, runtime, page)
    plan_view.define(env, page)
    milestones_view.define(env, dataset)
    backing_view.define(env, dataset, page)
    repository_rules.define(env, dataset)

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
    """Run every step of `sitebuild.steps` over the site just written."""
    with _plugin_errors():
        steps.run(env.variables[BUILD_KEY])


def _collection(dataset: Dataset, name: str) -> Any:
    try:
        return dataset.collection(name)
    except KeyError as error:
        raise PluginError(str(error.args[0])) from None
