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
