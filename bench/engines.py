"""The first live verdict in Firefox ESR and WebKitGTK, each beside a bare Pyodide boot in the
same engine, for `make bench`.

`bench/run.py` calls `engine_rows(base, bare_url, rounds, folder)` with the site and the bare
baseline it serves, after its Chromium rounds. Each round opens a fresh profile (a new user
context in Firefox, a new session in WebKit), loads the page cold, then again warm, and reads
the time from navigation to the page's own mark: `p2p:readiness-scored` for the assessment,
`bare:done` for the bare page. The engines are driven as the smoke suite drives them
(tests/engines/), pointed at a proxy that forwards nothing, so nothing leaves the machine.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from tests.engines.engine import Tab, proxy_trap
from tests.engines.firefox import Firefox
from tests.engines.webkit import WebKit

BOOT_LIMIT_S = 180.0
ASSESSMENT = "assessment/"

MARK = """(name) => {
  const found = performance.getEntriesByName(name);
  return found.length > 0 ? found[0].startTime : null;
}"""


def _mark_time(tab: Tab, name: str) -> float:
    """Milliseconds from navigation start to the first mark called `name` (waits for it)."""
    return float(tab.wait(MARK, name, timeout=BOOT_LIMIT_S, what=f"the mark {name}"))


def _boot_pair(browser: Firefox | WebKit, url: str, mark: str) -> dict[str, float]:
    """One cold and one warm load of `url` in a fresh profile: milliseconds to `mark`."""
    tab = browser.new_tab()
    try:
        times = {}
        for label in ("cold", "warm"):
            tab.goto(url)
            times[label] = _mark_time(tab, mark)
        return times
    finally:
        tab.close()


def measure(base: str, bare_url: str, rounds: int, folder: Path) -> dict[str, dict[str, list]]:
    """Per engine (by its name and version): the cold/warm pairs of the page and the bare boot,
    in alternating order so neither always goes first."""
    results: dict[str, dict[str, list]] = {}
    with proxy_trap() as proxy:
        for name, engine in (("firefox", Firefox), ("webkit", WebKit)):
            browser = engine(folder / name, proxy.port)
            try:
                pairs: dict[str, list] = {"widget": [], "bare": []}
                for round_ in range(rounds):
                    order = ["bare", "widget"] if round_ % 2 == 0 else ["widget", "bare"]
                    for kind in order:
                        if kind == "bare":
                            pairs[kind].append(_boot_pair(browser, bare_url, "bare:done"))
                        else:
                            url = base + ASSESSMENT
                            pairs[kind].append(_boot_pair(browser, url, "p2p:readiness-scored"))
                results[browser.version] = pairs
            finally:
                browser.close()
    return results


def median(pairs: list[dict[str, float]], label: str) -> float:
    """The median time of `label` ("cold" or "warm") over `pairs`."""
    return statistics.median(pair[label] for pair in pairs)
