"""What a reader does on the site works in Firefox ESR and in WebKitGTK (the nearest to Safari on
Linux), each behaviour once; Chromium's suite (tests/browser/) checks the same ground in depth.

Every tab opens in a fresh profile, and on closing must have logged no error, asked for nothing
off this machine and caused no report of a CSP violation (conftest.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser.test_pages import _page_paths
from tests.cli.support import document, readiness_checklist
from tests.engines.conftest import Engine
from tests.engines.engine import WAIT_S, Tab
from tests.fixtures import api_result, repo_files

ASSESSMENT = "assessment/"
FORM = "form#readiness"
WIDGET = "[data-p2p-component='readiness']"
NOTICE = f"{FORM} .p2p-notice"
SAVED = "pilot2prod:answers:readiness"

STATE = "(s) => document.querySelector(s)?.dataset.state"
STATUS_LINES = """() => [...document.querySelectorAll('[data-role="status"]')].map(
  (e) => `${e.closest("[data-state]")?.dataset.state}: ${e.innerText}`
)"""
"""What each Python widget on the page says of its state, for a failed wait's message."""
TEXT_HAS = "([s, t]) => (document.querySelector(s)?.innerText || '').includes(t)"
VALUE = "(s) => document.querySelector(s).value"
EXPANDED = "(s) => document.querySelector(s).getAttribute('aria-expanded')"

OUTPUTS = """(s) => [...document.querySelector(s).querySelectorAll("output[name]")].map(
  (o) => [o.getAttribute("name"), o.textContent]
)"""


def press_tool(tab: Tab, action: str) -> None:
    """Press one tool of the assessment's "Share and export" menu, opening the menu first."""
    toggle = f'{FORM} [data-action="tools"]'
    if tab.call(EXPANDED, toggle) != "true":
        tab.click(toggle)
    tab.click(f'{FORM} [data-action="{action}"]')


def fixed_answers() -> dict[str, str]:
    """Every question but each fourth answered, cycling Yes, Partly and No: a verdict with
    blockers, risks and a weakest dimension to get right."""
    cycle = ["yes", "partial", "no", None]
    ids = [item.id for item in readiness_checklist().items]
    return {i: cycle[n % 4] for n, i in enumerate(ids) if cycle[n % 4]}


def few_answers() -> dict[str, str]:
    """The first three of the fixed answers."""
    return dict(list(fixed_answers().items())[:3])


def digest(answers: dict[str, str]) -> str:
    """How the verdict widget names the answers its result belongs to."""
    return ";".join(f"{key}={answers[key]}" for key in sorted(answers))


def open_assessment(tab: Tab, base: str) -> None:
    tab.goto(base + ASSESSMENT)
    tab.wait_for(f"{FORM}[data-p2p-mounted='true']")


def answer(tab: Tab, answers: dict[str, str]) -> None:
    """Click each answer as a reader does (the radio input lies over its label)."""
    for item, value in answers.items():
        tab.click(f"#readiness-{item}--{value}")


def wait_scored(tab: Tab, answers: dict[str, str]) -> None:
    tab.wait(
        "([s, d]) => document.querySelector(s).dataset.scoredAnswers === d",
        [WIDGET, digest(answers)],
        what="the live verdict for the answers given",
        explain=STATUS_LINES,
    )


def wait_notice(tab: Tab, selector: str, text: str) -> None:
    tab.wait(TEXT_HAS, [selector, text], what=f"the notice {text!r}")


def saved_answers(tab: Tab) -> dict[str, str] | None:
    """The answers the page saved in this profile, or None when it saved none."""
    saved = tab.storage().get(SAVED)
    return json.loads(saved)["answers"] if saved else None


def checked_answers(tab: Tab) -> dict[str, str]:
    """The answers the assessment's radio buttons show."""
    checked = tab.call(
        "(s) => [...document.querySelectorAll(s)].map((radio) => [radio.name, radio.value])",
        f"{FORM} input[type=radio]:checked",
    )
    return {name.removeprefix("readiness-"): value for name, value in checked}


