"""What the console's 保存期間 page reads (newcomer walkthrough nc5), on SQLite and PostgreSQL:
per record type the period, the records of the reader's tenants, how many the next run deletes
and when the next one falls due; then the run itself, which the status reports as the last run."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from jichitai_ai.config import Settings
from jichitai_ai.gateway import Gateway
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import QuestionLog

NOW = datetime(2026, 6, 1, 3, 0)


def test_status_counts_the_readers_tenants_and_the_last_run(settings: Settings) -> None:
    configured = replace(
        settings, raw={"gateway": {"retention": {"questions_days": 30, "reviews_days": 7}}}
    )
    platform = Platform(configured)
    gateway = Gateway(platform.db, configured)
    try:
        with platform.db.write() as session:
            aoba = tenant_service.add_tenant(session, "aoba-city", "あおば市").id
            sakura = tenant_service.add_tenant(session, "sakura-town", "さくら町").id
            for tenant, days in ((aoba, 40), (aoba, 31), (aoba, 5), (sakura, 90)):
                session.add(
                    QuestionLog(
                        tenant_id=tenant,
                        asked_at=NOW - timedelta(days=days),
                        question="質問",
                        decision="no_answer",
                    )
                )
        status = gateway.retention_status({aoba}, now=NOW)
        rows = {r.kind: r for r in status.rows}
        assert list(rows) == [
            "questions",
            "feedback",
            "line_events",
            "line_users",
            "reviews",
            "audit",
        ]
        questions = rows["questions"]
        assert (questions.days, questions.records, questions.expired) == (30, 3, 2)
        assert questions.oldest == NOW - timedelta(days=40)
        assert questions.next_due == NOW - timedelta(days=5) + timedelta(days=30)
        assert (rows["feedback"].days, rows["feedback"].expired, rows["feedback"].next_due) == (
            None,
            0,
            None,
        )
        assert rows["reviews"].days == 7 and rows["reviews"].records == 0
        assert status.last_run is None and status.last_deleted == {}

        deleted = gateway.run_retention(now=NOW)
        assert deleted["questions"] == 3  # both tenants' expired questions
        after = gateway.retention_status({aoba}, now=NOW)
        assert {r.kind: r.expired for r in after.rows}["questions"] == 0
        assert {r.kind: r.records for r in after.rows}["questions"] == 1
        assert after.last_run is not None and after.last_deleted["questions"] == 3
    finally:
        gateway.close()
        platform.close()
