"""The documents service: ingest files into a tenant's collections, search them with access by
collection and role, answer extractively or (when configured) generatively, draft FAQ entries."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai import archives
from jichitai_ai.config import Settings
from jichitai_ai.documents import _store
from jichitai_ai.documents._access import Viewer, can_see
from jichitai_ai.documents._answers import (
    Answer,
    Passage,
    extractive_answer,
    see_also,
    supporting_passages,
)
from jichitai_ai.documents._chat import ChatBackend, gateway_refusal
from jichitai_ai.documents._chunking import chunk_document
from jichitai_ai.documents._definitions import definition_first, definition_question
from jichitai_ai.documents._drafts import store_drafts
from jichitai_ai.documents._generate import (
    DATA_BEGIN,
    DATA_END,
    DELIMITER_LIKE,
    build_messages,
    generative_answer,
)
from jichitai_ai.documents._index import ChunkRecord, DocIndex, Hit, Mode
from jichitai_ai.documents._model import ParsedDocument, sub_location
from jichitai_ai.documents._ocr_store import (
    QueuedLine,
    merge_ocr,
    repaired_lines,
    review_line,
    store_lines,
)
from jichitai_ai.documents._ocr_store import queue as ocr_queue
from jichitai_ai.documents._qa import PROPOSE_PROMPT, parse_proposals, split_qa
from jichitai_ai.documents._readers import media_type, parse, supported
from jichitai_ai.documents._support import (
    best_sentences,
    body_names,
    content_concepts,
    names_other_body,
    number_patterns,
    shown_kind,
    subject_terms,
    titled_bodies,
    unit_of,
)
from jichitai_ai.documents._vectors import embed_new_chunks, load_vectors
from jichitai_ai.documents._vocabulary import REIKI_SYNONYMS
from jichitai_ai.documents.errors import (
    CollectionForbidden,
    DocumentNotFound,
    DocumentUnreadable,
    NoBackend,
)
from jichitai_ai.documents.ocr import OcrResult, ocr_available, ocr_image, ocr_pdf_pages
from jichitai_ai.documents.tables import DocCollection, DocumentChunk, DocumentRow, OcrLineRow
from jichitai_ai.i18n import bilingual
from jichitai_ai.retrieval import Embedder
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import NotFound, ServiceError
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import Tenant
from jichitai_ai.text import SynonymSet, Tokenizer

#: Search results whose location is refined to the 項・号 holding the best sentence.
REFINE_TOP = 3
#: Largest file accepted for ingestion.
MAX_FILE_BYTES = 64 * 1024 * 1024

log = logging.getLogger(__name__)


@dataclass
class IngestItem:
    """Outcome for one file: indexed, unchanged, needs_ocr (要OCR) or error (skipped)."""

    name: str
    status: str
    document_id: int | None = None
    added: int = 0
    removed: int = 0
    kept: int = 0
    faq_drafts: int = 0
    message: dict[str, str] = field(default_factory=dict)
    #: Lines read by OCR with low confidence, waiting in the review queue.
    ocr_review: int = 0


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


@dataclass(frozen=True)
class SearchResult:
    """A passage for staff: document title, article/page, text, score and a link to the source."""

    document: str
    document_id: int
    location: str
    text: str
    score: float
    link: str
    page: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "document_id": self.document_id,
            "location": self.location,
            "text": self.text,
            "score": round(self.score, 4),
            "link": self.link,
            "page": self.page,
        }


@dataclass
class _Cached:
    key: tuple[tuple[int, int], ...]
    index: DocIndex
    collections: dict[int, tuple[str, list[str]]]


def link_for(slug: str, record: ChunkRecord, page: int | None, *, public: bool) -> str:
    """Where the source opens at the passage: the PDF at #page=N, else the rendering's anchor."""
    base = f"/api/v1/tenants/{slug}/{'public/' if public else ''}documents/{record.document_id}"
    if record.format == "pdf":
        return f"{base}/file#page={page or 1}"
    return f"{base}/view#{record.anchor}"


