"""A small WebDriver BiDi client over one WebSocket: commands by id, events to listeners.

Firefox speaks WebDriver BiDi itself (no geckodriver, which Debian does not ship); this is all
of the protocol the smoke suite and the benchmark use.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import ExitStack
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

COMMAND_TIMEOUT_S = 180.0
"""A command waits this long for its answer: a navigation on a loaded machine can take a while."""


class BiDiError(RuntimeError):
    """The browser answered a command with an error."""


class BiDi:
    """One WebDriver BiDi connection; `send` blocks until the browser answers."""

    def __init__(self, url: str) -> None:
        self._stack = ExitStack()
        self._socket: ClientConnection = self._stack.enter_context(
            connect(url, max_size=None, open_timeout=60)
        )
        self._next = 0
        self._waiting: dict[int, Future[dict[str, Any]]] = {}
        self._listeners: dict[str, list[Callable[[dict[str, Any]], None]]] = {}
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for raw in self._socket:
                message = json.loads(raw)
                if "id" in message and message["id"] in self._waiting:
                    self._waiting.pop(message["id"]).set_result(message)
                elif message.get("type") == "event":
                    for listener in self._listeners.get(message["method"], []):
                        listener(message["params"])
        except ConnectionClosed:
            pass
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(BiDiError("the browser closed the connection"))

    def on(self, event: str, listener: Callable[[dict[str, Any]], None]) -> None:
        """Call `listener(params)` for every `event` (subscribe to it with session.subscribe)."""
        self._listeners.setdefault(event, []).append(listener)

    def send(
        self, method: str, params: dict[str, Any], timeout: float = COMMAND_TIMEOUT_S
    ) -> dict[str, Any]:
        """Run one command and return its result; raise BiDiError when the browser refuses."""
        future: Future[dict[str, Any]] = Future()
        with self._lock:
            self._next += 1
            ident = self._next
            self._waiting[ident] = future
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        answer = future.result(timeout=timeout)
        if answer.get("type") == "error":
            raise BiDiError(f"{method}: {answer.get('error')}: {answer.get('message')}")
        return answer["result"]

    def close(self) -> None:
        """Close the connection (the browser keeps running)."""
        self._stack.close()
