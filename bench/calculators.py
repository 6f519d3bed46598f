"""Recalculation latency of the estimator and the run-cost calculator, for `make bench`.

`bench/run.py` calls `calculator_rows(browser, base, edits)` with its Chromium and the site it
serves, and prints the rows in its table. Each edit changes one input and times, in the page,
from the input event to the widget's "pilot2prod:calculated" event: reading the form, the
round trip to the Pyodide worker (where pilot2prod checks the inputs, computes and words the
view) and drawing outputs, tables and charts. The widget's debounce is set to 0 for the
measurement: it is a deliberate pause while the reader types, not work.

Run alone (`python bench/calculators.py`) it builds and serves the site itself.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from playwright.sync_api import Browser

BOOT_LIMIT_MS = 180_000

TARGETS = {"effort": 60.0, "cost": 20.0}
"""Median milliseconds from an edit to the updated result (issue 5)."""

EDIT = """
async ([selector, name, value]) => {
  const root = document.querySelector(selector);
  root.dataset.debounce = "0";
  const control = root.querySelector(`[data-field] [name="${name}"]`);
  const done = new Promise((resolve) =>
    root.addEventListener("pilot2prod:calculated", resolve, { once: true }),
  );
  const start = performance.now();
  control.value = value;
  control.dispatchEvent(new Event("input", { bubbles: true }));
  await done;
  return [performance.now() - start, Number(root.dataset.latencyMs)];
}
"""

PAGES = (
    # kind, page, field edited, values cycled through, label
    ("effort", "estimator/", "pilot-weeks", ("8", "12", "5.5", "20", "9"), "10,000-draw estimate"),
    ("cost", "run-cost/", "requests-per-day", ("2000", "2500", "1800", "40000"), "run-cost model"),
)


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def _ms(value: float) -> str:
    return f"{value:.1f} ms"


def measure(browser: Browser, base: str, edits: int) -> dict[str, dict[str, list[float]]]:
    """For each calculator, `edits` timed edits: end to end, and the worker's part of it."""
    results: dict[str, dict[str, list[float]]] = {}
    for kind, page_path, field, values, _ in PAGES:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + page_path)
        selector = f'.p2p-calc[data-p2p-calc="{kind}"]'
        page.wait_for_selector(f'{selector}[data-state="live"]', timeout=BOOT_LIMIT_MS)
        for warm_up in values[:2]:  # the first calls compile code paths in the worker
            page.evaluate(EDIT, [selector, field, warm_up])
        total: list[float] = []
        worker: list[float] = []
        for index in range(edits):
            value = values[(index + 2) % len(values)]
            end_to_end, round_trip = page.evaluate(EDIT, [selector, field, value])
            total.append(float(end_to_end))
            worker.append(float(round_trip))
        context.close()
        results[kind] = {"total": total, "worker": worker}
    return results


def rows_for(
    results: dict[str, dict[str, list[float]]],
) -> list[tuple[str, str, str, str, str, str]]:
    """Table rows in bench/run.py's columns: measure, value, baseline, ratio, target, verdict."""
    rows = []
    for kind, _, _, _, label in PAGES:
        total = results[kind]["total"]
        worker = results[kind]["worker"]
        median = statistics.median(total)
        target = TARGETS[kind]
        rows.append(
            (
                f"{label}: edit to updated result, median of {len(total)}",
                f"{_ms(median)} (worker round trip {_ms(statistics.median(worker))})",
                "-",
                "-",
                f"<= {target:.0f} ms",
                "met" if median <= target else "MISSED",
            )
        )
        rows.append(
            (
                f"{label}: edit to updated result, p95 of {len(total)}",
                _ms(_percentile(total, 0.95)),
                "-",
                "-",
                "",
                "",
            )
        )
    return rows


def calculator_rows(browser: Browser, base: str, edits: int = 50) -> list[tuple[str, ...]]:
    """Measure both calculators on the site served at `base`; rows for bench/run.py's table."""
    return list(rows_for(measure(browser, base, edits)))


def main() -> None:
    """Build and serve the site, measure both calculators, print the rows."""
    import argparse
    import functools
    import tempfile
    import threading
    from http.server import ThreadingHTTPServer
    from pathlib import Path

    from playwright.sync_api import sync_playwright
    from run import CHROMIUM, CHROMIUM_ARGS, Handler, build, free_port

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50, help="timed edits per calculator")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="p2p-bench-") as folder:
        build(Path(folder), base)
        server = ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(Handler, directory=folder)
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            rows = calculator_rows(browser, base, args.edits)
            browser.close()
        server.shutdown()
    for row in rows:
        print(" | ".join(cell for cell in row if cell))


if __name__ == "__main__":
    main()
