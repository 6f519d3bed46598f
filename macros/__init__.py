"""mkdocs-macros module: a thin `define_env` that delegates to small modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros.calculators import define_calculator_macros, python_runtime, write_calculator_assets
from macros.data_files import load_project_data
from macros.headers import write_headers
from macros.render_calculators import define_estimator_macros
from macros.render_checklist import find_checklist, render_checklist
from macros.render_content import render_collection, render_index
from macros.team_view import define_team_macros
from pilot2prod.errors import DataError
from pilot2prod.loader import SiteData


def _project_root(env: Any) -> Path:
    return Path(env.conf["config_file_path"]).resolve().parent


def define_env(env: Any) -> None:
    """Load and validate `data/` once per build, then register the macros."""
    root = _project_root(env)
    try:
        data = load_project_data(root, Path(env.conf["docs_dir"]))
    except DataError as error:
        # PluginError makes mkdocs print one clean line and exit non-zero.
        raise PluginError(str(error)) from error
    env.variables["site_data"] = data
    define_calculator_macros(env, data, root)
    define_estimator_macros(env, data, root, lambda page: python_runtime(env).attributes(page))
    define_team_macros(
        env,
        lambda page: python_runtime(env).attributes(page),
        lambda: python_runtime(env).wheel.name,
    )

    def _page() -> str:
        return str(env.page.file.src_uri)

    @env.macro
    def records(name: str, level: int = 2) -> str:
        """Render every record of a collection (reasons, changes, ...) on its page."""
        return render_collection(_collection(data, name), _page(), level)

    @env.macro
    def record_index(name: str) -> str:
        """A linked list of a collection's records, for overview pages."""
        return render_index(_collection(data, name), _page())

    @env.macro
    def checklist(checklist_id: str, level: int = 2) -> str:
        """Render a checklist from `data/checklists/` as a form of labelled controls."""
        try:
            found = find_checklist(data.checklists, checklist_id)
            return render_checklist(
                found,
                data,
                _page(),
                use_directory_urls=bool(env.conf["use_directory_urls"]),
                level=level,
            )
        except (KeyError, ValueError) as error:
            raise PluginError(str(error.args[0] if error.args else error)) from error

    @env.macro
    def record_count(name: str) -> int:
        """How many records a collection holds, for prose like 'the four reasons'."""
        return len(_collection(data, name).records)


def on_post_build(env: Any) -> None:
    """Write the Pyodide runtime, the pilot2prod wheel and the hosts' `_headers` into the site."""
    write_calculator_assets(env)
    write_headers(env.conf)


def _collection(data: SiteData, name: str) -> Any:
    try:
        return data.collections[name]
    except KeyError:
        known = ", ".join(sorted(data.collections))
        raise PluginError(f"unknown collection {name!r} (known: {known})") from None
