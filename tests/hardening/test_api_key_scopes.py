"""API keys carry a scope (full / read / gateway); auditors cannot use the gateway."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import auth
from jichitai_ai.services.auth import KeyScope
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.app import create_app
from tests.console.helpers import seed

CHAT = {
    "model": "auto",
    "messages": [{"role": "user", "content": "会議の議事録を要約してください"}],
}


@pytest.fixture
def client(platform: Platform) -> TestClient:
    seed(platform)
    return TestClient(create_app(platform=platform), raise_server_exceptions=False)


def _chat_denied(client: TestClient, key: dict[str, str]) -> bool:
    """Refused for the caller's rights (not for the gateway's data policy, also a 403)."""
    response = client.post("/v1/chat/completions", json=CHAT, headers=key)
    return response.status_code == 403 and response.json()["error"]["code"] == "error.forbidden"


def _key(platform: Platform, user: str, scope: KeyScope = KeyScope.FULL) -> dict[str, str]:
    with platform.db.write() as session:
        return {"Authorization": f"Bearer {auth.create_api_key(session, user, scope=scope)}"}


def test_gateway_only_key_cannot_touch_content(platform: Platform, client: TestClient) -> None:
    key = _key(platform, "aoba-editor", KeyScope.GATEWAY)
    assert client.get("/api/v1/tenants/aoba/faq", headers=key).status_code == 403
    created = client.post(
        "/api/v1/tenants/aoba/faq", json={"question": "質問", "answer": "回答"}, headers=key
    )
    assert created.status_code == 403
    assert client.get("/api/v1/tenants", headers=key).json() == []
    # It passes the gateway's permission check (what follows depends on configured backends).
    assert not _chat_denied(client, key)


def test_read_only_key_reads_but_neither_writes_nor_uses_the_gateway(
    platform: Platform, client: TestClient
) -> None:
    key = _key(platform, "aoba-editor", KeyScope.READ)
    assert client.get("/api/v1/tenants/aoba/faq", headers=key).status_code == 200
    created = client.post(
        "/api/v1/tenants/aoba/faq", json={"question": "質問", "answer": "回答"}, headers=key
    )
    assert created.status_code == 403
    assert (
        client.put("/api/v1/tenants/aoba/synonyms", json={"groups": []}, headers=key).status_code
        == 403
    )
    assert _chat_denied(client, key)
    full = _key(platform, "aoba-editor")
    assert (
        client.post(
            "/api/v1/tenants/aoba/faq",
            json={"question": "質問です", "answer": "回答です"},
            headers=full,
        ).status_code
        == 201
    )


def test_auditors_cannot_use_the_gateway(platform: Platform, client: TestClient) -> None:
    key = _key(platform, "aoba-auditor")
    assert _chat_denied(client, key)
    assert client.get("/api/v1/tenants/aoba/faq", headers=key).status_code == 200  # still reads
    editor = _key(platform, "aoba-editor")
    assert not _chat_denied(client, editor)


def test_cli_issues_scoped_keys(platform: Platform, settings: object) -> None:
    from typer.testing import CliRunner

    from jichitai_ai.cli.main import app

    seed(platform)
    result = CliRunner().invoke(
        app,
        ["user", "api-key", "aoba-editor", "--scope", "gateway", "--database-url", platform.db.url],
    )
    assert result.exit_code == 0, result.output
    with platform.db.read() as session:
        principal = auth.principal_from_api_key(session, result.output.strip())
    assert principal is not None and principal.scope is KeyScope.GATEWAY
