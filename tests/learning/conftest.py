"""A town with a few entries, in lexical and hybrid mode (deterministic hashing embedder)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.search_index import AnswerPolicy, SearchIndexFactory
from jichitai_ai.text import Tokenizer
from jichitai_ai.web.app import create_app
from tests.core.helpers import city_with_entries

from .helpers import Town


@pytest.fixture(params=["lexical", "hybrid"])
def town(request: pytest.FixtureRequest, platform: Platform) -> Iterator[Town]:
    if request.param == "hybrid":
        tokenizer = Tokenizer()
        platform.answering.factory = SearchIndexFactory(
            tokenizer, AnswerPolicy.load(None), HashingEmbedder(tokenizer=tokenizer), platform.db
        )
    with platform.db.write() as s:
        tenant = city_with_entries(s, "city")
        tenant_service.add_tenant(s, "town", "別の町")
    town = Town(platform, create_app(platform=platform), tenant.id, [])
    with platform.db.read() as s:
        town.entry_ids = [e.id for e in faq_service.visible_entries(s, tenant.id, residents=True)]
        index = platform.answering.index_for(s, tenant_service.get_tenant(s, town.slug))
    # The residents' questions are answered by an index of the fixture's mode.
    assert (index.searcher.dense is not None) == (request.param == "hybrid")
    yield town
    for client in town.clients:
        client.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Hybrid towns on SQLite only: votes, lessons and their rate limits are stored the same way
    whatever the index mode, so PostgreSQL runs the lexical towns (its storage paths) and SQLite
    runs both modes (the hybrid index over the same stored learning) — the fourth combination
    repeated both at ~30 s of the suite's wall time (stop 29, CI at its limit)."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        redundant = params.get("town") == "hybrid" and params.get("database_url") == "postgresql"
        (dropped if redundant else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
