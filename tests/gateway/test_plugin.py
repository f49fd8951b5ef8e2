"""The gateway is registered in the real application and CLI through its plugin."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.cli.main import app as cli
from jichitai_ai.config import Settings
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.schema import metadata
from jichitai_ai.web.app import create_app

from .conftest import Staff, bearer
from .fake_llm import FakeLLM


def test_routes_tables_and_commands_are_registered(
    gw_settings: Settings, staff: Staff, llm: FakeLLM
) -> None:
    assert {"gateway_audit", "gateway_audit_head", "gateway_reviews"} <= set(metadata.tables)
    platform = Platform(gw_settings)
    try:
        with TestClient(create_app(platform=platform)) as client:
            assert client.get("/v1/models").status_code == 401
            r = client.post(
                "/v1/chat/completions",
                json={"messages": [{"role": "user", "content": "佐藤花子さんへの案内文を作って"}]},
                headers=bearer(staff.keys["alice"]),
            )
            assert r.status_code == 200, r.text
            assert "佐藤花子" in r.json()["choices"][0]["message"]["content"]
            assert "佐藤花子" not in llm.raw_bodies()
    finally:
        platform.close()
    result = CliRunner().invoke(cli, ["gateway", "--help"])
    assert result.exit_code == 0 and "audit" in result.output and "retention" in result.output
