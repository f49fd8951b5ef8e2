"""Every field that reaches a backend is checked (issue 9 red team): option texts are
masked with the messages' vault, structural fields with personal data and unknown fields
are refused with 400 in OpenAI's error shape, and nothing refused reaches the model."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from jichitai_ai.privacy.checksums import my_number_check_digit

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

NAME, PHONE, MAIL = "山田太郎", "090-1234-5678", "yamada.taro@example.jp"
NUMBER = "12345678901" + str(my_number_check_digit("12345678901"))


def post(client: TestClient, staff: Staff, body: dict[str, Any]) -> Any:
    payload = {"model": "auto", **body}
    payload.setdefault("messages", [{"role": "user", "content": "回答案を作ってください"}])
    return client.post("/v1/chat/completions", json=payload, headers=bearer(staff.keys["alice"]))


def assert_openai_400(r: Any, param: str, code: str) -> None:
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert isinstance(error["message"], str) and error["type"] == "invalid_request_error"
    assert error["param"] == param and error["code"] == code


def test_stop_and_option_texts_are_masked(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    r = post(
        client,
        staff,
        {
            "stop": [f"{NAME} {PHONE}", "終わり"],
            "user": f"{NAME}様",
            "metadata": {"note": f"連絡先 {MAIL}"},
            "temperature": 0.3,
            "seed": 7,
        },
    )
    assert r.status_code == 200, r.text
    # The option texts count for the class (the old gateway recorded class 1 here).
    assert r.headers["X-Jichitai-Data-Class"] == "3B"
    sent = llm.raw_bodies()
    for secret in (NAME, PHONE, MAIL):
        assert secret not in sent
    body = llm.received[0].body
    assert body["stop"][0] == "【氏名1】 【電話番号1】" and body["stop"][1] == "終わり"
    assert body["user"] == "【氏名1】様" and "【メール1】" in body["metadata"]["note"]
    assert body["temperature"] == 0.3 and body["seed"] == 7


def test_tools_and_response_format_texts_are_masked(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "register_visit",
            "description": f"{NAME}さんの来庁記録を登録する（電話 {PHONE}）",
            "parameters": {
                "type": "object",
                "properties": {
                    "who": {"type": "string", "description": f"例: {NAME}", "enum": [NAME]}
                },
                "required": ["who"],
            },
        },
    }
    schema = {
        "type": "json_schema",
        "json_schema": {
            "name": "reply",
            "description": f"{MAIL} 宛の返信",
            "schema": {"type": "object", "properties": {"body": {"type": "string"}}},
        },
    }
    r = post(
        client,
        staff,
        {
            "messages": [{"role": "user", "content": f"{NAME}さんの件です"}],
            "tools": [tool],
            "tool_choice": "auto",
            "response_format": schema,
        },
    )
    assert r.status_code == 200, r.text
    sent = llm.raw_bodies()
    assert NAME not in sent and PHONE not in sent and MAIL not in sent
    body = llm.received[0].body
    function = body["tools"][0]["function"]
    assert function["name"] == "register_visit"
    assert function["parameters"]["properties"]["who"]["enum"] == ["【氏名1】"]
    assert function["parameters"]["required"] == ["who"]
    assert (
        body["tool_choice"] == "auto" and body["response_format"]["json_schema"]["name"] == "reply"
    )
    # The model called the tool with the placeholder; the caller gets the original back.
    [call] = r.json()["choices"][0]["message"]["tool_calls"]
    assert call["function"]["name"] == "register_visit"
    assert NAME in json.loads(call["function"]["arguments"])["text"]
    assert r.json()["choices"][0]["finish_reason"] == "tool_calls"


def test_tool_role_and_earlier_tool_calls_are_masked(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    messages = [
        {"role": "user", "content": "来庁記録を調べて", "name": "Taro"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {
                        "name": "lookup",
                        "arguments": json.dumps({"who": NAME, "tel": PHONE}, ensure_ascii=False),
                    },
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": f"{NAME}（{PHONE}）来庁あり"},
    ]
    r = post(client, staff, {"messages": messages})
    assert r.status_code == 200, r.text
    sent = llm.raw_bodies()
    assert NAME not in sent and PHONE not in sent and "Taro" not in sent
    body = llm.received[0].body
    assert body["messages"][0]["name"] == "participant1"
    arguments = json.loads(body["messages"][1]["tool_calls"][0]["function"]["arguments"])
    assert arguments == {"who": "【氏名1】", "tel": "【電話番号1】"}
    assert body["messages"][2] == {
        "role": "tool",
        "content": "【氏名1】（【電話番号1】）来庁あり",
        "tool_call_id": "call_9",
    }


def test_unknown_and_mistyped_fields_are_refused(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    assert_openai_400(
        post(client, staff, {"api_base": "http://evil"}),
        "api_base",
        "gateway.invalid.unknown_field",
    )
    assert_openai_400(
        post(client, staff, {"temperature": "hot"}), "temperature", "gateway.invalid.field_type"
    )
    bad_message = {"messages": [{"role": "user", "content": "x", "audio": "…"}]}
    assert_openai_400(
        post(client, staff, bad_message), "messages[0].audio", "gateway.invalid.unknown_field"
    )
    bad_tool = {"tools": [{"type": "retrieval"}]}
    assert_openai_400(post(client, staff, bad_tool), "tools[0]", "gateway.invalid.tool")
    no_id = {"messages": [{"role": "tool", "content": "x"}]}
    assert_openai_400(
        post(client, staff, no_id), "messages[0].tool_call_id", "gateway.invalid.tool_call_id"
    )
    assert llm.received == []


def test_personal_data_in_a_structural_field_is_refused(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    schema = {
        "type": "json_schema",
        "json_schema": {
            "name": "reply",
            "schema": {"type": "object", "properties": {f"{NAME}様の電話": {"type": "string"}}},
        },
    }
    r = post(client, staff, {"response_format": schema})
    assert r.status_code == 400 and r.json()["error"]["code"] == "gateway.invalid.personal_in_field"
    assert "properties" in r.json()["error"]["param"]
    assert llm.received == []


def test_my_number_split_across_messages_is_refused(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    messages = [
        {"role": "user", "content": f"マイナンバーを送ります {NUMBER[:4]}"},
        {"role": "user", "content": NUMBER[4:8]},
        {"role": "user", "content": NUMBER[8:]},
    ]
    r = post(client, staff, {"messages": messages})
    assert r.status_code == 403 and r.json()["error"]["code"] == "gateway.refused.my_number"
    one_per_line = [{"role": "user", "content": "個人番号:\n" + "\n".join(NUMBER)}]
    r = post(client, staff, {"messages": one_per_line})
    assert r.status_code == 403
    with_words = [
        {"role": "user", "content": f"マイナンバーの番号は{NUMBER[:4]}、"},
        {"role": "user", "content": f"続きは{NUMBER[4:8]}、"},
        {"role": "user", "content": f"最後{NUMBER[8:]}です"},
    ]
    r = post(client, staff, {"messages": with_words})
    assert r.status_code == 403 and r.json()["error"]["code"] == "gateway.refused.my_number"
    in_stop = post(client, staff, {"stop": [f"マイナンバー {NUMBER}"]})
    assert in_stop.status_code == 403
    assert llm.received == []


def test_unlabelled_check_digit_number_is_masked_and_class_unchanged(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    text = "生活保護の申請について、受付番号 202406010009 の進み具合を確認したい"
    r = post(
        client, staff, {"messages": [{"role": "user", "content": text}], "model": "cloud-small"}
    )
    assert r.status_code == 200, r.text
    assert "202406010009" not in llm.raw_bodies() and "【番号1】" in llm.all_text()
    assert r.headers["X-Jichitai-Data-Class"] == "2"


def test_size_limits_are_cheap_413(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    import time

    started = time.monotonic()
    r = post(client, staff, {"messages": [{"role": "user", "content": "あ" * 100_000}]})
    assert r.status_code == 413
    assert r.json()["error"]["param"] == "messages[0].content"
    many = [{"role": "user", "content": "い" * 15_000} for _ in range(4)]
    r = post(client, staff, {"messages": many})
    assert r.status_code == 413 and r.json()["error"]["code"] == "gateway.invalid.request_too_long"
    assert time.monotonic() - started < 5  # refused before any detection runs
    assert llm.received == []


def test_person_cap_counts_romaji_names(
    client: TestClient, staff: Staff, llm: FakeLLM, gateway: Any
) -> None:
    from jichitai_ai.services import tenants as tenant_service

    with gateway.db.write() as session:
        tenant_service.update_settings(session, staff.tenant_id, {"gateway": {"person_cap": 2}})
    text = "Kenji Watanabe、Yuko Sato、Hiroshi Tanaka の三名に通知を送ります"
    r = post(client, staff, {"messages": [{"role": "user", "content": text}]})
    assert r.status_code == 403 and r.json()["error"]["code"] == "gateway.refused.person_cap"
    assert llm.received == []


def test_tool_call_argument_called_name_is_masked_not_refused(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    # Held-out set 12, first run: {"name": <person>} in tool-call arguments was read as a
    # schema word and the whole request refused with 400; bare there, it is masked because
    # the user turn named the person (privacy/_conversation.py).
    arguments = json.dumps({"name": "Liu Yang", "type": NAME, "card": "UH48213570SD"})
    call = {"id": "c1", "type": "function", "function": {"name": "find", "arguments": arguments}}
    messages = [
        {"role": "user", "content": "届出人 Liu Yang 様の在留期限を確認して"},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "c1", "content": "在留期限 2027年3月"},
    ]
    r = post(client, staff, {"messages": messages})
    assert r.status_code == 200, r.text
    sent = llm.raw_bodies()
    assert "Liu" not in sent and "Yang" not in sent and "UH48213570SD" not in sent
    assert json.dumps(NAME)[1:-1] not in sent and NAME not in sent
