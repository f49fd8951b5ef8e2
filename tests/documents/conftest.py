"""Fixtures: a tenant with a document service on each database backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jichitai_ai.documents.service import DocumentService
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.text import Tokenizer

_TOKENIZER = Tokenizer()


@pytest.fixture
def tenant(platform: Platform) -> str:
    with platform.db.write() as session:
        tenant_service.add_tenant(session, "aoba-city", "あおば市")
    return "aoba-city"


@pytest.fixture
def service(platform: Platform, tenant: str) -> Iterator[DocumentService]:
    yield DocumentService(platform.db, platform.settings, tokenizer=_TOKENIZER)
