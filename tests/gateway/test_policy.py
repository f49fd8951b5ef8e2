"""Policy: マイナンバー, the person cap, data classes and backend attributes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jichitai_ai.config import ConfigError, Settings
from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway, GatewayConfig, PolicyRefused
from jichitai_ai.gateway._policy import decide
from jichitai_ai.privacy import ConfidentialityClass, DataClassAssessment
from jichitai_ai.privacy.checksums import my_number_check_digit
from jichitai_ai.privacy.synthetic import GIVEN_NAMES, SURNAMES
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import ServiceError

from .conftest import Staff, gateway_config
from .fake_llm import FakeLLM

C = ConfidentialityClass


def my_number() -> str:
    body = "12345678901"
    return body + str(my_number_check_digit(body))


def req(staff: Staff, text: str, **kw: object) -> ChatRequest:
    return ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", text)], **kw)  # type: ignore[arg-type]


def refusal(gateway: Gateway, request: ChatRequest) -> PolicyRefused:
    with pytest.raises(PolicyRefused) as info:
        gateway.complete(request)
    return info.value


def test_my_number_is_always_refused_with_a_clear_reason(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    text = f"申請者のマイナンバーは{my_number()}です。"
    for backend in (None, "onprem", "echo"):
        exc = refusal(gateway, req(staff, text, backend=backend))
        assert exc.key == "gateway.refused.my_number"
        assert "マイナンバー" in exc.messages()["ja"] and "My Number" in exc.messages()["en"]
        assert exc.status == 403 and exc.audit_id > 0
    with pytest.raises(PolicyRefused):
        gateway.stream(req(staff, text))
    assert llm.received == []


def test_person_cap_default_is_1000(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    names = [s + g for s in SURNAMES for g in GIVEN_NAMES][:1001]
    exc = refusal(gateway, req(staff, "次の方々に通知を送ります：" + "様、".join(names) + "様"))
    assert exc.key == "gateway.refused.person_cap"
    assert exc.params["cap"] == 1000 and exc.params["persons"] > 1000
    assert "1000" in exc.messages()["ja"]
    assert llm.received == []


def test_tenant_rules_can_only_tighten(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    with gateway.db.write() as session:
        tenant_service.update_settings(
            session,
            staff.tenant_id,
            {"gateway": {"person_cap": 2, "classes": {"3C": ["onprem"]}}},
        )
    three = "佐藤太郎さん、鈴木花子さん、高橋一郎さんの三名に案内を送ります。"
    exc = refusal(gateway, req(staff, three))
    assert exc.key == "gateway.refused.person_cap" and exc.params == {"persons": 3, "cap": 2}
    gateway.complete(req(staff, "佐藤太郎さんと鈴木花子さんに案内を送ります。"))
    assert len(llm.received) == 1
    # 3C (one kind of personal data) is now restricted to onprem for this tenant.
    exc = refusal(gateway, req(staff, "佐藤太郎さんに案内を送ります。", backend="cloud-jp"))
    assert exc.key == "gateway.refused.not_allowed_for_class"
    # A tenant cannot raise the deployment cap.
    with gateway.db.write() as session:
        tenant_service.update_settings(session, staff.tenant_id, {"gateway": {"person_cap": 5000}})
    exc = refusal(
        gateway,
        req(
            staff,
            "次の方々に通知を送ります："
            + "様、".join(s + g for s in SURNAMES for g in GIVEN_NAMES)
            + "様",
        ),
    )
    assert exc.params["cap"] == 1000


@pytest.mark.parametrize(
    ("text", "declared", "backend", "key"),
    [
        # 3A (要配慮 + an identifiable person) never leaves the organisation.
        (
            "山田太郎さんは生活保護を受給しています。",
            None,
            "cloud-jp",
            "gateway.refused.leaves_organisation",
        ),
        ("山田太郎さんの連絡先は090-1234-5678です。", None, "abroad", "gateway.refused.abroad"),
        (
            "山田太郎さんの連絡先は090-1234-5678です。",
            None,
            "trainer",
            "gateway.refused.trains_on_inputs",
        ),
        (
            "山田太郎さんの連絡先は090-1234-5678です。",
            None,
            "cloud-small",
            "gateway.refused.class_too_high",
        ),
        # Declared class stricter than detected: the declaration wins.
        ("会議資料の要約をお願いします。", "3B", "cloud-small", "gateway.refused.class_too_high"),
        ("会議資料の要約をお願いします。", "3A", "cloud-jp", "gateway.refused.leaves_organisation"),
        ("会議資料の要約をお願いします。", None, "nonexistent", "gateway.refused.backend_unknown"),
    ],
)
def test_backend_that_does_not_fit_is_refused(
    gateway: Gateway,
    staff: Staff,
    llm: FakeLLM,
    text: str,
    declared: str | None,
    backend: str,
    key: str,
) -> None:
    exc = refusal(gateway, req(staff, text, data_class=declared, backend=backend))
    assert exc.key == key
    messages = exc.messages()
    assert messages["ja"] != key and messages["en"] != key  # a real sentence, not the key
    assert "山田" not in messages["ja"] + messages["en"]
    assert llm.received == []


def test_allowed_requests_pick_a_backend_that_fits(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    # Declared 1 but detected 3A: the stricter class decides, and only onprem fits.
    result = gateway.complete(
        req(staff, "山田太郎さんは生活保護を受給しています。", data_class="1", backend="onprem")
    )
    assert result.data_class == "3A" and result.backend == "onprem"
    public = gateway.complete(req(staff, "会議資料の要約をお願いします。", backend="cloud-small"))
    assert public.data_class == "1" and public.backend == "cloud-small"
    assert (
        gateway.complete(req(staff, "会議資料の要約をお願いします。", data_class="３ｂ")).data_class
        == "3B"
    )


def _assessment(level: C, persons: int = 0, my_number: bool = False) -> DataClassAssessment:
    return DataClassAssessment(level, my_number, False, persons, ())


def test_decide_rules_without_a_database(settings: Settings) -> None:
    config = GatewayConfig.from_settings(
        replace(settings, raw={"gateway": gateway_config("http://127.0.0.1:9")})
    )
    policy, backends = config.policy, config.backends
    assert decide(_assessment(C.C3A), None, None, backends, policy).backend.name == "onprem"  # type: ignore[union-attr]
    assert (
        decide(_assessment(C.C1), None, "abroad", backends, policy).reason
        == "gateway.refused.abroad"
    )
    public = replace(policy, public_to_any_backend=True)
    assert decide(_assessment(C.C1), None, "abroad", backends, public).allowed
    assert (
        decide(_assessment(C.C2), None, "abroad", backends, public).reason
        == "gateway.refused.abroad"
    )
    no_onprem = {k: v for k, v in backends.items() if k not in ("onprem", "echo")}
    refused = decide(_assessment(C.C3A), None, None, no_onprem, policy)
    assert refused.reason == "gateway.refused.no_backend" and refused.params == {"data_class": "3A"}
    assert decide(_assessment(C.C1, my_number=True), None, None, backends, policy).reason == (
        "gateway.refused.my_number"
    )


def test_undescribed_backends_get_cautious_defaults(settings: Settings) -> None:
    raw = {"gateway": {"backends": {"x": {"endpoint": "http://127.0.0.1:1/v1", "model": "m"}}}}
    spec = GatewayConfig.from_settings(replace(settings, raw=raw)).backends["x"]
    assert (spec.in_country, spec.trains_on_inputs, spec.max_class) == (False, True, C.C1)
    for bad in (
        {"backends": {"x": {"endpoint": "ftp://x"}}},
        {"backends": {"x": {"kind": "azure", "endpoint": "https://x"}}},
        {"classes": {"3B": ["missing"]}},
        {"classes": {"4": []}},
        {"review": "sometimes"},
    ):
        with pytest.raises(ConfigError):
            GatewayConfig.from_settings(replace(settings, raw={"gateway": bad}))


def test_broken_tenant_rules_fail_closed(gateway: Gateway, staff: Staff, llm: FakeLLM) -> None:
    with gateway.db.write() as session:
        tenant_service.update_settings(
            session, staff.tenant_id, {"gateway": {"person_cap": "many"}}
        )
    with pytest.raises(ServiceError) as info:
        gateway.complete(req(staff, "会議資料の要約をお願いします。"))
    assert info.value.key == "gateway.invalid.tenant_rules"
    assert "person_cap" in info.value.messages()["en"]
    assert llm.received == []
