"""Measure the in-browser calculators, mostly in Chromium, and print one table (`make bench`).

In one run, against the site built into a temporary folder and served on 127.0.0.1:

- time from navigation to the first live readiness verdict, cold cache and warm, beside a bare
  page (bench/bare/) that boots the same Pyodide files in a module worker and runs one line;
- time to a verdict after instant navigation away and back (the worker is reused);
- recalculation latency after a click on an answer (median and p95);
- main-thread blocking until the first verdict: Chromium's long animation frames name the
  scripts that ran in each slow frame, so the time our own scripts (client, widget, boot) spent
  in them is counted apart from Material's and the checklist's; for context, all long tasks,
  beside those of the same page loaded with Python kept from starting (its worker refused);
- bytes a content page transfers, and how many of them are Pyodide's;
- on a reader's link (Chromium's network emulation: 20 Mbit/s down, 5 up, 40 ms round trip)
  with files served compressed as a static host serves them (the build's .br copies where the
  browser accepts brotli, else .gz), the first verdict cold and warm beside the bare page, and
  the bytes on the wire before it.
- from an edit to the updated result in the estimator (10,000 draws) and the run-cost
  calculator, median and p95 (bench/calculators.py);
- with 500 exports dropped on the portfolio page, the longest run of our scripts on the main
  thread while they are read, scored and reported (bench/portfolio_page.py);
- the first live verdict in Firefox ESR and WebKitGTK, cold and warm, each beside the bare page
  in the same engine, and WebKit's against Chromium's and Firefox's (bench/engines.py);
- `pilot2prod check` on a repository of 100,000 files beside a plain `os.walk` of the same tree
  (bench/repository_check.py; no browser involved);
- a 50 MB promptfoo file dropped on the evidence page, to its summary, beside a bare page that
  only json.loads the same file in Pyodide, and our scripts' long frames meanwhile
  (bench/evidence_page.py);
- `pilot2prod evidence` on a 1,000,000-row JSONL beside a bare json.loads-per-line loop, time
  and peak memory (bench/evidence_cli.py).

The site is built with `SITE_URL` set to the address it is served on, because Material's
instant navigation only takes over links of the site it was built for. Files are served with
`Cache-Control: max-age=3600`, as a static host would, so "warm" means a real cache hit.
Not part of `make test`: timings depend on the machine and on what else it is doing.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

from calculators import calculator_rows  # bench/calculators.py: the estimator and run-cost rows
from evidence_cli import row as evidence_cli_row  # bench/evidence_cli.py: 1,000,000 JSONL rows
from evidence_page import evidence_page_rows  # bench/evidence_page.py: a 50 MB promptfoo file
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from portfolio_page import dropped_files_row  # bench/portfolio_page.py: 500 dropped files
from repository_check import repository_check_rows  # bench/repository_check.py: check vs walk

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engines import measure as measure_engines  # bench/engines.py: Firefox and WebKit
from engines import median as engine_median

from tests.serving import CHROMIUM, CHROMIUM_ARGS, ROOT, SiteHandler, build_site

BARE = ROOT / "bench" / "bare"
BOOT_LIMIT_MS = 180_000
CONTENT_PAGE = "why-pilots-stall/"
ASSESSMENT = "assessment/"

LONG_TASKS = """
window.__longTasks = [];
window.__longFrames = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames name the scripts that ran in them, so a slow frame can be pinned on
  // the code that caused it.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const scripts = e.scripts.map((s) => [s.sourceURL || s.invoker || "", s.duration]);
      window.__longFrames.push([e.startTime, e.duration, e.blockingDuration, scripts]);
    }
  }).observe({ type: "long-animation-frame", buffered: true });
} catch (error) {}
"""

RUNTIME_PATHS = re.compile(r"/assets/(pyodide|python|wheels)/")
"""Where the Python runtime lives in the site: Pyodide, the site's library and the wheel."""

OUR_SCRIPTS = (
    "lib/python-early.js",
    "lib/python.js",
    "components/readiness.js",
    "main.js",
    "bare.js",
)
"""Main-thread code of the Python runtime and the readiness widget (and the bare baseline)."""


class Handler(SiteHandler):
    """The built site at /, the bare baseline at /__bench__/, cacheable like a static host."""

    def translate_path(self, path: str) -> str:
        if path.startswith("/__bench__/"):
            relative = path.split("?", 1)[0].removeprefix("/__bench__/")
            return str(BARE / relative)
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


