"""Fixtures every console-backed test directory shares (console, documents console, nursery
console, hardening). A conftest imports the ones it wants by name; autouse ones then apply to
its directory only. Its own ``app`` fixture says which pages the app has."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, seed


@pytest.fixture
def world(platform: Platform) -> World:
    """みずほ県 / あおば市 / さくら町, their entries and staff (see tests.console.helpers)."""
    return seed(platform)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small parameters: these tests hash and verify many passwords, and the
    production cost only makes them slower, not more meaningful."""
    from argon2 import PasswordHasher

    from jichitai_ai.services import auth

    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
