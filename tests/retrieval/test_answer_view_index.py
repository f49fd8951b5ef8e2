"""The answer view in a tenant index: built at index time, cached per view, reused."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.retrieval._hybrid import ANSWER_VIEW, DEFAULT_ANSWER_WEIGHT
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage.tables import EmbeddingCache


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__(64)
        self.passages = 0

    def embed_passages(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_answer_vectors_are_cached_and_searched(platform: Platform) -> None:
    with platform.db.write() as s:
        load_demo(s)
    embedder = CountingEmbedder()
    factory = platform.answering.factory
    factory.embedder = embedder
    # Self-calibration embeds probe passages too; only the two views are counted here (the
    # pseudo-questions, tests/retrieval/test_pseudo_questions.py, are off).
    factory.policy = replace(
        factory.policy,
        answer_weight=DEFAULT_ANSWER_WEIGHT,
        self_calibration=False,
        pseudo_weight=0.0,
    )
    with platform.db.read() as s:
        index = platform.answering.index_for(s, tenant_service.get_tenant(s, "aoba-city"))
    view = index.searcher.answers
    assert view is not None and view.weight == DEFAULT_ANSWER_WEIGHT
    assert list(view.index.doc_ids) == list(index.searcher.dense.doc_ids)  # type: ignore[union-attr]
    n = len(index)
    assert embedder.passages == 2 * n  # passage view + answer view, once each
    with platform.db.read() as s:
        models = set(s.execute(select(EmbeddingCache.model)).scalars())
    assert models == {embedder.name, embedder.name + ANSWER_VIEW}
    # A rebuild (another process, a restart) embeds nothing: both views come from the cache.
    platform.answering._cache.clear()
    with platform.db.read() as s:
        again = platform.answering.index_for(s, tenant_service.get_tenant(s, "aoba-city"))
    assert embedder.passages == 2 * n and again.searcher.answers is not None
    ranked, cosine = again.rank("粗大ごみを出したい", 5)
    assert ranked and cosine is not None
    assert embedder.passages == 2 * n  # questions embed only the query


def test_answer_view_is_off_by_default(platform: Platform) -> None:
    """Shipped policy: no answer vectors are computed (import time), only the passage view."""
    with platform.db.write() as s:
        load_demo(s)
    embedder = CountingEmbedder()
    factory = platform.answering.factory
    factory.embedder = embedder
    assert factory.policy.answer_weight == 0.0
    factory.policy = replace(factory.policy, self_calibration=False)
    with platform.db.read() as s:
        index = platform.answering.index_for(s, tenant_service.get_tenant(s, "aoba-city"))
    assert index.searcher.answers is None
    assert embedder.passages == len(index)
