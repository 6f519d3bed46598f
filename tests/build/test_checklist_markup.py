"""The checklist macro's HTML in the built site: the markup contract other widgets rely on."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from pilot2prod.api.rules import MODULE_PATH, page_rules
from pilot2prod.dataset import Dataset
from pilot2prod.model.checklists import ANSWER_LABELS, NAME_MAX, NOTE_MAX, OWNER_MAX, Checklist
from tests.fixtures import repo_data
from tests.serving import ROOT, build_site

VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "col", "area", "embed"}


@dataclass
class Node:
    """An element of the parsed page: tag, attributes, children and text."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All text inside the element, in document order, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Node) -> None:
            parts.extend(node.texts)
            for child in node.children:
                walk(child)

        walk(self)
        return " ".join(" ".join(parts).split())

    def iter(self) -> list[Node]:
        """This element and every element inside it."""
        found = [self]
        for child in self.children:
            found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with `tag` whose attributes include `attrs` (class matches one word)."""
        matches = []
        for node in self.iter()[1:]:
            if tag and node.tag != tag:
                continue
            ok = True
            for key, value in attrs.items():
                name = key.rstrip("_").replace("_", "-")
                have = node.attrs.get(name)
                if name == "class":
                    ok = ok and have is not None and value in have.split()
                else:
                    ok = ok and have == value
            if ok:
                matches.append(node)
        return matches


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.texts.append(data)


def parse_html(text: str) -> Node:
    """Parse a built page into a small tree."""
    builder = _TreeBuilder()
    builder.feed(text)
    return builder.root


def _url_dir(page: str) -> str:
    return "" if page == "index.md" else page.removesuffix(".md") + "/"


def _page(built_site: Path, page: str) -> Node:
    return parse_html((built_site / _url_dir(page) / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_data():
    """The project's validated data."""
    return repo_data()


@pytest.fixture(scope="module")
def checklists(site_data) -> list[Checklist]:
    """Every checklist under data/checklists/."""
    return list(site_data.checklists.values())


def _form(built_site: Path, checklist: Checklist) -> Node:
    forms = _page(built_site, checklist.page).find_all("form", id=checklist.id)
    assert len(forms) == 1, f"{checklist.page} should hold exactly one form #{checklist.id}"
    return forms[0]


def test_the_five_checklists_exist_with_their_scales(site_data):
    """Readiness on the No/Partly/Yes/N/A scale; four done-lists on the checklists page."""
    scales = {c.id: (c.scale, c.page) for c in site_data.checklists.values()}
    assert scales == {
        "readiness": ("readiness", "assessment.md"),
        "design-for-production": ("done", "checklists.md"),
        "scope-and-budget": ("done", "checklists.md"),
        "operations-handover": ("done", "checklists.md"),
        "organisational-commitment": ("done", "checklists.md"),
    }


def test_readiness_items_carry_weights_and_some_are_critical(site_data):
    """Every readiness section has critical and non-critical items and weights between 1 and 3."""
    readiness = site_data.checklists["readiness"]
    for section in readiness.sections:
        flags = {item.critical for item in section.items}
        assert flags == {True, False}, section.id
        assert all(1 <= item.weight <= 3 for item in section.items)


def test_root_form_carries_id_version_and_scale(built_site, checklists):
    """`<form class="p2p-checklist" id data-checklist data-version data-scale>` per checklist."""
    for checklist in checklists:
        form = _form(built_site, checklist)
        assert "p2p-checklist" in form.attrs["class"].split()
        assert form.attrs["data-checklist"] == checklist.id
        assert form.attrs["data-version"] == checklist.version
        assert form.attrs["data-scale"] == checklist.scale


def test_several_checklists_share_the_checklists_page(built_site, checklists):
    """The checklists page holds the four done-lists as separate forms, in data order."""
    forms = _page(built_site, "checklists.md").find_all("form", class_="p2p-checklist")
    on_page = [c.id for c in checklists if c.page == "checklists.md"]
    assert len(on_page) == 4
    assert sorted(f.attrs["data-checklist"] for f in forms) == sorted(on_page)


def test_every_item_has_anchor_weight_and_critical_flag(built_site, checklists):
    """Item element: id `<checklist>-<item>`, data-item, data-weight, data-critical."""
    for checklist in checklists:
        form = _form(built_site, checklist)
        items = form.find_all("li", class_="p2p-item")
        assert [n.attrs["data-item"] for n in items] == [i.id for i in checklist.items]
        for node, item in zip(items, checklist.items, strict=True):
            assert node.attrs["id"] == f"{checklist.id}-{item.id}"
            assert float(node.attrs["data-weight"]) == item.weight
            assert node.attrs["data-critical"] == str(item.critical).lower()


