"""Time helpers: one notion of "now" (naive UTC) and of the local day (JST)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")


def utcnow() -> datetime:
    """Naive UTC, the form stored in the database on SQLite and PostgreSQL alike."""
    return datetime.now(UTC).replace(tzinfo=None)


def today_jst() -> date:
    """The calendar day in Japan: validity periods (掲載期間) are Japanese dates."""
    return datetime.now(JST).date()
