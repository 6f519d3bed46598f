"""The project's own data/ loads, is complete, and hangs together."""

from __future__ import annotations

import pytest

from tests.fixtures import repo_data


@pytest.fixture(scope="module")
def data():
    """The real data, validated and link-checked against docs/."""
    return repo_data()


@pytest.mark.parametrize(
    ("name", "count"),
    [("reasons", 4), ("changes", 4), ("practices", 4), ("examples", 3), ("dimensions", 3)],
)
def test_each_list_of_the_guide_is_complete(data, name, count):
    """The guide has 4 reasons, 4 changes, 4 practices, 3 examples and 3 readiness questions."""
    assert len(data.collections[name].records) == count


def test_every_published_faq_question_keeps_its_address(data):
    """The nine questions readers ask most stay at faq.md#id: as an answer, or as a pointer to
    the guide section that answers them (an alias anchor on the FAQ page)."""
    import re

    from tests.serving import ROOT

    page = (ROOT / "docs" / "faq.md").read_text(encoding="utf-8")
    aliases = set(re.findall(r'class="p2p-alias" id="([a-z0-9-]+)"', page))
    answered = {record.id for record in data.collections["faq"].records}
    assert {
        "why-pilots-stall",
        "pilot-purgatory",
        "what-changes",
        "is-the-model-the-hard-part",
        "will-better-models-help",
        "design-pilot-for-production",
        "organisational-commitment",
        "how-to-cross",
        "assess-readiness",
    } <= answered | aliases


def test_anchors_are_unique_on_each_page(data):
    """Two records rendered on one page never share an anchor."""
    seen: dict[str, set[str]] = {}
    for collection in data.collections.values():
        anchors = seen.setdefault(collection.page, set())
        for record in collection.records:
            assert record.id not in anchors, f"{collection.page}#{record.id}"
            anchors.add(record.id)


def test_readiness_assessment_covers_the_three_dimensions(data):
    """The readiness checklist's sections are the three readiness dimensions."""
    dimensions = [record.id for record in data.collections["dimensions"].records]
    sections = [section.id for section in data.checklists["readiness"].sections]
    assert sections == dimensions


def test_links_and_anchors_hold_against_the_pages():
    """Every link in the data lands on a page and anchor, and no record id repeats a heading
    anchor of its page: the build's check, run on the real data and docs/."""
    from sitebuild.pages import page_anchors
    from tests.serving import ROOT

    repo_data().validate_all(page_anchors(ROOT / "docs"))
