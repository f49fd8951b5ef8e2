"""Service-level errors carry an i18n key so every interface can show ja and en text."""

from __future__ import annotations

from typing import Any

from jichitai_ai.i18n import bilingual


class ServiceError(Exception):
    """Base error: ``key`` names a catalogue message, ``params`` fill it in."""

    status = 400

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(bilingual(key, **params)["en"])

    def messages(self) -> dict[str, str]:
        return bilingual(self.key, **self.params)


class NotFound(ServiceError):
    status = 404


class Conflict(ServiceError):
    status = 409


class Forbidden(ServiceError):
    status = 403


class Invalid(ServiceError):
    status = 422
