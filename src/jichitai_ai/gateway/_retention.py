"""Retention (保存期間): delete what has expired, per record type, and record the deletion.

Record types: ``audit`` (from the oldest end, with a signed checkpoint), ``reviews``
(held requests and their sealed originals), and the core question log: ``questions``
and ``feedback``, with what residents taught (``learning_votes`` on the feedback schedule,
``learning_lessons`` on the question schedule; counted only when something was deleted), and
nursery uploads (``hoiku_runs``) past the end their console gave them (counted likewise).
A type without a period is kept for ever.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete

from jichitai_ai.hoiku.console.tables import HoikuRun
from jichitai_ai.services import learning_retention
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.timeutil import utcnow

from ._audit import AuditEntry, _count, append, delete_before
from ._config import GatewayConfig
from .tables import GatewayReview


def run_retention(
    db: Database, config: GatewayConfig, *, now: datetime | None = None, username: str = "retention"
) -> dict[str, int]:
    """Delete expired records of every type in one transaction; returns counts per type."""
    now = now or utcnow()
    periods = config.retention.as_dict()
    deleted: dict[str, int] = {}

    def cutoff(kind: str) -> datetime | None:
        days = periods[kind]
        return None if days is None else now - timedelta(days=days)

    with db.write() as session:
        if (limit := cutoff("feedback")) is not None:
            deleted["feedback"] = _count(
                session, delete(FeedbackEvent).where(FeedbackEvent.created_at < limit)
            )
        if (limit := cutoff("questions")) is not None:
            deleted["questions"] = _count(
                session, delete(QuestionLog).where(QuestionLog.asked_at < limit)
            )
        # What residents taught goes with them: votes on the feedback schedule, lessons
        # (residents' wordings) on the question schedule.
        learned = learning_retention.expire(
            session, votes_before=cutoff("feedback"), lessons_before=cutoff("questions"), now=now
        )
        if learned.votes or learned.lessons:
            deleted["learning_votes"] = learned.votes
            deleted["learning_lessons"] = learned.lessons
        # Nursery uploads past their own period (console_retention_minutes): the console
        # deletes them when it lists them, this run when nobody opens it (hr5).
        hoiku_runs = _count(session, delete(HoikuRun).where(HoikuRun.expires_at <= now))
        if hoiku_runs:
            deleted["hoiku_runs"] = hoiku_runs
        if (limit := cutoff("reviews")) is not None:
            deleted["reviews"] = _count(
                session, delete(GatewayReview).where(GatewayReview.created_at < limit)
            )
        if (limit := cutoff("audit")) is not None:
            deleted["audit"] = delete_before(session, limit, config.secret, username=username)
        append(
            session,
            AuditEntry(
                kind="retention",
                decision="deleted",
                username=username,
                reason="gateway.retention.run",
                details={"deleted": dict(deleted), "periods_days": dict(periods)},
            ),
        )
    return deleted
