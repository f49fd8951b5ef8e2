"""After ``make run`` the two review queues have work in them (newcomer walkthrough nc5): both
were empty, so a newcomer could not see the gateway's human review or the OCR review work.

- 生成AI送信の確認: with ``deploy/demo.toml`` (what ``make run`` uses without a jichitai.toml)
  the demo editor's summary request with a resident's name and phone number waits for review,
  and the request with a マイナンバー is refused and on the audit log; another staff member
  approves the held one and the echo model answers with the masked text.
- 文書検索 → OCR確認: the demo scan is read by Tesseract through the upload path, and its faded
  lines wait for a person.

Loaded once: running ``init --demo`` again (every ``make run``) adds nothing."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from jichitai_ai.config import Settings, load_settings
from jichitai_ai.demo import review_queues
from jichitai_ai.demo.loader import load_demo
from jichitai_ai.gateway import Gateway
from jichitai_ai.gateway.tables import GatewayAudit, GatewayReview
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform

DEMO_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "demo.toml"


@pytest.fixture
def demo_platform(settings: Settings) -> Any:
    configured = load_settings(DEMO_CONFIG, env={})
    p = Platform(replace(settings, raw=configured.raw))
    with p.db.write() as session:
        load_demo(session)
    yield p
    p.close()


def test_gateway_review_queue_has_the_demo_request(demo_platform: Platform) -> None:
    assert review_queues.load_demo_gateway(demo_platform) == (
        "held for review, refused (gateway.refused.my_number)"
    )
    assert review_queues.load_demo_gateway(demo_platform) == "exists"
    gateway = Gateway(demo_platform.db, demo_platform.settings)
    try:
        with demo_platform.db.read() as session:
            aoba = tenant_service.get_tenant(session, "aoba-city").id
            reasons = session.execute(select(GatewayAudit.reason, GatewayAudit.decision)).all()
        pending = gateway.pending_reviews(aoba)
        assert [p.username for p in pending] == ["aoba-editor"]
        held = pending[0]
        assert held.entity_counts.get("person", 0) >= 1 and held.entity_counts.get("phone", 0) == 1
        assert ("gateway.refused.my_number", "refused") in [tuple(r) for r in reasons]
        detail = gateway.review_detail(held.id, {aoba})
        masked = detail.masked[0].content
        assert "090-1234-5678" not in masked and "山田花子" not in masked
        # Another member of staff approves; the echo model returns the masked text.
        gateway.approve_review(held.id, "aoba-approver")
        result = gateway.review_result(held.id, "aoba-editor")
        assert "山田花子" in result.content  # restored for the requester only
        assert result.masked_content is not None and "山田花子" not in result.masked_content
    finally:
        gateway.close()


def test_without_a_model_the_queue_says_why(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    said = review_queues.load_demo_gateway(platform)
    assert said.startswith("no AI model registered") and "deploy/demo.toml" in said
    with platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(GatewayReview)).scalar() == 0


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_demo_scan_waits_in_the_ocr_review_queue(platform: Platform) -> None:
    from jichitai_ai.documents import Viewer, documents_for
    from jichitai_ai.services.auth import Role

    with platform.db.write() as session:
        load_demo(session)
    service = documents_for(platform)
    said = review_queues.load_demo_scan(service)
    assert said.startswith("indexed; lines waiting for OCR review (OCR確認待ち): "), said
    waiting = int(said.rsplit(": ", 1)[1])
    assert waiting >= 1
    assert review_queues.load_demo_scan(service) == "exists"
    queue = service.ocr_queue("aoba-city", Viewer.staff(Role.EDITOR))
    assert len(queue) == waiting
    assert {line.document for line in queue} == {review_queues.SCAN_NAME.removesuffix(".png")}
    assert all(line.confidence < 80 or line.reason for line in queue)
    # 「第二条」 is read as 「第-条」 at confidence ≈ 91 (ocr1): queued for its heading, not its
    # confidence (its neighbour 第三条 is misread too, so nothing can be repaired from them).
    heading = [line for line in queue if "公園で行事" in line.text]
    assert heading and heading[0].reason in ("structure", "repaired"), queue
    # The clean lines were read and can be found.
    found = service.answer("aoba-city", "公園で行事を行うときの申請", Viewer.staff(Role.EDITOR))
    assert any("申請書" in p.text for p in found.passages)
