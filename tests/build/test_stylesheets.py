"""The site's own stylesheets reach a page as one file, holding every rule in mkdocs.yml's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sitebuild.errors import BuildError
from sitebuild.stylesheets import JOINED, join_stylesheets, link_joined_stylesheet
from tests.fixtures import repo_data
from tests.serving import ROOT

LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml with its tags (!ENV, !!python/name) left unresolved."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _extra_css() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return list(config["extra_css"])


@pytest.mark.parametrize("page", ["index.html", "assessment/index.html", "team/index.html"])
def test_a_page_links_one_site_stylesheet_after_materials(built_site: Path, page: str):
    """Material's two stylesheets, then the joined one with its content hash: one request."""
    links = LINK.findall((built_site / page).read_text(encoding="utf-8"))
    ours = [link for link in links if "assets/stylesheets/" not in link]
    assert len(links) - len(ours) == 2
    assert len(ours) == 1 and re.search(r"assets/css/site\.bundle\.css\?v=[0-9a-f]{16}$", ours[0])


def test_the_joined_file_holds_every_source_in_order(built_site: Path):
    """Every stylesheet listed in mkdocs.yml is inside, whole and in order, so the cascade is
    the one the sources were written for."""
    joined = (built_site / JOINED).read_text(encoding="utf-8")
    at = 0
    for source in _extra_css():
        text = (ROOT / "docs" / source).read_text(encoding="utf-8").rstrip()
        found = joined.find(text, at)
        assert found >= at, f"{source} is missing or out of order"
        at = found + len(text)


def test_the_address_changes_with_any_rule(tmp_path: Path):
    """Editing one rule gives the joined file a new address, so no browser keeps the old one."""
    for name in ("a.css", "b.css"):
        (tmp_path / "assets" / "css").mkdir(parents=True, exist_ok=True)
        (tmp_path / "assets" / "css" / name).write_text(f".{name[0]} {{ color: red; }}\n")
    sources = ["assets/css/a.css", "assets/css/b.css"]
    before = join_stylesheets(tmp_path, sources).address
    (tmp_path / "assets" / "css" / "b.css").write_text(".b { color: blue; }\n")
    assert join_stylesheets(tmp_path, sources).address != before


def test_other_entries_keep_their_place(tmp_path: Path):
    """An address elsewhere or a stylesheet outside assets/css/ is linked as it was."""
    (tmp_path / "assets" / "css").mkdir(parents=True)
    (tmp_path / "assets" / "css" / "a.css").write_text(".a { color: red; }\n")
    config = {
        "docs_dir": str(tmp_path),
        "extra_css": ["https://example.org/x.css", "assets/css/a.css", "vendor/y.css"],
    }
    joined = link_joined_stylesheet(config)
    assert config["extra_css"] == ["https://example.org/x.css", joined.address, "vendor/y.css"]


def test_a_listed_stylesheet_that_is_missing_fails_the_build_by_name(tmp_path: Path):
    """A typo in mkdocs.yml's extra_css names the file instead of linking nothing."""
    with pytest.raises(BuildError, match=r"extra_css: cannot read assets/css/typo\.css"):
        join_stylesheets(tmp_path, ["assets/css/typo.css"])


def test_each_bands_colour_comes_from_the_data(built_site: Path):
    """Every verdict band colours what carries its id, in the light and the dark scheme, with
    the colours data/readiness.yml gives it; no stylesheet names a band itself."""
    joined = (built_site / JOINED).read_text(encoding="utf-8")
    for band in repo_data().rubric.bands:
        assert band.colour is not None
        assert f'[data-band="{band.id}"] {{ --p2p-band: {band.colour.light}; }}' in joined
        dark = f'[data-md-color-scheme="slate"] [data-band="{band.id}"]'
        assert f"{dark} {{ --p2p-band: {band.colour.dark}; }}" in joined
        for source in _extra_css():
            assert f'data-band="{band.id}"' not in (ROOT / "docs" / source).read_text()
