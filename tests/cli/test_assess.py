"""`pilot2prod assess`: the site's verdict for an answers file, in three formats, and the gate."""

from __future__ import annotations

import json
import random
import shutil

import pytest
import yaml

from pilot2prod.dataset import Dataset
from pilot2prod.readiness.answers import READINESS_VALUES
from tests.cli.support import (
    document,
    readiness_checklist,
    repo_bundle,
    run,
    site_call,
    write_json,
)
from tests.fixtures import api_result
from tests.serving import ROOT

ITEMS = [item.id for item in readiness_checklist().items]


def _random_answers(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {i: rng.choice(READINESS_VALUES) for i in ITEMS if rng.random() < 0.85}


@pytest.mark.parametrize("seed", range(8))
def test_json_report_is_exactly_the_pages_view(capsys, tmp_path, seed):
    """For random answers, --format json carries the very view the page's worker computes."""
    doc = document(_random_answers(seed))
    path = write_json(tmp_path / "answers.json", doc)
    result = run(capsys, "assess", path, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    expected = site_call("readiness.score", {"document": doc})
    assert out.pop("format") == "pilot2prod/assessment"
    assert out.pop("version") == 1
    assert out.pop("gate") is None
    assert out == expected


def test_markdown_report_states_verdict_score_and_explanation(capsys, tmp_path):
    """The Markdown report names the verdict, the score, the capping items and the what-if."""
    answers = dict.fromkeys(ITEMS, "yes") | {"named-operator": "no", "load-measured": "partial"}
    doc = document(answers)
    view = site_call("readiness.score", {"document": doc})
    path = write_json(tmp_path / "answers.json", doc)
    result = run(capsys, "assess", path, "--format", "md")
    assert result.code == 0
    assert result.out.startswith(f"## Readiness verdict: {view['verdict']['label']}\n")
    assert f"- **Score:** {view['score_text']}" in result.out
    assert "### Critical questions answered No" in result.out
    assert view["capping"][0]["text"].split(",")[0] in result.out
    assert "### The path to Ready" in result.out and "#### Step 1: " in result.out
    assert view["what_if"]["summary"] in result.out
    assert "](" not in result.out  # no links without --site-url


def test_site_url_turns_questions_and_guidance_into_links(capsys, tmp_path):
    """With --site-url, each listed question and its guidance link into the published site."""
    doc = document({"named-operator": "no"})
    path = write_json(tmp_path / "a.json", doc)
    result = run(capsys, "assess", path, "--format", "md", "--site-url", "https://example.org/p2p")
    assert "(https://example.org/p2p/assessment/#readiness-named-operator)" in result.out
    assert "[guidance](https://example.org/p2p/" in result.out
    bad = run(capsys, "assess", path, "--site-url", "javascript:alert(1)")
    assert bad.code == 2
    assert bad.err.startswith("pilot2prod: --site-url: ")


def test_text_report_lists_each_dimension_with_its_score(capsys, tmp_path):
    """The plain-text report gives the verdict line and a row per dimension."""
    doc = document(_random_answers(42))
    view = site_call("readiness.score", {"document": doc})
    result = run(capsys, "assess", write_json(tmp_path / "a.json", doc))
    first = result.out.splitlines()[0]
    assert first == f"Readiness verdict: {view['verdict']['label']} ({view['score_text']})"
    for dim in view["dimensions"]:
        assert any(
            line.strip().startswith(dim["title"]) and dim["status"] in line
            for line in result.out.splitlines()
        )


def _band_ids() -> list[str]:
    return [
        band["id"] for band in yaml.safe_load((ROOT / "data/readiness.yml").read_text())["bands"]
    ]


@pytest.mark.parametrize("seed", range(4))
def test_fail_under_exits_1_exactly_when_the_verdict_is_below_the_band(capsys, tmp_path, seed):
    """The gate passes at or above the band and fails below it, for every band."""
    doc = document(_random_answers(100 + seed))
    verdict = site_call("readiness.score", {"document": doc})["verdict"]["id"]
    path = write_json(tmp_path / "a.json", doc)
    bands = _band_ids()
    for band in bands:
        result = run(capsys, "assess", path, "--fail-under", band, "--format", "json")
        below = verdict == "unscored" or bands.index(verdict) < bands.index(band)
        assert result.code == (1 if below else 0), (verdict, band)
        assert json.loads(result.out)["gate"]["passed"] is not below


def test_gate_accepts_a_band_label_and_refuses_an_unknown_band(capsys, tmp_path):
    """--fail-under takes a label in any case; an unknown band is bad input listing the bands."""
    path = write_json(tmp_path / "a.json", document(dict.fromkeys(ITEMS, "no")))
    assert run(capsys, "assess", path, "--fail-under", "NEARLY READY").code == 1
    result = run(capsys, "assess", path, "--fail-under", "perfect")
    assert result.code == 2
    assert "--fail-under: 'perfect' is not a verdict band" in result.err
    assert ", ".join(_band_ids()) in result.err


def test_an_unscored_file_fails_any_gate(capsys, tmp_path):
    """Nothing answered is below every band, the lowest included."""
    path = write_json(tmp_path / "a.json", document({}))
    result = run(capsys, "assess", path, "--fail-under", _band_ids()[0])
    assert result.code == 1
    assert "Release gate: The verdict Not scored yet is below the gate" in result.out


def test_yaml_of_the_same_shape_scores_the_same(capsys, tmp_path):
    """A YAML answers file (bare yes/no included) gives the JSON file's result."""
    answers = _random_answers(7)
    doc = document(answers)
    json_path = write_json(tmp_path / "a.json", doc)
    lines = [f"{key}: {json.dumps(value)}" for key, value in doc.items() if key != "answers"]
    lines.append("answers:")
    lines += [f"  {key}: {value}" for key, value in answers.items()]  # bare, unquoted words
    yaml_path = tmp_path / "a.yml"
    yaml_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from_json = run(capsys, "assess", json_path, "--format", "json")
    from_yaml = run(capsys, "assess", yaml_path, "--format", "json")
    assert from_yaml.code == 0, from_yaml.err
    assert json.loads(from_yaml.out) == json.loads(from_json.out)


def test_answers_can_come_from_stdin(capsys, tmp_path, monkeypatch):
    """'-' reads the answers from standard input."""
    import io

    doc = document({"named-operator": "yes"})
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc).encode())))
    result = run(capsys, "assess", "-", "--format", "json")
    assert result.code == 0
    assert json.loads(result.out)["answered_text"].startswith("1 of ")


