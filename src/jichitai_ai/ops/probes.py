"""Liveness and readiness: what a load balancer or orchestrator asks before sending traffic.

``/healthz`` says the process answers (no database call, so a slow database does not get
healthy workers killed); ``/readyz`` says this worker can serve: the database answers and
its schema is at the version this code expects.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from jichitai_ai.storage import migrate
from jichitai_ai.storage.db import Database


@dataclass
class Readiness:
    ready: bool
    checks: dict[str, str] = field(default_factory=dict)
    duration_ms: float = 0.0


_expected: dict[str, frozenset[str]] = {}


def _expected_heads(db: Database) -> frozenset[str]:
    """The migration heads this code ships (read once per database URL)."""
    if db.url not in _expected:
        config = migrate.alembic_config(db)
        _expected[db.url] = frozenset(ScriptDirectory.from_config(config).get_heads())
    return _expected[db.url]


def readiness(db: Database) -> Readiness:
    started = time.perf_counter()
    checks: dict[str, str] = {}
    ready = True
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            applied = frozenset(MigrationContext.configure(connection).get_current_heads())
        checks["database"] = "ok"
        expected = _expected_heads(db)
        if applied == expected:
            checks["schema"] = "ok"
        else:
            ready = False
            missing = sorted(expected - applied)
            checks["schema"] = "migration needed: " + ", ".join(missing or sorted(applied))
    except Exception as exc:  # any failure to reach the database means not ready
        ready = False
        checks["database"] = f"unavailable: {type(exc).__name__}"
    return Readiness(
        ready=ready, checks=checks, duration_ms=round((time.perf_counter() - started) * 1000, 2)
    )
