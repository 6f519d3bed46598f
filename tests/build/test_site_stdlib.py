"""The site's own standard library: only what it runs, compiled by Pyodide, rebuilt when it must."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pilot2prod import api
from pilot2prod.calculators.runcost.prices import TABLE_PATH
from pilot2prod.model import bundle
from sitebuild import site_stdlib
from tests.fixtures import repo_data
from tests.serving import ROOT

PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_VERSION = json.loads((PYODIDE / "package.json").read_text())["version"]


@pytest.fixture(scope="module")
def site_zip(built_site: Path) -> zipfile.ZipFile:
    """The compiled library the build wrote."""
    return zipfile.ZipFile(built_site / "assets" / "python" / f"python-{PYODIDE_VERSION}.zip")


def test_holds_compiled_modules_and_the_data_only(site_zip):
    """Every member is a sourceless .pyc, except the data, the catalogue of API functions and
    the price table the model picker searches, which the package reads as resources."""
    names = site_zip.namelist()
    assert sorted(n for n in names if not n.endswith(".pyc")) == sorted(
        [f"pilot2prod/{bundle.RESOURCE}", f"pilot2prod/api/{api.CATALOGUE}", TABLE_PATH]
    )
    assert "pilot2prod/api/__init__.pyc" in names
    assert "json/__init__.pyc" in names  # the API's own dependency, from the stock library
    assert all(i.compress_type == zipfile.ZIP_STORED for i in site_zip.infolist())


def test_is_compiled_by_pyodides_python_not_the_builds(site_zip):
    """One magic number throughout, and it is not the CPython that ran the build."""
    import importlib.util

    magics = {site_zip.read(n)[:4] for n in site_zip.namelist() if n.endswith(".pyc")}
    assert len(magics) == 1
    assert magics != {importlib.util.MAGIC_NUMBER}


def test_leaves_out_what_the_browser_never_imports(site_zip):
    """The command line and stock modules nobody imports stay out; the library is a fraction."""
    names = set(site_zip.namelist())
    assert not [n for n in names if n.startswith("pilot2prod/cli/")]
    assert "argparse.pyc" not in names and "unittest/__init__.pyc" not in names
    with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stock:
        stock_modules = [n for n in stock.namelist() if n.endswith(".py")]
    assert len([n for n in names if not n.startswith("pilot2prod/")]) < len(stock_modules) / 2


LINE_PROBE = """
import { loadPyodide } from %(pyodide)s;
const py = await loadPyodide({ indexURL: %(index)s, stdLibURL: %(zip)s });
console.log(py.runPython(`
import json, sys, traceback, types
import pilot2prod.api

def codes(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from codes(const)

found = {"functions": 0, "many_lines": []}
for name, module in sorted(sys.modules.items()):
    spec = getattr(module, "__spec__", None)
    in_library = "python314.zip/" in (getattr(spec, "origin", None) or "")
    code = spec.loader.get_code(name) if in_library else None
    for each in codes(code) if code else ():
        found["functions"] += 1
        if {line for _, _, line in each.co_lines()} - {each.co_firstlineno}:
            found["many_lines"].append(name + "." + each.co_qualname)
try:
    pilot2prod.api.call("readiness.score", "not json")
    json.loads("{")
except ValueError:
    found["traceback"] = traceback.format_exc()
json.dumps(found)
`));
"""


def _in_pyodide(script: str, site_zip: zipfile.ZipFile, folder: Path) -> dict:
    """Run `script` (a Node module template) in Pyodide booted from the site's library; return
    the JSON its Python printed last."""
    probe = folder / "probe.mjs"
    probe.write_text(
        script
        % {
            "pyodide": json.dumps((PYODIDE / "pyodide.mjs").as_uri()),
            "index": json.dumps(f"{PYODIDE}/"),
            "zip": json.dumps(str(Path(site_zip.filename or ""))),
        }
    )
    result = subprocess.run(["node", str(probe)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]  # Pyodide prints its source first
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_code_keeps_only_the_first_line_of_each_function(site_zip, tmp_path):
    """Location tables are stripped to one line per function (a smaller download), and a
    traceback still formats, naming those lines."""
    found = _in_pyodide(LINE_PROBE, site_zip, tmp_path)
    assert found["functions"] > 1000
    assert found["many_lines"] == []
    assert 'File "/lib/python314.zip/json/decoder.py", line' in found["traceback"]


IMPORT_PROBE = """
import { loadPyodide } from %(pyodide)s;
const py = await loadPyodide({ indexURL: %(index)s, stdLibURL: %(zip)s });
console.log(py.runPython(`
import json, sys
import pilot2prod.api
boot = sorted(m for m in sys.modules if m.startswith("pilot2prod.api"))
document = {"format": "pilot2prod/answers", "version": 1, "checklist": "readiness", "answers": {}}
answer = json.loads(pilot2prod.api.call("readiness.score", json.dumps({"document": document})))
after = sorted(m for m in sys.modules if m.startswith("pilot2prod.api"))
json.dumps({"boot": boot, "after": after, "verdict": "verdict" in answer})
`));
"""


def test_the_worker_imports_only_the_module_of_the_function_it_calls(site_zip, tmp_path):
    """With the shipped catalogue, booting imports no API module of a function, and the first
    verdict imports the assessment's own module only, not the other functions' modules."""
    found = _in_pyodide(IMPORT_PROBE, site_zip, tmp_path)
    assert found["boot"] == ["pilot2prod.api", "pilot2prod.api.requests"]
    assert set(found["after"]) - set(found["boot"]) == {"pilot2prod.api.readiness"}
    assert found["verdict"]


def test_carries_the_catalogue_of_every_declared_function(site_zip):
    """The catalogue in the library names every declared function where it is declared."""
    shipped = json.loads(site_zip.read(f"pilot2prod/api/{api.CATALOGUE}"))
    assert shipped == {name: d.target for name, d in api.declarations().items()}


def test_carries_this_builds_data(site_zip, built_site):
    """The data inside equals the data in the wheel, so page and worker score the same."""
    wheel = next((built_site / "assets" / "wheels").glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        expected = archive.read(f"pilot2prod/{bundle.RESOURCE}")
    assert site_zip.read(f"pilot2prod/{bundle.RESOURCE}") == expected


def test_pages_point_the_worker_at_it_and_at_no_lock_file(built_site):
    """The assessment page names the library and the lock's info, so neither stock file loads."""
    html = (built_site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert f'data-stdlib="../assets/python/python-{PYODIDE_VERSION}.zip?v=' in html
    info = json.loads((PYODIDE / "pyodide-lock.json").read_text())["info"]
    assert f"&#34;python&#34;:&#34;{info['python']}&#34;" in html or info["python"] in html


@pytest.fixture
def probe_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Count the probes instead of running Node: each writes a stand-in compiled zip."""
    runs: list[str] = []

    def fake_probe(pyodide_dir: Path, wheel: bytes, dataset: object, target: Path) -> None:
        runs.append(target.name)
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("json/__init__.pyc", b"compiled")

    monkeypatch.setattr(site_stdlib, "_run_probe", fake_probe)
    monkeypatch.setenv("P2P_CACHE_DIR", str(tmp_path / "cache"))
    return runs


def _wheel(tmp_path: Path) -> bytes:
    path = tmp_path / "site.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"pilot2prod/{bundle.RESOURCE}", "{}")
        archive.writestr(TABLE_PATH, "{}")  # the price table, which the library carries too
    return path.read_bytes()


def test_is_reused_while_nothing_it_depends_on_changes(probe_runs, tmp_path):
    """A second build with the same Pyodide and sources takes the cached compile."""
    wheel = _wheel(tmp_path)
    for _ in range(2):
        site_stdlib.build_site_stdlib(ROOT, PYODIDE, PYODIDE_VERSION, wheel, repo_data())
    assert len(probe_runs) == 1


def test_is_rebuilt_when_the_pyodide_version_changes(probe_runs, tmp_path):
    """A new Pyodide release compiles again, into a file named for that release."""
    wheel = _wheel(tmp_path)
    site_stdlib.build_site_stdlib(ROOT, PYODIDE, PYODIDE_VERSION, wheel, repo_data())
    built = site_stdlib.build_site_stdlib(ROOT, PYODIDE, "999.0.0", wheel, repo_data())
    assert len(probe_runs) == 2
    assert probe_runs[1].startswith("999.0.0-")
    assert built.name == "python-999.0.0.zip"


def test_is_rebuilt_when_a_module_of_the_package_changes(probe_runs, tmp_path):
    """Editing any module of the package (its imports may change) compiles again."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "pilot2prod", copy / "pilot2prod")
    wheel = _wheel(tmp_path)
    site_stdlib.build_site_stdlib(copy, PYODIDE, PYODIDE_VERSION, wheel, repo_data())
    text = copy / "pilot2prod" / "text.py"
    text.write_text(text.read_text() + "\nimport difflib\n")
    site_stdlib.build_site_stdlib(copy, PYODIDE, PYODIDE_VERSION, wheel, repo_data())
    assert len(probe_runs) == 2
