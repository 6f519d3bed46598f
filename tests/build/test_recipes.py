"""CONTRIBUTING's recipes hold: renaming a verdict band and adding a readiness question are changes
to data/ alone, and the whole site follows (one strict build of an edited copy checks both)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from sitebuild.stylesheets import JOINED
from tests.build.conftest import copy_project
from tests.serving import build_site

QUESTION = """\
      - id: runbook-rehearsed
        text: The people on call have walked through the runbook once, on a quiet day.
        why: >-
          A runbook nobody has tried fails at its first step. One rehearsal finds the missing
          permission or the stale link while nothing is on fire.
        guidance: what-changes.md#operations
        action: >-
          Walk the on-call team through the runbook on a quiet day and fix what they trip over.
        weight: 1
"""
"""A new question, appended to the last dimension of data/checklists/readiness.yml."""


def _recipes(project: Path) -> tuple[str, str]:
    """Apply both recipes to `project`'s data/ only; return the renamed band's old and new id."""
    rubric_path = project / "data" / "readiness.yml"
    rubric = yaml.safe_load(rubric_path.read_text(encoding="utf-8"))
    band = rubric["bands"][-2]
    old = band["id"]
    band.update(id="almost-there", label="Almost there", aliases=[old])
    band["colour"] = {"light": "#123456", "dark": "#abcdef"}
    if rubric.get("critical_cap") == old:
        rubric["critical_cap"] = "almost-there"
    rubric_path.write_text(yaml.safe_dump(rubric, sort_keys=False), encoding="utf-8")
    checklist = project / "data" / "checklists" / "readiness.yml"
    checklist.write_text(checklist.read_text(encoding="utf-8").rstrip() + "\n" + QUESTION)
    examples = project / "data" / "example-assessments.yml"
    text = re.sub(
        r"(?m)^(    answers:\n)", r'\1      runbook-rehearsed: "yes"\n', examples.read_text()
    )
    examples.write_text(text, encoding="utf-8")
    return old, "almost-there"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of the project whose data/ had both recipes applied."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    _recipes(project)
    out = tmp_path_factory.mktemp("edited") / "site"
    result = build_site(out, config=project / "mkdocs.yml")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return out


def test_a_renamed_band_reaches_every_page_and_the_stylesheet(edited_site):
    """The band's new id, label and colour appear on the method and repository pages and in the
    site's stylesheet; the old id is gone from the pages' examples."""
    css = (edited_site / JOINED).read_text(encoding="utf-8")
    assert '[data-band="almost-there"] { --p2p-band: #123456; }' in css
    assert (
        '[data-md-color-scheme="slate"] [data-band="almost-there"] { --p2p-band: #abcdef; }' in css
    )
    repository = html.unescape((edited_site / "use-in-your-repository" / "index.html").read_text())
    assert "--fail-under almost-there" in repository
    assert "Almost there" in repository
    method = (edited_site / "method" / "index.html").read_text(encoding="utf-8")
    assert "Almost there" in method


def test_an_added_question_is_on_the_assessment_page(edited_site):
    """The new question is on the assessment page, with its anchor and its words."""
    page = (edited_site / "assessment" / "index.html").read_text(encoding="utf-8")
    assert 'id="readiness-runbook-rehearsed"' in page
    assert "The people on call have walked through the runbook once" in page
