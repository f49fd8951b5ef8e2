"""The service container: one per process, shared by the web app and the CLI."""

from __future__ import annotations

import secrets
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from jichitai_ai.config import Settings, load_settings
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.secrets import shared_secret

if TYPE_CHECKING:
    from jichitai_ai.services.answering import AnsweringService


class Platform:
    """Settings, database and long-lived services (index caches) of one process."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or load_settings()
        self.db = Database(settings.database_url)
        if not settings.secret_key:
            # Not configured: one key stored in the database, the same for every worker.
            stored = shared_secret(self.db)
            settings = replace(settings, secret_key=stored or secrets.token_hex(32))
        self.settings = settings

    @cached_property
    def answering(self) -> AnsweringService:
        from jichitai_ai.services.answering import AnsweringService

        return AnsweringService(self.db, self.settings)

    def close(self) -> None:
        self.db.dispose()
