"""The answers corpus through every page that takes an answers file: one outcome each.

The assessment page's Import and its share link read a document for one person's use: a whole
document is shown with the corpus's verdict; one with a fault inside, or not an answers file at
all, is refused naming the corpus's field, and nothing the reader saved changes. The team and
portfolio pages count a document read in part and name it with that field, and refuse the rest
by name. The same corpus runs through every command (tests/cli/test_answers_corpus.py).
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pilot2prod.readiness.labels import percent
from tests.browser.support import BOOT_TIMEOUT_MS
from tests.browser.test_checklists import ASSESSMENT, choose, item_ids, open_page, stored
from tests.browser.test_checklists_transfer import banner, import_file, notices
from tests.corpus import Document, documents

CORPUS = documents("answers")
WIDGET = '[data-p2p-component="readiness"]'
OWN = "partial"  # the reader's own saved answer to the first question, which must never change


def _link_payload(content: bytes) -> str:
    """A share link's payload carrying `content` exactly as given (bytes, not an object)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(content) + packer.flush()
    text = base64.urlsafe_b64encode(packed).decode().rstrip("=")
    return f"v2.{zlib.crc32(content):08x}.{text}"


def _own_answers(page: Page) -> str:
    """Answer one question so the reader has something to lose; return its id."""
    first = item_ids("readiness")[0]
    choose(page, "readiness", first, OWN)
    return first


def _expect_shown(page: Page, doc: Document) -> None:
    """The banner shows the document, and the verdict is the corpus's."""
    expect(banner(page)).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    figures = page.locator(f"{WIDGET} .p2p-readiness__figures:not([data-role])")
    expect(figures).to_have_attribute("data-band", doc.expected["verdict"], timeout=BOOT_TIMEOUT_MS)
    score = doc.expected["score"]
    # The score as written, then why it is that number ("40% (set by the weakest dimension)").
    shown_score = re.compile(rf"^{re.escape(percent(score))}( |$)")
    expect(page.locator(f'{WIDGET} output[name="score"]')).to_have_text(shown_score)
    page.locator("#readiness").get_by_role("button", name="Keep mine").click()
    expect(banner(page)).to_be_hidden()


def _refusal(doc: Document) -> str:
    return f": {doc.field}: " if doc.field else ": "


@pytest.mark.parametrize("batch", range(3))
def test_the_page_imports_each_document_as_the_corpus_says(page, site_url, tmp_path, batch):
    """Import on the assessment page: a whole document is offered with its verdict, every other
    one refused naming the corpus's field; the reader's own answers never change."""
    open_page(page, site_url + ASSESSMENT)
    first = _own_answers(page)
    for doc in CORPUS[batch::3]:
        path = tmp_path / doc.name
        path.write_bytes(doc.content())
        import_file(page, path)
        if doc.outcome == "ok":
            _expect_shown(page, doc)
        else:
            expect(notices(page)).to_contain_text(f"“{doc.name}” was not imported{_refusal(doc)}")
            expect(banner(page)).to_be_hidden()
        assert stored(page)["answers"] == {first: OWN}, doc.name


@pytest.mark.parametrize("batch", range(3))
def test_a_share_link_opens_each_document_as_the_corpus_says(page, site_url, batch):
    """A share link carrying each document: shown with its verdict when whole, else refused
    naming the corpus's field; the reader's own answers never change."""
    open_page(page, site_url + ASSESSMENT)
    first = _own_answers(page)
    for doc in CORPUS[batch::3]:
        page.evaluate("p => { location.hash = 'p2p=' + p; }", _link_payload(doc.content()))
        if doc.outcome == "ok":
            _expect_shown(page, doc)
        else:
            said = f": {doc.field}: " if doc.field else ""
            expect(notices(page)).to_contain_text(
                f"The share link was not opened{said}", timeout=BOOT_TIMEOUT_MS
            )
            expect(banner(page)).to_be_hidden()
        assert stored(page)["answers"] == {first: OWN}, doc.name
        page.evaluate("() => history.replaceState(null, '', location.pathname)")


def _choose_files(page: Page, selector: str, paths: list[Path]) -> None:
    page.locator(selector).set_input_files([str(p) for p in paths])


def _write_all(tmp_path: Path, docs: list[Document]) -> list[Path]:
    paths = []
    for doc in docs:
        path = tmp_path / doc.name
        path.write_bytes(doc.content())
        paths.append(path)
    return paths


def _named(page: Page, role: str) -> dict[str, str]:
    """Each file named in a list (`<li><strong>name</strong>: message</li>`), with its words."""
    items = page.locator(f'[data-role="{role}"] li').all()
    found = {}
    for item in items:
        name = item.locator("strong").inner_text()
        found[name] = item.inner_text().removeprefix(name).removeprefix(": ")
    return found


