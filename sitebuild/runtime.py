"""The Python runtime of the widgets: Pyodide, the wheel of pilot2prod and the site's library.

Pyodide comes from the npm package pinned in `package-lock.json`; only the
files a worker needs are copied into the site, under a folder named after the
version so a browser never mixes two releases from its cache. Our own code
ships as a pure-Python `py3-none-any` wheel (`sitebuild.wheel`) that also carries
the site's validated data as `pilot2prod/_data.json`, so the browser scores with
what the pages were built from, and as the site's own compiled library
(`sitebuild.site_stdlib`), which the worker loads instead.

The runtime is prepared before any page is written (each page names its files with their
content hashes) and written into the site after the build.
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pilot2prod.dataset import Dataset
from pilot2prod.urls import site_root_for
from sitebuild.built_file import BuiltFile
from sitebuild.errors import BuildError
from sitebuild.settings import Settings
from sitebuild.site_stdlib import build_site_stdlib
from sitebuild.wheel import build_wheel

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
        raise BuildError(
            f"node_modules/pyodide is missing or incomplete (no {missing[0]}): "
            "run npm ci (or make build) to install the pinned Pyodide"
        )
    try:
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise BuildError(f"node_modules/pyodide/package.json is unreadable: {error}") from error
    return folder, str(version)


def prepare_runtime(root: Path, settings: Settings, dataset: Dataset) -> PythonRuntime:
    """Check the Pyodide package and build the wheel, before any page is rendered."""
    base_url = settings.pyodide_base_url
    if base_url:
        folder, version = None, ""
    else:
        folder, version = find_pyodide(root)
    wheel = build_wheel(root, dataset)
    stdlib = lock_info = None
    if folder is not None:
        stdlib = build_site_stdlib(root, folder, version, wheel.content, dataset)
        lock_info = _lock_info(folder)
    return PythonRuntime(
        wheel=wheel,
        pyodide_dir=folder,
        pyodide_version=version,
        pyodide_base_url=base_url,
        directory_urls=settings.directory_urls,
        stdlib=stdlib,
        lock_info=lock_info or "",
    )


def _lock_info(folder: Path) -> str:
    try:
        info = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    except (OSError, ValueError, KeyError) as error:
        raise BuildError(
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
