"""Webhook events accepted once: a redelivered ``webhookEventId`` is not answered twice.

An event whose ``timestamp`` (when it happened, in ms; a redelivery keeps it) is older than the
replay window is refused — logged and not answered, while the webhook still answers 200 so LINE
does not redeliver it. Retention deletes recorded ids once they are older than that window
(:func:`expire`), so a captured signed body cannot be replayed after its id is gone (hr6).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from jichitai_ai.channels.tables import LineEvent
from jichitai_ai.storage.db import Database
from jichitai_ai.timeutil import utcnow
from jichitai_ai.web.input_guard import strip_control_text

log = logging.getLogger(__name__)

#: How far LINE's clock may be ahead of ours: a timestamp further in the future is refused, and
#: retention keeps ids this much longer than the window, so a body is never both unrecorded and
#: within the window.
CLOCK_SKEW = timedelta(hours=1)
#: An event still "received" after this long was lost with its worker: LINE's redelivery retries it.
STALE_AFTER = timedelta(minutes=5)
RECEIVED = "received"
DONE = "done"
FAILED = "failed"


def _event_id(event: dict[str, Any]) -> str:
    """The event's id as stored (no control characters: the webhook lets them pass, hr5)."""
    return strip_control_text(str(event.get("webhookEventId") or ""))[:64]


def event_time(event: dict[str, Any]) -> datetime | None:
    """The event's ``timestamp`` (ms since the epoch) as naive UTC; None when missing or absurd."""
    stamp = event.get("timestamp")
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        return None
    try:
        return datetime(1970, 1, 1) + timedelta(milliseconds=stamp)
    except (OverflowError, ValueError):
        return None


def too_old(event: dict[str, Any], window: timedelta, now: datetime) -> str:
    """Why the event is refused as a possible replay ("" when it is within the window)."""
    at = event_time(event)
    if at is None:
        return "no timestamp"
    if at < now - window:
        return f"timestamp {at.isoformat(timespec='seconds')}Z older than {window.days} days"
    if at > now + CLOCK_SKEW:
        return f"timestamp {at.isoformat(timespec='seconds')}Z in the future"
    return ""


def claim(
    db: Database,
    tenant_id: int,
    events: list[dict[str, Any]],
    *,
    window: timedelta | None = None,
    now: datetime | None = None,
) -> list[dict[str, Any]]:
    """The events not seen before (or seen and failed, or lost): each is recorded before it is
    answered. With ``window``, events older than it are refused (logged, not recorded)."""
    fresh: list[dict[str, Any]] = []
    now = now or utcnow()
    for event in events:
        event_id = _event_id(event)
        if window is not None and (reason := too_old(event, window, now)):
            log.warning(
                "LINE event %s of tenant %s refused as a possible replay: %s",
                event_id or "(no id)",
                tenant_id,
                reason,
            )
            continue
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


def kept_after(window: timedelta, now: datetime) -> datetime:
    """Recorded ids received before this may be deleted: their events are refused by
    :func:`claim` by then (the window plus the clock skew LINE's timestamp is allowed)."""
    return now - window - CLOCK_SKEW
