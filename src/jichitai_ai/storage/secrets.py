"""The deployment's shared secret when none is configured (共有鍵).

Every worker of ``serve --workers N`` (and every host behind a load balancer on PostgreSQL)
must sign session cookies and CSRF tokens with the same key. When ``JICHITAI_SECRET_KEY`` is
not set, the first process generates one and stores it in the database; every later process
reads that row. ``INSERT … ON CONFLICT DO NOTHING`` makes the first writer win a race.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError, ProgrammingError

from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import DeploymentSecret

SESSION_SECRET = "session"


def shared_secret(db: Database, name: str = SESSION_SECRET) -> str | None:
    """The stored secret (created on first use); None before the schema exists."""
    insert = pg_insert if db.dialect == "postgresql" else sqlite_insert
    try:
        with db.write() as session:
            session.execute(
                insert(DeploymentSecret)
                .values(name=name, value=secrets.token_hex(32))
                .on_conflict_do_nothing(index_elements=["name"])
            )
            return str(
                session.execute(
                    select(DeploymentSecret.value).where(DeploymentSecret.name == name)
                ).scalar_one()
            )
    except (OperationalError, ProgrammingError):
        return None  # not migrated yet (e.g. during `init`): nothing is signed then
