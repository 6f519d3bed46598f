"""Published addresses never vanish by accident: the build checks them against a committed list."""

from __future__ import annotations

from pathlib import Path

from sitebuild.published_links import LIST_FILE, missing, read_list
from tests.serving import ROOT, build_site


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_committed_list_holds_every_page_record_and_sign() -> None:
    """The list covers pages, record headings, signs and checklist items, not only headings."""
    listed = read_list(ROOT / LIST_FILE)
    assert "/faq/" in listed
    assert "/why-pilots-stall/#skipped-integration" in listed
    assert "/why-pilots-stall/#skipped-integration-copied-data" in listed
    assert "/assessment/#readiness-hard-cases-catalogued" in listed


def test_a_redirect_covers_a_moved_page_and_the_anchors_it_still_has() -> None:
    """A redirected page keeps its listed anchors only where the new page has them."""
    listed = {"/team/", "/team/#kept", "/team/#dropped"}
    current = {"/team-view/", "/team-view/#kept"}
    assert missing(listed, current, {}) == sorted(listed)
    assert missing(listed, current, {"team.md": "team-view.md"}) == ["/team/#dropped"]


def test_a_removed_section_fails_the_build_until_an_alias_keeps_it(project_copy, tmp_path) -> None:
    """Renaming a heading breaks `/#where-to-start`; an alias anchor with the old id mends it."""
    page = project_copy / "docs" / "index.md"
    _edit(page, "## Where to start", "## Where to go from here")
    result = build_site(tmp_path / "out1", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "/#where-to-start" in result.stderr + result.stdout
    _edit(
        page,
        "## Where to go from here",
        '<div class="p2p-alias" id="where-to-start"></div>\n\n## Where to go from here',
    )
    result = build_site(tmp_path / "out2", config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-2000:]


def test_a_moved_page_fails_the_build_until_a_redirect_covers_it(project_copy, tmp_path) -> None:
    """Moving team.md drops `/team/`; a mkdocs-redirects entry for it keeps the build passing."""
    (project_copy / "docs" / "team.md").rename(project_copy / "docs" / "team-view.md")
    for name in ("mkdocs.yml", "docs/index.md", "docs/use-in-your-repository.md"):
        _edit(project_copy / name, "team.md", "team-view.md")
    result = build_site(tmp_path / "out1", config=project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "/team/\n" in result.stderr + result.stdout
    _edit(
        project_copy / "mkdocs.yml", "redirect_maps: {}", "redirect_maps: {team.md: team-view.md}"
    )
    result = build_site(tmp_path / "out2", config=project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out2" / "team" / "index.html").exists()
