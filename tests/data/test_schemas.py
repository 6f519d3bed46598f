"""Every data file names a JSON Schema generated from the Dataset's types, and passes it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pilot2prod.model.jsonschema import schema_text
from pilot2prod.schemas import file_schemas
from tests.fixtures import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from write_schemas import HEADER, header_line, schema_for

CHECK = Path(sys.executable).parent / "check-jsonschema"
DATA_FILES = sorted((ROOT / "data").rglob("*.yml"))


def _check(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_committed_schemas_are_the_generated_ones():
    """schemas/ holds exactly what the types say (after a type change: make schemas)."""
    folder = ROOT / "schemas"
    generated = {
        f"{name}.schema.json": schema_text(name, s) for name, (s, _) in file_schemas().items()
    }
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.schema.json")}
    assert committed == generated, "schemas/ is stale: run `make schemas` and commit the result"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_data_file_names_its_schema_for_editors(path):
    """The first line points the YAML language server at the file's own schema."""
    schema = schema_for(path.relative_to(ROOT).as_posix())
    assert schema is not None, "a data file no schema describes"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == header_line(path, schema)
    assert (path.parent / first.removeprefix(HEADER)).resolve().is_file()


def test_check_jsonschema_accepts_the_real_data():
    """check-jsonschema, as an editor or CI would run it, passes every data file."""
    by_schema: dict[str, list[Path]] = {}
    for path in DATA_FILES:
        by_schema.setdefault(schema_for(path.relative_to(ROOT).as_posix()), []).append(path)
    for schema, paths in by_schema.items():
        done = _check(ROOT / "schemas" / schema, *paths)
        assert done.returncode == 0, done.stdout + done.stderr


BROKEN = [
    ("data/faq.yml", lambda raw: raw["records"][0].update(answr="typo")),
    ("data/faq.yml", lambda raw: raw["records"][0].pop("answer")),
    ("data/faq.yml", lambda raw: raw["records"][0].update(id="Not An Id")),
    ("data/reasons.yml", lambda raw: raw.update(records=[])),
    ("data/checklists/readiness.yml", lambda raw: raw.update(scale="stars")),
    (
        "data/checklists/readiness.yml",
        lambda raw: raw["sections"][0]["items"][0].update(weight="3"),
    ),
    ("data/readiness.yml", lambda raw: raw["bands"][0].update(min_score="low")),
    ("data/effort.yml", lambda raw: raw["streams"][0]["ratio"].pop("rationale")),
    ("data/cost.yml", lambda raw: raw["inputs"][0].update(integer="yes please")),
    ("data/example-assessments.yml", lambda raw: raw["examples"][0]["answers"].update(x="maybe")),
]


@pytest.mark.parametrize(
    ("source", "change"), BROKEN, ids=[f"{s}-{i}" for i, (s, _) in enumerate(BROKEN)]
)
def test_check_jsonschema_refuses_broken_copies(tmp_path, source, change):
    """A typo'd key, a missing key, a bad id or a wrong type fails the schema check too."""
    raw = yaml.safe_load((ROOT / source).read_text(encoding="utf-8"))
    change(raw)
    broken = tmp_path / Path(source).name
    broken.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    done = _check(ROOT / "schemas" / schema_for(source), broken)
    assert done.returncode == 1, done.stdout + done.stderr
