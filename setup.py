"""setuptools' build of pilot2prod, plus the questions and bands the command line scores with.

`pyproject.toml` declares everything else. This adds one thing a declaration cannot: a wheel
built from a checkout (`pip install .`, `pip wheel .`, `python -m build`) carries `data/` as
`pilot2prod/data/`, copied from the checkout as it is at that moment, so an installed command
finds its data and that data cannot differ from the checkout's. An editable install reads
`data/` beside the package instead, and the site's wheel carries the validated `_data.json`.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = Path(__file__).resolve().parent / "data"


class BuildWithData(build_py):
    """build_py that also copies `data/**/*.yml` into the package as `pilot2prod/data/`."""

    def run(self) -> None:
        """Build the package, then copy the data beside its modules."""
        super().run()
        if self.editable_mode or not DATA.is_dir():
            return  # editable: data/ is read in place; the site's staging carries _data.json
        target = Path(self.build_lib) / "pilot2prod" / "data"
        for path in sorted(DATA.rglob("*.yml")):
            destination = target / path.relative_to(DATA)
            self.mkpath(str(destination.parent))
            self.copy_file(str(path), str(destination))


setup(cmdclass={"build_py": BuildWithData})
