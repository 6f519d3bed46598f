"""Build-time assets for the calculators: the Pyodide runtime and a wheel of pilot2prod.

Pyodide comes from the npm package pinned in `package-lock.json`; only the
files a worker needs are copied into the site, under a folder named after the
version so a browser never mixes two releases from its cache. Our own code
ships as a pure-Python `py3-none-any` wheel written with the standard library
(no build backend, no network) that also carries the site's validated data as
`pilot2prod/_data.json`, so the browser scores with what the pages were built from.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

import pilot2prod
from macros.built_file import BuiltFile
from macros.site_stdlib import build_site_stdlib
from pilot2prod.calculators.runcost.prices import TABLE_PATH as PRICES_TABLE
from pilot2prod.dataset import Dataset
from pilot2prod.model import bundle
from pilot2prod.model.errors import DataError
from pilot2prod.urls import site_root_for

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
"""What a worker loads to boot Pyodide with the standard library and nothing else."""

PYODIDE_SITE_DIR = "assets/pyodide"
"""Where the runtime goes in the built site (a version folder below it)."""

WHEEL_SITE_DIR = "assets/wheels"
"""Where the wheel goes in the built site."""

STDLIB_SITE_DIR = "assets/python"
"""Where the site's compiled library goes in the built site."""

PYTHON_HEAD_KEY = "p2p_python_head"
"""Page-meta key for the `<head>` markup a Python widget leaves (see overrides/main.html)."""

PACKAGE = "pilot2prod"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""A fixed timestamp so the same sources always give a byte-identical wheel."""


@dataclass(frozen=True)
class PythonRuntime:
    """Where the calculators find Pyodide and the wheel, for every page of this build."""

    wheel: BuiltFile
    pyodide_dir: Path | None
    pyodide_version: str
    pyodide_base_url: str | None
    directory_urls: bool
    stdlib: BuiltFile | None = None
    """The site's own compiled library (self-hosted Pyodide only); it replaces the wheel."""
    lock_info: str = ""
    """The `info` of Pyodide's lock file as JSON: the worker passes it with no packages, since
    the site loads none, so Pyodide does not fetch the 119 KB lock file."""

    def pyodide_base(self, page_src: str) -> str:
        """The URL of the Pyodide folder as the page built from `page_src` should write it."""
        if self.pyodide_base_url:
            return self.pyodide_base_url.rstrip("/") + "/"
        root = site_root_for(page_src, self.directory_urls)
        return f"{root}{PYODIDE_SITE_DIR}/{self.pyodide_version}/"

    def wheel_url(self, page_src: str) -> str:
        """The URL of the wheel from that page, with its content hash."""
        root = site_root_for(page_src, self.directory_urls)
        return f"{root}{WHEEL_SITE_DIR}/{self.wheel.name}?v={self.wheel.digest}"

    def stdlib_url(self, page_src: str) -> str:
        """The URL of the site's compiled library from that page, with its content hash."""
        if self.stdlib is None:
            return ""
        root = site_root_for(page_src, self.directory_urls)
        return f"{root}{STDLIB_SITE_DIR}/{self.stdlib.name}?v={self.stdlib.digest}"

    def attributes(self, page_src: str) -> dict[str, str]:
        """The data-* attributes a calculator element carries so the client can boot Python."""
        attributes = {
            "data-pyodide-base": self.pyodide_base(page_src),
            "data-wheel": self.wheel_url(page_src),
        }
        if self.stdlib is not None:
            attributes["data-stdlib"] = self.stdlib_url(page_src)
        if self.lock_info:
            attributes["data-pyodide-lock"] = self.lock_info
        return attributes

    def head_html(self, page_src: str) -> str:
        """What a page with a Python widget puts in its `<head>`: where Python is, marked to
        start at once, and the classic script that starts the worker from there. The parser
        runs it before the stylesheets and the page's body, so the worker starts within moments
        of navigation; an async module ran only once the whole page had been parsed. The
        components' lib/python.js adopts that worker, so a tab still has one."""
        attributes = {"name": "p2p-python", "content": "early", "data-p2p-python": "early"}
        attributes |= self.attributes(page_src)
        meta = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
        root = site_root_for(page_src, self.directory_urls)
        starter = html.escape(f"{root}assets/js/lib/python-early.js")
        return f'<meta {meta}><script src="{starter}"></script>'


def find_pyodide(root: Path) -> tuple[Path, str]:
    """The npm package folder and its version; fails the build clearly when it is absent."""
    folder = root / "node_modules" / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (folder / name).is_file()]
    if missing:
        raise PluginError(
            f"node_modules/pyodide is missing or incomplete (no {missing[0]}): "
            "run npm ci (or make build) to install the pinned Pyodide"
        )
    try:
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(f"node_modules/pyodide/package.json is unreadable: {error}") from error
    return folder, str(version)


