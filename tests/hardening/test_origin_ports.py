"""An Origin with an impossible port is "not an origin", never a crash (red team hr3).

Found: ``Origin: http://a.example.jp:99999`` on any resident API call (anonymous) answered
500 — urllib raises on the port — as did typing it into the console's widget page, and the
CLI printed a traceback; a stored entry like it would have broken every embedding decision.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.resident.origins import normalize_origin
from tests.console.helpers import World, seed
from tests.console.helpers import login as console_login
from tests.hoiku_console.conftest import hoiku_app

BAD = ["http://a.example.jp:99999", "https://a.example.jp:65536", "https://a.example.jp:0"]
ALLOWED = "https://www.city.aoba.example.jp"


@pytest.fixture
def world(platform: Platform) -> World:
    found = seed(platform)
    with platform.db.write() as session:
        tenant = tenant_service.get_tenant(session, "aoba")
        tenant_service.update_settings(session, tenant.id, {"widget_origins": [ALLOWED, *BAD]})
    return found


@pytest.fixture
def client(platform: Platform, world: World) -> Iterator[TestClient]:
    with TestClient(hoiku_app(platform), raise_server_exceptions=False) as test_client:
        yield test_client


def test_normalize_origin_refuses_impossible_ports() -> None:
    assert all(normalize_origin(origin) is None for origin in BAD)
    assert normalize_origin("https://a.example.jp:8443/") == "https://a.example.jp:8443"


@pytest.mark.parametrize("origin", BAD)
def test_a_resident_request_with_such_an_origin_is_answered(
    client: TestClient, origin: str
) -> None:
    headers = {"Origin": origin}
    ask = client.post("/api/v1/tenants/aoba/ask", json={"question": "住民票"}, headers=headers)
    # Like any website not allowed: the bilingual refusal, not a crash.
    assert ask.status_code == 403, ask.text
    assert ask.json()["error"]["code"] == "resident.error.origin"
    assert "access-control-allow-origin" not in ask.headers
    preflight = client.options(
        "/api/v1/tenants/aoba/ask",
        headers={**headers, "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code < 500
    status = client.get("/t/aoba/widget-status", headers=headers)
    assert status.status_code < 500
    # The allowed origin still works beside the stored bad entries.
    allowed = client.post(
        "/api/v1/tenants/aoba/ask", json={"question": "住民票"}, headers={"Origin": ALLOWED}
    )
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED


def test_the_console_says_not_an_origin(client: TestClient) -> None:
    csrf = console_login(client, "pref-admin")
    response = client.post(
        "/console/t/aoba/widget/origins",
        data={"csrf_token": csrf, "origin": BAD[0], "action": "add"},
        follow_redirects=False,
    )
    assert 400 <= response.status_code < 500, response.status_code
    assert "オリジン" in response.text
