"""Webhook events accepted once: a redelivered ``webhookEventId`` is not answered twice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jichitai_ai.channels.tables import LineEvent
from jichitai_ai.storage.db import Database
from jichitai_ai.timeutil import utcnow
from jichitai_ai.web.input_guard import strip_control_text

#: An event still "received" after this long was lost with its worker: LINE's redelivery retries it.
STALE_AFTER = timedelta(minutes=5)
RECEIVED = "received"
DONE = "done"
FAILED = "failed"


def _event_id(event: dict[str, Any]) -> str:
    """The event's id as stored (no control characters: the webhook lets them pass, hr5)."""
    return strip_control_text(str(event.get("webhookEventId") or ""))[:64]


def claim(db: Database, tenant_id: int, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events not seen before (or seen and failed, or lost): each is recorded before it is answered."""
    fresh: list[dict[str, Any]] = []
    for event in events:
        event_id = _event_id(event)
        if not event_id:
            fresh.append(event)  # old-style event without an id: cannot deduplicate
            continue
        try:
            with db.write() as session:
                session.add(LineEvent(tenant_id=tenant_id, event_id=event_id, status=RECEIVED))
            fresh.append(event)
            continue
        except IntegrityError:
            pass
        with db.write() as session:
            row = session.execute(
                select(LineEvent).where(
                    LineEvent.tenant_id == tenant_id, LineEvent.event_id == event_id
                )
            ).scalar_one_or_none()
            stale = (
                row is not None
                and row.status == RECEIVED
                and row.received_at < utcnow() - STALE_AFTER
            )
            if row is not None and (row.status == FAILED or stale):
                row.status = RECEIVED
                row.received_at = utcnow()
                fresh.append(event)
    return fresh


def finish(db: Database, tenant_id: int, event: dict[str, Any], status: str) -> None:
    event_id = _event_id(event)
    if not event_id:
        return
    with db.write() as session:
        row = session.execute(
            select(LineEvent).where(
                LineEvent.tenant_id == tenant_id, LineEvent.event_id == event_id
            )
        ).scalar_one_or_none()
        if row is not None:
            row.status = status
