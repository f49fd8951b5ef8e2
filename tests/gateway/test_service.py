"""The service API: masking before sending, restoring for the requester, streaming."""

from __future__ import annotations

import pytest

from jichitai_ai.gateway import BackendFailed, ChatMessage, ChatRequest, Gateway
from jichitai_ai.services.errors import Invalid

from .conftest import Staff
from .fake_llm import FakeLLM

TEXT = "山田太郎様（電話 090-1234-5678）から児童手当の申請について問い合わせがありました。回答案を作ってください。"


def ask(staff: Staff, text: str = TEXT, **kw: object) -> ChatRequest:
    return ChatRequest(
        tenant_id=staff.tenant_id,
        user="alice",
        messages=[ChatMessage("system", "あなたは市役所の職員です。"), ChatMessage("user", text)],
        purpose="test",
        **kw,  # type: ignore[arg-type]
    )


def test_masked_text_is_sent_and_answer_restored(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    result = gateway.complete(ask(staff))
    seen = llm.all_text()
    assert "山田太郎" not in seen and "090-1234-5678" not in seen
    assert "【氏名1】" in seen and "【電話番号1】" in seen
    # The fake model repeats the (masked) question; the requester gets the originals back.
    assert "山田太郎" in result.content and "090-1234-5678" in result.content
    assert "【氏名1】" in result.masked_content
    assert result.backend == "onprem"
    assert result.data_class == "3B"  # name + phone: two kinds about one person
    assert result.entities == {"person": 1, "phone": 1}
    assert result.usage.prompt_tokens == 11 and result.usage.completion_tokens == 7
    assert result.masked_messages[1].content.startswith("【氏名1】様")
    assert llm.received[0].body["model"] == "local-llm"
    assert result.audit_id >= 1


def test_options_are_whitelisted(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    gateway.complete(ask(staff, options={"temperature": 0.2, "seed": 3}))
    body = llm.received[0].body
    assert body["temperature"] == 0.2 and body["seed"] == 3
    assert body["model"] == "local-llm"
    for bad in ({"model": "x"}, {"api_base": "evil"}, {"temperature": "hot"}):
        with pytest.raises(Invalid) as caught:
            gateway.complete(ask(staff, options=bad))
        assert caught.value.params["param"] == next(iter(bad))
    assert len(llm.received) == 1  # refused requests never reach the model


def test_streaming_restores_placeholders_split_across_chunks(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    stream = gateway.stream(ask(staff))
    chunks = list(stream)
    text = "".join(c.content for c in chunks)
    assert "山田太郎" in text and "090-1234-5678" in text
    assert "【" not in text
    assert chunks[-1].finish_reason == "stop"
    body = llm.received[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert "山田太郎" not in llm.all_text()
    assert stream.result is not None
    assert stream.result.content == text
    assert stream.result.usage.completion_tokens == 9


def test_conversation_keeps_one_placeholder_per_person(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    request = ChatRequest(
        tenant_id="aoba-city",
        user="alice",
        messages=[
            ChatMessage("user", "佐藤花子さんの転入手続きについて教えてください。"),
            ChatMessage("assistant", "佐藤花子さんの転入手続きですね。"),
            ChatMessage("user", "佐藤花子さんは来月引っ越します。"),
        ],
    )
    gateway.complete(request)
    contents = [m["content"] for m in llm.received[0].body["messages"]]
    assert all("【氏名1】" in c for c in contents)
    assert not any("佐藤花子" in c for c in contents)


def test_backend_failure_is_reported_and_audited(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    llm.fail_with = 500
    with pytest.raises(BackendFailed) as info:
        gateway.complete(ask(staff))
    assert info.value.status == 502
    assert "HTTP 500" in info.value.messages()["en"]
    with gateway.db.read() as session:
        from sqlalchemy import select

        from jichitai_ai.gateway.tables import GatewayAudit

        row = session.execute(select(GatewayAudit)).scalars().one()
        assert row.decision == "failed" and row.reason == "gateway.backend.status"


def test_azure_openai_request_shape(
    gateway: Gateway, staff: Staff, llm: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JICHITAI_TEST_AZURE_KEY", "azure-secret")
    result = gateway.complete(
        ask(staff, text="粗大ごみの出し方の案内文を作ってください。", backend="azure")
    )
    got = llm.received[0]
    assert got.path == "/openai/deployments/gpt-4o-jpeast/chat/completions"
    assert got.query == {"api-version": ["2024-06-01"]}
    assert got.headers["api-key"] == "azure-secret"
    assert "authorization" not in got.headers
    assert "model" not in got.body
    assert result.backend == "azure"


def test_echo_backend_needs_no_network(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    result = gateway.complete(ask(staff, backend="echo"))
    assert llm.received == []
    assert result.masked_content.startswith("受け付けた内容: 【氏名1】様")
    assert "山田太郎" in result.content
    streamed = "".join(c.content for c in gateway.stream(ask(staff, backend="echo")))
    assert streamed == result.content
