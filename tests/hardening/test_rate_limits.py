"""Rate limits: per address and per tenant on public endpoints, per key on the gateway; 429 with
Retry-After; anonymous choice rows stay bounded."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from jichitai_ai.config import Settings
from jichitai_ai.services import auth
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import FeedbackEvent
from jichitai_ai.web.app import create_app
from jichitai_ai.web.rate_limit import Buckets, Rate
from tests.console.helpers import seed

ASK = "/api/v1/tenants/aoba/ask"


@pytest.fixture
def limited(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Platform:
    monkeypatch.setenv("JICHITAI_LIMITS_ENABLED", "1")
    raw = {
        "limits": {
            "public_per_address": [3, 60],
            "public_per_tenant": [5, 60],
            "gateway_per_key": [2, 60],
        }
    }
    platform = Platform(replace(settings, raw=raw))
    seed(platform)
    return platform


def _client(platform: Platform, address: str) -> TestClient:
    return TestClient(create_app(platform=platform), client=(address, 40000))


def test_public_ask_is_limited_per_address_then_per_tenant(limited: Platform) -> None:
    app = create_app(platform=limited)
    first = TestClient(app, client=("192.0.2.1", 40000))
    second = TestClient(app, client=("192.0.2.2", 40000))
    for _ in range(3):
        assert first.post(ASK, json={"question": "住民票の写し"}).status_code == 200
    refused = first.post(ASK, json={"question": "住民票の写し"})
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 20
    assert refused.json()["error"]["code"] == "error.too_many_requests"
    assert "秒" in refused.json()["error"]["message"]["ja"]
    # Another address still gets in until the tenant's own budget (5) is spent.
    assert second.post(ASK, json={"question": "住民票の写し"}).status_code == 200
    assert second.post(ASK, json={"question": "住民票の写し"}).status_code == 200
    assert second.post(ASK, json={"question": "住民票の写し"}).status_code == 429
    # Staff pages and other tenants' public endpoints are not touched by aoba's budget.
    assert second.get("/healthz").status_code == 200
    other = TestClient(app, client=("192.0.2.3", 40000))
    assert (
        other.post("/api/v1/tenants/sakura/ask", json={"question": "粗大ごみ"}).status_code == 200
    )


def test_resident_page_forms_and_public_document_search_are_limited(limited: Platform) -> None:
    client = _client(limited, "198.51.100.7")
    codes = [client.post("/t/aoba/", data={"question": "住民票"}).status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    other = _client(limited, "198.51.100.8")
    for _ in range(2):
        assert other.get("/api/v1/tenants/sakura/public/documents/search?q=ごみ").status_code != 429
    assert other.get("/api/v1/tenants/sakura/public/documents/search?q=ごみ").status_code != 429
    assert other.get("/api/v1/tenants/sakura/public/documents/search?q=ごみ").status_code == 429


def test_gateway_is_limited_per_key(limited: Platform) -> None:
    with limited.db.write() as session:
        first = auth.create_api_key(session, "pref-admin")
        second = auth.create_api_key(session, "pref-admin")
    client = _client(limited, "10.9.9.9")
    statuses = [
        client.get("/v1/models", headers={"Authorization": f"Bearer {first}"}).status_code
        for _ in range(3)
    ]
    assert statuses[2] == 429 and 429 not in statuses[:2]
    other = client.get("/v1/models", headers={"Authorization": f"Bearer {second}"})
    assert other.status_code != 429


def test_buckets_refill_over_time() -> None:
    now = [0.0]
    buckets = Buckets(clock=lambda: now[0])
    rate = Rate(2, 10)
    assert buckets.take("x", rate) == 0 and buckets.take("x", rate) == 0
    assert buckets.take("x", rate) == pytest.approx(5.0)
    now[0] = 5.0
    assert buckets.take("x", rate) == 0
    assert buckets.take("x", rate) > 0


def test_choice_rows_per_question_are_bounded(platform: Platform) -> None:
    seed(platform)
    client = TestClient(create_app(platform=platform))
    asked = client.post(ASK, json={"question": "パスポート 住民票"}).json()
    choices = asked["choices"] or ([asked["answer"]] if asked["answer"] else [])
    assert choices, asked
    for _ in range(25):
        for choice in choices:
            response = client.post(
                "/api/v1/tenants/aoba/choice",
                json={"token": asked["feedback_token"], "entry_id": choice["entry_id"]},
            )
            assert response.status_code == 200, response.text
    with platform.db.read() as session:
        rows = session.execute(
            select(func.count())
            .select_from(FeedbackEvent)
            .where(FeedbackEvent.question_id == asked["question_id"])
        ).scalar_one()
    assert rows == 1
