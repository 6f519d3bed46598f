"""A standard library made for this site: only the modules it runs, byte-compiled by Pyodide.

Most of a stock Pyodide boot is Python compiling its standard library from source. The build
asks Pyodide itself which modules the start-up and every `pilot2prod.api` function import, by
running them under Node (sitebuild/site_stdlib.mjs), and byte-compiles exactly those with Pyodide's
own interpreter. The zip the worker loads through `stdLibURL` holds them as sourceless `.pyc`,
our package compiled the same way, the build's data as `pilot2prod/_data.json`, the catalogue
of declared API functions as `pilot2prod/api/_functions.json` and the model price table (whose
names `cost.models` searches as the reader types; about 25 kB once compressed): one download
replaces the stock library, the wheel and the lock file.

The compiled part depends only on the Pyodide release, our package's sources and the probe, so
it is cached under that key (`.cache/site-stdlib/`, or `$P2P_CACHE_DIR`); the data is added per
build. The probe imports every module of the package the browser may reach, not only those the
calls happen to touch, and a browser test runs every API function against the result.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

from pilot2prod import api
from pilot2prod.calculators.runcost.prices import TABLE_PATH
from pilot2prod.dataset import Dataset
from pilot2prod.model import bundle
from sitebuild.built_file import BuiltFile
from sitebuild.cache import build_cache
from sitebuild.errors import BuildError

PROBE_SCRIPT = Path(__file__).with_name("site_stdlib.mjs")
PROBE_TIMEOUT_S = 180
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SKIPPED_PACKAGES = ("pilot2prod.cli",)
"""Never imported in the browser: the command line runs under CPython only."""


def package_modules(wheel: bytes) -> list[str]:
    """Every module of the package the browser may import, read from the wheel's names."""
    names = zipfile.ZipFile(BytesIO(wheel)).namelist()
    modules = [
        name[:-3].replace("/", ".").removesuffix(".__init__")
        for name in names
        if name.startswith("pilot2prod/") and name.endswith(".py")
    ]
    return sorted(m for m in modules if not m.startswith(SKIPPED_PACKAGES))


BAD_REQUESTS: tuple[dict[str, object], ...] = (
    {},
    {"inputs": [], "answers": [], "document": [], "documents": [{}]},
)
"""Requests every function refuses: the error paths import what their messages need."""


def probe_calls(dataset: Dataset) -> list[list[str]]:
    """API calls that walk every declared function's paths: its own example requests (the
    pages' defaults, the worked examples with their reports and exports) and the error paths."""
    calls: list[tuple[str, object]] = []
    for name, declaration in api.declarations().items():
        calls.extend((name, payload) for payload in declaration.examples(dataset))
        calls.extend((name, payload) for payload in BAD_REQUESTS)
    return [[name, json.dumps(payload)] for name, payload in calls]


def probe_key(version: str, package_dir: Path) -> str:
    """What the compiled modules depend on: the Pyodide release, our sources and the probe."""
    digest = hashlib.sha256()
    digest.update(version.encode())
    for path in (PROBE_SCRIPT, Path(__file__)):
        digest.update(path.read_bytes())
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(package_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _run_probe(pyodide_dir: Path, wheel: bytes, dataset: Dataset, target: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not installed: the build compiles the site's Python with it")
    work = target.with_suffix(".work")
    work.mkdir(parents=True, exist_ok=True)
    (work / "site.whl").write_bytes(wheel)
    probe = {"modules": package_modules(wheel), "calls": probe_calls(dataset)}
    (work / "probe.json").write_text(json.dumps(probe), encoding="utf-8")
    partial = work / "out.zip"
    command = [node, str(PROBE_SCRIPT), str(pyodide_dir), str(work / "site.whl")]
    command += [str(work / "probe.json"), str(partial)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"compiling the site's Python took over {PROBE_TIMEOUT_S} s") from error
    if done.returncode != 0 or not partial.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise BuildError(f"compiling the site's Python with Pyodide failed: {last}")
    partial.replace(target)  # atomic: a parallel build never reads half a file
    shutil.rmtree(work, ignore_errors=True)


def build_site_stdlib(
    root: Path, pyodide_dir: Path, version: str, wheel: bytes, dataset: Dataset
) -> BuiltFile:
    """The compiled library (from the cache, or probed now) with this build's data added."""
    folder = build_cache(root, "site-stdlib")
    folder.mkdir(parents=True, exist_ok=True)
    compiled = folder / f"{version}-{probe_key(version, root / 'pilot2prod')}.zip"
    if not compiled.is_file():
        _run_probe(pyodide_dir, wheel, dataset, compiled)
    # The data, and the catalogue of declared functions (so the worker imports a function's
    # module at its first call without importing every module to find it).
    added = {
        f"pilot2prod/{bundle.RESOURCE}": zipfile.ZipFile(BytesIO(wheel)).read(
            f"pilot2prod/{bundle.RESOURCE}"
        ),
        f"pilot2prod/api/{api.CATALOGUE}": api.catalogue_json().encode("utf-8"),
        # Compact: the committed copy keeps a line per provider for readable diffs only.
        TABLE_PATH: json.dumps(
            json.loads(zipfile.ZipFile(BytesIO(wheel)).read(TABLE_PATH)),
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode("utf-8"),
    }
    buffer = BytesIO()
    # Stored, not deflated: the host compresses the download, and zipimport then reads each
    # module without inflating it.
    with zipfile.ZipFile(compiled) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for name, content in added.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return BuiltFile(name=f"python-{version}.zip", content=buffer.getvalue())
