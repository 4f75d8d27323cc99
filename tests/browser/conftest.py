"""Fixtures for the browser tests: the real `timmy serve` binary on a free loopback port, and headless
Chromium driven through Debian's chromedriver."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("TIMMY_BINARY", ROOT / ".build" / "debug" / "timmy"))
SCREENSHOTS = ROOT / "test-output" / "screenshots"
WORKSPACE = {
    "README.md": "# demo workspace\nhello from the browser tests\n",
    "notes.txt": "TODO: water the plants\n",
    "src/main.swift": 'print("hi")\n',
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`timmy serve` in a temporary folder with a small workspace."""

    def __init__(self, token=None, settings=""):
        assert BINARY.exists(), f"{BINARY} is missing: run `swift build` first"
        self.folder = Path(tempfile.mkdtemp(prefix="timmy-browser-"))
        for name, text in WORKSPACE.items():
            path = self.folder / "workspace" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        self.port = free_port()
        (self.folder / "timmy.toml").write_text(
            f'port = {self.port}\nworkspace_dir = "workspace"\ndata_dir = "data"\nseed = "7"\n' + settings)
        environment = {key: value for key, value in os.environ.items() if not key.startswith("TIMMY_")}
        if token:
            environment["TIMMY_AUTH_TOKEN"] = token
        self.log = open(self.folder / "server.log", "w")
        self.process = subprocess.Popen([str(BINARY), "serve"], cwd=self.folder, env=environment,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        self.wait_until_up(token)

    def wait_until_up(self, token):
        request = urllib.request.Request(self.url + "/health")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.folder / "server.log").read_text()
            try:
                with urllib.request.urlopen(request, timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("timmy serve did not answer /health within 30 s")

    def stop(self):
        """Stops the server gracefully (SIGTERM), as a person would, and checks it exits promptly even
        with live event streams open."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=15)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.log.close()
        log = (self.folder / "server.log").read_text()
        shutil.rmtree(self.folder, ignore_errors=True)
        assert code == 0, f"timmy serve exited with {code}:\n{log}"


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.implicitly_wait(0)
    return driver


def set_width(driver, width, height=900):
    """Emulates a viewport exactly `width` CSS pixels wide (390 for a phone, 1280 for a desktop)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


@pytest.fixture(scope="session")
def server():
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    driver = make_driver(javascript=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_scripts():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def state():
    """What one test leaves for the next: the task posted from the form."""
    return {}
