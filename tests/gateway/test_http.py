"""The exposed OpenAI-compatible API and the Dify moderation extension."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from jichitai_ai.privacy.checksums import my_number_check_digit

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

TEXT = "鈴木花子様（taro.suzuki@example.jp、03-1234-5678）への回答案を作ってください。"


def chat(client: TestClient, key: str, text: str = TEXT, **extra: object) -> dict[str, object]:
    headers = extra.pop("headers", {})
    return {
        "url": "/v1/chat/completions",
        "json": {"model": "auto", "messages": [{"role": "user", "content": text}], **extra},
        "headers": bearer(key, **headers),  # type: ignore[arg-type]
    }


def test_non_streaming_completion(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    r = client.post(**chat(client, staff.keys["alice"], temperature=0.1))  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    body = r.json()
    answer = body["choices"][0]["message"]["content"]
    assert "鈴木花子" in answer and "taro.suzuki@example.jp" in answer
    assert body["object"] == "chat.completion" and body["usage"]["total_tokens"] == 18
    assert r.headers["X-Jichitai-Data-Class"] == "3B"
    assert int(r.headers["X-Jichitai-Audit-Id"]) >= 1
    sent = llm.raw_bodies()
    assert "鈴木花子" not in sent and "taro.suzuki" not in sent and "1234-5678" not in sent
    assert llm.received[0].body["temperature"] == 0.1


def test_streaming_completion_is_openai_sse(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    with client.stream("POST", **chat(client, staff.keys["alice"], stream=True)) as r:  # type: ignore[arg-type]
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in r.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    chunks = [json.loads(line[6:]) for line in lines[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert "鈴木花子" in text and "03-1234-5678" in text
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
    assert "鈴木花子" not in llm.raw_bodies()


def test_refusals_are_openai_errors_in_japanese_and_english(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    number = "98765432101" + str(my_number_check_digit("98765432101"))
    for stream in (False, True):
        r = client.post(
            **chat(client, staff.keys["alice"], f"個人番号は{number}です", stream=stream)
        )  # type: ignore[arg-type]
        assert r.status_code == 403
        error = r.json()["error"]
        assert error["code"] == "gateway.refused.my_number"
        assert "マイナンバー" in error["message"] and "My Number" in error["message"]
        assert error["audit_id"] >= 1
    r = client.post(
        **chat(
            client,
            staff.keys["alice"],
            "会議録の要約",
            headers={"X-Jichitai-Data-Class": "3A"},
            model="cloud-jp",
        )
    )  # type: ignore[arg-type]
    assert (
        r.status_code == 403 and r.json()["error"]["code"] == "gateway.refused.leaves_organisation"
    )
    r = client.post(
        **chat(client, staff.keys["alice"], "会議録の要約", headers={"X-Jichitai-Data-Class": "9"})
    )  # type: ignore[arg-type]
    assert r.status_code == 400
    r = client.post(
        "/v1/chat/completions",
        json={
            "messages": [
                {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}
            ]
        },
        headers=bearer(staff.keys["alice"]),
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "gateway.invalid.content"
    assert llm.received == []


def test_keys_and_tenants(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    assert (
        client.post(
            "/v1/chat/completions", json={"messages": [{"role": "user", "content": "x"}]}
        ).status_code
        == 401
    )
    bad = client.post(**chat(client, "jai_not-a-key"))  # type: ignore[arg-type]
    assert bad.status_code == 401
    # carol belongs to two tenants: she has to say which one.
    r = client.post(**chat(client, staff.keys["carol"]))  # type: ignore[arg-type]
    assert r.status_code == 400 and r.json()["error"]["code"] == "gateway.invalid.tenant_required"
    r = client.post(
        **chat(client, staff.keys["carol"], headers={"X-Jichitai-Tenant": "sakura-town"})
    )  # type: ignore[arg-type]
    assert r.status_code == 200
    r = client.post(
        **chat(client, staff.keys["alice"], headers={"X-Jichitai-Tenant": "sakura-town"})
    )  # type: ignore[arg-type]
    assert r.status_code == 403
    models = client.get("/v1/models", headers=bearer(staff.keys["alice"])).json()
    ids = [m["id"] for m in models["data"]]
    assert ids[0] == "auto" and "onprem" in ids and "azure" in ids
    assert "api_key_env" not in json.dumps(models)


def test_dify_moderation_extension(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    url = "/v1/dify/moderation"
    key = bearer(staff.keys["alice"])
    assert client.post(url, json={"point": "ping"}, headers=key).json() == {"result": "pong"}
    r = client.post(
        url,
        json={
            "point": "app.moderation.input",
            "params": {"app_id": "a1", "inputs": {"name": "佐藤一郎", "n": 3}, "query": TEXT},
        },
        headers=key,
    ).json()
    assert r["flagged"] is True and r["action"] == "overridden"
    assert "鈴木花子" not in r["query"] and "【氏名" in r["query"]
    assert r["inputs"]["n"] == 3 and "佐藤一郎" not in r["inputs"]["name"]
    clean = client.post(
        url,
        json={"point": "app.moderation.input", "params": {"inputs": {}, "query": "ごみの日は？"}},
        headers=key,
    ).json()
    assert clean["flagged"] is False and clean["query"] == "ごみの日は？"
    number = "12345678901" + str(my_number_check_digit("12345678901"))
    blocked = client.post(
        url,
        json={
            "point": "app.moderation.input",
            "params": {"inputs": {}, "query": f"マイナンバー{number}"},
        },
        headers=key,
    ).json()
    assert blocked["flagged"] is True and blocked["action"] == "direct_output"
    assert "マイナンバー" in blocked["preset_response"]
    out = client.post(
        url,
        json={"point": "app.moderation.output", "params": {"app_id": "a1", "text": TEXT}},
        headers=key,
    ).json()
    assert out["flagged"] is True and "鈴木花子" not in out["text"]
    assert client.post(url, json={"point": "ping"}).status_code == 401
    assert llm.received == []  # moderation never calls a model


def test_streaming_edge_cases(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    held = client.post(
        **chat(client, staff.keys["alice"], stream=True, headers={"X-Jichitai-Review": "yes"})  # type: ignore[arg-type]
    )
    assert held.status_code == 200 and held.headers["X-Jichitai-Review-Id"]
    events = [line for line in held.text.split("\n") if line.startswith("data: ")]
    assert events[-1] == "data: [DONE]"
    assert "確認" in json.loads(events[0][6:])["choices"][0]["delta"]["content"]
    assert llm.received == []
    llm.fail_with = 503
    failed = client.post(**chat(client, staff.keys["alice"], stream=True))  # type: ignore[arg-type]
    events = [line for line in failed.text.split("\n") if line.startswith("data: ")]
    assert json.loads(events[0][6:])["choices"][0]["delta"]["role"] == "assistant"
    [error_event] = [json.loads(e[6:]) for e in events[:-1] if "error" in json.loads(e[6:])]
    assert error_event["choices"][0]["finish_reason"] == "stop"  # Dify reads choices
    error = error_event["error"]
    assert error["code"] == "gateway.backend.status" and "503" in error["message"]
    assert events[-1] == "data: [DONE]"
    failed_plain = client.post(**chat(client, staff.keys["alice"]))  # type: ignore[arg-type]
    assert failed_plain.status_code == 502
    assert "boom" not in failed_plain.text  # the upstream body is never relayed