def _record_hash(content: bytes) -> str:
    digest = hashlib.sha256(content).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _metadata(version: str) -> str:
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {PACKAGE}\n"
        f"Version: {version}\n"
        "Summary: Guidance and tools for taking an AI capability from pilot to production.\n"
        "Requires-Python: >=3.11\n"
        # Only to read YAML answers files; JSON and the bundled data need nothing else.
        "Requires-Dist: pyyaml>=6,<7\n"
        "License: MIT\n"
    )


def _wheel_file() -> str:
    return (
        "Wheel-Version: 1.0\n"
        "Generator: pilot2prod site build (macros/assets.py)\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )


def package_files(package_dir: Path) -> dict[str, bytes]:
    """Every module, marker file and the price table, keyed by its path inside the wheel."""
    files: dict[str, bytes] = {}
    for path in sorted(package_dir.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        # The model-price table travels too, so the command line installed from this wheel has
        # `cost --model`; the browser's picker fetches its own copy, and genai-prices stays out.
        keep = path.suffix in (".py", ".typed") or path.as_posix().endswith(PRICES_TABLE)
        if not keep or path.name == bundle.RESOURCE:
            continue
        relative = path.relative_to(package_dir.parent).as_posix()
        files[relative] = path.read_bytes()
    return files


def build_wheel(package_dir: Path, dataset: Dataset) -> BuiltFile:
    """A `py3-none-any` wheel of the package with the dataset bundled as `_data.json`."""
    version = pilot2prod.__version__
    dist_info = f"{PACKAGE}-{version}.dist-info"
    try:
        data_json = bundle.encode(dataset.files, version, dataset.pages or {})
    except DataError as error:
        raise PluginError(str(error)) from error
    contents = package_files(package_dir)
    contents[f"{PACKAGE}/{bundle.RESOURCE}"] = data_json.encode("utf-8")
    contents[f"{dist_info}/METADATA"] = _metadata(version).encode("utf-8")
    contents[f"{dist_info}/WHEEL"] = _wheel_file().encode("utf-8")
    if (package_dir / "cli" / "__init__.py").is_file():
        contents[f"{dist_info}/entry_points.txt"] = (
            f"[console_scripts]\n{PACKAGE} = {PACKAGE}.cli:main\n".encode()
        )
    record_path = f"{dist_info}/RECORD"
    record_lines = [
        f"{name},{_record_hash(content)},{len(content)}" for name, content in contents.items()
    ]
    record_lines.append(f"{record_path},,")
    contents[record_path] = ("\n".join(record_lines) + "\n").encode("utf-8")
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in contents.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return BuiltFile(name=f"{PACKAGE}-{version}-py3-none-any.whl", content=buffer.getvalue())


def prepare_runtime(root: Path, config: Mapping[str, object], dataset: Dataset) -> PythonRuntime:
    """Check the Pyodide package and build the wheel, before any page is rendered."""
    extra = config.get("extra") or {}
    base_url = extra.get("pyodide_base_url") if isinstance(extra, Mapping) else None
    if base_url is not None and (not isinstance(base_url, str) or not base_url.strip()):
        raise PluginError("mkdocs.yml: extra.pyodide_base_url must be a URL or left out")
    if base_url:
        folder, version = None, ""
    else:
        folder, version = find_pyodide(root)
    wheel = build_wheel(root / PACKAGE, dataset)
    stdlib = lock_info = None
    if folder is not None:
        stdlib = build_site_stdlib(root, folder, version, wheel.content, dataset)
        lock_info = _lock_info(folder)
    return PythonRuntime(
        wheel=wheel,
        pyodide_dir=folder,
        pyodide_version=version,
        pyodide_base_url=base_url or None,
        directory_urls=bool(config.get("use_directory_urls", True)),
        stdlib=stdlib,
        lock_info=lock_info or "",
    )


def _lock_info(folder: Path) -> str:
    try:
        info = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(
            f"node_modules/pyodide/pyodide-lock.json is unreadable: {error}"
        ) from error
    return json.dumps(info, sort_keys=True, separators=(",", ":"))


def write_runtime(runtime: PythonRuntime, site_dir: Path) -> None:
    """Copy the Pyodide files (when self-hosted) and write the wheel into the built site."""
    if runtime.pyodide_dir is not None:
        target = site_dir / PurePosixPath(PYODIDE_SITE_DIR) / runtime.pyodide_version
        target.mkdir(parents=True, exist_ok=True)
        for name in PYODIDE_FILES:
            source = runtime.pyodide_dir / name
            destination = target / name
            if destination.is_file() and destination.stat().st_size == source.stat().st_size:
                continue  # `mkdocs serve` rebuilds often; the pinned files never change
            shutil.copyfile(source, destination)
    wheels = site_dir / PurePosixPath(WHEEL_SITE_DIR)
    wheels.mkdir(parents=True, exist_ok=True)
    (wheels / runtime.wheel.name).write_bytes(runtime.wheel.content)
    if runtime.stdlib is not None:
        folder = site_dir / PurePosixPath(STDLIB_SITE_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / runtime.stdlib.name).write_bytes(runtime.stdlib.content)
