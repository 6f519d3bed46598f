"""Debian's Firefox ESR, headless, driven over WebDriver BiDi (tests/engines/bidi.py).

One browser per test session; every tab opens in its own user context, which has its own
cookies and storage: a fresh profile for each test without starting Firefox again.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from tests.engines.bidi import BiDi, BiDiError
from tests.engines.engine import PROBE, VIEWPORT, WAIT_S, Tab

FIREFOX = "/usr/bin/firefox-esr"

CONTROL = "\ue009"
"""The WebDriver key value of Control."""

LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def _prefs(downloads: Path, proxy_port: int) -> str:
    prefs: dict[str, object] = {
        # Everything but the site (on 127.0.0.1, which Firefox never sends through a proxy)
        # goes to the proxy trap, a local port that forwards nothing, so nothing leaves the
        # machine.
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": proxy_port,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": proxy_port,
        # Not even an attempt to fetch media plugins (Widevine, OpenH264) through that proxy.
        "media.gmp-manager.updateEnabled": False,
        # Downloads land in the test's folder without a dialog.
        "browser.download.dir": str(downloads),
        "browser.download.folderList": 2,
        "browser.download.useDownloadDir": True,
        "browser.download.always_ask_before_handling_new_types": False,
    }
    return "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items())


def _value(result: dict[str, Any]) -> Any:
    if result["type"] == "exception":
        details = result["exceptionDetails"]
        raise AssertionError(f"the page's script failed: {details.get('text')}")
    return json.loads(result["result"]["value"])


CALL = """async function (argsJson) {
  const value = await (%s)(...JSON.parse(argsJson));
  return JSON.stringify(value === undefined ? null : value);
}"""


class Firefox:
    """A running Firefox ESR; `new_tab()` opens a tab in a fresh user context."""

    def __init__(self, folder: Path, proxy_port: int) -> None:
        profile = folder / "profile"
        profile.mkdir(parents=True)
        self.downloads = folder / "downloads"
        self.downloads.mkdir()
        (profile / "user.js").write_text(_prefs(self.downloads, proxy_port), encoding="utf-8")
        self._log = folder / "firefox.log"
        # Firefox's remote agent points remote settings (Firefox's own data feeds) at a dummy
        # address, which a release build honours only with this set; without it Firefox asks
        # its real server.
        env = {**os.environ, "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1"}
        with self._log.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    FIREFOX,
                    "--headless",
                    "--no-remote",
                    "--profile",
                    str(profile),
                    "--remote-debugging-port=0",
                    "about:blank",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
        self.bidi = BiDi(self._endpoint() + "/session")
        session = self.bidi.send("session.new", {"capabilities": {}})
        self.version = f"Firefox {session['capabilities']['browserVersion']}"
        self.logged: dict[str | None, list[str]] = {}
        self.foreign: dict[str, list[str]] = {}
        self.bidi.on("log.entryAdded", self._on_log)
        self.bidi.on("network.beforeRequestSent", self._on_request)
        self.bidi.send(
            "session.subscribe", {"events": ["log.entryAdded", "network.beforeRequestSent"]}
        )
        self.bidi.send("script.addPreloadScript", {"functionDeclaration": f"() => {{{PROBE}}}"})

    def _endpoint(self) -> str:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            found = LISTENING.search(self._log.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found.group(1)
            if self._process.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"Firefox did not start its WebDriver BiDi server: see {self._log}")

    def _on_log(self, params: dict[str, Any]) -> None:
        if params.get("level") != "error":
            return
        context = params.get("source", {}).get("context")
        self.logged.setdefault(context, []).append(f"{params.get('type')}: {params.get('text')}")

    def _on_request(self, params: dict[str, Any]) -> None:
        url = params["request"]["url"]
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname != "127.0.0.1":
            self.foreign.setdefault(params.get("context") or "", []).append(url)

    def new_tab(self) -> FirefoxTab:
        """A tab in a new user context: its own storage, as a fresh profile has."""
        user_context = self.bidi.send("browser.createUserContext", {})["userContext"]
        context = self.bidi.send(
            "browsingContext.create", {"type": "tab", "userContext": user_context}
        )["context"]
        width, height = VIEWPORT
        self.bidi.send(
            "browsingContext.setViewport",
            {"context": context, "viewport": {"width": width, "height": height}},
        )
        return FirefoxTab(self, context, user_context)

    def close(self) -> None:
        """End the session and the browser."""
        with contextlib.suppress(BiDiError, TimeoutError):
            self.bidi.send("browser.close", {}, timeout=30)
        self.bidi.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


class FirefoxTab(Tab):
    """One tab of the running Firefox, in a user context of its own."""

    def __init__(self, browser: Firefox, context: str, user_context: str) -> None:
        self.browser = browser
        self.context = context
        self.user_context = user_context
        self.downloads = browser.downloads

    def _send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        return self.browser.bidi.send(method, {"context": self.context, **params})

    def navigate(self, url: str) -> None:
        self._send("browsingContext.navigate", {"url": url, "wait": "complete"})

    def refresh(self) -> None:
        self._send("browsingContext.reload", {"wait": "complete"})

    def call(self, function: str, *args: Any) -> Any:
        result = self.browser.bidi.send(
            "script.callFunction",
            {
                "functionDeclaration": CALL % function,
                "arguments": [{"type": "string", "value": json.dumps(list(args))}],
                "target": {"context": self.context},
                "awaitPromise": True,
            },
        )
        return _value(result)

    def _element(self, selector: str) -> dict[str, Any]:
        found = self.browser.bidi.send(
            "script.callFunction",
            {
                "functionDeclaration": """(s) => {
                    const element = document.querySelector(s);
                    if (element) element.scrollIntoView({ block: "center" });
                    return element;
                }""",
                "arguments": [{"type": "string", "value": selector}],
                "target": {"context": self.context},
                "awaitPromise": False,
            },
        )
        if found["type"] != "success" or found["result"]["type"] != "node":
            raise AssertionError(f"no element matches {selector}")
        return {"sharedId": found["result"]["sharedId"]}

    def click(self, selector: str) -> None:
        element = self._element(selector)
        pointer = [
            {
                "type": "pointerMove",
                "x": 0,
                "y": 0,
                "origin": {"type": "element", "element": element},
            },
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ]
        self._send(
            "input.performActions",
            {"actions": [{"type": "pointer", "id": "mouse", "actions": pointer}]},
        )

    def _keys(self, keys: list[dict[str, str]]) -> None:
        self._send(
            "input.performActions", {"actions": [{"type": "key", "id": "keys", "actions": keys}]}
        )

    def keys(self, text: str) -> None:
        self._keys(
            [{"type": kind, "value": char} for char in text for kind in ("keyDown", "keyUp")]
        )

    def paste_keys(self) -> None:
        self._keys(
            [
                {"type": "keyDown", "value": CONTROL},
                {"type": "keyDown", "value": "v"},
                {"type": "keyUp", "value": "v"},
                {"type": "keyUp", "value": CONTROL},
            ]
        )

    def engine_errors(self) -> list[str]:
        # Messages from a worker carry no browsing context; they count against every tab.
        logged = self.browser.logged
        return logged.get(self.context, []) + logged.get(None, [])

    def clear_engine_errors(self) -> None:
        self.browser.logged.pop(self.context, None)
        self.browser.logged.pop(None, None)

    def foreign_requests(self) -> list[str]:
        return self.browser.foreign.get(self.context, [])

    def close(self) -> None:
        self._send("browsingContext.close", {})
        self.browser.bidi.send("browser.removeUserContext", {"userContext": self.user_context})
