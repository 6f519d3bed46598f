"""Markdown and text rendering of the readiness views: escaping, control characters, tables."""

from __future__ import annotations

from pilot2prod.cli.plain import plain_text
from pilot2prod.readiness.merge import merge
from pilot2prod.readiness.presentation.report import (
    assessment_markdown,
    assessment_text,
    team_markdown,
    team_text,
)
from pilot2prod.readiness.presentation.team_view import team_view
from pilot2prod.readiness.presentation.views import assessment_view
from pilot2prod.readiness.scoring import assess
from pilot2prod.text import clean, md
from tests.unit.scoring_fixtures import answers, checklist, item, rubric

CHECKLIST = checklist({"reliability": [item("q0", 2, critical=True), item("q1")]})
RUBRIC = rubric()


def test_markdown_escaping_shows_markup_literally():
    """Links, emphasis, HTML and table pipes in text are escaped, not interpreted."""
    assert md("[a](http://x) *b* <i>c</i> | d") == (
        "\\[a\\](http://x) \\*b\\* \\<i\\>c\\</i\\> \\| d"
    )
    assert md("line one\nline two") == "line one line two"
    assert md("fish & chips") == "fish &amp; chips"


def test_clean_drops_terminal_escapes_and_bidi_overrides():
    """Control characters that could recolour a terminal or reorder text are removed."""
    assert clean("ok\x1b[31mred\x07\u202eevil\r\nnext") == "ok[31mredevil next"


def test_assessment_reports_carry_the_views_words():
    """Markdown and text both state the verdict, score and what-if the view holds."""
    found = assess(CHECKLIST, RUBRIC, answers({"q0": "no", "q1": "yes"}, CHECKLIST))
    view = assessment_view(found, CHECKLIST, RUBRIC, "https://example.org/")
    markdown = assessment_markdown(view, links=True)
    assert markdown.startswith(f"## Readiness verdict: {view['verdict']['label']}")
    assert f"- **Score:** {view['score_text']}" in markdown
    assert "[Question q0?](https://example.org/assessment/#readiness-q0) *(critical)*" in markdown
    text = assessment_text(view)
    assert text.splitlines()[0] == (
        f"Readiness verdict: {view['verdict']['label']} ({view['score_text']})"
    )
    assert view["what_if"]["summary"] in " ".join(text.split())


def test_relative_links_are_left_out_of_markdown():
    """Without an absolute site address, questions are plain text rather than broken links."""
    found = assess(CHECKLIST, RUBRIC, answers({"q0": "no"}, CHECKLIST))
    view = assessment_view(found, CHECKLIST, RUBRIC, "../")
    assert "](" not in assessment_markdown(view, links=True)


def test_team_reports_escape_names_and_notes():
    """A hostile file name or note appears escaped in Markdown and without controls in text."""
    hostile = "<b>x</b>|\x1b[2J"
    a = answers({"q0": "yes"}, CHECKLIST)
    b = answers({"q0": "no"}, CHECKLIST)
    view = team_view(merge(CHECKLIST, RUBRIC, [(hostile, a), ("b", b)]), CHECKLIST, RUBRIC)
    markdown = team_markdown(view)
    assert "<b>" not in markdown.replace("\\<b\\>", "")
    assert "\\<b\\>x\\</b\\>\\|" in markdown
    assert "\x1b" not in team_text(view)


def test_plain_text_turns_simple_markdown_into_aligned_columns():
    """Headings, bold, escapes and tables come out as plain, aligned text."""
    source = (
        "## Title\n\n*Made on a day.*\n\n- **Cost:** $5\n\n"
        "| Name | Value |\n| --- | --- |\n| a \\| b | 1 |\n| long name | 22 |\n"
    )
    assert plain_text(source) == (
        "Title\n=====\n\nMade on a day.\n\n- Cost: $5\n\n"
        "  Name       Value\n  a | b      1\n  long name  22\n"
    )
