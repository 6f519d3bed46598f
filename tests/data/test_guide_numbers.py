"""Every number the guide quotes comes from one place in data/: none is typed into the prose.

The guide (home, the guide pages, the FAQ) and the data they and the checklists render may show
a figure only through `{{ number("id") }}` or `{n:id}` (data/figures.yml), or through a macro
that reads the calculators' own data (`effort_default`, `cost_default`, ...). What is left after
removing those, code, addresses and markup must hold no digit, except in the names of things
listed in NAMES. Change a default in data/ and every sentence quoting it follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from pilot2prod.model.records import COLLECTIONS
from tests.fixtures import nav_pages, repo_data

ROOT = Path(__file__).resolve().parents[2]

GUIDE_NAV = ("Home", "Guide", "FAQ")
"""The entries of mkdocs.yml's navigation that make up the guide."""

NAMES = re.compile(
    r"LLM\d\d"  # the OWASP list's item codes
    r"|Top 10"  # ... and its title
    r"|\b20\d\d edition"  # the edition of a published list
    r"|[Ss]everity[- ]\d"  # the names of the severity levels
    r"|\bP(?:50|80|90)\b"  # the estimator's percentiles, by name
    r"|\b95th percentile"  # the name of a latency measure
    r"|pilot2prod"  # this site
)
"""Digits that name a thing rather than quote a figure a team could adopt."""

IDENTIFIER_KEYS = {"id", "to", "guidance", "page", "url", "example", "checklist", "scale"}
"""Keys whose values are ids or addresses, not prose."""

_MARKUP = [
    re.compile(r"\A---\n.*?\n---\n", re.DOTALL),  # front matter
    re.compile(r"```.*?```", re.DOTALL),  # code blocks
    re.compile(r"`[^`\n]*`"),  # code spans
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL),  # macros: they print data
    re.compile(r"\{n:[a-z0-9-]+\}"),  # numbers from data/figures.yml
    re.compile(r"\]\([^)]*\)"),  # link destinations
    re.compile(r"<[^>]+>"),  # HTML tags and their attributes
    re.compile(r"\{[:#.][^}]*\}|\{ [^}]*\}"),  # attribute lists
    re.compile(r"^\s*\d+\.\s", re.MULTILINE),  # ordered-list markers
]


def _prose(text: str) -> str:
    for pattern in _MARKUP:
        text = pattern.sub(" ", text)
    return NAMES.sub(" ", text)


def _nav_pages() -> list[str]:
    return nav_pages(GUIDE_NAV)


def _strings(node: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            if key not in IDENTIFIER_KEYS:
                yield from _strings(item, f"{path}.{key}" if path else str(key))


def _guide_data_files() -> list[str]:
    """The data the guide pages render, and every checklist (their questions quote numbers)."""
    pages = set(_nav_pages())
    files = [
        source
        for name, (source, _) in COLLECTIONS.items()
        if name != "reading" and repo_data().collection(name).page in pages
    ]
    checklists = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("data/checklists/*.yml"))
    return [*files, *checklists, "data/example-assessments.yml"]


def test_the_guide_is_the_home_page_the_guide_pages_and_the_faq():
    """The check covers the pages a reader of the guide reads, the two newest included."""
    pages = _nav_pages()
    assert {"index.md", "faq.md", "evaluate.md", "launch-and-run.md"} <= set(pages)
    assert "method.md" not in pages


@pytest.mark.parametrize("page", _nav_pages())
def test_a_guide_page_types_no_number_of_its_own(page):
    """Outside macros, code, addresses and names, a guide page holds no digit."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    found = re.findall(r".{0,30}\d.{0,30}", _prose(text))
    assert found == [], f"docs/{page}: quote these through data/figures.yml: {found}"


@pytest.mark.parametrize("source", _guide_data_files())
def test_guide_data_types_no_number_of_its_own(source):
    """Outside {n:id}, ids and addresses, the text the guide and the checklists render holds no
    digit: every figure a reader can adopt comes from data/figures.yml."""
    raw = yaml.safe_load((ROOT / source).read_text(encoding="utf-8"))
    found = [
        (path, match)
        for path, text in _strings(raw)
        for match in re.findall(r".{0,30}\d.{0,30}", _prose(text))
    ]
    assert found == [], f"{source}: quote these through data/figures.yml: {found}"


def test_every_number_in_data_figures_is_quoted_somewhere():
    """A number nobody quotes is a default nobody adopts: each one appears in a page or in data."""
    numbers = [number.id for number in repo_data().numbers.all]
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")]
    texts += [
        p.read_text(encoding="utf-8")
        for p in (ROOT / "data").rglob("*.yml")
        if p.name != "figures.yml"
    ]
    everything = "\n".join(texts)
    unused = [
        n for n in numbers if f"{{n:{n}}}" not in everything and f'number("{n}")' not in everything
    ]
    assert unused == []


def test_the_checker_finds_a_typed_number_and_spares_names_and_data():
    """The check sees a figure typed into prose, and leaves data, macros, links and names alone."""
    assert re.search(r"\d", _prose("Use at least 50 cases per slice."))
    spared = (
        'At least {n:cases-per-slice}, {{ number("latency-p95") }} at the 95th percentile, '
        "LLM01 in the OWASP Top 10 (2025 edition), severity-1, P80, "
        "[a link](https://doi.org/10.1214/ss/1009213286) and `code 42`.\n1. A step"
    )
    assert not re.search(r"\d", _prose(spared))
