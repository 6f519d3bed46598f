"""The steps after the generator run by themselves over a built folder: `python -m sitebuild`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_redirects.plugin import get_html_path

from sitebuild.redirects import html_path
from sitebuild.steps import STEPS
from tests.serving import ROOT

WRITTEN_BY_STEPS = (
    "_headers",
    "assets/js/lib/rules.js",
    "assets/css/site.bundle.css",
    "assets/data/model-prices.json",
)
"""Files only the steps write, each named by the pages with nothing but its address."""


def _sitebuild(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitebuild", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def bare_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site without anything the steps write."""
    copy = tmp_path_factory.mktemp("bare") / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    for name in WRITTEN_BY_STEPS:
        (copy / name).unlink()
    for folder in ("assets/wheels", "assets/python", "assets/pyodide"):
        shutil.rmtree(copy / folder)
    return copy


def test_every_step_runs_over_a_built_folder_and_writes_what_the_build_wrote(built_site, bare_site):
    """Run alone over the pages MkDocs wrote, the steps write the very files the build's hooks
    wrote (so the addresses the pages name hold), and the published addresses check passes."""
    done = _sitebuild(bare_site)
    assert done.returncode == 0, done.stderr
    written = [*WRITTEN_BY_STEPS, *(p.relative_to(built_site) for p in _runtime(built_site))]
    for name in written:
        assert (bare_site / name).read_bytes() == (built_site / name).read_bytes(), name
    for page in ("index.html", "assessment/index.html"):
        assert (bare_site / f"{page}.br").is_file() and (bare_site / f"{page}.gz").is_file()


def _runtime(site: Path) -> list[Path]:
    return sorted(
        p
        for folder in ("assets/wheels", "assets/python", "assets/pyodide")
        for p in (site / folder).rglob("*")
        if p.is_file() and p.suffix not in (".br", ".gz")
    )


def test_one_step_runs_by_itself(built_site, tmp_path):
    """`--step headers` writes `_headers` and nothing else."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    done = _sitebuild(site, "--step", "headers")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in site.iterdir()) == ["_headers", "assets"]
    assert (site / "_headers").read_bytes() == (built_site / "_headers").read_bytes()


def test_a_step_that_cannot_run_says_why_in_one_line(tmp_path):
    """A folder without the redirect pages fails the step with a message, exit 1, no traceback."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - redirects:\n      redirect_maps:\n        old.md: new.md\n"
    )
    (tmp_path / "site").mkdir()
    done = _sitebuild(tmp_path / "site", "--config", config, "--step", "redirects")
    assert done.returncode == 1
    assert done.stderr.startswith("sitebuild: ") and "Traceback" not in done.stderr


def test_the_steps_run_in_the_order_the_published_site_needs():
    """Everything that writes a file runs before the compressed copies; the links check last."""
    names = list(STEPS)
    assert names[-2:] == ["compressed", "links"]
    assert set(names) == {
        "runtime",
        "rules",
        "prices",
        "stylesheet",
        "redirects",
        "markup",
        "headers",
        "compressed",
        "links",
    }


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("page", ["old.md", "index.md", "guide/index.md", "guide/old.md"])
def test_redirect_pages_are_found_where_mkdocs_redirects_writes_them(page, directory_urls):
    """The stub for `old.md` is looked for at the path mkdocs-redirects gives it."""
    assert html_path(page, directory_urls) == get_html_path(page, directory_urls)
