"""Browser tests: the real app served on 127.0.0.1 and driven by headless Chromium (Playwright).

The live server (tests/browser/live_server.py) is its own process and app, with its own SQLite
*file* database and CSRF protection on, so the browser submits real forms. It shares nothing with
the in-memory app of tests/conftest.py, whose per-test rolled-back transaction covers only that
app's database.

Run with `pytest -m browser` (`make test` does). Chromium is the Debian package (/usr/bin/chromium,
or CHROMIUM_PATH); `playwright install` is never needed.
"""
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.live_server import ACCOUNTS, NAMES, PASSWORD

BROWSER_DIR = Path(__file__).resolve().parent
ROOT = BROWSER_DIR.parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach outside hosts (see ENVIRONMENT.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser carries the `browser` marker (before -m selects)."""
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class LiveServer:
    url: str
    accounts: dict  # role -> username
    names: dict  # key -> seeded staff name or number
    log_path: Path  # the server's stderr (tracebacks); shown when a browser test fails


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app in its own process on a free local port, with its own seeded SQLite file."""
    workdir = tmp_path_factory.mktemp("live")
    database_uri = f"sqlite:///{workdir / 'hrapp-live.sqlite'}"
    log_path = workdir / "server.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.browser.live_server", database_uri, str(workdir / "imports")],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        port = proc.stdout.readline().strip()
        if not port.isdigit():
            proc.wait(timeout=10)
            pytest.fail(f"live server did not start:\n{log_path.read_text()}")
        yield LiveServer(f"http://127.0.0.1:{port}", ACCOUNTS, NAMES, log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: `make install-test-deps` installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test shows what the server wrote (tracebacks) while it ran."""
    report = yield
    start = getattr(item, "_live_log_start", None)
    if report.failed and start is not None:
        server = item.funcargs["live_server"]
        with open(server.log_path, encoding="utf-8", errors="replace") as log:
            log.seek(start)
            text = log.read()
        if text:
            report.sections.append(("live server log", text[-20_000:]))
    return report


@pytest.fixture
def page(browser, live_server, request) -> Page:
    """A fresh browser context (no cookies) per test, with `base_url` set to the live server."""
    request.node._live_log_start = live_server.log_path.stat().st_size
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


class Session:
    """Log in and out through the real forms."""

    def __init__(self, page: Page):
        self.page = page

    def login(self, identifier: str, password: str = PASSWORD) -> Page:
        self.page.goto("/auth/login")
        self.page.fill("input[name=identifier]", identifier)
        self.page.fill("input[name=password]", password)
        with self.page.expect_navigation():
            self.page.click("form:has(input[name=identifier]) [type=submit]")
        return self.page

    def logout(self) -> Page:
        with self.page.expect_navigation():
            self.page.click("form[action='/auth/logout'] button")
        return self.page


@pytest.fixture
def session(page) -> Session:
    return Session(page)
