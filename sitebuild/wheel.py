"""The wheel of pilot2prod the site serves, built from `pyproject.toml` by setuptools.

The package's own sources are copied to a staging folder with the build's data added as
`pilot2prod/_data.json` (the validated files and the pages' anchors) and the catalogue of its
API functions as `pilot2prod/api/_functions.json`; `pip wheel` then runs the standard build
backend there, offline and without build isolation (setuptools is part of the site's
toolchain). SOURCE_DATE_EPOCH fixes every timestamp, so the same sources and data give a
byte-identical wheel, and so the same address for browsers' caches. The wheel is kept in the
build cache under the hash of what it was built from: `mkdocs serve` rebuilds often.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import pilot2prod
from pilot2prod import api
from pilot2prod.dataset import Dataset
from pilot2prod.model import bundle
from pilot2prod.model.errors import DataError
from sitebuild.built_file import BuiltFile
from sitebuild.cache import build_cache, prune
from sitebuild.errors import BuildError

PACKAGE = "pilot2prod"

PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md")
"""What setuptools reads besides the package: the metadata, the build step, the readme."""

GENERATED = (bundle.RESOURCE, f"api/{api.CATALOGUE}")
"""Files the build writes into the package; a stale copy in a checkout is never staged."""

SOURCE_DATE_EPOCH = "315532800"
"""1980-01-01, the earliest date a zip can hold: every file in the wheel carries it."""

BUILD_TIMEOUT_S = 180


def wheel_name(version: str) -> str:
    """The file name of the package's wheel."""
    return f"{PACKAGE}-{version}-py3-none-any.whl"


def _stage(root: Path, dataset: Dataset, folder: Path) -> None:
    """Copy what the wheel is built from into `folder`, with this build's data and catalogue."""
    for name in PROJECT_FILES:
        shutil.copyfile(root / name, folder / name)
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc", *(Path(g).name for g in GENERATED))
    shutil.copytree(root / PACKAGE, folder / PACKAGE, ignore=ignored)
    try:
        data_json = bundle.encode(dataset.files, pilot2prod.__version__, dataset.pages or {})
    except DataError as error:
        raise BuildError(str(error)) from error
    (folder / PACKAGE / bundle.RESOURCE).write_text(data_json, encoding="utf-8")
    (folder / PACKAGE / "api" / api.CATALOGUE).write_text(api.catalogue_json(), encoding="utf-8")


def _key(folder: Path) -> str:
    """What the wheel depends on: every staged file and the setuptools that packs them."""
    digest = hashlib.sha256(metadata.version("setuptools").encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _cause(stderr: str) -> str:
    """The line of pip's output that says what went wrong: pip ends with hints ("See above for
    details"), so the last line naming an error is the one a reader needs."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    raised = [line for line in lines if re.match(r"\w+(Error|Exception): ", line)]
    named = [line for line in lines if line.startswith(("error", "ERROR"))]
    return (raised or named or lines or ["no message"])[-1][:500]


def _pip_wheel(folder: Path, out: Path) -> None:
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index"]
    command += ["--no-build-isolation", "--wheel-dir", str(out), str(folder)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=environment,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BuildError(f"building the wheel took over {BUILD_TIMEOUT_S} s") from None
    if done.returncode != 0:
        raise BuildError(f"building the wheel with setuptools failed: {_cause(done.stderr)}")


def build_wheel(root: Path, dataset: Dataset) -> BuiltFile:
    """The `py3-none-any` wheel of the package under `root`, carrying `dataset`."""
    name = wheel_name(pilot2prod.__version__)
    with tempfile.TemporaryDirectory(prefix="p2p-wheel-") as work:
        staging = Path(work) / "project"
        staging.mkdir()
        _stage(root, dataset, staging)
        cache = build_cache(root, "wheel")
        cached = cache / f"{_key(staging)}.whl"
        if cached.is_file():
            os.utime(cached)  # used now: kept by prune
            return BuiltFile(name=name, content=cached.read_bytes())
        out = Path(work) / "out"
        _pip_wheel(staging, out)
        built = out / name
        if not built.is_file():
            raise BuildError(f"setuptools wrote no {name}; is pyproject.toml's version that?")
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        shutil.copyfile(built, partial)
        partial.replace(cached)  # atomic: a parallel build never reads half a file
        prune(cache)
        return BuiltFile(name=name, content=built.read_bytes())
