"""The library page's lists: collections with their audience, and the documents the user may
see with status, chunk count and how many FAQ drafts came from each (one query per list)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jichitai_ai.documents import Viewer
from jichitai_ai.documents._access import can_see
from jichitai_ai.documents._store import DEFAULT_COLLECTION
from jichitai_ai.documents.errors import CollectionForbidden, CollectionNotFound
from jichitai_ai.documents.tables import DocCollection, DocumentChunk, DocumentRow
from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FaqEntryRow

#: External ids of FAQ drafts made from document N (see documents._drafts).
DRAFT_ID = re.compile(r"^doc(\d+)-")
#: The stored format of an e-Gov law (法令標準XML, documents._read_egov).
LAW_FORMAT = "xml"


@dataclass
class CollectionView:
    name: str
    title: str
    visibility: str
    roles: list[str] = field(default_factory=list)
    documents: int = 0
    #: The user's role may search it (admins also see the others, to configure them).
    visible: bool = True


@dataclass
class DocumentView:
    id: int
    title: str
    source_name: str
    format: str
    status: str
    pages: int
    collection: str
    chunks: int = 0
    drafts: int = 0


def check_upload_target(db: Database, tenant_id: int, viewer: Viewer, collection: str) -> None:
    """Upload only into a collection the caller's role may see; a new collection is created by an
    administrator (or the default one, before any exists). A name the tenant does not have is
    reported as not found, not as a permission problem."""
    every = collections(db, tenant_id, viewer, everything=True)
    allowed = {c.name for c in every if c.visible}
    if collection in (allowed or {DEFAULT_COLLECTION}):
        return
    if collection not in {c.name for c in every}:
        raise CollectionNotFound("documents.collection_not_found", name=collection)
    raise CollectionForbidden("documents.forbidden")


def collections(
    db: Database, tenant_id: int, viewer: Viewer, *, everything: bool
) -> list[CollectionView]:
    """The tenant's collections the viewer may see (all of them when ``everything``), in the
    order staff choose an upload destination from: by title, and a collection holding only
    laws from e-Gov (法令標準XML, not something staff upload a manual into) last — by name,
    「法令」 (horei) came first (newcomer walkthroughs nc10, nc11)."""
    with db.read() as session:
        counts: dict[int, int] = {}
        formats: dict[int, set[str]] = {}
        for collection_id, fmt, n in session.execute(
            select(DocumentRow.collection_id, DocumentRow.format, func.count(DocumentRow.id))
            .where(DocumentRow.tenant_id == tenant_id)
            .group_by(DocumentRow.collection_id, DocumentRow.format)
        ).all():
            counts[collection_id] = counts.get(collection_id, 0) + int(n)
            formats.setdefault(collection_id, set()).add(str(fmt))
        rows = session.execute(
            select(DocCollection)
            .where(DocCollection.tenant_id == tenant_id)
            .order_by(DocCollection.name)
        ).scalars()
        out: list[CollectionView] = []
        laws_only: list[bool] = []
        for row in rows:
            roles = [str(r) for r in row.roles or []]
            visible = can_see(viewer, row.visibility, roles)
            if visible or everything:
                out.append(
                    CollectionView(
                        row.name,
                        row.title or row.name,
                        row.visibility,
                        roles,
                        int(counts.get(row.id, 0)),
                        visible,
                    )
                )
                laws_only.append(formats.get(row.id) == {LAW_FORMAT})
        order = sorted(
            range(len(out)), key=lambda i: (laws_only[i], out[i].title.casefold(), out[i].name)
        )
        return [out[i] for i in order]


def documents(db: Database, tenant_id: int, visible: set[str]) -> list[DocumentView]:
    """Documents of the named collections, newest first."""
    with db.read() as session:
        chunks = (
            select(DocumentChunk.document_id, func.count(DocumentChunk.id).label("n"))
            .group_by(DocumentChunk.document_id)
            .subquery()
        )
        rows = session.execute(
            select(
                DocumentRow.id,
                DocumentRow.title,
                DocumentRow.source_name,
                DocumentRow.format,
                DocumentRow.status,
                DocumentRow.pages,
                DocCollection.name,
                func.coalesce(chunks.c.n, 0),
            )
            .join(DocCollection, DocCollection.id == DocumentRow.collection_id)
            .outerjoin(chunks, chunks.c.document_id == DocumentRow.id)
            .where(DocumentRow.tenant_id == tenant_id)
            .order_by(DocumentRow.id.desc())
        ).all()
        drafts = _draft_counts(session, tenant_id)
    return [
        DocumentView(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), drafts.get(r[0], 0))
        for r in rows
        if r[6] in visible
    ]


def _draft_counts(session: Session, tenant_id: int) -> dict[int, int]:
    ids = session.execute(
        select(FaqEntryRow.external_id).where(
            FaqEntryRow.tenant_id == tenant_id,
            FaqEntryRow.status == str(EntryStatus.DRAFT),
            FaqEntryRow.external_id.like("doc%-%"),
        )
    ).scalars()
    counts: dict[int, int] = {}
    for external_id in ids:
        if match := DRAFT_ID.match(external_id):
            key = int(match.group(1))
            counts[key] = counts.get(key, 0) + 1
    return counts


def original_link(slug: str, document_id: int, media_type: str, page: int) -> str:
    """The stored original (OCR確認: the scan to compare a line with), a PDF at its page."""
    link = f"/api/v1/tenants/{slug}/documents/{document_id}/file"
    return f"{link}#page={page}" if media_type == "application/pdf" else link


def source_link(slug: str, document: DocumentView) -> str:
    """Open the whole source: the original PDF, else the rendering with its anchors."""
    base = f"/api/v1/tenants/{slug}/documents/{document.id}"
    return f"{base}/file" if document.format == "pdf" else f"{base}/view"