def new_file(folder: Path, suffix: str) -> Path:
    """Wait for a finished download ending in `suffix` in `folder`."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        found = sorted(folder.glob(f"*{suffix}"))
        if found and found[0].stat().st_size > 0:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} file was downloaded into {folder}")


@pytest.fixture(scope="module")
def reading_tab(engine: Engine) -> Iterator[Tab]:
    """One tab that reads every page in turn."""
    tab = engine.new_tab()
    yield tab
    tab.close()


@pytest.mark.parametrize("path", _page_paths())
def test_every_page_renders_without_an_error(engine, reading_tab, path):
    """The page shows its heading, every component on it starts, and nothing logs an error."""
    tab = reading_tab
    tab.clear_errors()
    tab.goto(engine.served.url + path)
    tab.wait_for("article h1")
    tab.wait(
        """() => [...document.querySelectorAll("[data-p2p-component]")].every(
            (e) => e.dataset.p2pMounted === "true" || e.dataset.p2pMounted === "failed")""",
        what="every component mounted",
    )
    failed = tab.call(
        """() => [...document.querySelectorAll("[data-p2p-mounted='failed']")].map(
            (e) => e.dataset.p2pComponent)"""
    )
    assert failed == []
    assert tab.errors() == []
    assert tab.foreign_requests() == []
    assert engine.proxy.requests == []
    assert engine.served.reports == []


def test_live_verdict_equals_the_command_lines(engine, tab, tmp_path):
    """For a fixed set of answers the page's live verdict and score are `pilot2prod assess`'s."""
    answers = fixed_answers()
    open_assessment(tab, engine.served.url)
    answer(tab, answers)
    wait_scored(tab, answers)
    shown = (
        tab.text(f'{WIDGET} output[name="verdict"]'),
        tab.text(f'{WIDGET} output[name="score"]'),
    )
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(document(answers)), encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "pilot2prod.cli", "assess", str(file), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    scored = json.loads(cli.stdout)
    assert shown == (scored["verdict_text"], scored["score_explained"])


def test_answers_survive_a_reload(engine, tab):
    """Answers clicked are saved as they are given, and a reload shows them again."""
    answers = few_answers()
    open_assessment(tab, engine.served.url)
    answer(tab, answers)
    tab.wait(
        "([key, n]) => Object.keys(JSON.parse(localStorage.getItem(key) || '{}').answers || {})"
        ".length === n",
        [SAVED, len(answers)],
        what="the answers saved",
    )
    tab.reload()
    tab.wait_for(f"{FORM}[data-p2p-mounted='true']")
    assert saved_answers(tab) == answers
    assert checked_answers(tab) == answers


def test_share_link_opens_in_a_fresh_profile_and_saves_nothing_until_asked(
    engine, new_tab: Callable[[], Tab]
):
    """A share link shows its answers in a profile that never saw them; nothing is saved there
    until the reader chooses 'Save to this browser', the one choice offered there."""
    answers = few_answers()
    sender = new_tab()
    open_assessment(sender, engine.served.url)
    answer(sender, answers)
    press_tool(sender, "share")
    link = sender.wait(
        "(s) => { const v = document.querySelector(s).value; return v.includes('#p2p=') && v; }",
        "#readiness--share-url",
        what="the share link",
    )

    reader = new_tab()
    reader.goto(link)
    reader.wait(
        "(s) => { const b = document.querySelector(s); return b && !b.hidden; }",
        f"{FORM} .p2p-banner",
        what="the banner over the link's answers",
    )
    assert checked_answers(reader) == answers
    assert saved_answers(reader) is None
    reader.click(f'{FORM} [data-action="banner-save"]')
    reader.wait(
        "(key) => localStorage.getItem(key) !== null", SAVED, what="the answers saved on choosing"
    )
    assert saved_answers(reader) == answers


def test_export_holds_the_answers_and_the_verdict(engine, tab):
    """Export JSON downloads a file with the answers given and the verdict the page shows."""
    answers = few_answers()
    open_assessment(tab, engine.served.url)
    answer(tab, answers)
    wait_scored(tab, answers)
    verdict = tab.text(f'{WIDGET} output[name="verdict"]')
    press_tool(tab, "export-json")
    exported = json.loads(new_file(tab.downloads, ".json").read_text(encoding="utf-8"))
    assert exported["answers"] == answers
    # The page names the band and, until every dimension is answered, says it is provisional.
    assert verdict.split(" (")[0] == exported["result"]["verdict"]["label"]


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [("estimator/", "pilot-weeks", "13"), ("run-cost/", "requests-per-day", "7300")],
)
def test_calculator_updates_with_pythons_numbers(engine, tab, path, name, value):
    """Typing a new value into a calculator updates every output to pilot2prod's numbers."""
    calc = ".p2p-calc"
    tab.goto(engine.served.url + path)
    tab.wait(
        f"() => ({STATE})('{calc}') === 'live'", what="the live calculator", explain=STATUS_LINES
    )
    before = tab.call(OUTPUTS, calc)
    tab.type(f'{calc} [data-field] [name="{name}"]', value)
    computed = tab.wait(
        "([s, n, v]) => { const c = document.querySelector(s).dataset.computedInputs;"
        " return c && JSON.parse(c)[n] === v ? JSON.parse(c) : null; }",
        [calc, name, value],
        what=f"the result for {name} = {value}",
    )
    function = tab.call("(s) => document.querySelector(s).dataset.function", calc)
    view = api_result(repo_files(), function, {"inputs": computed})
    shown = dict(tab.call(OUTPUTS, calc))
    assert shown == {key: output["text"] for key, output in view["outputs"].items()}
    assert shown != dict(before)


