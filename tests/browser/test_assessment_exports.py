"""The assessment's exports carry the result, written by the same Python as the CLI's report."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod.cli import main
from pilot2prod.readiness.answers import READINESS_VALUES
from tests.browser.support import BOOT_TIMEOUT_MS, tool
from tests.browser.support import live_page as open_live_page
from tests.browser.test_checklists import item_ids
from tests.fixtures import repo_data

WIDGET = "[data-p2p-component='readiness']"

FILL = """
([answers, notes, owners, identity]) => {
  const form = document.getElementById("readiness");
  for (const radio of form.querySelectorAll('.p2p-item input[type="radio"]')) {
    const item = radio.closest(".p2p-item").dataset.item;
    const wanted = answers[item] === radio.value;
    if (radio.checked !== wanted) {
      radio.checked = wanted;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  for (const field of form.querySelectorAll(".p2p-item [data-field]")) {
    const item = field.closest(".p2p-item").dataset.item;
    const text = (field.dataset.field === "note" ? notes : owners)[item] || "";
    if (field.value !== text) {
      field.value = text;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
  for (const [key, text] of Object.entries(identity)) {
    const input = form.querySelector(`[data-identity="${key}"]`);
    input.value = text;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
}
"""

TRICKY = [
    "plain words",
    "a_b *c* [link](http://x.test) <b>bold</b> | pipe `tick`",
    '=HYPERLINK("http://x.test")',
    "# not a heading\n- not a list",
    "Zoë & Łukasz (team 2)",
]


@pytest.fixture
def live(browser: Browser, site_url: str) -> Iterator[Page]:
    """An assessment page with Python booted, in a fresh browser profile for each test: after
    ten or so downloads from one tab, Chromium's limit on a page's automatic downloads can hold
    the next one back, which a reader's tab would ask about but a test's would not."""
    with open_live_page(browser, site_url + "assessment/", WIDGET) as (page, _, errors):
        yield page
        assert errors == []


def digest(answers: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in sorted(answers.items()))


def fill(page: Page, answers, notes=None, owners=None, identity=None) -> None:
    """Show exactly these answers, notes, owners and identity, and wait for the verdict."""
    page.evaluate(FILL, [answers, notes or {}, owners or {}, identity or {}])
    expect(page.locator(WIDGET)).to_have_attribute("data-scored-answers", digest(answers))


def export(page: Page, button: str) -> str:
    # An export waits for Python's report, behind any scoring still queued on a busy machine.
    with page.expect_download(timeout=BOOT_TIMEOUT_MS) as info:
        tool(page.locator("#readiness"), button).click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def random_set(seed: int) -> tuple[dict, dict, dict, dict]:
    rng = random.Random(seed)
    ids = item_ids("readiness")
    answers = {i: rng.choice(READINESS_VALUES) for i in ids if rng.random() < 0.75}
    notes = {i: rng.choice(TRICKY) for i in ids if rng.random() < 0.3}
    owners = {i: rng.choice([*TRICKY[:3], "Ops team"]) for i in ids if rng.random() < 0.3}
    identity = {"project": rng.choice(TRICKY), "assessor": rng.choice(["", "Ana", TRICKY[1]])}
    return answers, notes, owners, identity


@pytest.mark.parametrize("seed", range(10))
def test_markdown_export_is_the_clis_report_byte_for_byte(live, tmp_path, capsys, seed):
    """For random answers, notes, owners and names, the page's Markdown equals what
    `pilot2prod assess --format md` prints for the page's own JSON export."""
    answers, notes, owners, identity = random_set(seed)
    fill(live, answers, notes, owners, identity)
    markdown = export(live, "Export Markdown")
    exported = tmp_path / "answers.json"
    exported.write_text(export(live, "Export JSON"), encoding="utf-8")
    out = tmp_path / "cli.md"
    assert main(["assess", str(exported), "--format", "md", "--output", str(out)]) == 0
    cli = out.read_text(encoding="utf-8")
    assert cli == markdown


def test_a_critical_no_caps_the_verdict_in_page_and_every_export(live):
    """All Yes but the critical operational owner No: Not ready on the page, in the Markdown,
    the CSV and the JSON's result, with that question named as the blocker."""
    data = repo_data()
    checklist = data.checklists["readiness"]
    critical = next(item for item in checklist.items if item.id == "named-operator")
    assert critical.critical
    answers = {item.id: "yes" for item in checklist.items} | {critical.id: "no"}
    fill(live, answers)
    lowest = data.rubric.bands[data.rubric.cap_index].label
    expect(live.locator(f'{WIDGET} output[name="verdict"]')).to_have_text(lowest)

    markdown = export(live, "Export Markdown")
    assert markdown.startswith(f"## Readiness verdict: {lowest}\n")
    blockers = markdown.split("### Critical questions answered No\n", 1)[1].split("###", 1)[0]
    assert critical.text in blockers

    rows = list(csv.DictReader(io.StringIO(export(live, "Export CSV").lstrip("\ufeff"))))
    assert [r["value"] for r in rows if r["kind"] == "verdict"] == [lowest]
    assert [r["question_id"] for r in rows if r["kind"] == "blocker"] == [critical.id]

    result = json.loads(export(live, "Export JSON"))["result"]
    assert result["verdict"]["label"] == lowest
    assert result["capped"] is True
    assert [b["id"] for b in result["blockers"]] == [critical.id]


def test_import_ignores_the_result_a_file_carries(live, tmp_path):
    """A JSON export whose result was edited to say Ready imports with the verdict recomputed."""
    ids = item_ids("readiness")
    fill(live, {ids[0]: "no"})
    doc = json.loads(export(live, "Export JSON"))
    top = repo_data().rubric.bands[-1]
    doc["result"]["verdict"] = {"id": top.id, "label": top.label}
    fill(live, {})
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with live.expect_file_chooser() as chooser:
        tool(live.locator("#readiness"), "Import JSON…").click()
    chooser.value.set_files(str(path))
    expect(live.locator(WIDGET)).to_have_attribute("data-scored-answers", f"{ids[0]}=no")
    expect(live.locator(f'{WIDGET} output[name="verdict"]')).not_to_have_text(top.label)