class CompressedHandler(Handler):
    """The same files as a static host compresses them: the build's .br copy to a browser that
    accepts brotli, else its .gz copy, else the file itself, with `Vary: Accept-Encoding`."""

    encodings_seen: set[str] = set()  # noqa: RUF012  what browsers accepted (for the table)

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.translate_path(self.path)
        if self.path.split("?", 1)[0].endswith("/"):
            path = str(Path(path) / "index.html")
        accepted = {
            part.split(";")[0].strip()
            for part in self.headers.get("Accept-Encoding", "").split(",")
        }
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            copy = Path(path + suffix)
            if encoding in accepted and copy.is_file() and self.command in ("GET", "HEAD"):
                CompressedHandler.encodings_seen.add(encoding)
                body = copy.open("rb")
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(path))
                self.send_header("Content-Encoding", encoding)
                self.send_header("Content-Length", str(copy.stat().st_size))
                self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                return body
        return super().send_head()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(out: Path, url: str) -> float:
    """Build the site for `url` into `out`; return the build time in seconds."""
    started = time.perf_counter()
    result = build_site(out, site_url=url)
    if result.returncode != 0:
        sys.exit(f"bench: the site did not build:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def pyodide_base(site: Path) -> str:
    versions = sorted(p.name for p in (site / "assets" / "pyodide").iterdir())
    return f"/assets/pyodide/{versions[-1]}/"


def mark_time(page: Page, name: str) -> float:
    """Milliseconds from navigation start to the first mark called `name` (waits for it)."""
    page.wait_for_function(
        "name => performance.getEntriesByName(name).length > 0", arg=name, timeout=BOOT_LIMIT_MS
    )
    return float(page.evaluate("name => performance.getEntriesByName(name)[0].startTime", name))


def main_thread(page: Page, until_ms: float) -> dict[str, list[float]]:
    """Long tasks, and long frames in which our own scripts ran, from navigation to `until_ms`.

    A long task says the main thread was blocked but not by whom; on a 2-core machine the
    page's own start-up (Material, the checklist, the search index) makes several. A long
    animation frame lists the scripts that ran in it, which pins blocking on our code.
    """
    page.wait_for_function("t => performance.now() >= t", arg=until_ms)
    tasks = page.evaluate("() => window.__longTasks || []")
    frames = page.evaluate("() => window.__longFrames || []")
    # For each long frame, how long our own scripts ran in it (a frame shared with Material's
    # bundle is not ours to answer for; our part of it is).
    ours = [
        sum(spent for url, spent in scripts if url.endswith(OUR_SCRIPTS))
        for start, _, _, scripts in frames
        if start <= until_ms
    ]
    return {
        "tasks": [d for start, d in tasks if start <= until_ms],
        "ours": [spent for spent in ours if spent > 0],
    }


READER_LINK = {
    "offline": False,
    "latency": 40,  # ms round trip
    "downloadThroughput": 20_000_000 / 8,  # bytes per second: 20 Mbit/s
    "uploadThroughput": 5_000_000 / 8,
}
"""A reader's connection, as Chromium's network emulation applies it to the page and its worker."""


def boot_pair(
    browser: Browser, url: str, start_mark: str, end_mark: str, throttled: bool = False
) -> dict[str, object]:
    """One cold load and one warm load in a fresh browser profile, with the bytes each moved
    (encoded, as on the wire, headers included) until its verdict."""
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    moved: list[int] = []

    def count(request) -> None:
        sizes = request.sizes()
        moved.append(int(sizes["responseBodySize"]) + int(sizes["responseHeadersSize"]))

    context.on("requestfinished", count)
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", READER_LINK)
    out: dict[str, object] = {}
    for label in ("cold", "warm"):
        moved.clear()
        page.goto(url)
        out[label] = mark_time(page, end_mark)
        out[f"{label}_bytes"] = sum(moved)
        out[f"{label}_start"] = mark_time(page, start_mark)
        out[f"{label}_main"] = main_thread(page, float(out[label]))
    context.close()
    return out


def control_pair(browser: Browser, url: str, cold_ms: float, warm_ms: float) -> dict[str, object]:
    """The same page with Python kept from starting (its worker script refused), watched for as
    long as the paired load took to its verdict: the long tasks the page has anyway."""
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    context.route("**/python-worker.js", lambda route: route.abort())
    page = context.new_page()
    out: dict[str, object] = {}
    for label, until in (("cold", cold_ms), ("warm", warm_ms)):
        page.goto(url)
        out[f"{label}_main"] = main_thread(page, until)
    context.close()
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


RECALC = """
async ([name, value]) => {
  const count = () => performance.getEntriesByName("p2p:readiness-scored").length;
  const before = count();
  const radio = document.querySelector(`input[name="${name}"][value="${value}"]`);
  const done = new Promise((resolve) => {
    const observer = new PerformanceObserver(() => {
      if (count() > before) { observer.disconnect(); resolve(); }
    });
    observer.observe({ type: "mark" });
  });
  const start = performance.now();
  radio.click();
  await done;
  return performance.getEntriesByName("p2p:readiness-scored").at(-1).startTime - start;
}
"""

NAVIGATE_BACK = """
async () => {
  const count = () => performance.getEntriesByName("p2p:readiness-scored").length;
  const before = count();
  const link = [...document.querySelectorAll("a")].find(
    (a) => new URL(a.href).pathname.endsWith("/assessment/") && !a.hash
  );
  const done = new Promise((resolve) => {
    const observer = new PerformanceObserver(() => {
      if (count() > before) { observer.disconnect(); resolve(); }
    });
    observer.observe({ type: "mark" });
  });
  const start = performance.now();
  link.click();
  await done;
  return performance.getEntriesByName("p2p:readiness-scored").at(-1).startTime - start;
}
"""


def live_page(browser: Browser, base: str) -> tuple[BrowserContext, Page, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base + ASSESSMENT)
    mark_time(page, "p2p:readiness-scored")
    return context, page, fetched


def instant_navigation(browser: Browser, base: str, rounds: int) -> tuple[list[float], int]:
    """Verdict times after FAQ -> assessment by instant navigation; Pyodide requests meanwhile."""
    context, page, fetched = live_page(browser, base)
    times: list[float] = []
    before = len(fetched)
    for _ in range(rounds):
        page.locator('a[href$="faq/"]').first.click()
        page.wait_for_url("**/faq/**")
        page.wait_for_selector("h1")
        times.append(float(page.evaluate(NAVIGATE_BACK)))
    runtime = [u for u in fetched[before:] if RUNTIME_PATHS.search(u)]
    context.close()
    return times, len(runtime)


def recalculation(browser: Browser, base: str, clicks: int) -> list[float]:
    """Click to rescored verdict, each click changing one answer."""
    context, page, _ = live_page(browser, base)
    names = page.evaluate(
        """() => [...new Set([...document.querySelectorAll(
             '.p2p-checklist[data-checklist="readiness"] input[type=radio]'
           )].map((r) => r.name))]"""
    )
    values = ["yes", "no", "partial"]
    times = []
    for index in range(clicks):
        name = names[index % len(names)]
        value = values[(index // len(names)) % len(values)]
        times.append(float(page.evaluate(RECALC, [name, value])))
    context.close()
    return times


def transferred(browser: Browser, url: str, settle: Callable[[Page], None]) -> tuple[int, int]:
    """Bytes of every response a fresh profile receives for `url`, and those of Pyodide."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[tuple[str, int]] = []

    def record(response) -> None:
        if response.request.method == "HEAD":
            return  # the worker's check of the .wasm file: headers only, no body
        # Content-Length first: the body of a streamed .wasm is not always kept for reading.
        length = response.headers.get("content-length")
        if length is not None and length.isdigit():
            sizes.append((response.url, int(length)))
            return
        try:
            sizes.append((response.url, len(response.body())))
        except Exception:  # redirects and aborted requests have no body
            sizes.append((response.url, 0))

    page.on("response", record)
    page.goto(url)
    settle(page)
    context.close()
    total = sum(size for _, size in sizes)
    runtime = sum(size for u, size in sizes if RUNTIME_PATHS.search(u))
    return total, runtime


def ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"


def kb(value: int) -> str:
    return f"{value / 1024:,.0f} KiB" if value >= 1024 else f"{value} B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="cold/warm pairs per page")
    parser.add_argument("--clicks", type=int, default=63, help="clicks for recalculation")
    parser.add_argument("--edits", type=int, default=50, help="edits per calculator")
    parser.add_argument(
        "--link-rounds", type=int, default=3, help="cold/warm pairs per page on the reader's link"
    )
    parser.add_argument(
        "--engine-rounds", type=int, default=3, help="cold/warm pairs in Firefox and WebKit"
    )
    parser.add_argument("--json", action="store_true", help="also print raw numbers as JSON")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="p2p-bench-") as folder:
        site = Path(folder)
        build_seconds = build(site, base)
        handler = functools.partial(Handler, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        compressed = functools.partial(CompressedHandler, directory=str(site))
        zipped_server = ThreadingHTTPServer(("127.0.0.1", 0), compressed)
        threading.Thread(target=zipped_server.serve_forever, daemon=True).start()
        zipped = f"http://127.0.0.1:{zipped_server.server_address[1]}/"
        bare_url = f"{base}__bench__/index.html?base={pyodide_base(site)}"
        widget_url = base + ASSESSMENT
        raw: dict[str, list] = {"bare": [], "widget": [], "control": [], "link_bare": []}
        raw["link_widget"] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            for round_ in range(args.rounds):
                order = ["bare", "widget"] if round_ % 2 == 0 else ["widget", "bare"]
                for kind in order:
                    if kind == "bare":
                        raw["bare"].append(
                            boot_pair(browser, bare_url, "bare:boot-start", "bare:done")
                        )
                    else:
                        pair = boot_pair(
                            browser, widget_url, "p2p:python-boot-start", "p2p:readiness-scored"
                        )
                        raw["widget"].append(pair)
                        raw["control"].append(
                            control_pair(
                                browser, widget_url, float(pair["cold"]), float(pair["warm"])
                            )
                        )
            for round_ in range(args.link_rounds):
                order = ["bare", "widget"] if round_ % 2 == 0 else ["widget", "bare"]
                for kind in order:
                    if kind == "bare":
                        url = f"{zipped}__bench__/index.html?base={pyodide_base(site)}"
                        marks = ("bare:boot-start", "bare:done")
                    else:
                        url = zipped + ASSESSMENT
                        marks = ("p2p:python-boot-start", "p2p:readiness-scored")
                    raw[f"link_{kind}"].append(boot_pair(browser, url, *marks, throttled=True))
            back, runtime_requests = instant_navigation(browser, base, args.rounds)
            recalc = recalculation(browser, base, args.clicks)
            calculators = calculator_rows(browser, base, args.edits)
            dropped = dropped_files_row(browser, base)
            evidence_page = evidence_page_rows(browser, base, pyodide_base(site))
            content_total, content_runtime = transferred(
                browser, base + CONTENT_PAGE, lambda p: p.wait_for_load_state("networkidle")
            )
            assess_total, assess_runtime = transferred(
                browser, widget_url, lambda p: mark_time(p, "p2p:readiness-scored")
            )
            browser.close()
        with tempfile.TemporaryDirectory(prefix="p2p-bench-engines-") as profiles:
            engines = measure_engines(base, bare_url, args.engine_rounds, Path(profiles))
        server.shutdown()
        zipped_server.shutdown()

    def median(kind: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in raw[kind])

    rows = []
    for label in ("cold", "warm"):
        page_ms, bare_ms = median("widget", label), median("bare", label)
        ratio = page_ms / bare_ms
        rows.append(
            (
                f"navigation to first live verdict, {label} cache",
                ms(page_ms),
                ms(bare_ms),
                f"{ratio:.2f}x",
                "<= 0.70x",
                "met" if ratio <= 0.7 else "MISSED",
            )
        )
    for label in ("cold", "warm"):
        rows.append(
            (
                f"  of which: worker started after navigation, {label}",
                ms(median("widget", f"{label}_start")),
                ms(median("bare", f"{label}_start")),
                "-",
                "",
                "",
            )
        )
    for version, pairs in engines.items():
        for label in ("cold", "warm"):
            page_ms = engine_median(pairs["widget"], label)
            bare_ms = engine_median(pairs["bare"], label)
            ratio = page_ms / bare_ms
            rows.append(
                (
                    f"navigation to first live verdict, {label} cache, in {version}",
                    ms(page_ms),
                    ms(bare_ms),
                    f"{ratio:.2f}x",
                    "<= 0.70x",
                    "met" if ratio <= 0.7 else "MISSED",
                )
            )
    webkit = next((pairs for version, pairs in engines.items() if "WebKit" in version), None)
    firefox = next((pairs for version, pairs in engines.items() if "Firefox" in version), None)
    if webkit and firefox:
        for label in ("cold", "warm"):
            webkit_ms = engine_median(webkit["widget"], label)
            chromium_ms = median("widget", label)
            firefox_ms = engine_median(firefox["widget"], label)
            rows.append(
                (
                    f"first live verdict, {label}: WebKit / Chromium / Firefox",
                    f"{ms(webkit_ms)} / {ms(chromium_ms)} / {ms(firefox_ms)}",
                    "-",
                    f"{webkit_ms / chromium_ms:.2f}x / {webkit_ms / firefox_ms:.2f}x",
                    "",
                    "",
                )
            )
    encodings = "+".join(sorted(CompressedHandler.encodings_seen)) or "none accepted"
    for label in ("cold", "warm"):
        page_ms, bare_ms = median("link_widget", label), median("link_bare", label)
        ratio = page_ms / bare_ms
        rows.append(
            (
                f"first live verdict on 20/5 Mbit/s, 40 ms, {encodings}, {label}",
                ms(page_ms),
                ms(bare_ms),
                f"{ratio:.2f}x",
                "<= 0.70x",
                "met" if ratio <= 0.7 else "MISSED",
            )
        )
    page_bytes, bare_bytes = median("link_widget", "cold_bytes"), median("link_bare", "cold_bytes")
    rows.append(
        (
            f"bytes on the wire before the first verdict, cold, {encodings}",
            kb(int(page_bytes)),
            kb(int(bare_bytes)),
            f"{page_bytes / bare_bytes:.2f}x",
            "<= 0.90x",
            "met" if page_bytes <= 0.9 * bare_bytes else "MISSED",
        )
    )
    back_ms = statistics.median(back)
    rows.append(
        (
            "verdict after instant navigation away and back",
            ms(back_ms),
            "-",
            "-",
            "worker reused",
            "met" if runtime_requests == 0 else f"MISSED ({runtime_requests} runtime requests)",
        )
    )
    recalc_median = statistics.median(recalc)
    rows.append(
        (
            f"recalculation after a click, median of {len(recalc)}",
            ms(recalc_median),
            "-",
            "-",
            "<= 20 ms",
            "met" if recalc_median <= 20 else "MISSED",
        )
    )
    rows.append(
        (
            f"recalculation after a click, p95 of {len(recalc)}",
            ms(percentile(recalc, 0.95)),
            "-",
            "-",
            "",
            "",
        )
    )

    def main_thread_total(kind: str, key: str) -> tuple[int, float]:
        found = [
            d for r in raw[kind] for label in ("cold", "warm") for d in r[f"{label}_main"][key]
        ]
        return len(found), max(found, default=0.0)

    spans = [
        d for r in raw["widget"] for label in ("cold", "warm") for d in r[f"{label}_main"]["ours"]
    ]
    ours, ours_longest = sum(1 for d in spans if d > 50), max(spans, default=0.0)
    bare_spans = [
        d for r in raw["bare"] for label in ("cold", "warm") for d in r[f"{label}_main"]["ours"]
    ]
    bare_ours, bare_ours_longest = (
        sum(1 for d in bare_spans if d > 50),
        max(bare_spans, default=0.0),
    )
    tasks, tasks_longest = main_thread_total("widget", "tasks")
    control_tasks, control_longest = main_thread_total("control", "tasks")
    bare_tasks, bare_longest = main_thread_total("bare", "tasks")
    loads = 2 * args.rounds
    rows.append(
        (
            f"our scripts blocking the main thread > 50 ms, to the verdict ({loads} loads)",
            f"{ours} times (longest run {ms(ours_longest)})",
            f"{bare_ours} times (longest run {ms(bare_ours_longest)})",
            "-",
            "0",
            "met" if ours == 0 else "MISSED",
        )
    )
    rows.append(
        (
            "long tasks (> 50 ms), any cause: with Python / Python kept from starting",
            f"{tasks} (longest {ms(tasks_longest)}) / {control_tasks} "
            f"(longest {ms(control_longest)})",
            f"{bare_tasks} (longest {ms(bare_longest)})",
            "-",
            "",
            "",
        )
    )
    rows.append(
        (
            f"bytes a content page transfers ({CONTENT_PAGE})",
            f"{kb(content_total)}, Pyodide {kb(content_runtime)}",
            "-",
            "-",
            "0 B of Pyodide",
            "met" if content_runtime == 0 else "MISSED",
        )
    )
    rows.append(
        (
            "bytes the assessment page transfers, cold",
            f"{kb(assess_total)}, Python runtime {kb(assess_runtime)}",
            "-",
            "-",
            "",
            "",
        )
    )
    rows += calculators
    rows.append(dropped)
    rows += repository_check_rows()
    rows += evidence_page
    rows.append(evidence_cli_row())
    header = ("measure", "site", "bare Pyodide", "ratio", "target", "")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    print(
        f"pilot2prod bench: Chromium, {base}, {args.rounds} cold/warm pairs per page on loopback "
        f"and {args.link_rounds} on the reader's link; {', '.join(engines)}, "
        f"{args.engine_rounds} pairs on loopback; medians"
    )
    print(f"(site built in {build_seconds:.1f} s)")
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    if args.json:
        print(
            json.dumps({"raw": raw, "back": back, "recalc": recalc, "engines": engines}, indent=1)
        )


if __name__ == "__main__":
    main()
