"""The service container: one per process, shared by the web app and the CLI."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from jichitai_ai.config import Settings, load_settings
from jichitai_ai.storage.db import Database

if TYPE_CHECKING:
    from jichitai_ai.services.answering import AnsweringService


class Platform:
    """Settings, database and long-lived services (index caches) of one process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.db = Database(self.settings.database_url)

    @cached_property
    def answering(self) -> AnsweringService:
        from jichitai_ai.services.answering import AnsweringService

        return AnsweringService(self.db, self.settings)

    def close(self) -> None:
        self.db.dispose()
