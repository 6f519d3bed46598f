"""The built site ships Pyodide and a working pilot2prod wheel; only calculator pages use them."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pilot2prod import __version__
from pilot2prod.model import bundle
from sitebuild.runtime import PYODIDE_FILES
from tests.fixtures import api_result, repo_data, repo_files
from tests.serving import ROOT

WHEEL = f"pilot2prod-{__version__}-py3-none-any.whl"
PYODIDE_VERSION = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]


@pytest.fixture(scope="module")
def wheel(built_site: Path) -> Path:
    """The wheel the build wrote."""
    return built_site / "assets" / "wheels" / WHEEL


def test_only_one_wheel_and_it_is_pure_python(built_site, wheel):
    """The site holds exactly one wheel, tagged py3-none-any and purelib."""
    assert [p.name for p in (built_site / "assets" / "wheels").iterdir()] == [WHEEL]
    with zipfile.ZipFile(wheel) as archive:
        meta = archive.read(f"pilot2prod-{__version__}.dist-info/WHEEL").decode()
        metadata = archive.read(f"pilot2prod-{__version__}.dist-info/METADATA").decode()
        names = archive.namelist()
    assert "Tag: py3-none-any" in meta.splitlines()
    assert "Root-Is-Purelib: true" in meta.splitlines()
    assert f"Version: {__version__}" in metadata.splitlines()
    assert not [n for n in names if n.endswith((".so", ".pyd", ".pyc"))]
    assert "pilot2prod/api/__init__.py" in names and "pilot2prod/py.typed" in names


def test_record_lists_every_file_with_its_hash(wheel):
    """RECORD names every file in the wheel with a matching sha256 and size."""
    with zipfile.ZipFile(wheel) as archive:
        record_name = f"pilot2prod-{__version__}.dist-info/RECORD"
        rows = [line.split(",") for line in archive.read(record_name).decode().splitlines()]
        listed = {name: (digest, size) for name, digest, size in rows}
        assert set(listed) == set(archive.namelist())
        assert listed.pop(record_name) == ("", "")
        for name, (digest, size) in listed.items():
            content = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode(), name
            assert int(size) == len(content), name


def test_wheel_carries_the_validated_data(wheel):
    """pilot2prod/_data.json holds every data file exactly as the build read it."""
    with zipfile.ZipFile(wheel) as archive:
        payload = json.loads(archive.read("pilot2prod/_data.json"))
    assert payload["format"] == bundle.BUNDLE_FORMAT
    assert payload["package_version"] == __version__
    assert payload["files"] == repo_files()
    assert payload["pages"]["assessment.md"]  # the pages' anchors travel for --data checks


def test_wheel_scores_on_its_own_like_the_source(wheel, tmp_path):
    """Imported from the wheel alone, readiness.score gives the source tree's answer."""
    request = json.dumps({"answers": {"real-traffic-sample": "no", "named-operator": "yes"}})
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from pilot2prod import api; "
        "print(api.__file__); print(api.call('readiness.score', sys.argv[2]))"
    )
    run = subprocess.run(
        [sys.executable, "-S", "-c", script, str(wheel), request],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    where, out = run.stdout.splitlines()
    assert where.startswith(str(wheel))
    assert json.loads(out) == api_result(repo_data(), "readiness.score", json.loads(request))


def test_pyodide_files_are_copied_unchanged(built_site):
    """Exactly the five runtime files, byte for byte from node_modules, under the version
    (beside them only their compressed copies, tested in test_compressed.py)."""
    folder = built_site / "assets" / "pyodide" / PYODIDE_VERSION
    files = [p.name for p in folder.iterdir() if p.suffix not in (".gz", ".br")]
    assert sorted(files) == sorted(PYODIDE_FILES)
    for name in PYODIDE_FILES:
        assert (folder / name).read_bytes() == (ROOT / "node_modules/pyodide" / name).read_bytes()


def _pages(built_site: Path) -> dict[str, str]:
    return {
        p.relative_to(built_site).as_posix(): p.read_text(encoding="utf-8")
        for p in built_site.rglob("*.html")
        if "assets" not in p.relative_to(built_site).parts
    }


def test_content_pages_reference_no_python_runtime(built_site):
    """Pages without a calculator point at no Pyodide file, worker or Python client."""
    pages = _pages(built_site)
    calculators = {name for name, html in pages.items() if "data-pyodide-base=" in html}
    assert "assessment/index.html" in calculators
    for name, html in pages.items():
        if name in calculators:
            continue
        lowered = html.lower()
        for needle in ("assets/pyodide/", "python-worker", "lib/python.js", ".wasm"):
            assert needle not in lowered, (name, needle)
        assert not re.search(r"""<(?:script|link)\b[^>]*\.whl""", lowered), name


def test_calculator_page_points_at_files_that_exist(built_site):
    """The assessment page's runtime attributes resolve to the copied runtime and wheel."""
    html = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    base = re.search(r'data-pyodide-base="([^"]+)"', html).group(1)
    wheel_url = re.search(r'data-wheel="([^"]+)"', html).group(1)
    page_dir = built_site / "assessment"
    assert (page_dir / base / "pyodide.mjs").resolve().is_file()
    path, _, version = wheel_url.partition("?v=")
    assert (page_dir / path).resolve().is_file()
    digest = hashlib.sha256((page_dir / path).resolve().read_bytes()).hexdigest()
    assert digest.startswith(version)


def test_assessment_page_prerenders_the_empty_result(built_site):
    """Without JavaScript the verdict shown is Python's result for no answers."""
    html = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    blank = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness", "answers": {}}
    view = api_result(repo_data(), "readiness.score", {"document": blank})
    assert f'<output name="verdict">{view["verdict"]["label"]}</output>' in html
    assert f'<output name="score">{view["score_text"]}</output>' in html
    assert f'<output name="weakest">{view["weakest_text"]}</output>' in html
