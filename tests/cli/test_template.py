"""`pilot2prod template`: a blank YAML answers file with each question as comments, read back."""

from __future__ import annotations

import json

import pytest
import yaml

from pilot2prod.urls import doc_url
from tests.cli.support import readiness_checklist, repo_bundle, run

CHECKLISTS = sorted(
    key.removeprefix("data/checklists/").removesuffix(".yml")
    for key in repo_bundle().files
    if key.startswith("data/checklists/")
)


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_template_lists_every_question_with_its_text_and_guidance(capsys, checklist_id):
    """Every item appears as an empty key, preceded by its text and guidance as comments."""
    checklist = repo_bundle().checklist(checklist_id)
    result = run(capsys, "template", checklist_id)
    assert result.code == 0
    parsed = yaml.safe_load(result.out)
    assert parsed["format"] == "pilot2prod/answers"
    assert parsed["checklist"] == checklist_id
    assert parsed["checklist_version"] == checklist.version
    assert parsed["answers"] == dict.fromkeys((i.id for i in checklist.items), None)
    comments = " ".join(
        line.strip().lstrip("#").strip() for line in result.out.splitlines() if "#" in line
    )
    for item in checklist.items:
        assert " ".join(item.text.split()) in comments
        assert f"Guidance: {item.guidance}" in comments


def test_blank_template_reads_back_through_assess(capsys, tmp_path):
    """The blank template is a valid answers file: assess scores it as not scored yet."""
    path = tmp_path / "readiness.yml"
    assert run(capsys, "template", "readiness", "-o", path).code == 0
    result = run(capsys, "assess", path, "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["verdict"]["id"] == "unscored"
    assert len(out["unanswered"]) == len(repo_bundle().checklist("readiness").items)


def test_filled_in_template_scores_like_the_same_json(capsys, tmp_path):
    """Typing bare yes/partial/no/na after each key gives the verdict the JSON would."""
    path = tmp_path / "readiness.yml"
    run(capsys, "template", "-o", path)
    items = [i.id for i in repo_bundle().checklist("readiness").items]
    values = ["yes", "partial", "no", "na"]
    answers = {item: values[n % 4] for n, item in enumerate(items)}
    text = path.read_text(encoding="utf-8")
    for item, value in answers.items():
        text = text.replace(f"\n  {item}:\n", f"\n  {item}: {value}\n")
    path.write_text(text, encoding="utf-8")
    from_yaml = json.loads(run(capsys, "assess", path, "--format", "json").out)
    doc = yaml.safe_load(text)
    doc["answers"] = answers
    json_path = tmp_path / "readiness.json"
    json_path.write_text(json.dumps(doc), encoding="utf-8")
    from_json = json.loads(run(capsys, "assess", json_path, "--format", "json").out)
    assert from_yaml == from_json
    assert from_yaml["answered_text"].startswith(f"{len(items)} of ")


def test_template_refuses_to_overwrite_without_force(capsys, tmp_path):
    """An existing answers file is kept unless --force is given."""
    path = tmp_path / "mine.yml"
    path.write_text("precious answers\n", encoding="utf-8")
    result = run(capsys, "template", "-o", path)
    assert result.code == 2
    assert result.err == f"pilot2prod: {path}: already exists; use --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "precious answers\n"
    assert run(capsys, "template", "-o", path, "--force").code == 0
    assert path.read_text(encoding="utf-8").startswith("# pilot2prod answers")


def test_template_list_and_unknown_checklist(capsys):
    """--list names every checklist; an unknown one is bad input naming the known ones."""
    listed = run(capsys, "template", "--list")
    assert [line.split("\t")[0] for line in listed.out.splitlines()] == CHECKLISTS
    unknown = run(capsys, "template", "nope")
    assert unknown.code == 2
    assert unknown.err == (
        f"pilot2prod: checklist: there is no checklist 'nope' (known: {', '.join(CHECKLISTS)})\n"
    )


def test_site_url_makes_guidance_comments_full_addresses(capsys):
    """With --site-url, each guidance comment is the published page's address."""
    out = run(capsys, "template", "--site-url", "https://example.org/").out
    first = readiness_checklist().items[0]
    assert f"# Guidance: {doc_url(first.guidance, 'https://example.org/')}" in out
