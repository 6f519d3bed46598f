"""One build of the site: where it is written, what it is built from, and what its steps share.

The Dataset, the Python runtime and the joined stylesheet are each made on first use from the
project's files; MkDocs' hooks (macros/) make them before the pages render, since each page
names the runtime's files and the stylesheet by their content hashes, and the steps after the
build use the same objects. Run on its own (`python -m sitebuild`), a build makes them again
from the same files: the same bytes, so the same addresses the pages already name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DataError
from sitebuild.bands import band_rules
from sitebuild.errors import BuildError
from sitebuild.pages import page_anchors
from sitebuild.runtime import PythonRuntime, prepare_runtime
from sitebuild.settings import Settings
from sitebuild.stylesheets import Stylesheets, join_stylesheets


@dataclass
class Build:
    """The built site's folder, the project it comes from, and the site's settings."""

    site_dir: Path
    project: Path
    settings: Settings

    @cached_property
    def dataset(self) -> Dataset:
        """`data/`, with the pages' anchors, and every check made (file and key on a fault)."""
        try:
            dataset = Dataset.from_directory(self.project / "data")
            dataset.pages = page_anchors(self.settings.docs_dir)
            dataset.validate_all()
        except DataError as error:
            raise BuildError(str(error)) from error
        return dataset

    @cached_property
    def runtime(self) -> PythonRuntime:
        """Pyodide, the wheel and the site's library, made from the package and the Dataset."""
        return prepare_runtime(self.project, self.settings, self.dataset)

    @cached_property
    def stylesheets(self) -> Stylesheets:
        """The site's own stylesheets joined into one file, with the bands' colours."""
        rules = band_rules(self.dataset.rubric)
        return join_stylesheets(self.settings.docs_dir, self.settings.extra_css, rules)
