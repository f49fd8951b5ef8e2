"""Fixtures of the contact settings tests: the seeded console world and a client."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from jichitai_ai.services.platform import Platform
from tests.console.fixtures import cheap_password_hashing, client, world
from tests.console.helpers import World, make_app

__all__ = ["app", "cheap_password_hashing", "client", "world"]


@pytest.fixture
def app(platform: Platform, world: World) -> FastAPI:
    return make_app(platform)
