"""Storage of collections, documents and chunks; re-ingestion rewrites only changed chunks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jichitai_ai.documents._access import STAFF, check_visibility
from jichitai_ai.documents._index import ChunkRecord
from jichitai_ai.documents._model import ChunkDraft, ParsedDocument
from jichitai_ai.documents.errors import DocumentNotFound, InvalidCollection
from jichitai_ai.documents.tables import DocCollection, DocumentChunk, DocumentRow
from jichitai_ai.timeutil import utcnow

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,99}$")
DEFAULT_COLLECTION = "default"


@dataclass(frozen=True)
class StoreResult:
    """What one ingestion changed: chunks added, removed and kept as they were."""

    document_id: int
    status: str
    added: int
    removed: int
    kept: int
    unchanged: bool = False


def get_collection(session: Session, tenant_id: int, name: str) -> DocCollection | None:
    return session.execute(
        select(DocCollection).where(
            DocCollection.tenant_id == tenant_id, DocCollection.name == name
        )
    ).scalar_one_or_none()


def ensure_collection(
    session: Session,
    tenant_id: int,
    name: str,
    *,
    visibility: str | None = None,
    roles: list[str] | None = None,
    title: str | None = None,
) -> DocCollection:
    """Find or create a collection; given visibility/roles/title replace the stored ones."""
    if not NAME_RE.match(name):
        raise InvalidCollection("documents.invalid_collection_name", name=name)
    row = get_collection(session, tenant_id, name)
    if row is None:
        vis = visibility or STAFF
        row = DocCollection(
            tenant_id=tenant_id,
            name=name,
            title=title or name,
            visibility=vis,
            roles=check_visibility(vis, roles or []),
            version=0,
        )
        session.add(row)
        session.flush()
        return row
    if visibility is not None or roles is not None:
        vis = visibility or row.visibility
        row.roles = check_visibility(vis, roles if roles is not None else list(row.roles or []))
        row.visibility = vis
        row.version += 1
    if title is not None:
        row.title = title
    session.flush()
    return row


def list_collections(session: Session, tenant_id: int) -> list[DocCollection]:
    return list(
        session.execute(
            select(DocCollection)
            .where(DocCollection.tenant_id == tenant_id)
            .order_by(DocCollection.name)
        ).scalars()
    )


def store_document(
    session: Session,
    collection: DocCollection,
    source_name: str,
    data: bytes,
    media_type: str,
    parsed: ParsedDocument,
    chunks: list[ChunkDraft],
) -> StoreResult:
    digest = hashlib.sha256(data).hexdigest()
    status = "needs_ocr" if parsed.needs_ocr else "indexed"
    row = session.execute(
        select(DocumentRow).where(
            DocumentRow.collection_id == collection.id, DocumentRow.source_name == source_name
        )
    ).scalar_one_or_none()
    if row is not None and row.sha256 == digest:
        kept = len(
            session.execute(
                select(DocumentChunk.id).where(DocumentChunk.document_id == row.id)
            ).all()
        )
        return StoreResult(row.id, row.status, 0, 0, kept, unchanged=True)
    now = utcnow()
    if row is None:
        row = DocumentRow(
            tenant_id=collection.tenant_id,
            collection_id=collection.id,
            source_name=source_name,
            created_at=now,
        )
        session.add(row)
    row.title = parsed.title[:500]
    row.format = parsed.format
    row.media_type = media_type
    row.sha256 = digest
    row.size = len(data)
    row.pages = parsed.pages
    row.status = status
    row.content = data
    row.updated_at = now
    session.flush()
    added, removed, kept = sync_chunks(session, row.id, collection, chunks)
    return StoreResult(row.id, status, added, removed, kept)


def sync_chunks(
    session: Session, document_id: int, collection: DocCollection, chunks: list[ChunkDraft]
) -> tuple[int, int, int]:
    """Make the stored chunks match ``chunks``: unchanged ones (same hash) are kept with their
    vectors; returns (added, removed, kept). Bumps the collection version (indexes rebuild)."""
    existing = (
        session.execute(select(DocumentChunk).where(DocumentChunk.document_id == document_id))
        .scalars()
        .all()
    )
    pool: dict[str, list[DocumentChunk]] = {}
    for chunk in existing:
        pool.setdefault(chunk.content_hash, []).append(chunk)
    added = kept = 0
    for ordinal, draft in enumerate(chunks):
        same = pool.get(draft.content_hash)
        if same:
            chunk = same.pop()
            kept += 1
        else:
            chunk = DocumentChunk(
                document_id=document_id,
                text=draft.text,
                heading=draft.heading,
                content_hash=draft.content_hash,
            )
            session.add(chunk)
            added += 1
        chunk.ordinal = ordinal
        chunk.location = draft.location[:200]
        chunk.page = draft.page
        chunk.anchor = draft.anchor
        chunk.parts = [list(p) for p in draft.parts]
    stale = [c.id for rows in pool.values() for c in rows]
    if stale:
        session.execute(delete(DocumentChunk).where(DocumentChunk.id.in_(stale)))
    collection.version += 1
    session.flush()
    return added, len(stale), kept


def get_document(session: Session, tenant_id: int, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None or row.tenant_id != tenant_id:
        raise DocumentNotFound("documents.not_found", id=document_id)
    return row


def delete_document(session: Session, tenant_id: int, document_id: int) -> None:
    """Remove a document and all its chunks (and their vectors)."""
    row = get_document(session, tenant_id, document_id)
    collection = session.get(DocCollection, row.collection_id)
    session.execute(delete(DocumentChunk).where(DocumentChunk.document_id == row.id))
    session.delete(row)
    if collection is not None:
        collection.version += 1
    session.flush()


def chunks_of(session: Session, document_id: int) -> list[DocumentChunk]:
    return list(
        session.execute(
            select(DocumentChunk)
            .where(DocumentChunk.document_id == document_id)
            .order_by(DocumentChunk.ordinal)
        ).scalars()
    )


def load_records(
    session: Session, tenant_id: int | None, document_ids: list[int] | None = None
) -> list[ChunkRecord]:
    query = (
        select(
            DocumentChunk.id,
            DocumentChunk.document_id,
            DocumentRow.collection_id,
            DocumentRow.title,
            DocumentRow.format,
            DocumentChunk.location,
            DocumentChunk.heading,
            DocumentChunk.text,
            DocumentChunk.page,
            DocumentChunk.anchor,
            DocumentChunk.parts,
        )
        .join(DocumentRow, DocumentRow.id == DocumentChunk.document_id)
        .order_by(DocumentChunk.id)
    )
    if tenant_id is not None:
        query = query.where(DocumentRow.tenant_id == tenant_id)
    if document_ids is not None:
        query = query.where(DocumentChunk.document_id.in_(document_ids))
    return [
        ChunkRecord(
            r.id,
            r.document_id,
            r.collection_id,
            r.title,
            r.format,
            r.location,
            r.heading,
            r.text,
            r.page,
            r.anchor,
            tuple((int(o), str(label)) for o, label in (r.parts or [])),
        )
        for r in session.execute(query).all()
    ]
