"""Dify moderation (issue 9): outputs are masked, never refused by the input class rules;
placeholder numbers continue the input's; non-string input values are scanned."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jichitai_ai.privacy.checksums import my_number_check_digit

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

URL = "/v1/dify/moderation"
NUMBER = "12345678901" + str(my_number_check_digit("12345678901"))


def test_output_is_masked_not_refused_and_numbering_is_shared(
    client: TestClient, staff: Staff, llm: FakeLLM
) -> None:
    key = bearer(staff.keys["alice"])
    given = client.post(
        URL,
        json={
            "point": "app.moderation.input",
            "params": {"app_id": "app-7", "inputs": {}, "query": "田村 恵子さんへの返信を作って"},
        },
        headers=key,
    ).json()
    assert given["action"] == "overridden" and "【氏名1】" in given["query"]
    # The model answers about the input's person and names a staff member.
    answer = "【氏名1】様、担当の小野寺 一樹（電話 022-333-4444）がご連絡します。"
    out = client.post(
        URL,
        json={"point": "app.moderation.output", "params": {"app_id": "app-7", "text": answer}},
        headers=key,
    ).json()
    assert out["flagged"] is True and out["action"] == "overridden"
    assert "小野寺" not in out["text"] and "022-333-4444" not in out["text"]
    assert "【氏名1】様" in out["text"] and "【氏名2】" in out["text"]  # continues, no collision
    assert "機密性" not in out["text"] and out["preset_response"] == ""
    # An output naming several people with a 要配慮 term is still only masked.
    text = "生活保護の件、【氏名1】様と家族の岩清水 修さんに説明済み。"
    out = client.post(
        URL,
        json={"point": "app.moderation.output", "params": {"app_id": "app-7", "text": text}},
        headers=key,
    ).json()
    assert out["action"] == "overridden" and "岩清水" not in out["text"]
    assert "【氏名1】様" in out["text"]
    assert llm.received == []


def test_non_string_inputs_are_scanned(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    r = client.post(
        URL,
        json={
            "point": "app.moderation.input",
            "params": {
                "app_id": "a",
                "inputs": {
                    "id": int(NUMBER),
                    "people": ["堀之内 礼子様", {"mail": "reiko.h@example.org"}],
                    "count": 3,
                    "urgent": True,
                },
                "query": "回答案",
            },
        },
        headers=bearer(staff.keys["alice"]),
    ).json()
    assert r["flagged"] is True
    inputs = r["inputs"]
    assert inputs["id"] == "【番号1】"  # a number typed into a number field is masked too
    assert "堀之内" not in inputs["people"][0] and "reiko.h" not in inputs["people"][1]["mail"]
    assert inputs["count"] == 3 and inputs["urgent"] is True