def test_the_portfolio_page_counts_and_names_each_document_as_the_corpus_says(
    page, site_url, tmp_path
):
    """The portfolio page over the whole corpus: whole and partly read documents counted, each
    partly read one named with the corpus's field, every other one refused by name."""
    page.goto(site_url + "portfolio/")
    root = page.locator('[data-p2p-component="portfolio"]')
    expect(root).to_have_attribute("data-state", "empty", timeout=BOOT_TIMEOUT_MS)
    _choose_files(page, '[data-role="files"]', _write_all(tmp_path, CORPUS))
    expect(root).to_have_attribute("data-state", "live", timeout=120_000)
    counted = [doc for doc in CORPUS if doc.outcome != "refused"]
    partial = [doc for doc in CORPUS if doc.outcome == "partial"]
    expect(page.locator('[data-role="summary"]')).to_contain_text(
        f"{len(counted)} projects read ({len(partial)} only in part)"
    )
    refused = _named(page, "refused-list")
    assert sorted(refused) == sorted(doc.name for doc in CORPUS if doc.outcome == "refused")
    for doc in CORPUS:
        if doc.outcome == "refused" and doc.field:
            assert refused[doc.name].startswith(f"{doc.field}: "), (doc.name, refused[doc.name])
    named = _named(page, "partial-list")
    assert sorted(named) == sorted(doc.name for doc in partial)
    for doc in partial:
        assert named[doc.name].startswith(f"{doc.field}: "), (doc.name, named[doc.name])


@pytest.mark.parametrize("half", range(2))
def test_the_team_page_counts_and_names_each_document_as_the_corpus_says(
    page, site_url, tmp_path, half
):
    """The team page (at most 50 files at once, so the corpus in two halves): whole and partly
    read documents become people, a partly read one named with the corpus's field, the rest
    refused by name."""
    docs = CORPUS[half::2]
    page.goto(site_url + "team/")
    root = page.locator('[data-p2p-component="team"]')
    expect(root).to_have_attribute("data-state", "empty", timeout=BOOT_TIMEOUT_MS)
    _choose_files(page, '[data-role="files"]', _write_all(tmp_path, docs))
    expect(root).to_have_attribute("data-state", "live", timeout=120_000)
    refused = _named(page, "refused-list")
    assert sorted(refused) == sorted(doc.name for doc in docs if doc.outcome == "refused")
    for doc in docs:
        if doc.outcome == "refused" and doc.field:
            assert refused[doc.name].startswith(f"{doc.field}: "), (doc.name, refused[doc.name])
    problems = page.locator('[data-role="problems-list"]').inner_text()
    for doc in docs:
        if doc.outcome == "partial":
            assert f"{doc.name}: {doc.field}: " in problems, (doc.name, problems)


READ_STORED = """async ([texts]) => {
  const url = `${location.origin}/assets/js/components/checklist-doc.js`;
  const { readSpec, readStored } = await import(url);
  const form = document.querySelector('form.p2p-checklist[data-checklist="readiness"]');
  const spec = readSpec(form);
  return texts.map((text) => {
    try {
      const { doc } = readStored(JSON.parse(text), spec);
      // As text: an id such as "__proto__" must not be lost on the way to the test.
      return { doc: JSON.stringify(doc) };
    } catch (error) {
      const where = error.where === undefined ? null : error.where;
      return { where, message: String(error.message) };
    }
  });
}"""


def test_the_pages_own_reader_of_what_it_stored_judges_each_document_as_python(page, site_url):
    """What the page reads back from its own storage before Python is up (checklist-doc.js
    readStored) keeps exactly the document Python keeps, or refuses (sets aside) naming the
    field Python names; documents whose text Python refuses before reading (not UTF-8, invalid
    JSON, a key written twice) never reach that reader, since the page stores only JSON it wrote."""
    from pilot2prod.model.documents import parse_json
    from pilot2prod.readiness.answers import read_document, write_document
    from tests.fixtures import repo_data

    checklist = repo_data().scored_checklist
    open_page(page, site_url + ASSESSMENT)
    readable = [doc for doc in CORPUS if doc.outcome != "refused" or not _text_level(doc)]
    texts = [doc.content().decode("utf-8-sig") for doc in readable]
    results = page.evaluate(READ_STORED, [texts])
    for doc, got in zip(readable, results, strict=True):
        if doc.outcome == "ok":
            want = write_document(
                read_document(parse_json(doc.content().decode("utf-8-sig"), "x"), checklist),
                checklist,
            )
            assert "doc" in got, (doc.name, got)
            assert json.loads(got["doc"]) == want, doc.name
        else:
            assert got.get("where") == doc.field, (doc.name, got)


def _text_level(doc: Document) -> bool:
    """A refusal of the file's text itself, before it is read as answers."""
    return doc.field == "" or doc.field.startswith("line ")