def test_search_finds_a_guide_page(engine, tab):
    """Typing a word in the search box lists the guide section about it first."""
    tab.goto(engine.served.url)
    tab.wait(
        "() => document.querySelector('.md-search-result__meta')?.textContent"
        " === 'Type to start searching'",
        what="the search index",
    )
    tab.type("input.md-search__input", "legacy")
    expected = engine.served.url + "why-pilots-stall/#skipped-integration"
    tab.wait(
        """(want) => {
            const hit = document.querySelector(".md-search-result__item a[href*='#']");
            return hit && hit.href.replace(/\\?h=[^#]*/, "") === want;
        }""",
        expected,
        what=f"{expected} as the first hit",
    )


def test_strict_policy_lets_the_page_and_its_workers_work(engine, tab):
    """Under the strict CSP Python's worker boots and answers, search's worker searches, and
    no violation is seen (WebKit reports none from workers, so their work is the check)."""
    open_assessment(tab, engine.served.url)
    answers = few_answers()
    answer(tab, answers)
    wait_scored(tab, answers)
    tab.goto(engine.served.url)
    tab.wait(
        "() => document.querySelector('.md-search-result__meta')?.textContent"
        " === 'Type to start searching'",
        what="the search worker's index",
    )
    assert [e for e in tab.errors() if e.startswith("CSP")] == []
    assert engine.served.reports == []


def test_copy_buttons_reach_the_clipboard(engine, tab):
    """'Copy share link' and 'Copy Markdown' on the assessment, and 'Copy share link' on a
    calculator, each put their text on the clipboard: pasting gives it back."""
    answers = few_answers()
    open_assessment(tab, engine.served.url)
    answer(tab, answers)
    wait_scored(tab, answers)
    press_tool(tab, "share")
    wait_notice(tab, NOTICE, "Share link copied.")
    assert tab.clipboard() == tab.call(VALUE, "#readiness--share-url")

    band = tab.text(f'{WIDGET} output[name="verdict"]').split(" (")[0]  # "Early (provisional)"
    press_tool(tab, "copy-md")
    wait_notice(tab, NOTICE, "Markdown copied")
    assert tab.clipboard().startswith(f"## Readiness verdict: {band}")

    calc = ".p2p-calc"
    tab.goto(engine.served.url + "run-cost/")
    tab.wait_for(f"{calc}[data-p2p-mounted='true']")
    tab.click(f'{calc} [data-action="share"]')
    wait_notice(tab, f'{calc} [data-role="notice"]', "Share link copied.")
    assert tab.clipboard() == tab.call(VALUE, f'{calc} [data-role="share-link"]')


def test_copy_markdown_while_python_starts_copies_when_ready(engine, tab):
    """'Copy Markdown' pressed while Python is still starting says the report comes once the
    assessment has started, then puts it on the clipboard (no refusal)."""
    answers = few_answers()
    with engine.served.wasm_held():
        open_assessment(tab, engine.served.url)
        answer(tab, answers)
        press_tool(tab, "copy-md")
        wait_notice(tab, NOTICE, "as soon as the assessment has started")
        assert tab.call(STATE, WIDGET) != "live"
    wait_notice(tab, NOTICE, "Markdown copied")
    assert re.match(r"## Readiness verdict: \S", tab.clipboard())


def test_boot_progress_counts_the_files_as_they_come(engine, tab):
    """While the WebAssembly file is still on its way, the status line counts the other three
    of the runtime's four files as downloaded; the verdict goes live once it arrives."""
    status = f'{WIDGET} [data-role="status"]'
    with engine.served.wasm_held():
        open_assessment(tab, engine.served.url)
        wait_notice(tab, status, "Downloading the Python runtime: 3 of 4 files")
    tab.wait(
        f"() => ({STATE})(`{WIDGET}`) === 'live'", what="the live verdict", explain=STATUS_LINES
    )
