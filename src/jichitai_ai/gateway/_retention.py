"""Retention (保存期間): delete what has expired, per record type, and record the deletion.

Record types: ``audit`` (from the oldest end, with a signed checkpoint), ``reviews``
(held requests and their sealed originals), and the core question log: ``questions``
and ``feedback``, with what residents taught (``learning_votes`` on the feedback schedule,
``learning_lessons`` on the question schedule; counted only when something was deleted), and
nursery uploads (``hoiku_runs``) past the end their console gave them (counted likewise), and
the LINE channel's records: webhook event ids (``line_events``) past the webhook's replay window
and friends (``line_users``: hashed id → language) not seen for their period (hr6; both
counted when something was deleted).
A type without a period is kept for ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jichitai_ai.channels.line import events as line_events
from jichitai_ai.channels.tables import LineEvent, LineUser
from jichitai_ai.hoiku.console.tables import HoikuRun
from jichitai_ai.services import learning_retention
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FeedbackEvent, QuestionLog
from jichitai_ai.timeutil import utcnow

from ._audit import AuditEntry, _count, append, delete_before
from ._config import GatewayConfig
from .tables import GatewayAudit, GatewayReview


def run_retention(
    db: Database, config: GatewayConfig, *, now: datetime | None = None, username: str = "retention"
) -> dict[str, int]:
    """Delete expired records of every type in one transaction; returns counts per type."""
    now = now or utcnow()
    periods = config.retention.as_dict()
    deleted: dict[str, int] = {}

    def cutoff(kind: str) -> datetime | None:
        return _cutoff(kind, periods[kind], now)

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
        # LINE: event ids once the webhook refuses their events as replays; friends not seen.
        # Counted when any were deleted (a deployment without LINE sees no change; hr6).
        for kind, table, at in (
            ("line_events", LineEvent, LineEvent.received_at),
            ("line_users", LineUser, LineUser.updated_at),
        ):
            if (limit := cutoff(kind)) is not None and (
                gone := _count(session, delete(table).where(at < limit))
            ):
                deleted[kind] = gone
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


def _cutoff(kind: str, days: int | None, now: datetime) -> datetime | None:
    """Records of ``kind`` older than this are deleted (None: kept for ever)."""
    if days is None:
        return None
    if kind == "line_events":
        return line_events.kept_after(timedelta(days=days), now)
    return now - timedelta(days=days)


#: The record types of a retention run, in the order the console lists them, with the table and
#: the column their age is counted from.
RECORD_TYPES = ("questions", "feedback", "line_events", "line_users", "reviews", "audit")


@dataclass(frozen=True)
class RetentionRow:
    """What the console's 保存期間 page shows for one record type (tenants the reader audits)."""

    kind: str
    #: Days kept; None: kept for ever (no period configured).
    days: int | None
    records: int
    oldest: datetime | None
    #: Records already past their period: deleted by the next run.
    expired: int
    #: When the oldest record still within its period falls due (None: nothing will).
    next_due: datetime | None


@dataclass(frozen=True)
class RetentionStatus:
    rows: list[RetentionRow]
    #: The last run's time and its counts per type (None: never run).
    last_run: datetime | None
    last_deleted: dict[str, int]


def _age_column(kind: str) -> tuple[Any, Any, Any]:
    """(table, timestamp column, tenant column) of a record type."""
    if kind == "questions":
        return QuestionLog, QuestionLog.asked_at, QuestionLog.tenant_id
    if kind == "feedback":
        return FeedbackEvent, FeedbackEvent.created_at, FeedbackEvent.tenant_id
    if kind == "line_events":
        return LineEvent, LineEvent.received_at, LineEvent.tenant_id
    if kind == "line_users":
        return LineUser, LineUser.updated_at, LineUser.tenant_id
    if kind == "reviews":
        return GatewayReview, GatewayReview.created_at, GatewayReview.tenant_id
    return GatewayAudit, GatewayAudit.created_at, GatewayAudit.tenant_id


def retention_status(
    session: Session, config: GatewayConfig, tenant_ids: set[int], *, now: datetime | None = None
) -> RetentionStatus:
    """What is kept how long, what the next run deletes and when the next record falls due,
    for ``tenant_ids``; read only (the deletion is :func:`run_retention`)."""
    now = now or utcnow()
    periods = config.retention.as_dict()
    rows = []
    for kind in RECORD_TYPES:
        table, at, tenant = _age_column(kind)
        mine = tenant.in_(tenant_ids)
        records, oldest = session.execute(
            select(func.count(), func.min(at)).select_from(table).where(mine)
        ).one()
        days = periods[kind]
        expired, next_due = 0, None
        limit = _cutoff(kind, days, now)
        if limit is not None:
            expired = session.execute(
                select(func.count()).select_from(table).where(mine, at < limit)
            ).scalar_one()
            kept = session.execute(select(func.min(at)).where(mine, at >= limit)).scalar()
            next_due = None if kept is None else kept + (now - limit)
        rows.append(RetentionRow(kind, days, int(records), oldest, int(expired), next_due))
    last = session.execute(
        select(GatewayAudit.created_at, GatewayAudit.details)
        .where(GatewayAudit.kind == "retention")
        .order_by(GatewayAudit.seq.desc())
        .limit(1)
    ).first()
    deleted = dict((last[1] or {}).get("deleted", {})) if last else {}
    return RetentionStatus(rows, last[0] if last else None, deleted)
