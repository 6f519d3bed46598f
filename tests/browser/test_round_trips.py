"""Every file a page writes, the matching command reads (and prints the same), and the reverse.

The answers export, its Markdown and the plan's files are checked against `assess` and `plan`
in test_cli_matches_page.py, test_assessment_exports.py and test_assessment_plan.py; the team
view's Markdown in test_team_view.py. Here: the milestones file, the portfolio's three
downloads, and the command line's own answers file opening on the page.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_checklists import ASSESSMENT, choose, item_ids, open_page, shown
from tests.browser.test_checklists_transfer import import_file, notices
from tests.browser.test_milestones import save, section
from tests.browser.test_portfolio import ROOT, _choose, _documents, _open, _payload
from tests.cli.support import run

BOOT = 120_000


def test_the_milestones_file_a_page_exports_is_read_by_the_command_line(
    page, site_url, tmp_path, capsys
):
    """`pilot2prod milestones` on the page's export lists the same milestones with the same
    verdicts, in the order saved."""
    ids = item_ids("readiness")
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", ids[0], "no")
    save(page, "Before")
    choose(page, "readiness", ids[0], "yes")
    save(page, "After")
    listed = page.locator("section.p2p-milestones .p2p-milestones__meta")
    shown_verdicts = [text.split("verdict ", 1)[1] for text in listed.all_text_contents()][::-1]
    with page.expect_download() as info:
        section(page).get_by_role("button", name="Export milestones").click()
    path = Path(info.value.path())
    result = run(capsys, "milestones", path, "--format", "json")
    assert result.code == 0, result.err
    view = json.loads(result.out)
    assert [m["name"] for m in view["milestones"]] == ["Before", "After"]
    assert [m["verdict"] for m in view["milestones"]] == shown_verdicts


def test_the_portfolio_downloads_are_the_command_lines_bytes(page, site_url, tmp_path, capsys):
    """The page's Markdown, CSV and JSON of a portfolio are exactly what `pilot2prod portfolio`
    prints for the same files on the same day."""
    files = _documents(6, seed=5)
    paths = []
    for name, doc in files:
        path = tmp_path / name
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(path)
    _open(page, site_url)
    _choose(page, [_payload(n, d) for n, d in files])
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    page.locator('[data-role="older-than"]').fill("")
    page.locator('[data-role="older-than"]').dispatch_event("change")
    expect(page.locator(ROOT)).to_have_attribute("data-state", "live", timeout=BOOT)
    today = date.today().isoformat()
    for button, kind in (
        ("Download Markdown", "md"),
        ("Download CSV", "csv"),
        ("Download JSON", "json"),
    ):
        with page.expect_download(timeout=BOOT_TIMEOUT_MS) as info:
            page.locator(ROOT).get_by_role("button", name=button).click()
        downloaded = Path(info.value.path()).read_bytes().decode("utf-8")
        result = run(capsys, "portfolio", *paths, "--format", kind, "--today", today)
        assert result.code == 0, result.err
        # The command line names each file by the path it was given; the page by its name.
        printed = result.out.replace(f"{tmp_path}/", "")
        assert downloaded == printed, kind


def test_the_command_lines_blank_answers_file_opens_on_the_page(page, site_url, tmp_path, capsys):
    """`pilot2prod template --format json` writes a file the page imports as it is."""
    path = tmp_path / "blank.json"
    assert run(capsys, "template", "--format", "json", "-o", path).code == 0
    document = json.loads(path.read_text(encoding="utf-8"))
    first = item_ids("readiness")[0]
    document["answers"][first] = "yes"
    path.write_text(json.dumps(document), encoding="utf-8")
    open_page(page, site_url + ASSESSMENT)
    import_file(page, path)
    expect(notices(page)).to_contain_text("Imported 1 answer from", timeout=BOOT_TIMEOUT_MS)
    assert shown(page)["answers"] == {first: "yes"}
