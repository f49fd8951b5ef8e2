"""Fixtures of the documents console tests: the seeded console app with the documents pages
(みずほ県 / あおば市 / さくら町 and their staff, see tests.console.helpers) and a client."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from jichitai_ai.documents.console.mount import install
from jichitai_ai.services.platform import Platform
from tests.console.fixtures import cheap_password_hashing, client, world
from tests.console.helpers import World, make_app

__all__ = ["app", "cheap_password_hashing", "client", "world"]


def documents_app(platform: Platform) -> FastAPI:
    """The console app; documents/plugin.py adds the documents pages (install() is a no-op then)."""
    app = make_app(platform)
    install(app, platform)
    return app


@pytest.fixture
def app(platform: Platform, world: World) -> FastAPI:
    return documents_app(platform)
