"""One spelling convention: the pages and the data are written in British English."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

AMERICAN = re.compile(
    r"\b("
    r"organiz\w*|behavior\w*|color\w*|center(s|ed)?|analyz\w*|prioritiz\w*"
    r"|optimiz\w*|standardiz\w*|recogniz\w*|summariz\w*|minimiz\w*|maximiz\w*|utiliz\w*"
    r"|realiz\w*|customiz\w*|productioniz\w*|favor\w*|labor\w*|catalog(s|ed|ing)?"
    r"|modeling|modeled|labeled|labeling|canceled|canceling|traveled"
    r"|defense|offense|fulfill(s|ed|ing)?|enroll(s|ed|ing)?|skeptic\w*"
    r")\b",
    re.IGNORECASE,
)
"""American spellings of words the site uses or is likely to use, with their inflections."""

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
"""Code blocks and code spans hold identifiers, which keep whatever spelling their tool uses."""

ID_LINE = re.compile(r"^\s*-?\s*(id|to|page|guidance|key):.*$", re.MULTILINE)
"""Ids and link targets are identifiers, not prose."""


def _prose_files() -> list[Path]:
    return sorted([*ROOT.glob("docs/**/*.md"), *ROOT.glob("data/**/*.yml"), ROOT / "README.md"])


def _american_words(text: str) -> list[str]:
    prose = ID_LINE.sub("", CODE.sub("", text))
    return [match.group(0) for match in AMERICAN.finditer(prose)]


def test_pages_and_data_use_british_spelling() -> None:
    """No page, data file or the README spells a word the American way."""
    found = {
        str(path.relative_to(ROOT)): words
        for path in _prose_files()
        if (words := _american_words(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_checker_catches_american_spelling_outside_code() -> None:
    """The check sees prose, and leaves code spans and ids alone."""
    text = "The organization's behavior.\n`color: red`\n- id: analyze-logs\n"
    assert _american_words(text) == ["organization", "behavior"]


def test_every_page_and_data_file_is_checked() -> None:
    """The check reads every page (the guide's newest ones included) and every data file."""
    checked = {path.relative_to(ROOT).as_posix() for path in _prose_files()}
    assert {"docs/evaluate.md", "docs/launch-and-run.md", "data/launch.yml"} <= checked
    pages = {path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*.md")}
    assert pages <= checked
