"""A standard library made for this site: only the modules it runs, byte-compiled by Pyodide.

Most of a stock Pyodide boot is Python compiling its standard library from source. The build
asks Pyodide itself which modules the start-up and every `pilot2prod.api` function import, by
running them under Node (macros/site_stdlib.mjs), and byte-compiles exactly those with Pyodide's
own interpreter. The zip the worker loads through `stdLibURL` holds them as sourceless `.pyc`,
our package compiled the same way, and the build's data as `pilot2prod/_data.json`: one download
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

from mkdocs.exceptions import PluginError

from macros.build_cache import build_cache
from macros.built_file import BuiltFile
from pilot2prod import api
from pilot2prod.model import bundle
from pilot2prod.model.dataset import Dataset
from pilot2prod.readiness.answers import blank_document

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


def probe_calls(dataset: Dataset) -> list[list[str]]:
    """API calls that walk every function's paths: the pages' defaults, the worked examples with
    their reports, and the error paths (a bad request imports what its message needs)."""
    checklist = dataset.scored_checklist
    documents = [e.document(checklist) for e in dataset.example_assessments.examples]
    link = {"site_root": "https://example.org/", "directory_urls": True}
    calls: list[tuple[str, object]] = [("ping", {})]
    for document in documents:
        calls.append(("readiness.score", {"document": document} | link))
        calls.append(("readiness.score", {"document": document, "markdown": True} | link))
        calls.append(("readiness.view", {"document": document} | link))
        calls.append(("answers.read", {"text": json.dumps(document), "checklists": [checklist.id]}))
    for checklist_id in dataset.checklist_ids():
        blank = blank_document(dataset.checklist(checklist_id))
        for kind in ("md", "csv", "json"):
            export = {"checklist": checklist_id, "document": blank, "kind": kind}
            calls.append(("answers.export", export | {"date": "2026-01-31"} | link))
    team = [{"name": f"file {i}.json", "document": d} for i, d in enumerate(documents)]
    team.append({"name": "broken.json", "document": {"format": "something else"}})
    calls.append(("readiness.merge", {"documents": team, "markdown": True} | link))
    for model, name in ((dataset.effort, "effort.estimate"), (dataset.cost, "cost.run")):
        inputs = model.defaults()
        calls.append((name, {"inputs": inputs}))
        export = {"inputs": inputs, "markdown": True, "page_url": link["site_root"]}
        calls.append((name, export | {"date": "2026-01-31"}))
        calls.append((name, {"inputs": dict.fromkeys(inputs, "-1e999")}))
    for name in api.FUNCTIONS:  # every function, the ones added later included
        calls.append((name, {}))
        calls.append((name, {"inputs": [], "answers": [], "document": [], "documents": [{}]}))
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
        raise PluginError("node is not installed: the build compiles the site's Python with it")
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
        raise PluginError(f"compiling the site's Python took over {PROBE_TIMEOUT_S} s") from error
    if done.returncode != 0 or not partial.is_file():
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PluginError(f"compiling the site's Python with Pyodide failed: {last}")
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
    data_json = zipfile.ZipFile(BytesIO(wheel)).read(f"pilot2prod/{bundle.RESOURCE}")
    buffer = BytesIO()
    # Stored, not deflated: the host compresses the download, and zipimport then reads each
    # module without inflating it.
    with zipfile.ZipFile(compiled) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        info = zipfile.ZipInfo(f"pilot2prod/{bundle.RESOURCE}", date_time=ZIP_DATE)
        info.external_attr = 0o644 << 16
        archive.writestr(info, data_json)
    return BuiltFile(name=f"python-{version}.zip", content=buffer.getvalue())
