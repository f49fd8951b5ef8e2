"""Placeholder counters of Dify moderation, kept in the database.

Dify sends a conversation's input and output moderation as separate calls that may reach
different workers (or machines), so the numbers the input used (【氏名1】…) are stored per
(tenant, user, app) and read back — under a row lock — by the output call, which continues
after them. Rows older than an hour are ignored and cleaned up.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jichitai_ai.timeutil import utcnow

from .tables import GatewayPlaceholderCounter

TTL = timedelta(hours=1)


def _row(session: Session, key: tuple[int, str, str]) -> GatewayPlaceholderCounter:
    row = session.get(GatewayPlaceholderCounter, key, with_for_update=True)
    if row is None:
        try:
            with session.begin_nested():
                session.add(
                    GatewayPlaceholderCounter(
                        tenant_id=key[0],
                        username=key[1],
                        app_id=key[2],
                        counters={},
                        updated_at=utcnow(),
                    )
                )
        except IntegrityError:
            pass  # another worker created it first
        row = session.get(
            GatewayPlaceholderCounter, key, with_for_update=True, populate_existing=True
        )
        assert row is not None
    return row


def load(
    session: Session, key: tuple[int, str, str], now: datetime | None = None
) -> dict[str, int]:
    """The counters of ``key`` (locked until the transaction ends); {} when expired."""
    now = now or utcnow()
    row = _row(session, key)
    if now - row.updated_at > TTL:
        return {}
    return {str(k): int(v) for k, v in (row.counters or {}).items()}


def store(
    session: Session,
    key: tuple[int, str, str],
    counters: dict[str, int],
    now: datetime | None = None,
) -> None:
    """Merge ``counters`` into the stored ones (never lowering a number) and drop expired rows."""
    now = now or utcnow()
    row = _row(session, key)
    merged = {} if now - row.updated_at > TTL else dict(row.counters or {})
    for label, number in counters.items():
        merged[label] = max(int(merged.get(label, 0)), number)
    row.counters = merged
    row.updated_at = now
    session.execute(
        delete(GatewayPlaceholderCounter).where(GatewayPlaceholderCounter.updated_at < now - TTL)
    )
