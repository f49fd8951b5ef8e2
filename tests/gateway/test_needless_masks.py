"""Needless masks (issue 9): common words and the tenant's own public names stay readable,
and a mask that is not personal data never raises the class or causes a refusal."""

from __future__ import annotations

from jichitai_ai.config import Settings
from jichitai_ai.domain.models import DepartmentContact, FaqRecord
from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.platform import Platform

from .conftest import Staff
from .fake_llm import FakeLLM


def ask(text: str, backend: str | None = None) -> ChatRequest:
    return ChatRequest("aoba-city", "alice", [ChatMessage("user", text)], backend=backend)


def test_common_words_are_not_masked_and_keep_the_class(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    text = "マイナポータルで生活保護の申請はできますか。タンスの処分とフードバンクの案内も、やさしい日本語で。"
    result = gateway.complete(ask(text, backend="cloud-small"))  # class 2 at most
    assert result.data_class == "2"
    assert llm.received[0].body["messages"][0]["content"] == text


def test_tenant_allow_list_from_faq_and_departments(
    gw_settings: Settings, gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    platform = Platform(gw_settings)
    try:
        with platform.db.write() as session:
            for i, (question, answer) in enumerate(
                [
                    ("モリノキッズの登録方法は？", "モリノキッズは市内の子育て応援アプリです。"),
                    ("キラリエはどこですか", "キラリエは駅前の複合施設です。市長 山田太郎"),
                ]
            ):
                faq_service.create_entry(
                    session,
                    staff.tenant_id,
                    FaqRecord(
                        question=question,
                        answer=answer,
                        external_id=f"allow-{i}",
                        department=DepartmentContact("あおばっこ支援課", phone="045-111-2222"),
                    ),
                )
    finally:
        platform.close()
    text = "モリノキッズとキラリエの案内を、あおばっこ支援課（045-111-2222）名義で作成"
    result = gateway.complete(ask(text, backend="cloud-small"))
    assert llm.received[0].body["messages"][0]["content"] == text
    assert result.data_class == "1"
    # A real name in the public FAQ is still masked: another resident may share it.
    gateway.complete(ask("山田太郎様の転居届について"))
    assert "山田太郎" not in llm.received[1].body["messages"][0]["content"]


def test_place_names_alone_stay_readable(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    gateway.complete(ask("京都と奈良の観光案内を英語で作って", backend="cloud-small"))
    assert llm.received[0].body["messages"][0]["content"] == "京都と奈良の観光案内を英語で作って"
    gateway.complete(ask("山田太郎様は京都在住です"))
    sent = llm.received[1].body["messages"][0]["content"]
    assert "山田太郎" not in sent and "京都" not in sent  # with a person, places are masked
