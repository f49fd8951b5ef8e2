"""Dify moderation (issue 9): outputs are masked, never refused by the input class rules;
placeholder numbers continue the input's; non-string input values are scanned."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.gateway import Gateway
from jichitai_ai.privacy.checksums import my_number_check_digit
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.errors import install_error_handlers

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

URL = "/v1/dify/moderation"
NUMBER = "12345678901" + str(my_number_check_digit("12345678901"))
CARD = "4111111111111111"  # passes the Luhn check: a card number


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
                    "id": int(CARD),
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
    assert inputs["id"] == "【カード番号1】"  # a number typed into a number field is masked too
    assert "堀之内" not in inputs["people"][0] and "reiko.h" not in inputs["people"][1]["mail"]
    assert inputs["count"] == 3 and inputs["urgent"] is True
    # A 12-digit number with a right 個人番号 check digit in a number field, with no other
    # number's label, is taken for a マイナンバー since rt5: refused, never passed on.
    r = client.post(
        URL,
        json={
            "point": "app.moderation.input",
            "params": {"app_id": "a", "inputs": {"id": int(NUMBER)}, "query": "回答案"},
        },
        headers=bearer(staff.keys["alice"]),
    ).json()
    assert r["flagged"] is True and r["action"] == "direct_output"
    assert "マイナンバー" in r["preset_response"]


def _worker(gw_settings: Settings) -> tuple[TestClient, Platform]:
    """One more app instance on the same database: a second worker or machine."""
    from jichitai_ai.web.api.gateway import router

    platform = Platform(gw_settings)
    app = FastAPI()
    app.state.platform = platform
    install_error_handlers(app)
    app.include_router(router)
    return TestClient(app), platform


def test_numbering_continues_on_another_worker(
    client: TestClient, gw_settings: Settings, staff: Staff, llm: FakeLLM
) -> None:
    """Input moderated by one app instance, output by another: the counters live in the
    database, so the second instance continues after 【氏名2】 instead of restarting."""
    key = bearer(staff.keys["alice"])
    given = client.post(
        URL,
        json={
            "point": "app.moderation.input",
            "params": {
                "app_id": "app-9",
                "inputs": {},
                "query": "田村 恵子さんと夫の田村 洋平さんの件",
            },
        },
        headers=key,
    ).json()
    assert "【氏名1】" in given["query"] and "【氏名2】" in given["query"]
    other, platform = _worker(gw_settings)
    try:
        with other:
            answer = "【氏名2】様の件は担当の小野寺 一樹が対応します。"
            out = other.post(
                URL,
                json={
                    "point": "app.moderation.output",
                    "params": {"app_id": "app-9", "text": answer},
                },
                headers=key,
            ).json()
            assert "【氏名2】様" in out["text"] and "【氏名3】" in out["text"]
            assert "小野寺" not in out["text"] and "【氏名1】が" not in out["text"]
            # Back on the first worker, a later output continues after the second's number.
            again = client.post(
                URL,
                json={
                    "point": "app.moderation.output",
                    "params": {"app_id": "app-9", "text": "次回は鷲尾 里美が伺います。"},
                },
                headers=key,
            ).json()
            assert "【氏名4】" in again["text"] and "鷲尾" not in again["text"]
            # Another app of the same user starts its own numbering.
            fresh = other.post(
                URL,
                json={
                    "point": "app.moderation.output",
                    "params": {"app_id": "app-10", "text": "鷲尾 里美が伺います。"},
                },
                headers=key,
            ).json()
            assert "【氏名1】" in fresh["text"]
    finally:
        Gateway.from_platform(platform).close()
        platform.close()
    assert llm.received == []


def test_expired_counters_restart(gateway: Gateway, staff: Staff) -> None:
    from datetime import timedelta

    from jichitai_ai.gateway import _counters
    from jichitai_ai.timeutil import utcnow

    key = (staff.tenant_id, "alice", "app-x")
    with gateway.db.write() as session:
        _counters.store(session, key, {"氏名": 3})
    with gateway.db.write() as session:
        assert _counters.load(session, key) == {"氏名": 3}
        _counters.store(session, key, {"氏名": 1, "電話番号": 2})  # never lowers a number
    with gateway.db.write() as session:
        assert _counters.load(session, key) == {"氏名": 3, "電話番号": 2}
        later = utcnow() + _counters.TTL + timedelta(minutes=1)
        assert _counters.load(session, key, now=later) == {}


def test_concurrent_workers_never_reuse_a_number(
    client: TestClient, gw_settings: Settings, staff: Staff
) -> None:
    """Two instances moderating outputs of one conversation at the same time: every new
    person gets a number of its own (the counter row is locked while it is read and stored)."""
    import re
    from concurrent.futures import ThreadPoolExecutor

    key = bearer(staff.keys["alice"])
    other, platform = _worker(gw_settings)
    names = ["鷲尾 里美", "小野寺 一樹", "田村 洋平", "岩清水 修", "勅使河原 澄子", "御手洗 登志夫"]

    def post(args: tuple[TestClient, str]) -> str:
        worker, name = args
        body = {"point": "app.moderation.output", "params": {"app_id": "c", "text": f"{name}さん"}}
        return str(worker.post(URL, json=body, headers=key).json()["text"])

    try:
        with other, ThreadPoolExecutor(4) as pool:
            jobs = [(client if i % 2 else other, name) for i, name in enumerate(names)]
            texts = list(pool.map(post, jobs))
    finally:
        Gateway.from_platform(platform).close()
        platform.close()
    numbers = [int(n) for t in texts for n in re.findall(r"【氏名(\d+)】", t)]
    assert sorted(numbers) == list(range(1, len(names) + 1)), texts
