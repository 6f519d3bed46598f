"""The calculators' conformance corpus through each page's surfaces: the file input, share links.

Every document must have the outcome `tests/corpus/*/expected.json` gives it, which is what the
command line gives it (tests/cli/test_calculator_corpus.py): the same figures, or refused naming
the same field, with the form left as it was.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from tests.browser.support import COMPUTED, live_page, python_result
from tests.corpus import Document, documents
from tests.corpus.calculators import FOLDERS, PAGES, figures, link_payload
from tests.fixtures import repo_files

OPENED = 30_000
"""A file or a link is read by Python; on a loaded machine that can take a while."""


def _calc(folder: str) -> str:
    return f'.p2p-calc[data-p2p-calc="{FOLDERS[folder][0]}"]'


def _form_after(folder: str, doc: Document) -> dict[str, str]:
    """The form Python says the document opens into (every field, as the form shows it)."""
    text = doc.content().decode("utf-8-sig")
    payload = {"calculator": FOLDERS[folder][0], "name": doc.name, "text": text}
    reply = python_result(repo_files(), "calculators.read", payload)
    assert reply["ok"], reply
    return reply["inputs"]


def _carried_only(folder: str, doc: Document) -> bool:
    """Whether Python reads the document as the assessment's scores and nothing else."""
    if doc.outcome != "ok":
        return False
    text = doc.content().decode("utf-8-sig")
    payload = {"calculator": FOLDERS[folder][0], "text": text}
    return bool(python_result(repo_files(), "calculators.read", payload).get("carried_only"))


def _form(page: Page, calc: str) -> str:
    return page.locator(calc).evaluate(
        "(root) => JSON.stringify([...root.querySelectorAll('[data-field] [name]')]"
        ".map((c) => [c.name, c.value]))"
    )


OPENED_AS = """([selector, what]) => {
  const root = document.querySelector(selector);
  if (!root || root.dataset.openedWhat !== what) return null;
  return [root.dataset.openedOutcome, root.dataset.openedField || ""];
}"""
"""How the calculator on the page now took the document it names `what`, once it has: a change
of the address's fragment makes Material draw the page again, and the new calculator opens the
link afresh, so the answer is read from whichever calculator is showing."""


def _outcome(page: Page, folder: str, doc: Document, what: str) -> str | None:
    """Wait for the page's answer to the document opened as `what`; what differs, or None."""
    calc = _calc(folder)
    root = page.locator(calc)
    outcome, field = page.wait_for_function(
        OPENED_AS, arg=[calc, what], timeout=OPENED
    ).json_value()
    if doc.outcome != "ok":
        if (outcome, field) != ("refused", doc.field):
            return f"{doc.name}: {outcome} {field!r}, expected refused {doc.field!r}"
        return None
    if outcome != "ok":
        return f"{doc.name}: {outcome} {field!r}, expected ok"
    form = _form_after(folder, doc)
    try:
        page.wait_for_function(COMPUTED, arg=[calc, form], timeout=OPENED)
    except PlaywrightError:
        shown = root.get_attribute("data-computed-inputs")
        return f"{doc.name}: the page computed {shown}, not the document's {form}"
    for name, text in figures(doc).items():
        shown = root.locator(f'output[name="{name}"]').inner_text()
        if shown != text:
            return f"{doc.name}: {name} shows {shown!r}, expected {text!r}"
    return None


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_every_corpus_document_has_its_outcome_in_the_pages_file_input(
    browser: Browser, site_url: str, folder: str
):
    """Loading each document from a file gives the corpus's figures or refusal; a refused one
    leaves the form exactly as it was."""
    calc = _calc(folder)
    wrong = []
    with live_page(browser, site_url + PAGES[folder], calc) as (page, _, errors):
        for doc in documents(folder):
            before = _form(page, calc)
            page.locator(f'{calc} [data-role="load-file"]').set_input_files(doc.path)
            problem = _outcome(page, folder, doc, doc.name)
            if problem is None and doc.outcome != "ok" and _form(page, calc) != before:
                problem = f"{doc.name}: refused, yet the form changed"
            if problem:
                wrong.append(problem)
        assert not errors
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_every_corpus_document_has_its_outcome_in_a_share_link(
    browser: Browser, site_url: str, folder: str
):
    """A share link carrying each document, byte for byte, gives the corpus's outcome; nothing
    from it is saved before the reader chooses, except carried assessment scores, which are the
    reader's own and kept on arrival. Each link opens in a browser with nothing saved."""
    calc = _calc(folder)
    wrong = []
    with live_page(browser, site_url + PAGES[folder], calc) as (page, _, errors):
        key = page.locator(calc).get_attribute("data-storage-key")
        for doc in documents(folder):
            page.evaluate("(key) => localStorage.removeItem(key)", key)
            payload = link_payload(doc.content())
            page.evaluate("(hash) => { window.location.hash = hash; }", f"#p2p={payload}")
            problem = _outcome(page, folder, doc, payload[:11])
            saved = page.evaluate("(key) => localStorage.getItem(key)", key)
            if problem:
                wrong.append(problem)
            elif (saved is not None) != _carried_only(folder, doc):
                wrong.append(f"{doc.name}: saved on arrival is {saved is not None}")
        assert not errors
    assert not wrong, "\n".join(wrong)
