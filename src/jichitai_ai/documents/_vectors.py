"""Dense vectors of chunks: computed once per chunk text and model, stored in the database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.documents._index import ChunkRecord, passage_text
from jichitai_ai.documents._store import load_records
from jichitai_ai.documents.tables import ChunkVector, DocumentChunk, DocumentRow
from jichitai_ai.retrieval import Embedder, from_bytes, to_bytes
from jichitai_ai.storage.db import Database


def load_vectors(
    db: Database,
    session: Session,
    embedder: Embedder,
    tenant_id: int,
    records: Sequence[ChunkRecord],
) -> np.ndarray[Any, Any]:
    """One row per record; chunks stored before the embedder was configured are embedded now
    and their vectors kept."""
    model = embedder.name
    stored = dict(
        session.execute(
            select(ChunkVector.chunk_id, ChunkVector.vector)
            .join(DocumentChunk, DocumentChunk.id == ChunkVector.chunk_id)
            .join(DocumentRow, DocumentRow.id == DocumentChunk.document_id)
            .where(ChunkVector.model == model, DocumentRow.tenant_id == tenant_id)
        ).all()
    )
    missing = [r for r in records if r.id not in stored]
    if missing:
        fresh = embedder.embed_passages([passage_text(r) for r in missing])
        with db.write() as writer:
            for r, vec in zip(missing, fresh, strict=True):
                stored[r.id] = to_bytes(vec)
                writer.merge(ChunkVector(chunk_id=r.id, model=model, vector=stored[r.id]))
    if not records:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack([from_bytes(stored[r.id]) for r in records]).astype(np.float32)


def embed_new_chunks(db: Database, embedder: Embedder, document_id: int) -> None:
    """After ingestion: embed the document's chunks that have no vector for this model yet."""
    model = embedder.name
    with db.read() as session:
        records = load_records(session, None, [document_id])
        have = set(
            session.execute(
                select(ChunkVector.chunk_id).where(
                    ChunkVector.model == model, ChunkVector.chunk_id.in_([r.id for r in records])
                )
            ).scalars()
        )
    todo = [r for r in records if r.id not in have]
    if not todo:
        return
    vectors = embedder.embed_passages([passage_text(r) for r in todo])
    with db.write() as session:
        for r, vec in zip(todo, vectors, strict=True):
            session.merge(ChunkVector(chunk_id=r.id, model=model, vector=to_bytes(vec)))
