"""``jichitai-ai gateway preview`` and the console preview: exactly what a real request
would send (compared with what the stand-in model then receives), sending nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from jichitai_ai.config import Settings
from jichitai_ai.gateway.cli import app as gateway_cli
from jichitai_ai.privacy.checksums import my_number_check_digit

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

BODY: dict[str, Any] = {
    "model": "auto",
    "messages": [
        {"role": "system", "content": "丁寧に回答してください。"},
        {"role": "user", "content": "佐々木 里美さん（080-2468-1357、S47.3.9生）への返信案"},
    ],
    "stop": ["佐々木"],
    "temperature": 0.2,
}
KEYS = ("refused", "reason", "data_class", "persons", "sent", "masked")


def _toml(url: str) -> str:
    return f"""
[gateway]
default_backend = "onprem"

[gateway.backends.onprem]
endpoint = "{url}/v1"
model = "local-llm"
in_country = true
on_premises = true
trains_on_inputs = false
max_class = "3A"
stream_usage = true

[gateway.backends.cloud-small]
endpoint = "{url}/v1"
model = "cloud-small"
in_country = true
trains_on_inputs = false
max_class = "2"
"""


def run_preview(tmp_path: Path, settings: Settings, url: str, body: Any, *extra: str) -> Any:
    config = tmp_path / "jichitai.toml"
    config.write_text(_toml(url), encoding="utf-8")
    result = CliRunner().invoke(
        gateway_cli,
        [
            "preview",
            "--tenant",
            "aoba-city",
            "--json",
            "-",
            "--database-url",
            settings.database_url,
            *extra,
        ],
        input=json.dumps(body, ensure_ascii=False),
        env={"JICHITAI_CONFIG": str(config), "JICHITAI_SECRET_KEY": "test-secret"},
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_preview_is_what_a_real_request_sends(
    tmp_path: Path, gw_settings: Settings, staff: Staff, client: TestClient, llm: FakeLLM
) -> None:
    shown = run_preview(tmp_path, gw_settings, llm.url, BODY)
    assert tuple(shown) == KEYS
    assert shown["refused"] is False and shown["reason"] is None
    assert shown["data_class"] == "3B" and shown["persons"] == 1
    assert llm.received == []  # the preview sent nothing
    sent = json.dumps(shown["sent"], ensure_ascii=False)
    assert "佐々木" not in sent and "080-2468-1357" not in sent and "S47.3.9" not in sent
    real = client.post("/v1/chat/completions", json=BODY, headers=bearer(staff.keys["alice"]))
    assert real.status_code == 200, real.text
    assert llm.received[0].body == shown["sent"]


def test_cli_preview_refusals(
    tmp_path: Path, gw_settings: Settings, staff: Staff, llm: FakeLLM
) -> None:
    refused = run_preview(tmp_path, gw_settings, llm.url, BODY, "--backend", "cloud-small")
    masked = json.dumps(refused.pop("masked"), ensure_ascii=False)
    assert "佐々木" not in masked and "080-2468-1357" not in masked and "【氏名1】" in masked
    assert refused == {
        "refused": True,
        "reason": "gateway.refused.class_too_high",
        "data_class": "3B",
        "persons": 1,
        "sent": None,
    }
    number = "12345678901" + str(my_number_check_digit("12345678901"))
    split = {"messages": [{"role": "user", "content": "マイナンバー " + " ".join(number)}]}
    mine = run_preview(tmp_path, gw_settings, llm.url, split)
    assert mine["refused"] is True and mine["reason"] == "gateway.refused.my_number"
    unknown = run_preview(tmp_path, gw_settings, llm.url, {**BODY, "logit_bias_x": 1})
    assert unknown["refused"] is True and unknown["reason"] == "gateway.invalid.unknown_field"
    assert llm.received == []


def test_console_preview_api_and_page(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    key = bearer(staff.keys["alice"])
    r = client.post("/api/v1/gateway/tenants/aoba-city/preview", json=BODY, headers=key)
    assert r.status_code == 200 and tuple(r.json()) == KEYS
    assert "佐々木" not in json.dumps(r.json()["sent"], ensure_ascii=False)
    r = client.post(
        "/api/v1/gateway/tenants/aoba-city/preview?backend=cloud-small", json=BODY, headers=key
    )
    assert r.json()["reason"] == "gateway.refused.class_too_high"
    assert client.post("/api/v1/gateway/tenants/aoba-city/preview", json=BODY).status_code == 401
    page = client.get("/console/gateway/preview", headers=key)
    assert page.status_code == 200 and "送信内容の確認" in page.text and "preview.js" in page.text
    assert client.get("/console/gateway/static/preview.js").status_code == 200
    assert llm.received == []
