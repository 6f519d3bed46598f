"""The team view in Chromium: exports side by side, the CLI's verdict, bad files refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from pilot2prod.cli import main
from pilot2prod.model.documents import MAX_DOCUMENT_BYTES
from tests.browser.support import serious_axe_violations, watch_errors
from tests.cli.support import document, readiness_checklist
from tests.serving import ROOT

TEAM = "team/"
TEAM_ROOT = "[data-p2p-component='team']"
BOOT = 120_000
"""Pyodide's first boot in a fresh context can take a while on a busy machine."""


def _examples() -> list[tuple[str, dict]]:
    raw = yaml.safe_load((ROOT / "data/example-assessments.yml").read_text(encoding="utf-8"))
    return [
        (f"{e['example']}.json", document(e["answers"], notes=e.get("notes", {})))
        for e in raw["examples"]
    ]


def _payload(name: str, doc: object) -> dict:
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    return {"name": name, "mimeType": "application/json", "buffer": body}


def _open(page: Page, site_url: str) -> None:
    page.goto(site_url + TEAM)
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-p2p-mounted", "true")


def _choose(page: Page, files: list[dict]) -> None:
    page.locator('[data-role="files"]').set_input_files(files)


def _cli(capsys, tmp_path: Path, files: list[tuple[str, dict]], *options: str) -> str:
    paths = []
    for name, doc in files:
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(path))
    capsys.readouterr()
    assert main(["merge", *paths, *options]) == 0
    return capsys.readouterr().out


def test_team_view_shows_what_the_command_line_computes(page, site_url, capsys, tmp_path):
    """Three exports give the CLI's team verdict, score, flags and per-person answers."""
    errors = watch_errors(page)
    files = _examples()
    expected = json.loads(_cli(capsys, tmp_path, files, "--format", "json"))
    _open(page, site_url)
    _choose(page, [_payload(name, doc) for name, doc in files])
    root = page.locator(TEAM_ROOT)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('output[name="team-verdict"]')).to_have_text(
        expected["team"]["verdict"]["label"]
    )
    expect(page.locator('output[name="team-score"]')).to_have_text(expected["team"]["score_text"])
    expect(page.locator('output[name="disagreements"]')).to_have_text(
        expected["disagreement_summary"]
    )
    people = page.locator('[data-role="people-rows"] tr')
    expect(people).to_have_count(len(files))
    for index, person in enumerate(expected["people"]):
        expect(people.nth(index)).to_contain_text(person["verdict"]["label"])
    for item in expected["items"]:
        row = page.locator(f'[data-role="items-rows"] tr[data-item="{item["id"]}"]')
        cells = row.locator("td")
        shown = [text.split("\n")[0] for text in cells.all_inner_texts()[: len(files)]]
        assert shown == item["answer_labels"]
        expect(cells.nth(len(files))).to_have_text(item["team_label"])
        expect(row).to_have_attribute("data-disagreement", item["disagreement"] or "")
    assert not errors.messages


def test_markdown_export_is_the_command_lines_markdown(page, site_url, capsys, tmp_path):
    """The page's Markdown equals `pilot2prod merge --format md --site-url <site>`."""
    files = _examples()[:2]
    expected = _cli(capsys, tmp_path, files, "--format", "md", "--site-url", site_url)
    _open(page, site_url)
    _choose(page, [_payload(name, doc) for name, doc in files])
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    page.get_by_role("button", name="Make Markdown").click()
    area = page.locator('[data-role="markdown"]')
    expect(area).not_to_have_value("")
    assert area.input_value() == expected
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .md").click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == expected


