"""Debian's WebKitGTK (its MiniBrowser, the engine of GNOME Web and the nearest to Safari on
Linux), driven through WebKitWebDriver with Selenium, in a window on a private Xvfb display.

Every tab is a WebDriver session of its own, with its own HOME: MiniBrowser's automation
session keeps no storage between sessions, and a download lands in that HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.client_config import ClientConfig
from selenium.webdriver.remote.remote_connection import RemoteConnection
from selenium.webdriver.webkitgtk.options import Options
from selenium.webdriver.webkitgtk.service import Service

from tests.engines.engine import VIEWPORT, WAIT_S, Tab

DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
XVFB = "/usr/bin/Xvfb"

CALL = """
const done = arguments[arguments.length - 1];
const args = JSON.parse(arguments[0]);
Promise.resolve()
  .then(async () => JSON.stringify({ value: await (%s)(...args) }))
  .then(done, (error) => done(JSON.stringify({ error: String((error && error.stack) || error) })));
"""


class Display:
    """A private Xvfb display for WebKit's windows (WebKitGTK has no headless mode)."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self._process = subprocess.Popen(
            [XVFB, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=30)


class WebKit:
    """WebKitGTK on a private display; `new_tab()` starts a fresh browser session."""

    def __init__(self, folder: Path, proxy_port: int) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.proxy_port = proxy_port
        self.display = Display()
        self.version = "WebKitGTK"  # with its version once a session has said it

    def new_tab(self) -> WebKitTab:
        """A new session: a fresh profile with an empty HOME of its own."""
        return WebKitTab(self)

    def close(self) -> None:
        self.display.close()


class WebKitTab(Tab):
    """The one window of a WebKitWebDriver session."""

    def __init__(self, browser: WebKit) -> None:
        home = Path(tempfile.mkdtemp(prefix="home-", dir=browser.folder))
        self.downloads = home / "Downloads"
        self.downloads.mkdir()
        # MiniBrowser saves a download in the desktop's download folder, which this names.
        (home / ".config").mkdir()
        (home / ".config" / "user-dirs.dirs").write_text(
            'XDG_DOWNLOAD_DIR="$HOME/Downloads"\n', encoding="utf-8"
        )
        options = Options()
        options.binary_location = MINIBROWSER
        # With a binary named, WebKitWebDriver passes only what is listed here: MiniBrowser
        # must be told it is automated. Everything but 127.0.0.1 goes to the proxy trap, a
        # local port that forwards nothing, so nothing leaves the machine.
        for argument in (
            "--automation",
            f"--proxy=http://127.0.0.1:{browser.proxy_port}",
            "--ignore-host=127.0.0.1",
        ):
            options.add_argument(argument)
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "DISPLAY": browser.display.name,
        }
        self._log = (home.parent / f"{home.name}.log").open("wb")
        self._service = Service(executable_path=DRIVER, env=env, log_output=self._log)
        try:
            self._service.start()
            # Selenium's own WebKitGTK class hands the driver's address over in a way it has
            # itself deprecated; a Remote driver given a client configuration does not.
            config = ClientConfig(remote_server_addr=self._service.service_url, timeout=WAIT_S)
            self.driver = webdriver.Remote(RemoteConnection(client_config=config), options=options)
        except BaseException:
            self._service.stop()
            self._log.close()
            raise
        self.driver.set_script_timeout(WAIT_S)
        self.driver.set_page_load_timeout(WAIT_S)
        self.driver.set_window_size(*VIEWPORT)
        browser.version = f"WebKitGTK {self.driver.capabilities.get('browserVersion', '?')}"

    def navigate(self, url: str) -> None:
        self.driver.get(url)

    def refresh(self) -> None:
        self.driver.refresh()

    def call(self, function: str, *args: Any) -> Any:
        answer = json.loads(self.driver.execute_async_script(CALL % function, json.dumps(args)))
        if "error" in answer:
            raise AssertionError(f"the page's script failed: {answer['error']}")
        return answer.get("value")

    def click(self, selector: str) -> None:
        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        self.driver.execute_script("arguments[0].scrollIntoView({ block: 'center' })", element)
        element.click()

    def keys(self, text: str) -> None:
        ActionChains(self.driver).send_keys(text).perform()

    def paste_keys(self) -> None:
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys("v").key_up(
            Keys.CONTROL
        ).perform()

    def engine_errors(self) -> list[str]:
        return []  # WebKitWebDriver has no command that reads the console: the probe does

    def clear_engine_errors(self) -> None:
        pass

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self._service.stop()
            self._log.close()
