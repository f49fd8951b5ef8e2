"""Token buckets shared by every worker, stored in the database (流量制限の共有).

With N workers each keeping its own buckets an address got N times the configured rate, and
how much depended on which worker the kernel or proxy handed each connection to. Here one row
per key holds (tokens, stamp); taking a token is a single ``INSERT … ON CONFLICT DO UPDATE …
RETURNING`` statement that refills by the time elapsed and spends one token, atomically on
PostgreSQL and SQLite alike, so concurrent workers cannot both spend the last token.

Cost: one short write per limited request (two for a public request: the address, then the
tenant when the address is allowed). Rows of keys idle for longer than ``horizon`` are full
again by definition and are deleted now and then, so the table stays as small as the set of
recently active keys.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Float, String, case, delete, literal
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import Base

#: Delete idle rows at most this often (seconds), from whichever worker notices first.
SWEEP_EVERY = 60.0


class RateBucket(Base):
    """One token bucket: ``tokens`` left at ``stamp`` (seconds since the epoch)."""

    __tablename__ = "rate_buckets"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float, nullable=False)
    stamp: Mapped[float] = mapped_column(Float, nullable=False, index=True)
    allowed: Mapped[bool] = mapped_column(Boolean, nullable=False)


class SharedBuckets:
    """``take(key, requests, seconds)`` → 0 when allowed, else seconds until a token is back."""

    def __init__(
        self, db: Database, *, horizon: float = 3600.0, clock: Callable[[], float] = time.time
    ) -> None:
        self.db = db
        self.horizon = horizon
        self._clock = clock
        self._insert: Any = sqlite_insert if db.is_sqlite else pg_insert
        self._swept = clock()
        self._lock = threading.Lock()

    def take(self, key: str, requests: float, seconds: float) -> float:
        now = self._clock()
        per_second = requests / seconds
        stmt = self._insert(RateBucket).values(
            key=key[:200], tokens=requests - 1.0, stamp=now, allowed=requests >= 1.0
        )
        t = RateBucket.__table__.c
        elapsed = case((t.stamp < literal(now), literal(now) - t.stamp), else_=0.0)
        refilled = t.tokens + elapsed * per_second
        level = case((refilled > requests, literal(requests)), else_=refilled)
        # SET expressions all read the row as it was before this statement.
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={
                "tokens": case((level >= 1.0, level - 1.0), else_=level),
                "allowed": level >= 1.0,
                "stamp": literal(now),
            },
        ).returning(t.tokens, t.allowed)
        with self.db.write() as session:
            tokens, allowed = session.execute(stmt).one()
        self._sweep(now)
        if allowed:
            return 0.0
        return max((1.0 - float(tokens)) / per_second, 1e-3)

    def _sweep(self, now: float) -> None:
        if now - self._swept < SWEEP_EVERY or not self._lock.acquire(blocking=False):
            return
        try:
            self._swept = now
            with self.db.write() as session:
                session.execute(delete(RateBucket).where(RateBucket.stamp < now - self.horizon))
        finally:
            self._lock.release()
