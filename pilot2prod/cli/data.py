"""Where the command line finds the questions, weights and bands it scores with.

In order: `--data DIR` (an organisation's adapted copy of `data/`), checked with every check
the site build makes; the data bundled in the wheel the site serves (`pilot2prod/_data.json`,
exactly what the pages were built from); the `data/` folder of the checkout the package runs
from (an editable install, or the source tree itself); the copy of that folder a wheel built
from a checkout carries (`pilot2prod/data/`, see setup.py). The last two are checked like
`--data`. Each is the repository's own `data/` as it was when installed, so none can go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pilot2prod
from pilot2prod.cli.errors import CliError
from pilot2prod.dataset import Dataset, shipped
from pilot2prod.model.errors import DataError


@dataclass(frozen=True)
class DataSource:
    """The data in use and where it came from (for messages)."""

    dataset: Dataset
    origin: str
    data_dir: str | None = None


def _checked(folder: Path, label: str) -> Dataset:
    """A folder's data with the build's checks; links against the published site's pages."""
    try:
        site_pages = shipped().pages
    except DataError:
        site_pages = None  # no wheel data (a checkout): links are checked by the build instead
    dataset = Dataset.from_directory(folder, label)
    dataset.validate_all(site_pages)
    return dataset


def _repository_data() -> Path | None:
    """`data/` beside the package when it runs from a checkout of the repository, else the
    copy a wheel built from a checkout carries inside the package."""
    package = Path(pilot2prod.__file__).resolve().parent
    beside = package.parent / "data"
    if (package.parent / "pyproject.toml").is_file() and (beside / "checklists").is_dir():
        return beside
    carried = package / "data"
    if (carried / "checklists").is_dir():
        return carried
    return None


def load_data(data_dir: str | None) -> DataSource:
    """The data to score with, from `--data`, the bundled file or the repository."""
    if data_dir is not None:
        return DataSource(_checked(Path(data_dir), data_dir), f"--data {data_dir}", data_dir)
    try:
        return DataSource(shipped(), "the data bundled with this package")
    except DataError as error:
        bundled_error = error
    folder = _repository_data()
    if folder is None:
        raise CliError(
            bundled_error.source,
            "",
            "is missing, and there is no data/ folder beside the package or inside it; install "
            "the wheel the site serves or the repository, or point --data at a copy of data/",
        )
    return DataSource(_repository_dataset(folder), str(folder), str(folder))


_repository_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], Dataset]] = {}


def _repository_dataset(folder: Path) -> Dataset:
    """The repository's data, read and checked once per process while no file under it changes.

    One command reads it once anyway; tools and tests that call `main` many times in
    one process would otherwise parse every YAML file on every call.
    """
    signature = tuple(
        (path.as_posix(), stat.st_mtime_ns, stat.st_size)
        for path in sorted(folder.rglob("*.yml"))
        for stat in (path.stat(),)
    )
    cached = _repository_cache.get(folder)
    if cached is None or cached[0] != signature:
        cached = (signature, _checked(folder, str(folder)))
        _repository_cache[folder] = cached
    return cached[1]