def test_controls_are_named_valued_and_labelled(built_site, checklists):
    """Radios no/partial/yes/na labelled No/Partly/Yes/Not applicable, or one `done` checkbox."""
    for checklist in checklists:
        form = _form(built_site, checklist)
        labels = {n.attrs.get("for"): n.text() for n in form.find_all("label")}
        for item in checklist.items:
            name = f"{checklist.id}-{item.id}"
            controls = [n for n in form.find_all("input") if n.attrs.get("name") == name]
            if checklist.scale == "readiness":
                assert [c.attrs["type"] for c in controls] == ["radio"] * 4
                assert [c.attrs["value"] for c in controls] == ["no", "partial", "yes", "na"]
                assert [labels[c.attrs["id"]] for c in controls] == [
                    "No",
                    "Partly",
                    "Yes",
                    "Not applicable",
                ]
                fieldset = form.find_all("li", id=name)[0].find_all("fieldset")[0]
                assert item.text in fieldset.find_all("legend")[0].text()
            else:
                assert [(c.attrs["type"], c.attrs["value"]) for c in controls] == [
                    ("checkbox", "done")
                ]
                assert item.text in labels[controls[0].attrs["id"]]


def test_labels_match_the_model(site_data):
    """The labels the page shows are the model's: No / Partly / Yes / Not applicable."""
    readiness = site_data.checklists["readiness"]
    assert [ANSWER_LABELS[v] for v in readiness.answer_values] == [
        "No",
        "Partly",
        "Yes",
        "Not applicable",
    ]


def test_sections_have_headings_in_the_table_of_contents(built_site, checklists):
    """Each section is a heading `#<checklist>-<section>` listed in the table of contents."""
    for checklist in checklists:
        page = _page(built_site, checklist.page)
        toc_links = {n.attrs.get("href") for n in page.find_all("a", class_="md-nav__link")}
        for section in checklist.sections:
            anchor = checklist.anchor(section.id)
            heads = [n for n in page.iter() if n.attrs.get("id") == anchor]
            assert heads and heads[0].tag in {"h2", "h3", "h4"}, anchor
            assert f"#{anchor}" in toc_links, anchor


def test_guidance_links_reach_an_existing_anchor(built_site, checklists):
    """Each item links to its guidance (an existing page and anchor) and to its own anchor."""
    for checklist in checklists:
        form = _form(built_site, checklist)
        base = f"http://site/{_url_dir(checklist.page)}"
        for item in checklist.items:
            li = form.find_all("li", id=checklist.anchor(item.id))[0]
            line = li.find_all("p", class_="p2p-item__guidance")[0]
            links = line.find_all("a", class_="p2p-item__guide-link")
            assert len(links) == 1
            own = line.find_all("a", class_="p2p-item__permalink")
            assert [a.attrs["href"] for a in own] == [f"#{checklist.anchor(item.id)}"]
            target = urlparse(urljoin(base, links[0].attrs["href"]))
            page_file = built_site / target.path.lstrip("/") / "index.html"
            assert page_file.exists(), (item.id, links[0].attrs["href"])
            ids = {n.attrs.get("id") for n in parse_html(page_file.read_text("utf-8")).iter()}
            assert target.fragment in ids, (item.id, links[0].attrs["href"])
            assert links[0].text().startswith("Guidance: ")


def test_checklist_works_without_javascript_as_a_readable_list(built_site, checklists):
    """Without the script the note fields stay hidden, a notice says answers are not saved."""
    for checklist in checklists:
        form = _form(built_site, checklist)
        for details in form.find_all("details", class_="p2p-item__more"):
            assert "hidden" in details.attrs
        nojs = [n for n in form.iter() if n.attrs.get("data-p2p-only") == "nojs"]
        assert nojs and "not saved" in nojs[0].text()
        assert not form.find_all("script")
        for item in checklist.items:
            assert item.why in form.text()


def built_rules(built_site: Path) -> dict:
    """The rules the build wrote into the site's `rules.js`, read back as data."""
    text = (built_site / MODULE_PATH).read_text(encoding="utf-8")
    start = text.index("freeze({") + len("freeze(")
    return json.loads(text[start : text.rindex("});") + 1])


def test_form_hands_the_script_pythons_labels_and_limits(built_site, checklists):
    """The script's answer labels are Python's, read from the form, and its length limits are
    the ones Python enforces, from the rules the build wrote; each note field says its own."""
    rules = built_rules(built_site)
    assert rules == json.loads(json.dumps(page_rules()))
    limits = (rules["answers"]["note_max"], rules["answers"]["owner_max"])
    assert limits == (NOTE_MAX, OWNER_MAX)
    assert rules["copies"]["name_max"] == NAME_MAX
    for checklist in checklists:
        form = _form(built_site, checklist)
        assert form.attrs["data-p2p-component"] == "checklist"
        assert json.loads(form.attrs["data-labels"]) == ANSWER_LABELS
        for note in form.find_all("textarea", data_field="note"):
            assert note.attrs["maxlength"] == str(NOTE_MAX)


