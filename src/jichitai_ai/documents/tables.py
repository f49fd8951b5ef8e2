"""Tables of the documents area: collections (文書集), documents and their chunks.

The original file is kept in the database so every worker can serve it (出典を開く) without a
shared disk; chunks carry a content hash so re-ingesting a changed file rewrites only what changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow


class DocCollection(Base):
    """A named set of documents in one tenant with one audience (public / staff / roles)."""

    __tablename__ = "doc_collections"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200), default="")
    #: "public" (residents too), "staff" (any role in the tenant) or "restricted" (``roles`` only).
    visibility: Mapped[str] = mapped_column(String(16), default="staff")
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: Bumped on every change so cached search indexes are rebuilt in every worker.
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DocumentRow(Base):
    """One ingested file: its original bytes, its title and whether it needs OCR (要OCR)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("collection_id", "source_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("doc_collections.id", ondelete="CASCADE"))
    source_name: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(String(500), default="")
    format: Mapped[str] = mapped_column(String(16))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    #: "indexed" or "needs_ocr" (a scanned PDF without a text layer).
    status: Mapped[str] = mapped_column(String(16), default="indexed")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DocumentChunk(Base):
    """A passage: one article (条) or section, with where it is (第12条, p.34) and its heading."""

    __tablename__ = "document_chunks"
    __table_args__ = (Index("ix_document_chunks_document", "document_id", "ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(200), default="")
    heading: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    anchor: Mapped[str] = mapped_column(String(100), default="")
    #: Sub-locations inside the chunk: [[offset, "第2項"], …] for 項 and 号.
    parts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))


class ChunkVector(Base):
    """Dense vector of a chunk per embedding model, computed once per chunk text."""

    __tablename__ = "document_chunk_vectors"

    chunk_id: Mapped[int] = mapped_column(
        ForeignKey("document_chunks.id", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(100), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class OcrLineRow(Base):
    """A line read by OCR from a scanned page, with its confidence; lines below the review bar
    wait for a person (status "review") and their corrected text is what gets indexed."""

    __tablename__ = "document_ocr_lines"
    __table_args__ = (
        Index("ix_document_ocr_lines_document", "document_id", "page", "number"),
        Index("ix_document_ocr_lines_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    #: "ok" (read confidently), "review" (waiting for a person), "corrected" or "accepted".
    status: Mapped[str] = mapped_column(String(16), default="ok")
    corrected: Mapped[str] = mapped_column(Text, default="")
    #: Why the line waits beyond its confidence: "" (confidence only), "structure" (a 第…条
    #: heading whose number is unreadable) or "repaired" (自動補正: the number restored from
    #: the headings around it, in ``corrected``, for a person to confirm).
    reason: Mapped[str] = mapped_column(String(16), default="", server_default="")
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
