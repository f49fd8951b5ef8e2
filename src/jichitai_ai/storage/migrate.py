"""Create or upgrade the schema with Alembic; safe to run any number of times."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config

from jichitai_ai.storage.db import Database


def alembic_config(db: Database) -> Config:
    config = Config()
    location = resources.files("jichitai_ai.storage").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    config.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    return config


def upgrade(db: Database, revision: str = "heads") -> None:
    """Bring the database to ``revision``; a no-op when it is already there."""
    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(db: Database) -> str | None:
    """The applied revisions (one per feature branch), comma-separated."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return ", ".join(sorted(heads)) if heads else None


def autogenerate(db: Database, message: str) -> None:
    """Developer helper: write a new migration from the metadata diff."""
    config = alembic_config(db)
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)
