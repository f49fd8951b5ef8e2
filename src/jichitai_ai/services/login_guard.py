"""Login lock-out with backoff, per account, per client address and per pair (ログイン試行制限).

Every attempt is *charged* before the password is checked, in its own short write transaction
that locks the counter rows (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite write transactions
are exclusive). Parallel guesses therefore queue on the counter and can never overwrite each
other's count: after ``threshold`` attempts a key is blocked and further attempts are refused
without checking the password at all.

A block is a backoff, never permanent: ``base`` seconds, doubling with each further failure up
to ``cap``, and a key that stays quiet for ``window`` starts again from zero. A stranger guessing
from one address blocks that address and that (account, address) pair; the account as a whole
is only blocked for a distributed attack (``account`` rule, high threshold, short cap), so the
staff member logging in from their own desk is not locked out by someone else's guesses.
The caller shows one message for an unknown user, a wrong password and a block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from jichitai_ai.config import Settings
from jichitai_ai.services import auth
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import LoginThrottle
from jichitai_ai.timeutil import utcnow

#: Counter rows untouched for this long are deleted (unknown usernames must not pile up).
STALE = timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    """After ``threshold`` failures block for ``base`` seconds, doubling per failure up to ``cap``."""

    threshold: int
    base_seconds: float
    cap_seconds: float
    window_seconds: float = 15 * 60

    def block_for(self, failures: int) -> timedelta:
        over = max(0, failures - self.threshold)
        return timedelta(seconds=min(self.base_seconds * (2 ** min(over, 30)), self.cap_seconds))


@dataclass(frozen=True)
class GuardRules:
    pair: Rule = Rule(threshold=5, base_seconds=30, cap_seconds=15 * 60)
    address: Rule = Rule(threshold=20, base_seconds=30, cap_seconds=15 * 60)
    account: Rule = Rule(threshold=50, base_seconds=30, cap_seconds=5 * 60)

    @classmethod
    def from_settings(cls, settings: Settings) -> GuardRules:
        """``[login]`` table: ``pair_threshold``, ``address_threshold``, ``account_threshold``,
        ``base_seconds``, ``cap_seconds``, ``account_cap_seconds``, ``window_seconds``."""
        conf: dict[str, Any] = settings.section("login")
        base = float(conf.get("base_seconds", 30))
        cap = float(conf.get("cap_seconds", 15 * 60))
        window = float(conf.get("window_seconds", 15 * 60))
        return cls(
            pair=Rule(int(conf.get("pair_threshold", 5)), base, cap, window),
            address=Rule(int(conf.get("address_threshold", 20)), base, cap, window),
            account=Rule(
                int(conf.get("account_threshold", 50)),
                base,
                float(conf.get("account_cap_seconds", 5 * 60)),
                window,
            ),
        )


def _keys(rules: GuardRules, username: str, address: str) -> list[tuple[str, Rule]]:
    name = username.strip().casefold()[:100]
    addr = address[:64] or "unknown"
    keys = [
        (f"pair:{name}|{addr}", rules.pair),
        (f"addr:{addr}", rules.address),
        (f"user:{name}", rules.account),
    ]
    return sorted(keys, key=lambda item: item[0])  # one lock order: no deadlocks


def _lock_row(session: Session, key: str, now: datetime) -> LoginThrottle:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(LoginThrottle)
        .values(key=key, failures=0, blocked_until=None, updated_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    return session.execute(
        select(LoginThrottle)
        .where(LoginThrottle.key == key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()


def charge(db: Database, rules: GuardRules, username: str, address: str) -> bool:
    """Count one attempt on every key; False when a key is blocked (check nothing then)."""
    now = utcnow()
    with db.write() as session:
        session.execute(
            delete(LoginThrottle).where(
                LoginThrottle.updated_at < now - STALE,
                or_(LoginThrottle.blocked_until.is_(None), LoginThrottle.blocked_until < now),
            )
        )
        rows = [
            (_lock_row(session, key, now), rule) for key, rule in _keys(rules, username, address)
        ]
        if any(row.blocked_until is not None and row.blocked_until > now for row, _ in rows):
            return False  # refused without counting: a block is not extended by knocking
        for row, rule in rows:
            quiet = now - row.updated_at > timedelta(seconds=rule.window_seconds)
            if quiet and (row.blocked_until is None or row.blocked_until <= now):
                row.failures = 0
            row.failures += 1
            row.updated_at = now
            if row.failures >= rule.threshold:
                row.blocked_until = now + rule.block_for(row.failures)
        return True


def clear(db: Database, username: str, address: str, rules: GuardRules | None = None) -> None:
    """After a correct password: forget the account's and the pair's failures, and take this
    attempt back from the address counter.

    The address keeps its earlier failures, so logging into one's own account between guesses
    at others does not reset it; but a successful login is not a failure, so twenty staff
    logging in through one LGWAN proxy at 8:30 never block that proxy."""
    rules = rules or GuardRules()
    name = username.strip().casefold()[:100]
    addr = address[:64] or "unknown"
    with db.write() as session:
        session.execute(
            delete(LoginThrottle).where(
                or_(
                    LoginThrottle.key == f"pair:{name}|{addr}",
                    and_(LoginThrottle.key == f"user:{name}"),
                )
            )
        )
        row = session.execute(
            select(LoginThrottle)
            .where(LoginThrottle.key == f"addr:{addr}")
            .with_for_update()
            .execution_options(populate_existing=True)
        ).scalar_one_or_none()
        if row is not None:
            row.failures = max(0, row.failures - 1)
            if row.failures < rules.address.threshold:
                row.blocked_until = None  # the block came from counting this success


def login(
    db: Database, username: str, password: str, address: str, rules: GuardRules | None = None
) -> auth.Principal:
    """Charge, then check the password; raises :class:`auth.LoginFailed` for every failure."""
    rules = rules or GuardRules()
    if not charge(db, rules, username, address):
        raise auth.LoginFailed(locked=True)
    with db.write() as session:
        principal = auth.authenticate(session, username, password)
    clear(db, username, address, rules)
    return principal
