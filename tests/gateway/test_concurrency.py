"""Concurrent requests keep one unbroken audit chain (SQLite and PostgreSQL)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from jichitai_ai.gateway import ChatMessage, ChatRequest, Gateway
from jichitai_ai.gateway.tables import GatewayAudit

from .conftest import Staff
from .fake_llm import FakeLLM


def test_parallel_requests_append_to_one_chain(
    gateway: Gateway, staff: Staff, llm: FakeLLM
) -> None:
    def one(i: int) -> int:
        request = ChatRequest(
            staff.tenant_id, f"user{i}", [ChatMessage("user", f"佐藤太郎さんの件 その{i}")]
        )
        return gateway.complete(request).audit_id

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = sorted(pool.map(one, range(24)))
    assert ids == list(range(1, 25))
    assert len(llm.received) == 24
    with gateway.db.read() as session:
        users = set(session.execute(select(GatewayAudit.username)).scalars())
    assert users == {f"user{i}" for i in range(24)}
    report = gateway.verify_audit()
    assert report.ok and report.checked == 24