def test_answers_to_an_older_wording_get_a_note_not_a_failure(capsys, tmp_path):
    """A different checklist_version is reported on stderr; the verdict is still given."""
    path = write_json(tmp_path / "a.json", document({}, checklist_version="0ld0ld0ld0ld"))
    result = run(capsys, "assess", path)
    assert result.code == 0
    assert "checklist_version: answered against version 0ld0ld0ld0ld" in result.err


def test_output_option_writes_the_report_to_a_file(capsys, tmp_path):
    """-o writes the report to a file and prints nothing."""
    path = write_json(tmp_path / "a.json", document({"named-operator": "yes"}))
    target = tmp_path / "report.md"
    result = run(capsys, "assess", path, "--format", "md", "-o", target)
    assert result.code == 0 and result.out == ""
    assert target.read_text(encoding="utf-8").startswith("## Readiness verdict: ")


def test_data_option_scores_with_an_adapted_copy_of_the_data(capsys, tmp_path):
    """--data DIR uses that folder's bands and weights, giving what the site built from it gives."""
    folder = tmp_path / "org" / "data"
    shutil.copytree(ROOT / "data", folder)
    rubric = yaml.safe_load((folder / "readiness.yml").read_text())
    for band in rubric["bands"][1:]:
        band["min_score"] = round(band["min_score"] / 4, 3)  # a far more lenient organisation
    (folder / "readiness.yml").write_text(yaml.safe_dump(rubric), encoding="utf-8")
    doc = document(dict.fromkeys(ITEMS, "partial"))
    path = write_json(tmp_path / "a.json", doc)
    default = json.loads(run(capsys, "assess", path, "--format", "json").out)
    adapted = json.loads(run(capsys, "assess", path, "--format", "json", "--data", folder).out)
    expected = api_result(Dataset.from_directory(folder), "readiness.score", {"document": doc})
    assert default["score"] == adapted["score"] == expected["score"]
    assert adapted["verdict"] == expected["verdict"]
    assert default["verdict"]["id"] != adapted["verdict"]["id"]


def test_data_option_names_the_broken_file_inside_the_folder(capsys, tmp_path):
    """A broken file under --data DIR is reported by its real path and key."""
    folder = tmp_path / "org"
    shutil.copytree(ROOT / "data", folder)
    rubric = yaml.safe_load((folder / "readiness.yml").read_text())
    rubric["bands"][1]["min_score"] = 2
    (folder / "readiness.yml").write_text(yaml.safe_dump(rubric), encoding="utf-8")
    path = write_json(tmp_path / "a.json", document({}))
    result = run(capsys, "assess", path, "--data", folder)
    assert result.code == 2
    assert result.err == (
        f"pilot2prod: {folder}/readiness.yml: bands[1].min_score: must be between 0 and 1\n"
    )
    missing = run(capsys, "assess", path, "--data", tmp_path / "nowhere")
    assert missing.code == 2
    assert "nowhere: is not a folder of pilot2prod data" in missing.err


def test_the_repository_data_is_what_the_cli_scores_with(capsys, tmp_path):
    """Without --data or a bundled file, the checkout's data/ is used (same checklist version)."""
    path = write_json(tmp_path / "a.json", document({}))
    out = json.loads(run(capsys, "assess", path, "--format", "json").out)
    assert out["checklist_version"] == repo_bundle().checklist("readiness").version
