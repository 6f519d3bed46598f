"""Export JSON from the assessment page, score it with the CLI: same verdict and score."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pilot2prod.cli import main
from pilot2prod.readiness.answers import READINESS_VALUES
from tests.browser.support import tool
from tests.cli.support import readiness_checklist

BOOT = 120_000


def _digest(answers: dict[str, str]) -> str:
    # The readiness widget marks the answers its result belongs to: "id=value;..." sorted by id.
    return ";".join(f"{key}={answers[key]}" for key in sorted(answers))


def _fill(page: Page, answers: dict[str, str]) -> None:
    for item, value in answers.items():
        page.locator(f"#readiness-{item}--{value}").check()


@pytest.mark.parametrize("seed", range(3))
def test_cli_gives_the_verdict_and_score_the_page_shows(page, site_url, tmp_path, capsys, seed):
    """The page's live verdict and score equal `pilot2prod assess` on the page's JSON export."""
    rng = random.Random(seed)
    ids = [item.id for item in readiness_checklist().items]
    answers = {i: rng.choice(READINESS_VALUES) for i in ids if rng.random() < 0.8}
    page.goto(site_url + "assessment/")
    expect(page.locator("form#readiness")).to_have_attribute("data-p2p-mounted", "true")
    _fill(page, answers)
    widget = page.locator("[data-p2p-component='readiness']")
    expect(widget).to_have_attribute("data-scored-answers", _digest(answers), timeout=BOOT)
    verdict = page.locator('output[name="verdict"]').inner_text()
    score = page.locator('output[name="score"]').inner_text()
    with page.expect_download() as info:
        tool(page, "Export JSON").click()
    exported = tmp_path / "exported.json"
    exported.write_bytes(Path(info.value.path()).read_bytes())
    assert json.loads(exported.read_text(encoding="utf-8"))["answers"] == answers

    capsys.readouterr()
    code = main(["assess", str(exported), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    # The page shows the verdict and score as Python words them for the page (provisional,
    # what sets the score); the command line's JSON holds those very words.
    assert (out["verdict_text"], out["score_explained"]) == (verdict, score)

    main(["assess", str(exported)])
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"Readiness verdict: {out['verdict']['label']} ({out['score_text']})"
