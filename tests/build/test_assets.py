"""Building the calculator runtime: clear failures, configurable base URL, reproducible wheel."""

from __future__ import annotations

import pytest

from pilot2prod.dataset import Dataset
from sitebuild.errors import BuildError
from sitebuild.runtime import find_pyodide, prepare_runtime
from sitebuild.settings import Settings, from_config
from sitebuild.wheel import build_wheel
from tests.fixtures import repo_data
from tests.serving import ROOT


def test_missing_pyodide_says_run_npm_ci(tmp_path):
    """Without node_modules/pyodide the build stops and says how to fix it."""
    with pytest.raises(BuildError, match=r"node_modules/pyodide is missing .*run npm ci"):
        find_pyodide(tmp_path)


def test_incomplete_pyodide_names_the_missing_file(tmp_path):
    """A half-installed package names the first file it lacks."""
    folder = tmp_path / "node_modules" / "pyodide"
    folder.mkdir(parents=True)
    (folder / "pyodide.mjs").write_text("")
    with pytest.raises(BuildError, match=r"no pyodide\.asm\.mjs"):
        find_pyodide(tmp_path)


def test_same_sources_give_the_same_wheel(tmp_path, monkeypatch):
    """Two builds of unchanged sources, each packed afresh by setuptools (no cache shared),
    produce byte-identical wheels (a stable address for browsers' caches)."""
    data = repo_data()
    monkeypatch.setenv("P2P_CACHE_DIR", str(tmp_path / "first"))
    first = build_wheel(ROOT, data)
    monkeypatch.setenv("P2P_CACHE_DIR", str(tmp_path / "second"))
    second = build_wheel(ROOT, data)
    assert first.content == second.content and first.digest == second.digest


def test_data_change_changes_the_wheel_hash():
    """Editing data gives a new wheel URL, so browsers fetch the new data."""
    files = repo_data().files
    changed = {**files, "data/readiness.yml": {**files["data/readiness.yml"], "extra": 1}}
    assert build_wheel(ROOT, Dataset(files)).digest != build_wheel(ROOT, Dataset(changed)).digest


def test_self_hosted_runtime_urls_are_relative_to_the_page():
    """By default each page points at the copied runtime, relative to itself."""
    runtime = prepare_runtime(ROOT, Settings(ROOT / "docs"), repo_data())
    attrs = runtime.attributes("assessment.md")
    assert attrs["data-pyodide-base"] == f"../assets/pyodide/{runtime.pyodide_version}/"
    assert attrs["data-wheel"].startswith("../assets/wheels/pilot2prod-")
    assert attrs["data-wheel"].endswith(f"?v={runtime.wheel.digest}")
    assert runtime.attributes("index.md")["data-pyodide-base"].startswith("assets/pyodide/")


def test_pyodide_base_url_setting_points_elsewhere():
    """extra.pyodide_base_url replaces the self-hosted runtime; nothing is copied."""
    config = {"extra": {"pyodide_base_url": "https://mirror.example/pyodide/v314"}}
    runtime = prepare_runtime(ROOT, from_config(config, ROOT), repo_data())
    assert runtime.pyodide_dir is None
    assert runtime.attributes("assessment.md")["data-pyodide-base"] == (
        "https://mirror.example/pyodide/v314/"
    )


def test_blank_pyodide_base_url_is_refused():
    """An empty setting is a mistake, not a request for the default."""
    with pytest.raises(BuildError, match="pyodide_base_url"):
        from_config({"extra": {"pyodide_base_url": " "}}, ROOT)