def test_bad_files_are_refused_with_a_notice_and_the_rest_merged(page, site_url):
    """Oversized, binary, non-object, foreign, newer and other-checklist files are each named,
    by the limits and words every reader of an answers file uses."""
    good = document({readiness_checklist().items[0].id: "yes"})
    bad = {
        "huge.json": b"{" + b" " * (MAX_DOCUMENT_BYTES + 10) + b"}",
        "junk.json": bytes(range(256)),
        "list.json": b"[1, 2, 3]",
        "foreign.json": {**good, "format": "someone/else"},
        "newer.json": {**good, "version": 7},
        "other.json": {**good, "checklist": "operations-handover"},
    }
    _open(page, site_url)
    _choose(page, [_payload("good.json", good), *(_payload(n, d) for n, d in bad.items())])
    root = page.locator(TEAM_ROOT)
    expect(root).to_have_attribute("data-state", "live", timeout=BOOT)
    refused = page.locator('[data-role="refused-list"] li')
    expect(refused).to_have_count(len(bad))
    texts = refused.all_inner_texts()
    reasons = {
        "huge.json": f"is larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB",
        "junk.json": "is not UTF-8 text",
        "list.json": "must hold a JSON object, not a list",
        "foreign.json": "is not a pilot2prod answers file",
        "newer.json": "written by a newer pilot2prod",
        "other.json": "not for the 'readiness' checklist",
    }
    for name, reason in reasons.items():
        assert any(t.startswith(f"{name}: ") and reason in t for t in texts), (name, texts)
    expect(page.locator('output[name="team-people"]')).to_have_text("1")


def test_only_bad_files_leave_no_result_and_say_why(page, site_url):
    """When no file can be used, no verdict appears and the notice says so."""
    _open(page, site_url)
    _choose(page, [_payload("foreign.json", {"format": "x", "version": 1})])
    expect(page.locator('[data-role="status"]')).to_have_text(
        "None of the chosen files could be used; the reasons are listed.", timeout=BOOT
    )
    expect(page.locator('[data-role="result"]')).to_be_hidden()


def test_hostile_names_and_notes_are_shown_as_text(page, site_url):
    """Markup in a file name, a note or an owner is displayed literally and never runs."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    first = readiness_checklist().items[0].id
    evil = "<img src=x onerror=alert(1)>"
    doc = document(
        {first: "yes"},
        notes={first: f"{evil}<script>alert(2)</script>"},
        owners={first: evil},
    )
    _open(page, site_url)
    _choose(page, [_payload(f"{evil}.json", doc), _payload("b.json", document({first: "no"}))])
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('[data-role="people-rows"] th').first).to_have_text(f"{evil}.json")
    row = page.locator(f'[data-role="items-rows"] tr[data-item="{first}"]')
    expect(row.locator("td").first).to_contain_text(f"Owner: {evil}")
    assert page.locator(f"{TEAM_ROOT} img, {TEAM_ROOT} script").count() == 0
    assert dialogs == []


def test_filter_survives_instant_navigation_without_duplicate_handlers(page, site_url):
    """After leaving and coming back, one file gives one result and one refusal, not two."""
    ids = [item.id for item in readiness_checklist().items]
    files = [
        _payload("a.json", document({ids[0]: "yes", ids[1]: "yes"})),
        _payload("b.json", document({ids[0]: "no", ids[1]: "yes"})),
    ]
    _open(page, site_url)
    page.locator(".md-sidebar--primary a[href$='assessment/']").first.click()
    expect(page.locator("form#readiness")).to_be_visible()
    page.locator(".md-sidebar--primary a[href$='team/']").first.click()
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-p2p-mounted", "true")
    _choose(page, [*files, _payload("bad.json", b"not json")])
    expect(page.locator(TEAM_ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    expect(page.locator('[data-role="refused-list"] li')).to_have_count(1)
    page.get_by_label("Show only questions where the answers disagree").check()
    visible = page.locator('[data-role="items-rows"] tr[data-item]:visible')
    expect(visible).to_have_count(1)
    expect(visible.first).to_have_attribute("data-item", ids[0])
    page.get_by_role("button", name="Start again").click()
    expect(page.locator('[data-role="result"]')).to_be_hidden()
    expect(page.locator('[data-role="refused"]')).to_be_hidden()


@pytest.mark.parametrize("with_result", [False, True])
def test_team_page_has_no_serious_accessibility_violations(page, site_url, with_result):
    """axe-core finds nothing serious on the team page, empty or with a result."""
    _open(page, site_url)
    if with_result:
        _choose(page, [_payload(name, doc) for name, doc in _examples()])
        expect(page.locator(TEAM_ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    assert serious_axe_violations(page) == []
