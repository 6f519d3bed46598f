"""What the smoke suite asks of a browser tab, the same in Firefox and in WebKit.

Each engine's module (firefox.py, webkit.py) implements the few primitives: go to an address,
run a JavaScript function in the page, click or type as a user does, and list the errors the
page logged. Everything else (waiting, reading text) is written once here.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PROBE = (Path(__file__).with_name("probe.js")).read_text(encoding="utf-8")
"""Records console errors, failed loads and CSP violations in the tab (see probe.js)."""

PROBE_KEY = "p2p-engine-probe"
PASTE_FIELD = "p2p-engine-paste"

ON_THE_SITE = "(key) => !location.protocol.startsWith('http') ? null : "
"""A tab that never left about:blank has no storage of the site's to read."""

VIEWPORT = (1280, 900)
"""Wide enough for Material's search box in the header and the assessment's side panel."""

WAIT_S = 180.0
"""A wait for something the page will do, not a speed test: on a loaded 2-core machine a first
Pyodide boot in WebKit can take a minute. A real fault still fails, later."""

HARMLESS = ("ResizeObserver loop completed with undelivered notifications",)
"""Firefox reports this from Material's layout code on the portfolio page: the browser skipped a
resize notice within one frame, which the page does not depend on."""


class ProxyTrap:
    """The browsers' proxy: a port on 127.0.0.1 that forwards nothing. It reads the first line
    of each request (say `CONNECT host:443`), keeps it and hangs up, so nothing a browser asks
    for off this machine leaves it, and a test can see that nothing tried to."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            with connection:
                connection.settimeout(5)
                try:
                    first = connection.recv(1024).split(b"\r\n", 1)[0]
                except OSError:
                    first = b"(nothing sent)"
                self.requests.append(first.decode("latin-1"))

    def close(self) -> None:
        """Stop listening."""
        self._listener.close()


@contextmanager
def proxy_trap() -> Iterator[ProxyTrap]:
    """A ProxyTrap for as long as the block runs."""
    trap = ProxyTrap()
    try:
        yield trap
    finally:
        trap.close()


class Tab(ABC):
    """One page in a fresh browser profile (nothing saved from another test)."""

    downloads: Path
    """Where a download from this tab lands."""

    @abstractmethod
    def navigate(self, url: str) -> None:
        """Ask the engine to open `url` (see `goto`)."""

    @abstractmethod
    def refresh(self) -> None:
        """Ask the engine to reload the page (see `reload`)."""

    @abstractmethod
    def call(self, function: str, *args: Any) -> Any:
        """Run the JavaScript `function` (source of an arrow or function expression, may be
        async) in the page with JSON-able `args`; return its JSON-able result."""

    @abstractmethod
    def click(self, selector: str) -> None:
        """Click the element `selector` names as a user does (with user activation)."""

    @abstractmethod
    def keys(self, text: str) -> None:
        """Type `text` key by key into the element that has the focus."""

    @abstractmethod
    def paste_keys(self) -> None:
        """Press Ctrl+V in the element that has the focus."""

    @abstractmethod
    def engine_errors(self) -> list[str]:
        """Errors the engine itself logged for this tab (empty where it cannot tell)."""

    @abstractmethod
    def clear_engine_errors(self) -> None:
        """Forget the errors the engine logged so far."""

    @abstractmethod
    def close(self) -> None:
        """Close the tab and what it alone used."""

    def goto(self, url: str) -> None:
        """Open `url` and wait until its document has loaded."""
        self._leaving(lambda: self.navigate(url))

    def reload(self) -> None:
        """Reload the page and wait until the new document has loaded."""
        self._leaving(self.refresh)

    def _leaving(self, go: Callable[[], None]) -> None:
        # An engine may answer a navigation command before the old document is gone; a mark on
        # the old window tells the two apart, so nothing below runs in the document left.
        self.call("() => { window.p2pLeft = true; }")
        go()
        self.wait(
            "() => window.p2pLeft === undefined && document.readyState === 'complete'",
            what="the new document",
        )

    def wait(
        self,
        function: str,
        *args: Any,
        timeout: float = WAIT_S,
        what: str = "",
        explain: str = "() => null",
    ) -> Any:
        """Call `function` until it returns something truthy; return that, or fail after
        `timeout` seconds naming `what`, the last value seen and what the JavaScript function
        `explain` says about the page then (a status line, say)."""
        deadline = time.monotonic() + timeout
        last: Any = None
        while True:
            last = self.call(function, *args)
            if last:
                return last
            if time.monotonic() > deadline:
                said = self.call(explain)
                raise AssertionError(
                    f"waited {timeout:.0f} s for {what or function}: got {last!r}; page: {said!r}"
                )
            time.sleep(0.2)

    def wait_for(self, selector: str, timeout: float = WAIT_S) -> None:
        """Wait until an element matching `selector` is in the page."""
        self.wait("(s) => !!document.querySelector(s)", selector, timeout=timeout, what=selector)

    def text(self, selector: str) -> str:
        """The text of the first element matching `selector` as rendered (innerText)."""
        return str(self.call("(s) => document.querySelector(s).innerText.trim()", selector))

    def type(self, selector: str, text: str) -> None:
        """Click the field `selector` names, select what it holds and type `text` over it."""
        self.click(selector)
        self.call("(s) => document.querySelector(s).select()", selector)
        self.keys(text)

    def clipboard(self) -> str:
        """What the clipboard holds, pasted with Ctrl+V as a reader pastes, into a field laid
        over the page for the purpose (and removed again)."""
        self.call(
            """(id) => {
                const field = document.createElement("textarea");
                field.id = id;
                field.style.cssText = "position:fixed;top:40%;left:40%;z-index:100000";
                document.body.append(field);
            }""",
            PASTE_FIELD,
        )
        self.click(f"#{PASTE_FIELD}")
        self.paste_keys()
        pasted = self.wait(
            "(id) => document.getElementById(id).value", PASTE_FIELD, what="the pasted text"
        )
        self.call("(id) => document.getElementById(id).remove()", PASTE_FIELD)
        return str(pasted)

    def clear_errors(self) -> None:
        """Forget the errors recorded so far (the probe's and the engine's)."""
        self.call(ON_THE_SITE + "sessionStorage.removeItem(key)", PROBE_KEY)
        self.clear_engine_errors()

    def errors(self) -> list[str]:
        """What the probe and the engine recorded as errors in this tab, less known noise."""
        probe = self.call(
            ON_THE_SITE + "JSON.parse(sessionStorage.getItem(key) || '[]')", PROBE_KEY
        )
        seen = (probe or []) + self.engine_errors()
        return [e for e in seen if not any(noise in e for noise in HARMLESS)]

    def foreign_requests(self) -> list[str]:
        """Requests this tab made to anywhere but 127.0.0.1, where the engine can tell."""
        return []

    def storage(self) -> dict[str, str]:
        """The page origin's localStorage, as the site saved it."""
        return json.loads(
            self.call(
                "() => JSON.stringify(Object.fromEntries("
                "Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])))"
            )
        )