#: Extra hits fetched so that front matter moved down leaves ``k`` provisions.
FRONT_MATTER_SLACK = 2


class DocumentService:
    """One per process (see :func:`documents_for`); index caches are per tenant."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        tokenizer: Tokenizer | None = None,
        embedder: Embedder | None = None,
        chat: ChatBackend | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.tokenizer = tokenizer or Tokenizer()
        self.embedder = embedder
        self.chat = chat
        #: Read scanned pages with Tesseract at ingestion (when it is installed).
        self.ocr_enabled = True
        self._cache: dict[int, _Cached] = {}
        self._lock = threading.Lock()

    # -- ingestion ------------------------------------------------------------------------------
    def ingest(
        self,
        tenant_slug: str,
        name: str,
        data: bytes,
        *,
        collection: str = _store.DEFAULT_COLLECTION,
        visibility: str | None = None,
        roles: list[str] | None = None,
        user: str = "",
    ) -> IngestItem:
        """Parse, chunk and store one file; errors are reported in the item, not raised."""
        try:
            if len(data) > MAX_FILE_BYTES:
                raise DocumentUnreadable(
                    "documents.too_large", name=name, limit=MAX_FILE_BYTES // 2**20
                )
            try:  # zip bombs and huge PDFs are refused before any parser expands them
                archives.check_upload(name, data)
                parsed = parse(name, data)
            except archives.ExpansionRefused as exc:
                raise DocumentUnreadable(exc.key, **exc.params) from exc
            ocr = self._ocr(parsed, data)
            if ocr is not None:
                parsed = merge_ocr(parsed, repaired_lines(ocr))
            chunks = chunk_document(parsed)
            try:
                archives.check_chunks(len(chunks))
            except archives.ExpansionRefused as exc:
                raise DocumentUnreadable(exc.key, **exc.params) from exc
            with self.db.write() as session:
                tenant = tenant_service.get_tenant(session, tenant_slug)
                coll = _store.ensure_collection(
                    session, tenant.id, collection, visibility=visibility, roles=roles
                )
                result = _store.store_document(
                    session, coll, name, data, media_type(name), parsed, chunks
                )
                drafts = review = 0
                if not result.unchanged:
                    drafts = self._rule_drafts(session, tenant.id, result.document_id, parsed, user)
                    if ocr is not None:
                        review = store_lines(session, result.document_id, ocr)
            if self.embedder is not None and not result.unchanged:
                # Embedding is slow (a model on CPU): outside the write transaction.
                embed_new_chunks(self.db, self.embedder, result.document_id)
        except ServiceError as exc:
            return IngestItem(name, "error", message=exc.messages())
        status = "unchanged" if result.unchanged else result.status
        message: dict[str, str] = {}
        if result.status == "needs_ocr":
            message = bilingual("documents.needs_ocr", name=name)
        elif parsed.pages_without_text:
            pages = ", ".join(f"p.{n}" for n in parsed.pages_without_text[:20])
            message = bilingual("documents.pages_need_ocr", name=name, pages=pages)
        elif ocr is not None:
            message = bilingual(
                "documents.ocr_done", name=name, confidence=round(ocr.confidence), review=review
            )
        return IngestItem(
            name,
            status,
            result.document_id,
            result.added,
            result.removed,
            result.kept,
            drafts,
            message,
            review,
        )

    def _ocr(self, parsed: ParsedDocument, data: bytes) -> OcrResult | None:
        """Read scanned pages when Tesseract is installed (else they stay 要OCR)."""
        if not (parsed.needs_ocr or parsed.pages_without_text) or not self.ocr_enabled:
            return None
        if not ocr_available():
            return None
        try:
            if parsed.format == "image":
                result = ocr_image(data).readable()
            else:
                pages = None if parsed.needs_ocr else parsed.pages_without_text
                result = ocr_pdf_pages(data, pages).readable()
        except Exception:  # pdftoppm/Tesseract failed or timed out, Pillow refused the raster
            log.warning("OCR failed; the pages stay 要OCR", exc_info=True)
            return None
        return result if result.pages else None

    # -- OCR review queue (確認待ち) ---------------------------------------------------------
    def ocr_queue(self, tenant_slug: str, viewer: Viewer) -> list[QueuedLine]:
        """Low-confidence OCR lines of the collections the viewer may see."""
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            visible = {
                c.id
                for c in _store.list_collections(session, tenant.id)
                if can_see(viewer, c.visibility, list(c.roles or []))
            }
            return ocr_queue(session, tenant.id, visible)

    def review_ocr_line(
        self, tenant_slug: str, line_id: int, text: str | None, viewer: Viewer, *, user: str = ""
    ) -> None:
        """Correct (``text``) or accept (None) a line; the corrected text is indexed at once."""
        with self.db.write() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            line = session.get(OcrLineRow, line_id)
            row = session.get(DocumentRow, line.document_id) if line is not None else None
            coll = session.get(DocCollection, row.collection_id) if row is not None else None
            if coll is None or not can_see(viewer, coll.visibility, list(coll.roles or [])):
                raise DocumentNotFound("documents.not_found", id=line_id)
            review_line(session, tenant.id, line_id, text, user)

    def ingest_paths(
        self,
        tenant_slug: str,
        paths: Iterable[Path],
        *,
        collection: str = _store.DEFAULT_COLLECTION,
        visibility: str | None = None,
        roles: list[str] | None = None,
        progress: bool = False,
        on_item: Callable[[IngestItem], None] | None = None,
    ) -> IngestReport:
        """Ingest files and folders (recursively); a bad file is reported and skipped."""
        from tqdm import tqdm

        files = sorted(_expand(paths))
        report = IngestReport()
        for path in tqdm(files, desc="ingest", unit="file", disable=not progress):
            try:
                data = path.read_bytes()
            except OSError as exc:
                item = IngestItem(path.name, "error", message={"ja": str(exc), "en": str(exc)})
            else:
                item = self.ingest(
                    tenant_slug,
                    path.name,
                    data,
                    collection=collection,
                    visibility=visibility,
                    roles=roles,
                )
            report.items.append(item)
            if on_item is not None:
                on_item(item)
        return report

    def delete(self, tenant_slug: str, document_id: int) -> None:
        with self.db.write() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            _store.delete_document(session, tenant.id, document_id)

    def has_collection(self, tenant_slug: str, name: str) -> bool:
        """Whether the tenant has a collection of that name (raises NotFound for no tenant)."""
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            return _store.get_collection(session, tenant.id, name) is not None

    def set_collection(
        self,
        tenant_slug: str,
        name: str,
        *,
        visibility: str | None = None,
        roles: list[str] | None = None,
        title: str | None = None,
    ) -> dict[str, Any]:
        with self.db.write() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            row = _store.ensure_collection(
                session, tenant.id, name, visibility=visibility, roles=roles, title=title
            )
            return {
                "name": row.name,
                "title": row.title,
                "visibility": row.visibility,
                "roles": list(row.roles),
            }

    def list_documents(self, tenant_slug: str, viewer: Viewer) -> list[dict[str, Any]]:
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            visible = {
                c.id: c.name
                for c in _store.list_collections(session, tenant.id)
                if can_see(viewer, c.visibility, list(c.roles or []))
            }
            rows = session.execute(
                select(
                    DocumentRow.id,
                    DocumentRow.title,
                    DocumentRow.source_name,
                    DocumentRow.format,
                    DocumentRow.status,
                    DocumentRow.pages,
                    DocumentRow.collection_id,
                )
                .where(DocumentRow.tenant_id == tenant.id)
                .order_by(DocumentRow.id)
            ).all()
        return [
            {
                "id": r.id,
                "title": r.title,
                "source_name": r.source_name,
                "format": r.format,
                "status": r.status,
                "pages": r.pages,
                "collection": visible[r.collection_id],
            }
            for r in rows
            if r.collection_id in visible
        ]

    # -- search ---------------------------------------------------------------------------------
    def current_index(self, tenant_slug: str) -> _Cached:
        """The tenant's cached index, rebuilt when any of its collections changed.

        One small query per search checks the collection versions (any worker may have
        ingested since), so stateless workers stay consistent without a shared cache.
        """
        with self.db.read() as session:
            rows = session.execute(
                select(Tenant.id, DocCollection.id, DocCollection.version)
                .select_from(Tenant)
                .outerjoin(DocCollection, DocCollection.tenant_id == Tenant.id)
                .where(Tenant.slug == tenant_slug)
                .order_by(DocCollection.id)
            ).all()
            if not rows:
                raise NotFound("error.tenant_unknown", slug=tenant_slug)
            tenant_id = int(rows[0][0])
            key = tuple((int(r[1]), int(r[2])) for r in rows if r[1] is not None)
            cached = self._cache.get(tenant_id)
            if cached is not None and cached.key == key:
                return cached
            with self._lock:
                cached = self._cache.get(tenant_id)
                if cached is not None and cached.key == key:
                    return cached
                cached = self._build(session, tenant_service.get_tenant_by_id(session, tenant_id))
                self._cache[tenant_id] = cached
                return cached

    def _build(self, session: Session, tenant: TenantInfo) -> _Cached:
        colls = _store.list_collections(session, tenant.id)
        records = _store.load_records(session, tenant.id)
        groups = REIKI_SYNONYMS + synonym_service.groups_for(session, tenant.chain)
        synonyms = SynonymSet(groups, self.tokenizer)
        vectors = (
            load_vectors(self.db, session, self.embedder, tenant.id, records)
            if self.embedder is not None
            else None
        )
        index = DocIndex.build(
            records, self.tokenizer, embedder=self.embedder, vectors=vectors, synonyms=synonyms
        )
        return _Cached(
            tuple(sorted((c.id, c.version) for c in colls)),
            index,
            {c.id: (c.visibility, list(c.roles or [])) for c in colls},
        )

    def _visible_hits(
        self, tenant_slug: str, query: str, viewer: Viewer, k: int, mode: Mode | None
    ) -> tuple[DocIndex, list[Hit]]:
        cached = self.current_index(tenant_slug)
        allowed = [
            cid for cid, (vis, roles) in cached.collections.items() if can_see(viewer, vis, roles)
        ]
        chosen: Mode = mode or ("hybrid" if self.embedder is not None else "lexical")
        index = cached.index
        hits = index.search(query, k + FRONT_MATTER_SLACK, collections=allowed, mode=chosen)
        # Front matter (title, date, 制定文) goes after the provisions: it never answers.
        hits.sort(key=lambda h: index.is_front_matter(h.record))
        asked = definition_question(query)
        if asked is not None:
            names = titled_bodies(index, body_names(query))
            hits = definition_first(
                index, hits, asked, lambda doc, title: names_other_body(index, names, doc, title)
            )
        return index, hits[:k]

    def search(
        self, tenant_slug: str, query: str, viewer: Viewer, *, k: int = 10, mode: Mode | None = None
    ) -> list[SearchResult]:
        index, hits = self._visible_hits(tenant_slug, query, viewer, k, mode)
        public = viewer.role is None and not viewer.operator
        found = content_concepts(index, query) if any(len(h.record.parts) > 1 for h in hits) else []
        kind = shown_kind(query)
        numbers = number_patterns(query)
        defined = definition_question(query)
        out = []
        for rank, hit in enumerate(hits):
            r = hit.record
            location = r.location
            if found and len(r.parts) > 1 and rank < REFINE_TOP:
                unit_at = partial(unit_of, r.location, r.parts)
                subject = subject_terms(index, r.document_id, r.document_title)
                spans = best_sentences(
                    index,
                    found,
                    r.text,
                    limit=1,
                    kind=kind,
                    unit_at=unit_at,
                    subject=subject,
                    numbers=numbers,
                    defined=defined,
                )
                if spans:
                    location = sub_location(r.location, r.parts, spans[0][0])
            out.append(
                SearchResult(
                    r.document_title,
                    r.document_id,
                    location,
                    r.text,
                    hit.score,
                    link_for(tenant_slug, r, r.page, public=public),
                    r.page,
                )
            )
        return out

    def answer(
        self,
        tenant_slug: str,
        question: str,
        viewer: Viewer,
        *,
        user: str = "",
        generative: bool | None = None,
        mode: Mode | None = None,
    ) -> Answer:
        """Extractive by default; generative when a backend is configured (or ``generative``)."""
        index, hits = self._visible_hits(tenant_slug, question, viewer, 8, mode)
        public = viewer.role is None and not viewer.operator
        passages: list[Passage] = supporting_passages(
            index,
            question,
            hits,
            lambda h, page: link_for(tenant_slug, h.record, page, public=public),
        )
        use_model = (
            self.chat is not None if generative is None else generative and self.chat is not None
        )
        if not passages:
            nearest = see_also(
                index,
                question,
                hits,
                lambda h, page: link_for(tenant_slug, h.record, page, public=public),
            )
            return extractive_answer(question, passages, nearest)
        if not use_model:
            return extractive_answer(question, passages)
        assert self.chat is not None
        messages = build_messages(question, passages)
        with self.db.read() as session:
            tenant_id = tenant_service.get_tenant(session, tenant_slug).id
        try:
            output = self.chat.complete(
                messages, tenant_id=tenant_id, user=user, purpose="documents.answer"
            )
        except (
            Exception
        ) as exc:  # backend down or policy refusal: the extractive answer still helps
            fallback = extractive_answer(question, passages)
            fallback.fallback = gateway_refusal(exc)
            return fallback
        return generative_answer(index, question, passages, output)

    # -- sources --------------------------------------------------------------------------------
    def open_document(
        self, tenant_slug: str, document_id: int, viewer: Viewer
    ) -> tuple[DocumentRow, list[DocumentChunk]]:
        """The stored original and its chunks, if the viewer may see its collection."""
        with self.db.read() as session:
            tenant = tenant_service.get_tenant(session, tenant_slug)
            row = _store.get_document(session, tenant.id, document_id)
            coll = session.get(DocCollection, row.collection_id)
            if coll is None or not can_see(viewer, coll.visibility, list(coll.roles or [])):
                if viewer.role is None:
                    raise DocumentNotFound("documents.not_found", id=document_id)
                raise CollectionForbidden("documents.forbidden")
            chunks = _store.chunks_of(session, row.id)
            session.expunge_all()  # keep loaded values after the read session rolls back
            return row, chunks

    # -- FAQ drafts -----------------------------------------------------------------------------
    def _rule_drafts(
        self, session: Session, tenant_id: int, document_id: int, parsed: ParsedDocument, user: str
    ) -> int:
        pairs = split_qa(b.text for b in parsed.blocks)
        if len(pairs) < 2:
            return 0
        return store_drafts(session, tenant_id, document_id, parsed.title, pairs, user)

    def propose_faq(self, tenant_slug: str, document_id: int, *, user: str = "") -> int:
        """Ask the model (through the gateway) for Q/A pairs of a manual; store them as drafts."""
        if self.chat is None:
            raise NoBackend("documents.no_backend")
        row, chunks = self.open_document(tenant_slug, document_id, Viewer.everything())
        text = "\n".join(c.text for c in chunks)[:12_000]
        safe = DELIMITER_LIKE.sub("＜", text)
        messages = [("system", PROPOSE_PROMPT), ("user", f"{DATA_BEGIN}\n{safe}\n{DATA_END}")]
        output = self.chat.complete(
            messages, tenant_id=row.tenant_id, user=user, purpose="documents.faq_drafts"
        )
        pairs = parse_proposals(output, text)
        with self.db.write() as session:
            return store_drafts(session, row.tenant_id, document_id, row.title, pairs, user)


def _expand(paths: Iterable[Path]) -> Iterable[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and supported(p.name))
        else:
            yield path
