"""Fixtures of the hardening tests: cheap password hashing (the cost is not what is tested),
the console's seeded world (みずほ県, あおば市, さくら町 and their staff), a client of the whole app
that reports server errors as responses, and an API key of aoba's editor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from jichitai_ai.services import auth
from jichitai_ai.services.platform import Platform
from tests.console.fixtures import cheap_password_hashing
from tests.console.helpers import World, seed
from tests.hoiku_console.conftest import hoiku_app

__all__ = ["cheap_password_hashing"]


@pytest.fixture
def world(platform: Platform) -> World:
    return seed(platform)


@pytest.fixture
def client(platform: Platform, world: World) -> Iterator[TestClient]:
    with TestClient(hoiku_app(platform), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def key(platform: Platform, world: World) -> dict[str, str]:
    with platform.db.write() as session:
        return {"Authorization": f"Bearer {auth.create_api_key(session, 'aoba-editor')}"}
