"""Method and examples pages show the worked examples as Python scores them, with working links."""

from __future__ import annotations

import html
import re

import pytest

from pilot2prod import sharelink
from tests.fixtures import api_result, repo_data


@pytest.fixture(scope="module")
def site():
    return repo_data()


def _view(answers):
    document = {"format": "pilot2prod/answers", "version": 2, "checklist": "readiness"}
    return api_result(repo_data(), "readiness.score", {"document": document | {"answers": answers}})


def _section(page_html: str, example_id: str) -> str:
    start = page_html.index(f'id="scored-{example_id}"')
    return page_html[start : page_html.index("</section>", start)]


def test_method_page_shows_each_example_as_scored(built_site, site):
    """Verdict, score and weakest dimension on the method page equal readiness.score's."""
    page = (built_site / "method" / "index.html").read_text(encoding="utf-8")
    for entry in site.example_assessments.examples:
        view = _view(dict(entry.answers))
        section = _section(page, entry.example)
        for field, text in (
            ("verdict", view["verdict_text"]),
            ("score", view["score_explained"]),
            ("weakest", view["weakest_text"]),
        ):
            assert f'<dd data-field="{field}">{html.escape(text)}</dd>' in section, entry.example
        for item in view["what_if"]["items"]:
            assert html.escape(item["text"]) in section


def _links(page_html: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]*#p2p=[^"]*)"', page_html)]


@pytest.mark.parametrize("page", ["method", "examples"])
def test_open_in_assessment_links_carry_the_examples_answers(built_site, site, page):
    """Each 'open' link goes to the assessment with the example's answers in the fragment."""
    links = _links((built_site / page / "index.html").read_text(encoding="utf-8"))
    checklist = site.checklists["readiness"]
    expected = [e.document(checklist) for e in site.example_assessments.examples]
    assert [sharelink.decode(link) for link in links] == expected
    for link in links:
        target = (built_site / page / link.split("#")[0]).resolve()
        assert target == (built_site / "assessment").resolve()
        assert (target / "index.html").is_file()


def test_bands_table_lists_every_threshold(built_site, site):
    """The method page's band table shows each band's label and starting score from data."""
    page = (built_site / "method" / "index.html").read_text(encoding="utf-8")
    for band in site.rubric.bands:
        assert re.search(rf"<td>{re.escape(band.label)}</td>\s*<td>{band.min_score:.0%}", page)


def test_sums_on_the_method_page_match_the_scores(built_site, site):
    """Each written-out weighted mean ends in the dimension score Python computed."""
    page = (built_site / "method" / "index.html").read_text(encoding="utf-8")
    for entry in site.example_assessments.examples:
        view = _view(dict(entry.answers))
        section = _section(page, entry.example)
        sums = re.findall(r"= (\d\.\d{3})</li>", section)
        assert [float(s) for s in sums] == pytest.approx(
            [d["score"] for d in view["dimensions"]], abs=5.1e-4
        )
