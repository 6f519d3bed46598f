"""The calculators' conformance corpus through each page's surfaces: the file input, share links.

Every document must have the outcome `tests/corpus/*/expected.json` gives it, which is what the
command line gives it (tests/cli/test_calculator_corpus.py): the same figures, or refused naming
the same field, with the form left as it was.
"""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import Browser, Page, expect

from pilot2prod import sharelink
from tests.browser.support import COMPUTED, live_page, python_result
from tests.corpus.calculators import FOLDERS, PAGES, Case, cases
from tests.fixtures import repo_files

OPENED = 30_000
"""A file or a link is read by Python; on a loaded machine that can take a while."""


def _calc(folder: str) -> str:
    return f'.p2p-calc[data-p2p-calc="{FOLDERS[folder][0]}"]'


def _form_after(case: Case) -> dict[str, str]:
    """The form Python says the document opens into (every field, as the form shows it)."""
    content = base64.b64encode(case.path.read_bytes()).decode("ascii")
    payload = {"calculator": FOLDERS[case.folder][0], "name": case.name, "file": content}
    reply = python_result(repo_files(), "calculators.read", payload)
    assert reply["ok"], reply
    return reply["inputs"]


def _form(page: Page, calc: str) -> str:
    return page.locator(calc).evaluate(
        "(root) => JSON.stringify([...root.querySelectorAll('[data-field] [name]')]"
        ".map((c) => [c.name, c.value]))"
    )


def _outcome(page: Page, case: Case, opened: int) -> str | None:
    """Wait for the page's answer to document number `opened`; what differs, or None."""
    calc = _calc(case.folder)
    root = page.locator(calc)
    expect(root).to_have_attribute("data-opened", str(opened), timeout=OPENED)
    outcome = root.get_attribute("data-opened-outcome")
    if not case.ok:
        field = root.get_attribute("data-opened-field") or ""
        if (outcome, field) != ("refused", case.expected["field"]):
            return f"{case.name}: {outcome} {field!r}, expected refused {case.expected['field']!r}"
        return None
    if outcome != "ok":
        return f"{case.name}: {outcome} {root.get_attribute('data-opened-field')!r}, expected ok"
    page.wait_for_function(COMPUTED, arg=[calc, _form_after(case)], timeout=OPENED)
    for name, text in case.figures.items():
        shown = root.locator(f'output[name="{name}"]').inner_text()
        if shown != text:
            return f"{case.name}: {name} shows {shown!r}, expected {text!r}"
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
        for opened, case in enumerate(cases(folder), start=1):
            before = _form(page, calc)
            page.locator(f'{calc} [data-role="load-file"]').set_input_files(case.path)
            problem = _outcome(page, case, opened)
            if problem is None and not case.ok and _form(page, calc) != before:
                problem = f"{case.name}: refused, yet the form changed"
            if problem:
                wrong.append(problem)
        assert not errors
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("folder", list(FOLDERS))
def test_every_corpus_document_has_its_outcome_in_a_share_link(
    browser: Browser, site_url: str, folder: str
):
    """A share link carrying each document, byte for byte, gives the corpus's outcome."""
    calc = _calc(folder)
    wrong = []
    with live_page(browser, site_url + PAGES[folder], calc) as (page, _, errors):
        for opened, case in enumerate(cases(folder), start=1):
            payload = sharelink.encode_bytes(case.path.read_bytes())
            page.evaluate("(hash) => { window.location.hash = hash; }", f"#p2p={payload}")
            problem = _outcome(page, case, opened)
            if problem:
                wrong.append(problem)
        key = page.locator(calc).get_attribute("data-storage-key")
        saved = page.evaluate("(key) => localStorage.getItem(key)", key)
        assert not errors
    assert not wrong, "\n".join(wrong)
    assert saved is None, "a link's inputs were saved before the reader chose them"
