"""Where the command line finds the questions, weights and bands it scores with.

In order: `--data DIR` (an organisation's adapted copy of `data/`); the data
bundled in the wheel the site serves (`pilot2prod/_data.json`, exactly what the
pages were built from); the `data/` folder of the repository this package was
installed from in editable mode. Each part is validated on first use by the
same code the browser runs, so the numbers cannot differ from the site's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pilot2prod
from pilot2prod import browser_api, bundle
from pilot2prod.checklists import Checklist
from pilot2prod.cli.errors import CliError
from pilot2prod.cli.files import parse_yaml, read_bytes
from pilot2prod.errors import DataError
from pilot2prod.loader import CHECKLIST_DIR
from pilot2prod.scoring import Rubric

MAX_DATA_BYTES = 2 * 1024 * 1024
"""No single data file is anywhere near this; a bigger one is not ours."""


@dataclass(frozen=True)
class DataSource:
    """The data in use and where it came from (for messages)."""

    bundle: bundle.Bundle
    origin: str
    data_dir: str | None = None

    def checklist_ids(self) -> list[str]:
        """Every checklist the data holds, by id."""
        return sorted(
            source.removeprefix(CHECKLIST_DIR).removesuffix(".yml")
            for source in self.bundle.files
            if source.startswith(CHECKLIST_DIR)
        )

    def checklist(self, checklist_id: str) -> Checklist:
        """One checklist, validated; a CliError listing the known ones when absent."""
        if f"{CHECKLIST_DIR}{checklist_id}.yml" not in self.bundle.files:
            known = ", ".join(self.checklist_ids()) or "none"
            raise CliError(
                "checklist", "", f"there is no checklist {checklist_id[:60]!r} (known: {known})"
            )
        return self.bundle.checklist(checklist_id)

    def rubric(self) -> Rubric:
        """The verdict bands, checked against their checklist as the browser checks them."""
        rubric = browser_api.readiness_rubric(self.bundle)
        if self.bundle.checklist(rubric.checklist).scale != "readiness":
            raise DataError(
                "data/readiness.yml",
                "checklist",
                f"{rubric.checklist!r} is not on the readiness scale (yes/partial/no/na)",
            )
        return rubric


def read_data_dir(folder: Path, label: str) -> dict[str, object]:
    """Every `*.yml` under `folder`, parsed, keyed as the site keys them (`data/...`)."""
    if not folder.is_dir():
        raise CliError(label, "", "is not a folder of pilot2prod data (no such folder)")
    files: dict[str, object] = {}
    for path in sorted(folder.rglob("*.yml")):
        relative = path.relative_to(folder).as_posix()
        shown = f"{label.rstrip('/')}/{relative}"
        raw = read_bytes(str(path), MAX_DATA_BYTES)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CliError(shown, "", "is not UTF-8 text") from None
        # Data files are read as the site build reads them (YAML 1.1), so both agree.
        files[f"data/{relative}"] = parse_yaml(text, shown, hand_written=False)
    if not files:
        raise CliError(label, "", "holds no .yml files; point --data at a copy of data/")
    return files


def _repository_data() -> Path | None:
    """`data/` beside the package when it runs from a checkout of the repository."""
    root = Path(pilot2prod.__file__).resolve().parent.parent
    folder = root / "data"
    if (root / "pyproject.toml").is_file() and (folder / "checklists").is_dir():
        return folder
    return None


def load_data(data_dir: str | None) -> DataSource:
    """The data to score with, from `--data`, the bundled file or the repository."""
    if data_dir is not None:
        files = read_data_dir(Path(data_dir), data_dir)
        return DataSource(bundle.Bundle(files), f"--data {data_dir}", data_dir)
    try:
        return DataSource(bundle.current(), "the data bundled with this package")
    except DataError as error:
        bundled_error = error
    folder = _repository_data()
    if folder is None:
        raise CliError(
            bundled_error.source,
            "",
            "is missing, and there is no data/ folder beside the package; install the wheel "
            "the site serves, or point --data at a copy of data/",
        )
    return DataSource(_repository_bundle(folder), str(folder), str(folder))


_repository_cache: dict[Path, tuple[tuple[tuple[str, int, int], ...], bundle.Bundle]] = {}


def _repository_bundle(folder: Path) -> bundle.Bundle:
    """The repository's data, parsed once per process while no file under it changes.

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
        cached = (signature, bundle.Bundle(read_data_dir(folder, str(folder))))
        _repository_cache[folder] = cached
    return cached[1]
