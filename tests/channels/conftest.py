"""Fixtures of the channel tests: the demo tenants, LINE credentials and a LINE stand-in."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.channels import credentials
from jichitai_ai.channels.line.signature import sign
from jichitai_ai.config import Settings
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.db import Database
from jichitai_ai.web.app import create_app
from tests.channels import line_standin

TENANT = "aoba-city"
SECRET = "0123456789abcdef0123456789abcdef"
TOKEN = "stand-in-access-token/" + "x" * 40


@pytest.fixture
def standin() -> Iterator[line_standin.StandIn]:
    server = line_standin.start(TOKEN)
    yield server
    server.stop()


@pytest.fixture
def line_settings(settings: Settings, standin: line_standin.StandIn) -> Settings:
    line = {"api_base_url": standin.url, "data_base_url": standin.url, "backoff_seconds": 0.01}
    return replace(settings, raw={**settings.raw, "line": line})


@pytest.fixture(scope="session")
def demo_sqlite(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The migrated template with the demo tenants loaded once (loading takes seconds)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    with db.write() as session:
        load_demo(session)
    db.dispose()
    return path


def demo_platform(settings: Settings, demo_sqlite: Path) -> Platform:
    """A platform on a copy of the demo database (SQLite) or with the demo loaded (PostgreSQL)."""
    if settings.database_url.startswith("sqlite:///"):
        shutil.copyfile(demo_sqlite, settings.database_url.removeprefix("sqlite:///"))
        return Platform(settings)
    p = Platform(settings)
    with p.db.write() as session:
        load_demo(session)
    return p


@pytest.fixture
def line_platform(line_settings: Settings, demo_sqlite: Path) -> Iterator[Platform]:
    p = demo_platform(line_settings, demo_sqlite)
    with p.db.write() as session:
        tenant = tenant_service.get_tenant(session, TENANT)
        credentials.store(session, p.settings, tenant.id, "line", "channel_secret", SECRET)
        credentials.store(session, p.settings, tenant.id, "line", "access_token", TOKEN)
    yield p
    p.close()


@dataclass
class Line:
    """Sends signed webhook bodies to the app, as the LINE platform does."""

    client: TestClient
    standin: line_standin.StandIn
    platform: Platform

    def post(
        self, events: list[dict[str, Any]], *, secret: str = SECRET, slug: str = TENANT
    ) -> Any:
        body = json.dumps(
            {"destination": "U" + "0" * 32, "events": events}, ensure_ascii=False
        ).encode()
        return self.client.post(
            f"/line/{slug}/webhook",
            content=body,
            headers={"Content-Type": "application/json", "X-Line-Signature": sign(secret, body)},
        )

    def event(
        self,
        user: str,
        kind: str,
        *,
        redelivery: bool = False,
        event_id: str = "",
        reply: str = "",
        **content: Any,
    ) -> dict[str, Any]:
        token = reply or uuid.uuid4().hex
        self.standin.expect_reply(token, user)
        return {
            "type": kind,
            "mode": "active",
            # Now: the webhook refuses events older than its replay window (hr6).
            "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user},
            "webhookEventId": event_id or "01" + uuid.uuid4().hex[:24].upper(),
            "deliveryContext": {"isRedelivery": redelivery},
            "replyToken": token,
            **content,
        }

    def text(self, user: str, text: str, **kw: Any) -> dict[str, Any]:
        return self.event(user, "message", message={"id": "1", "type": "text", "text": text}, **kw)

    def postback(self, user: str, data: str, **kw: Any) -> dict[str, Any]:
        return self.event(user, "postback", postback={"data": data}, **kw)


@pytest.fixture
def line(line_platform: Platform, standin: line_standin.StandIn) -> Iterator[Line]:
    with TestClient(create_app(platform=line_platform)) as client:
        yield Line(client, standin, line_platform)
