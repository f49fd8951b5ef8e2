"""Fixtures of the nursery console tests: the seeded console app with the hoiku pages, and a
small generated instance (60 children, 5 facilities) as template files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI

from jichitai_ai.hoiku._generate import generate, write_native
from jichitai_ai.hoiku.console.mount import install
from jichitai_ai.services.platform import Platform
from tests.console.fixtures import cheap_password_hashing, client, world
from tests.console.helpers import World, make_app

__all__ = ["app", "cheap_password_hashing", "client", "world"]


def hoiku_app(platform: Platform) -> FastAPI:
    """The console app; hoiku/plugin.py adds the hoiku pages (install() is a no-op then)."""
    app = make_app(platform)
    install(app, platform)
    return app


@pytest.fixture
def app(platform: Platform, world: World) -> FastAPI:
    return hoiku_app(platform)


@pytest.fixture(scope="session")
def instance_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """facilities.csv, children.csv and settings.toml of a generated instance."""
    out = tmp_path_factory.mktemp("hoiku-instance")
    write_native(generate(60, 5, seed=3), out)
    return out
