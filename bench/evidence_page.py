"""The evidence page with a 50 MB promptfoo file dropped on it, for `make bench`.

`bench/run.py` calls `evidence_page_rows(browser, base, pyodide_base)` with its Chromium and
the site it serves. A promptfoo output of about 20,000 results with realistic outputs (built
from the real fixture's first result, each with its own prompt, output, reasoning and vars)
is given to the page's file input; the time runs from the input's change to the summary on
screen. Beside it, a bare page (bench/bare/json.html) gives the same file to the same
self-hosted Pyodide in a worker, which only decodes it and calls `json.loads`: the issue's
target is at most 1.5 times that. Long Animation Frames name our scripts' runs on the main
thread while the file is read; the target is none of 50 ms or more.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from playwright.sync_api import Browser, expect
from portfolio_page import WATCH as PORTFOLIO_WATCH  # the same long-frame watch

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "evidence" / "promptfoo-0.120.27-before.json"
EVIDENCE = "evidence/"
RESULTS = 20_000
TARGET_RATIO = 1.5
TARGET_MS = 50.0
LIMIT_MS = 300_000

SENTENCE = (
    "the customer asked about a refund for a duplicated charge on the March invoice and wants "
    "to know when the money will reach their account; explain the timeline, mention the "
    "reference number, apologise once, and offer to escalate if the bank has not shown it "
    "within five working days. The parcel tracking shows a delay at the depot."
)
WORDS = tuple(SENTENCE.split(" "))

WATCH = (
    PORTFOLIO_WATCH
    + """
window.__summarised = new Promise((resolve) => {
  const root = document.querySelector('[data-p2p-component="evidence"]');
  document.querySelector('[data-role="files"]').addEventListener("change", () => {
    new MutationObserver(() => {
      if (root.dataset.state === "live") resolve(performance.now() - window.__change);
    }).observe(root, { attributes: true, attributeFilter: ["data-state"] });
  }, { capture: true });
});
"""
)
"""The portfolio bench's watch on long tasks, our scripts' long frames and the moment the
files arrived, and a promise kept when the summary is on screen."""

AFTER_CHANGE = "(name) => window[name].filter(([start]) => start >= window.__change)"


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def write_promptfoo(path: Path, results: int = RESULTS, seed: int = 3) -> int:
    """A promptfoo output of `results` results, about 2.5 KB each; returns its size in bytes."""
    document = json.loads(FIXTURE.read_text(encoding="utf-8"))
    template = document["results"]["results"][0]
    rng = random.Random(seed)
    categories = ["billing", "delivery", "returns", "account", "adversarial", "other"]
    out = []
    for index in range(results):
        entry = json.loads(json.dumps(template))
        category = rng.choice(categories)
        passed = rng.random() < (0.7 if category == "adversarial" else 0.95)
        question = _text(rng, 15)
        answer = _text(rng, 32) + "\n\n" + _text(rng, 8)
        entry.update(
            id=f"result-{index}",
            testIdx=index,
            success=passed,
            score=1 if passed else 0,
            latencyMs=rng.randint(300, 4000),
            cost=round(rng.uniform(0.0004, 0.004), 6),
            failureReason=0 if passed else 1,
        )
        entry["vars"] = {"input": question, "category": category, "source": "production"}
        entry["testCase"]["vars"] = dict(entry["vars"])
        entry["testCase"]["metadata"] = {"category": category}
        entry["metadata"] = {"category": category}
        entry["response"]["output"] = answer
        entry["prompt"]["raw"] = f"You are a support agent.\n\nCustomer: {question}"
        entry["gradingResult"]["pass"] = passed
        entry["gradingResult"]["reason"] = "Assertion passed" if passed else _text(rng, 15)
        out.append(entry)
    document["results"]["results"] = out
    text = json.dumps(document, indent=2)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def _bare_ms(browser: Browser, url: str, payload: Path) -> float:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => document.body.dataset.state === 'ready'", timeout=LIMIT_MS)
        page.locator("#file").set_input_files(payload)
        page.wait_for_function("() => document.body.dataset.state === 'done'", timeout=LIMIT_MS)
        return float(page.evaluate("() => Number(document.body.dataset.ms)"))
    finally:
        context.close()


def _page(browser: Browser, url: str, payload: Path) -> tuple[float, list[float], list[float]]:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        expect(page.locator('[data-role="status"]')).to_contain_text("Ready.", timeout=LIMIT_MS)
        page.evaluate(WATCH)
        page.locator('[data-role="files"]').set_input_files(payload)
        took = float(page.evaluate("() => window.__summarised"))
        page.wait_for_timeout(200)  # the last frame's entry is reported after it ends
        ours = [d for _, d in page.evaluate(AFTER_CHANGE, "__ours")]
        tasks = [d for _, d in page.evaluate(AFTER_CHANGE, "__tasks")]
        return took, ours, tasks
    finally:
        context.close()


def evidence_page_rows(
    browser: Browser, base: str, pyodide: str, rounds: int = 3
) -> list[tuple[str, str, str, str, str, str]]:
    """The bench table's rows for a 50 MB promptfoo file dropped on the evidence page."""
    site, bare, ours, tasks = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="p2p-evidence-page-") as tmp:
        # Given as a path: Playwright refuses in-memory buffers over 50 MB.
        payload = Path(tmp) / "results.json"
        size = write_promptfoo(payload)
        for _ in range(rounds):
            took, our_frames, long_tasks = _page(browser, base + EVIDENCE, payload)
            site.append(took)
            ours += our_frames
            tasks += long_tasks
            bare.append(_bare_ms(browser, f"{base}__bench__/json.html?base={pyodide}", payload))
    site_ms, bare_ms = sorted(site)[len(site) // 2], sorted(bare)[len(bare) // 2]
    ratio = site_ms / bare_ms
    longest = max(ours, default=0.0)
    return [
        (
            f"{size / 1e6:.0f} MB promptfoo file ({RESULTS:,} results): drop to summary, median",
            f"{site_ms:,.0f} ms",
            f"{bare_ms:,.0f} ms (json.loads)",
            f"{ratio:.2f}x",
            f"<= {TARGET_RATIO}x",
            "met" if ratio <= TARGET_RATIO else "MISSED",
        ),
        (
            "  while it is read: our scripts in long frames / long tasks of any cause",
            f"{len(ours)} (longest {longest:.0f} ms) / {len(tasks)}",
            "-",
            "-",
            f"none >= {TARGET_MS:.0f} ms (ours)",
            "met" if not ours else "MISSED",
        ),
    ]
