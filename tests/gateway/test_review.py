"""Human review: the request is held, a colleague confirms or edits the masks, then it is sent."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway, HeldForReview
from jichitai_ai.gateway.tables import GatewayReview
from jichitai_ai.i18n import t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Forbidden

from .conftest import Staff, bearer
from .fake_llm import FakeLLM

# 「あおば台」 is a place name the detector may not know; the reviewer adds it.
TEXT = "山田太郎さん（090-1234-5678）があおば台の自宅で転倒したとの連絡がありました。"


def held(gateway: Gateway, staff: Staff) -> str:
    with pytest.raises(HeldForReview) as info:
        gateway.complete(
            ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", TEXT)], review=True)
        )
    assert info.value.status == 202 and info.value.audit_id > 0
    return info.value.review_id


def test_held_request_is_sent_only_after_review_with_the_reviewers_masks(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    review_id = held(gateway, staff)
    assert llm.received == []
    with gateway.db.read() as session:
        row = session.get(GatewayReview, review_id)
        assert row is not None and row.status == "pending"
        assert "山田".encode() not in row.sealed and b"090" not in row.sealed  # stored encrypted
    pending = gateway.pending_reviews(staff.tenant_id)
    assert [p.id for p in pending] == [review_id]
    detail = gateway.review_detail(review_id)
    assert detail.messages[0].content == TEXT
    assert {s["type"] for s in detail.spans[0]} >= {"person", "phone"}
    assert "【氏名1】" in detail.masked[0].content
    with pytest.raises(Forbidden):
        gateway.approve_review(review_id, "alice")  # not one's own request
    spans = [s for s in detail.spans[0] if "あおば台" not in s["text"]]
    start = TEXT.index("あおば台")
    spans.append({"start": start, "end": start + 4, "type": "location"})
    summary = gateway.approve_review(review_id, "bob", [spans])
    assert summary.status == "sent" and summary.decided_by == "bob"
    sent = llm.all_text()
    assert "あおば台" not in sent and "山田太郎" not in sent and "090-1234-5678" not in sent
    assert "【地名1】" in sent
    with pytest.raises(Conflict):
        gateway.approve_review(review_id, "carol")
    with pytest.raises(Forbidden):
        gateway.review_result(review_id, "bob")  # only the requester sees the originals
    answer = gateway.review_result(review_id, "alice")
    assert "山田太郎" in answer.content and "あおば台" in answer.content
    assert gateway.verify_audit().ok


def test_rejected_request_is_never_sent_and_its_text_is_dropped(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    review_id = held(gateway, staff)
    assert gateway.reject_review(review_id, "bob", "不要").status == "rejected"
    assert llm.received == []
    assert gateway.review_detail(review_id).messages == []
    with pytest.raises(Conflict):
        gateway.review_result(review_id, "alice")


def test_tenant_rule_holds_strict_classes_for_review(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    with gateway.db.write() as session:
        tenant_service.update_settings(
            session,
            staff.tenant_id,
            {"gateway": {"review": "from_class", "review_from_class": "3B"}},
        )
    gateway.complete(
        ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", "会議の議事録を要約して")])
    )
    assert len(llm.received) == 1
    with pytest.raises(HeldForReview):
        gateway.complete(ChatRequest(staff.tenant_id, "alice", [ChatMessage("user", TEXT)]))
    assert len(llm.received) == 1


def test_review_over_http_and_page(client: TestClient, staff: Staff, llm: FakeLLM) -> None:
    r = client.post(
        "/v1/chat/completions",
        json={"model": "auto", "messages": [{"role": "user", "content": TEXT}]},
        headers=bearer(staff.keys["alice"], **{"X-Jichitai-Review": "1"}),
    )
    assert r.status_code == 200, r.text
    review_id = r.headers["X-Jichitai-Review-Id"]
    assert "確認" in r.json()["choices"][0]["message"]["content"]
    assert llm.received == []
    listed = client.get(
        "/api/v1/gateway/tenants/aoba-city/reviews", headers=bearer(staff.keys["bob"])
    )
    assert [x["id"] for x in listed.json()] == [review_id]
    assert "content" not in listed.text and "山田" not in listed.text
    page = client.get(f"/console/gateway/reviews/{review_id}", headers=bearer(staff.keys["bob"]))
    assert page.status_code == 200
    # Titled as the console menu's link to it (a newcomer saw two names for one page).
    assert t("console.nav.gateway_reviews", "ja") == t("gateway.page.title", "ja")
    assert "生成AI送信の確認" in page.text and "【氏名1】" in page.text and "<mark" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "https://" not in page.text  # nothing from a CDN
    english = client.get(
        f"/console/gateway/reviews/{review_id}?lang=en", headers=bearer(staff.keys["bob"])
    )
    assert t("console.nav.gateway_reviews", "en") in english.text
    assert client.get("/console/gateway/static/review.js").status_code == 200
    assert client.get(f"/console/gateway/reviews/{review_id}").status_code == 401
    queue = client.get("/console/gateway/reviews?lang=ja", headers=bearer(staff.keys["bob"]))
    assert review_id in queue.text and "山田" not in queue.text
    # Japan time and Japanese names of what was masked (not "UTC", not "person×1").
    assert " JST" in queue.text and "UTC" not in queue.text and "氏名" in queue.text
    assert "×" not in queue.text and "person" not in queue.text
    # The English queue said "氏名 1件": counts in the page's language.
    english_queue = client.get(
        "/console/gateway/reviews?lang=en", headers=bearer(staff.keys["bob"])
    )
    assert review_id in english_queue.text and "件" not in english_queue.text
    assert "Name: 1" in english_queue.text and "氏名 1件" in queue.text
    english_review = client.get(
        f"/console/gateway/reviews/{review_id}?lang=en", headers=bearer(staff.keys["bob"])
    )
    assert '<option value="person" selected>Name</option>' in english_review.text
    assert "【氏名1】" in english_review.text  # what the model receives stays as sent
    approved = client.post(
        f"/api/v1/gateway/reviews/{review_id}/approve", json={}, headers=bearer(staff.keys["bob"])
    )
    assert approved.status_code == 200 and approved.json()["status"] == "sent"
    # ?lang=en above is remembered, as everywhere in the console: back to Japanese.
    done = client.get(
        f"/console/gateway/reviews/{review_id}?lang=ja", headers=bearer(staff.keys["bob"])
    )
    assert "送信済み" in done.text and "(sent)" not in done.text
    assert "山田太郎" not in llm.all_text()
    mine = client.get(
        f"/api/v1/gateway/reviews/{review_id}/result", headers=bearer(staff.keys["alice"])
    )
    assert "山田太郎" in mine.json()["content"]
    theirs = client.get(
        f"/api/v1/gateway/reviews/{review_id}/result", headers=bearer(staff.keys["bob"])
    )
    assert theirs.status_code == 403 and theirs.json()["error"]["message"]["en"]


def test_reviews_are_scoped_to_the_tenant(
    gateway: Gateway, staff: Staff, client: TestClient
) -> None:
    review_id = held(gateway, staff)
    with gateway.db.write() as session:
        other = tenant_service.get_tenant(session, "sakura-town")
        session.execute(select(GatewayReview)).scalars().one().tenant_id = other.id
    r = client.get(f"/api/v1/gateway/reviews/{review_id}", headers=bearer(staff.keys["bob"]))
    assert r.status_code == 403


def test_reviewed_request_keeps_its_options_masked(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    """Issue 9: the options of a held request are masked when the reviewer sends it."""
    request = ChatRequest(
        staff.tenant_id,
        "alice",
        [ChatMessage("user", "来庁記録の要約を作って")],
        review=True,
        options={"stop": ["山田太郎 090-1234-5678"], "temperature": 0.1},
    )
    with pytest.raises(HeldForReview) as info:
        gateway.complete(request)
    assert llm.received == []
    gateway.approve_review(info.value.review_id, "bob")
    body = llm.received[0].body
    assert body["stop"] == ["【氏名1】 【電話番号1】"] and body["temperature"] == 0.1
    assert "山田" not in llm.raw_bodies()


def test_entity_names_on_the_review_pages_match_the_placeholders() -> None:
    """The Japanese names on the pages are the placeholders' (【氏名1】 is 氏名 on the page)."""
    from jichitai_ai.privacy import LABELS

    assert {k.value: t(f"gateway.page.entity.{k.value}", "ja") for k in LABELS} == {
        k.value: label for k, label in LABELS.items()
    }
