"""Gateway tables: the hash-chained audit log, its head, and requests held for review.

The audit table has no foreign key to tenants on purpose: deleting a tenant must
not cascade into the log and break the chain (the slug is kept as text).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow


class GatewayAudit(Base):
    """One audit record (監査ログ). ``hash`` covers every field and ``prev_hash``."""

    __tablename__ = "gateway_audit"
    __table_args__ = (Index("ix_gateway_audit_tenant_created", "tenant_id", "created_at"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    tenant_id: Mapped[int | None] = mapped_column(Integer)
    tenant_slug: Mapped[str] = mapped_column(String(64), default="")
    username: Mapped[str] = mapped_column(String(100), default="")
    #: request, review, moderation, retention, checkpoint
    kind: Mapped[str] = mapped_column(String(32))
    #: sent, refused, held, approved, rejected, failed, flagged, passed, deleted
    decision: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(100), default="")
    backend: Mapped[str] = mapped_column(String(100), default="")
    data_class: Mapped[str] = mapped_column(String(4), default="")
    purpose: Mapped[str] = mapped_column(String(100), default="")
    entity_counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    persons: Mapped[int] = mapped_column(Integer, default=0)
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    signature: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class GatewayAuditHead(Base):
    """The chain's last sequence number and hash; locked while appending (one writer at a time)
    and compared on verification, so deleting the newest records is detected too."""

    __tablename__ = "gateway_audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class GatewayReview(Base):
    """A request held until a staff member confirms the masking (確認待ち).

    ``sealed`` holds the original messages, detected spans and later the masked answer,
    encrypted with the deployment secret; deleted by retention.
    """

    __tablename__ = "gateway_reviews"
    __table_args__ = (Index("ix_gateway_reviews_tenant_status", "tenant_id", "status"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    username: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    #: pending, sent, rejected, failed, refused
    status: Mapped[str] = mapped_column(String(16), default="pending")
    data_class: Mapped[str] = mapped_column(String(4), default="")
    backend: Mapped[str] = mapped_column(String(100), default="")
    purpose: Mapped[str] = mapped_column(String(100), default="")
    entity_counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)


class GatewayPlaceholderCounter(Base):
    """Last placeholder number per label (氏名 → 3) of one Dify conversation owner, so output
    moderation continues the input's numbering on whichever worker Dify reaches; rows older
    than an hour are ignored and deleted."""

    __tablename__ = "gateway_placeholder_counters"

    tenant_id: Mapped[int] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    username: Mapped[str] = mapped_column(String(100), primary_key=True)
    app_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    counters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
