"""Fixtures of the nursery console tests: the seeded console app with the hoiku pages, and a
small generated instance (60 children, 5 facilities) as template files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.hoiku._generate import generate, write_native
from jichitai_ai.hoiku.console.mount import install
from jichitai_ai.services.platform import Platform
from tests.console.helpers import World, make_app, seed


def hoiku_app(platform: Platform) -> FastAPI:
    """The console app with the hoiku pages (installed here until the plugin is listed)."""
    app = make_app(platform)
    install(app, platform)
    return app


@pytest.fixture
def world(platform: Platform) -> World:
    return seed(platform)


@pytest.fixture
def app(platform: Platform, world: World) -> FastAPI:
    return hoiku_app(platform)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """facilities.csv, children.csv and settings.toml of a generated instance."""
    out = tmp_path_factory.mktemp("hoiku-instance")
    write_native(generate(60, 5, seed=3), out)
    return out


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small argon2 parameters: these tests log in often; the cost adds time, not meaning."""
    from argon2 import PasswordHasher

    from jichitai_ai.services import auth

    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
