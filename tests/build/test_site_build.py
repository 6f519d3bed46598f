"""Build the real site and read the HTML it writes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from sitebuild.pages import heading_anchors
from tests.fixtures import nav_pages, repo_data
from tests.serving import build_site


@pytest.fixture(scope="module")
def site_data():
    """The project's validated data."""
    return repo_data()


def _page_html(built_site: Path, page: str) -> str:
    url_dir = "" if page == "index.md" else page.removesuffix(".md").removesuffix("/index")
    return (built_site / url_dir / "index.html").read_text(encoding="utf-8")


def test_every_nav_page_is_built(built_site):
    """Each page in the navigation becomes an HTML file with its own title."""
    for page in nav_pages():
        html = _page_html(built_site, page)
        assert "<h1" in html, page


def test_every_record_has_its_anchor_on_its_page(built_site, site_data):
    """Proposals can deep-link to every record: `#<id>` exists on the record's page."""
    for collection in site_data.collections.values():
        html = _page_html(built_site, collection.page)
        for record in collection.records:
            assert f'id="{record.id}"' in html, f"{collection.page}#{record.id}"


def test_every_checklist_item_has_its_anchor(built_site, site_data):
    """Every checklist item can be linked as `#<checklist>-<item>`."""
    for checklist in site_data.checklists.values():
        html = _page_html(built_site, checklist.page)
        for item in checklist.items:
            assert f'id="{checklist.anchor(item.id)}"' in html, item.id


def test_pages_load_nothing_from_other_hosts(built_site):
    """No script, stylesheet, font or image comes from another host."""
    loads = re.compile(r"""<(?:script|img|iframe|source|video)\b[^>]*?\ssrc=["'](?:https?:)?//""")
    links = re.compile(r"<link\b[^>]*>")
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not loads.search(text), html_file
        for tag in links.findall(text):
            # A canonical URL names the page; only stylesheets, icons and preloads are fetched.
            if 'rel="canonical"' not in tag:
                assert not re.search(r"""href=["'](?:https?:)?//""", tag), (html_file, tag)
        assert "fonts.googleapis" not in text, html_file


def test_editing_a_faq_entry_changes_the_built_page(project_copy, tmp_path):
    """Changing an answer in data/faq.yml is all it takes to change the FAQ page."""
    faq_file = project_copy / "data" / "faq.yml"
    faq = yaml.safe_load(faq_file.read_text(encoding="utf-8"))
    faq["records"][0]["answer"] = "A freshly edited answer about zebra-striped pilots."
    faq_file.write_text(yaml.safe_dump(faq, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert "zebra-striped pilots" in (out / "faq" / "index.html").read_text(encoding="utf-8")


def test_broken_data_fails_the_build_naming_file_and_key(project_copy, tmp_path):
    """A typo in a data file stops the build with the file and the key path."""
    faq_file = project_copy / "data" / "faq.yml"
    faq = yaml.safe_load(faq_file.read_text(encoding="utf-8"))
    last = len(faq["records"]) - 1
    faq["records"][last]["qestion"] = faq["records"][last].pop("question")
    faq_file.write_text(yaml.safe_dump(faq, sort_keys=False), encoding="utf-8")
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert f"data/faq.yml: records[{last}].qestion: unknown key" in result.stdout + result.stderr


def test_heading_anchors_follow_python_markdown():
    """Headings give toc-style slugs; explicit {#id} wins; fenced code is ignored."""
    text = (
        "# Title\n\n## Scope the work, honestly!\n\n### Cost {#run-cost}\n\n"
        "```\n## not a heading\n```\n"
    )
    assert heading_anchors(text) == {"title", "scope-the-work-honestly", "run-cost"}


def test_an_alias_bomb_in_data_fails_the_build_quickly(project_copy, tmp_path):
    """Ten lines of nested YAML aliases once hung the build; now it stops at once, naming them."""
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (project_copy / "data" / "laughs.yml").write_text(laughs, encoding="utf-8")
    started = time.monotonic()
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert time.monotonic() - started < 120
    assert result.returncode != 0
    assert "data/laughs.yml: line 2: not valid YAML: aliases (*name) expand it" in (
        result.stdout + result.stderr
    )


def test_a_date_in_data_fails_the_build_naming_file_and_key(project_copy, tmp_path):
    """An unquoted date cannot travel to the browser as JSON: the build names where it is."""
    cost_file = project_copy / "data" / "cost.yml"
    text = cost_file.read_text(encoding="utf-8")
    cost_file.write_text(text + "reviewed: 2026-11-30\n", encoding="utf-8")
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "data/cost.yml: reviewed: is a YAML date (2026-11-30)" in result.stdout + result.stderr
