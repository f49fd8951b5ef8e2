"""What every browser test shares: a real uvicorn server in a thread, headless Chromium
(Debian's, through Playwright) and a browser context that blocks and reports every request to
another host. Registered for all tests by ``pytest_plugins`` in tests/conftest.py, so the
``browser`` fixture is available everywhere; a module needing other Chromium flags calls
:func:`launch` itself.

One Chromium serves every module of a test process (starting Playwright and Chromium costs
~1.5 s of wall per launch; 28 modules launched their own). While Playwright's sync API is
running, ``asyncio.run`` cannot be called in the same thread, so the modules that use
Playwright (``browser``, or ``playwright_session`` for other Chromium flags) run after all the
others (:func:`pytest_collection_modifyitems`);
xdist hands items to its workers in collection order, so on each worker every non-browser
test has run before its first browser test.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from tests.console.helpers import PASSWORD, World, seed

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run the app on 127.0.0.1:<random port> until the block ends; yields the base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="console-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


class RemoteRequests:
    """Aborts and records every browser request to a host other than the app."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url: str = route.request.url
        if url.startswith(self.base_url + "/") or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


@contextmanager
def sqlite_platform(folder: Path, secret_key: str = "browser-test-secret") -> Iterator[Platform]:
    """A migrated SQLite deployment in ``folder`` (browser tests run SQLite only)."""
    url = f"sqlite:///{folder / 'console.db'}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    platform = Platform(replace(Settings(), database_url=url, secret_key=secret_key))
    try:
        yield platform
    finally:
        platform.close()


@contextmanager
def seeded_console(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    make_app: Callable[[Platform], FastAPI],
) -> Iterator[tuple[str, World]]:
    """The seeded console world (tests.console.helpers.seed) served on 127.0.0.1; yields
    (base URL, world)."""
    with sqlite_platform(tmp_path_factory.mktemp(name)) as platform:
        world = seed(platform)
        with serve(make_app(platform)) as base_url:
            yield base_url, world


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Any]:
    """Playwright's sync API, started once per test process (see the module's docstring)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is a dev dependency")
    with sync_api.sync_playwright() as playwright:
        yield playwright


@contextmanager
def launch(playwright: Any, extra_args: tuple[str, ...] = ()) -> Iterator[Any]:
    """Headless Chromium; fails when Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (make services installs it)")
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args]
    )
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def browser(playwright_session: Any) -> Iterator[Any]:
    """One headless Chromium per test process (see the module's docstring)."""
    with launch(playwright_session) as chromium:
        yield chromium


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Whole modules that use Playwright last, each module's tests in their order."""
    browser_modules = {
        item.nodeid.split("::")[0]
        for item in items
        if "playwright_session" in getattr(item, "fixturenames", ())
    }
    items.sort(key=lambda item: item.nodeid.split("::")[0] in browser_modules)


@contextmanager
def guarded_context(
    browser: Any, base_url: str, *, timeout_ms: int = 20_000, **options: Any
) -> Iterator[Any]:
    """A 1280×900 Japanese browser context; any request to another host is aborted and fails
    the test when the block ends."""
    settings: dict[str, Any] = {"viewport": {"width": 1280, "height": 900}, "locale": "ja-JP"}
    context = browser.new_context(**{**settings, **options})
    remote = RemoteRequests(base_url)
    context.route("**/*", remote)
    context.set_default_timeout(timeout_ms)
    try:
        yield context
    finally:
        context.close()
    assert remote.blocked == [], f"the page tried to load remote URLs: {remote.blocked}"


def login(page: Any, base_url: str, username: str, target: str) -> None:
    """Open ``target``, get sent to the console login, sign in and land back on ``target``."""
    page.goto(base_url + target)
    assert "/console/login" in page.url
    page.get_by_label("ユーザー名").fill(username)
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログインする").click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def from_menu(page: Any, name: str, url: str) -> None:
    """Click ``name`` in the console's main menu and wait for ``url`` (a glob)."""
    page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name=name).click()
    page.wait_for_url(url)
