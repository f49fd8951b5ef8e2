"""Fixtures of the documents console tests: the seeded console app with the documents pages
(みずほ県 / あおば市 / さくら町 and their staff, see tests.console.helpers) and a client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.documents.console.mount import install
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, make_app, seed


def documents_app(platform: Platform) -> FastAPI:
    """The console app with the documents pages (installed here until the plugin is listed)."""
    app = make_app(platform)
    install(app, platform)
    return app


@pytest.fixture
def world(platform: Platform) -> World:
    return seed(platform)


@pytest.fixture
def app(platform: Platform, world: World) -> FastAPI:
    return documents_app(platform)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small argon2 parameters: these tests log in often; the cost adds time, not meaning."""
    from argon2 import PasswordHasher

    from jichitai_ai.services import auth

    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
