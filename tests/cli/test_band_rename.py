"""Renaming a verdict band in the data, its old id kept as an alias, keeps every gate working."""

from __future__ import annotations

import json
import shutil

import yaml

from tests.cli.support import document, readiness_checklist, run, write_json
from tests.serving import ROOT


def _renamed_copy(tmp_path):
    """A copy of data/ whose band below the top has a new id and label, the old id an alias."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    rubric = yaml.safe_load((folder / "readiness.yml").read_text(encoding="utf-8"))
    band = rubric["bands"][-2]
    old = band["id"]
    band.update(id="almost-there", label="Almost there", aliases=[old])
    (folder / "readiness.yml").write_text(yaml.safe_dump(rubric), encoding="utf-8")
    return folder, old


def test_a_gate_on_the_old_band_id_gates_on_the_renamed_band(capsys, tmp_path):
    """`--fail-under OLD-ID` still passes a file that reaches the band and stops one below it,
    and the report names the band by its new id and label."""
    folder, old = _renamed_copy(tmp_path)
    ids = [item.id for item in readiness_checklist().items]
    ready = write_json(tmp_path / "ready.json", document(dict.fromkeys(ids, "yes")))
    below = write_json(tmp_path / "below.json", document(dict.fromkeys(ids, "no")))
    passed = run(capsys, "assess", ready, "--data", folder, "--fail-under", old, "--format", "json")
    assert passed.code == 0, passed.err
    assert json.loads(passed.out)["gate"]["band"] == "almost-there"
    stopped = run(capsys, "assess", below, "--data", folder, "--fail-under", old)
    assert stopped.code == 1
    assert "the gate Almost there" in stopped.out
    team = run(capsys, "merge", ready, below, "--data", folder, "--fail-under", old)
    assert team.code == 1


def test_the_help_names_the_bands_of_the_data(capsys):
    """`--fail-under`'s help lists the bands the data has, not words written into the code."""
    result = run(capsys, "assess", "--help")
    bands = yaml.safe_load((ROOT / "data" / "readiness.yml").read_text(encoding="utf-8"))["bands"]
    flat = " ".join(result.out.split())
    assert "one of " + ", ".join(band["id"] for band in bands) in flat