def test_checklist_scripts_and_styles_are_loaded_as_modules(built_site):
    """The entry module and the stylesheet are on the page; the entry is a module script."""
    page = _page(built_site, "assessment.md")
    scripts = [n for n in page.find_all("script") if n.attrs.get("src", "").endswith("main.js")]
    assert scripts and scripts[0].attrs.get("type") == "module"
    styles = [
        n.attrs["href"]
        for n in page.find_all("link")
        if "site.bundle.css" in n.attrs.get("href", "")
    ]
    assert styles
    for name in ("main.js", "lib/sharelink.js", "components/checklist.js", "lib/storage.js"):
        assert (built_site / "assets" / "js" / name).exists(), name


# ----- builds of edited copies ---------------------------------------------------------


def _edit_yaml(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_item_text_is_escaped_not_run(project_copy, tmp_path):
    """Markup in an item's text or title reaches the page as text, never as elements."""
    source = project_copy / "data" / "checklists" / "scope-and-budget.yml"

    def edit(data):
        data["title"] = 'Scope "quoted" & <b>bold</b>'
        data["sections"][0]["items"][0]["text"] = "Watch <script>alert(1)</script> & co"

    _edit_yaml(source, edit)
    out = tmp_path / "out"
    result = build_site(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "checklists" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "Watch &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    form = parse_html(html).find_all("form", id="scope-and-budget")[0]
    assert form.attrs["data-title"] == 'Scope "quoted" & <b>bold</b>'
    assert not form.find_all("b")


def test_version_attribute_follows_an_item_edit(project_copy, tmp_path):
    """Editing an item's text changes data-version in the built page."""
    source = project_copy / "data" / "checklists" / "operations-handover.yml"
    before = _form_version(ROOT)

    def edit(data):
        data["sections"][0]["items"][0]["text"] = "The operating team signed a hand-over note."

    _edit_yaml(source, edit)
    out = tmp_path / "out"
    result = build_site(out, project_copy / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    form = parse_html((out / "checklists" / "index.html").read_text("utf-8"))
    after = form.find_all("form", id="operations-handover")[0].attrs["data-version"]
    assert after != before
    assert (
        after
        == Dataset.from_directory(project_copy / "data").checklists["operations-handover"].version
    )


def _form_version(root: Path) -> str:
    return Dataset.from_directory(root / "data").checklists["operations-handover"].version


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d["sections"].reverse(),
            "data/checklists/readiness.yml: sections: on the readiness scale the section ids must "
            "be the dimensions of data/dimensions.yml in order",
        ),
        (
            lambda d: d["sections"].pop(),
            "data/checklists/readiness.yml: sections: on the readiness scale",
        ),
        (
            lambda d: d["sections"][0]["items"][0].update(guidance="what-changes.md#nowhere"),
            "data/checklists/readiness.yml: sections[0].items[0].guidance: links to "
            "'what-changes.md#nowhere'",
        ),
        (
            lambda d: d["sections"][1]["items"][0].update(weight=0),
            "data/checklists/readiness.yml: sections[1].items[0].weight: must be greater than zero",
        ),
    ],
)
def test_broken_readiness_data_fails_the_build(project_copy, tmp_path, edit, message):
    """A readiness checklist out of step with the dimensions or with bad items stops the build."""
    _edit_yaml(project_copy / "data" / "checklists" / "readiness.yml", edit)
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


def test_macro_refuses_an_unknown_checklist(project_copy, tmp_path):
    """`{{ checklist("nope") }}` fails the build and lists the known checklists."""
    page = project_copy / "docs" / "checklists.md"
    page.write_text(page.read_text("utf-8") + '\n{{ checklist("nope") }}\n', encoding="utf-8")
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert (
        "there is no checklist 'nope' (known: design-for-production"
        in result.stdout + result.stderr
    )


def test_macro_refuses_a_checklist_on_the_wrong_page(project_copy, tmp_path):
    """A checklist rendered on a page other than its `page` fails the build, naming both."""
    page = project_copy / "docs" / "faq.md"
    page.write_text(page.read_text("utf-8") + '\n{{ checklist("readiness") }}\n', encoding="utf-8")
    result = build_site(tmp_path / "out", project_copy / "mkdocs.yml")
    assert result.returncode != 0
    assert "the checklist belongs on assessment.md, but faq.md asked for it" in (
        result.stdout + result.stderr
    )
