"""Fixtures for the resident side: demo data, a test client, and (for browser tests) a real
uvicorn server plus plain HTTP servers on other ports acting as municipal websites. The
``browser`` fixture (headless Chromium) comes from tests/browser.py."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database
from jichitai_ai.web.app import create_app
from tests.background_server import serve_in_background
from tests.conftest import load_demo_into

from .helpers import TENANT

#: An origin listed in the demo tenant's widget_origins for the TestClient tests.
ALLOWED_ORIGIN = "https://www.city.aoba.example.jp"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def set_widget_origins(platform: Platform, origins: list[str]) -> None:
    with platform.db.write() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        tenant_service.update_settings(session, tenant.id, {"widget_origins": origins})


@pytest.fixture
def demo(platform: Platform) -> Platform:
    load_demo_into(platform)
    set_widget_origins(platform, [ALLOWED_ORIGIN, "not an origin", "javascript:alert(1)"])
    return platform


@pytest.fixture
def client(demo: Platform) -> Iterator[TestClient]:
    with TestClient(create_app(platform=demo)) as c:
        yield c


# --- live servers for browser tests (SQLite only, one per module) ---------------------------


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class _Site(ThreadingHTTPServer):
    pages: dict[str, str]


class _SiteHandler(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:
        body = self.server.pages.get(self.path.split("?")[0])
        if body is None:
            self.send_error(404)
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    """A stand-in municipal website on its own origin."""

    server: _Site
    thread: threading.Thread

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start_site() -> Site:
    server = _Site(("127.0.0.1", 0), _SiteHandler)
    server.pages = {}
    thread = serve_in_background(server)
    return Site(server, thread)


@dataclass
class Live:
    """The app served by uvicorn on 127.0.0.1:<random port>, with the demo data."""

    url: str
    platform: Platform
    allowed: Site
    denied: Site

    @property
    def host(self) -> str:
        return self.url.split("://", 1)[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    path = tmp_path_factory.mktemp("live") / "live.db"
    url = f"sqlite:///{path}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    platform = Platform(replace(Settings(), database_url=url, secret_key="live-secret"))
    with platform.db.write() as session:
        load_demo(session)
    allowed, denied = start_site(), start_site()
    set_widget_origins(platform, [allowed.origin])
    sock = _free_socket()
    config = uvicorn.Config(
        create_app(platform=platform), log_level="warning", lifespan="off", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    port = sock.getsockname()[1]
    try:
        yield Live(f"http://127.0.0.1:{port}", platform, allowed, denied)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        allowed.stop()
        denied.stop()
        platform.close()


class RequestLog:
    """Every URL a browser context requested; anything off the allowed hosts is aborted."""

    def __init__(self, allowed_hosts: set[str]) -> None:
        self.allowed_hosts = allowed_hosts
        self.urls: list[str] = []

    def handle(self, route: Any) -> None:
        url = route.request.url
        self.urls.append(url)
        if self.is_local(url):
            route.continue_()
        else:
            route.abort()

    def is_local(self, url: str) -> bool:
        if url.startswith(("data:", "blob:", "about:")):
            return True
        host = url.split("://", 1)[-1].split("/", 1)[0]
        return host in self.allowed_hosts

    def remote(self) -> list[str]:
        return [u for u in self.urls if not self.is_local(u)]


@pytest.fixture
def requests_seen(live: Live) -> RequestLog:
    hosts = {live.host, live.allowed.origin.split("://")[1], live.denied.origin.split("://")[1]}
    return RequestLog(hosts)


@pytest.fixture
def context(browser: Any, requests_seen: RequestLog) -> Iterator[Any]:
    ctx = browser.new_context(
        viewport={"width": 1000, "height": 900}, locale="ja-JP", reduced_motion="reduce"
    )
    ctx.route("**/*", requests_seen.handle)
    try:
        yield ctx
    finally:
        ctx.close()
    assert requests_seen.remote() == [], "requests left the app"
