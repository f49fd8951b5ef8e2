"""Gateway fixtures: a real local OpenAI-compatible server, a configured deployment,
a tenant with staff and API keys, and a FastAPI app with only the gateway's routers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jichitai_ai.config import Settings
from jichitai_ai.gateway import Gateway
from jichitai_ai.services import auth
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import User
from jichitai_ai.web.errors import install_error_handlers

from .fake_llm import FakeLLM, Server


@pytest.fixture(scope="session")
def llm_server() -> Iterator[FakeLLM]:
    with Server() as state:
        yield state


@pytest.fixture
def llm(llm_server: FakeLLM) -> FakeLLM:
    llm_server.reset()
    return llm_server


def gateway_config(url: str, **overrides: Any) -> dict[str, Any]:
    """Backends covering every attribute the policy looks at."""
    base = f"{url}/v1"
    config: dict[str, Any] = {
        "default_backend": "onprem",
        "backends": {
            "onprem": {
                "endpoint": base,
                "model": "local-llm",
                "in_country": True,
                "on_premises": True,
                "trains_on_inputs": False,
                "max_class": "3A",
                "stream_usage": True,
            },
            "cloud-jp": {
                "endpoint": base,
                "model": "cloud-model",
                "in_country": True,
                "trains_on_inputs": False,
                "max_class": "3B",
            },
            "cloud-small": {
                "endpoint": base,
                "model": "cloud-small",
                "in_country": True,
                "trains_on_inputs": False,
                "max_class": "2",
            },
            "abroad": {
                "endpoint": base,
                "model": "overseas",
                "in_country": False,
                "trains_on_inputs": False,
                "max_class": "3B",
            },
            "trainer": {
                "endpoint": base,
                "model": "free-tier",
                "in_country": True,
                "trains_on_inputs": True,
                "max_class": "3B",
            },
            "azure": {
                "kind": "azure",
                "endpoint": url,
                "model": "gpt-4o-jpeast",
                "api_key_env": "JICHITAI_TEST_AZURE_KEY",
                "api_version": "2024-06-01",
                "in_country": True,
                "trains_on_inputs": False,
                "max_class": "3B",
            },
            "echo": {"kind": "echo"},
        },
        "retention": {},
    }
    config.update(overrides)
    return config


@pytest.fixture
def gw_settings(settings: Settings, llm: FakeLLM) -> Settings:
    return replace(settings, raw={"gateway": gateway_config(llm.url)})


@dataclass
class Staff:
    tenant_id: int
    keys: dict[str, str]


@pytest.fixture
def staff(gw_settings: Settings) -> Iterator[Staff]:
    """aoba-city with alice and bob (editors) and carol (in two tenants)."""
    platform = Platform(gw_settings)
    try:
        with platform.db.write() as session:
            tenant = tenant_service.add_tenant(session, "aoba-city", "あおば市")
            tenant_service.add_tenant(session, "sakura-town", "さくら町")
            keys = {}
            for name in ("alice", "bob", "carol"):
                # API-key users only: no password, so no slow argon2 hashing per test.
                session.add(User(username=name, display_name=name, password_hash="!"))
                session.flush()
                auth.grant(session, name, "aoba-city", auth.Role.EDITOR)
                keys[name] = auth.create_api_key(session, name)
            auth.grant(session, "carol", "sakura-town", auth.Role.EDITOR)
        yield Staff(tenant.id, keys)
    finally:
        platform.close()


@pytest.fixture
def gateway(gw_settings: Settings, staff: Staff) -> Iterator[Gateway]:
    platform = Platform(gw_settings)
    gw = Gateway(platform.db, gw_settings)
    yield gw
    gw.close()
    platform.close()


@pytest.fixture
def client(gw_settings: Settings, staff: Staff) -> Iterator[TestClient]:
    from jichitai_ai.web.api.gateway import router, staff_router
    from jichitai_ai.web.console import install as install_console
    from jichitai_ai.web.gateway_pages import router as pages

    platform = Platform(gw_settings)
    app = FastAPI()
    app.state.platform = platform
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(staff_router)
    app.include_router(pages)
    install_console(app)  # the review pages are drawn in the console's layout
    with TestClient(app) as c:
        yield c
    Gateway.from_platform(platform).close()
    platform.close()


def bearer(key: str, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}", **headers}
