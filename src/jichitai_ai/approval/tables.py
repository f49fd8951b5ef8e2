"""承認フロー's table: a proposed change to one FAQ entry, waiting for an approver."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow

OPEN_SQL = "state IN ('draft', 'pending', 'scheduled')"


class EntryChange(Base):
    """A change to an entry that residents will only see once approved (承認待ち).

    ``snapshot`` is the entry as it will be after approval (services.faq.snapshot form);
    the live ``faq_entries`` row keeps what residents see until then.
    """

    __tablename__ = "entry_changes"
    __table_args__ = (
        Index("ix_entry_changes_tenant_state", "tenant_id", "state"),
        # At most one open change per entry, even for two first edits at the same moment.
        Index(
            "uq_entry_changes_open",
            "entry_id",
            unique=True,
            sqlite_where=text(OPEN_SQL),
            postgresql_where=text(OPEN_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("faq_entries.id", ondelete="CASCADE"), index=True
    )
    #: draft | pending | scheduled | published | rejected | withdrawn
    state: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: The entry version the change was written against.
    base_version: Mapped[int] = mapped_column(Integer, default=1)
    #: Bumped on every save of the change, so a colleague's stale form is refused.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    #: Everyone who wrote this change (none of them may approve it under 四つの目).
    authors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    review_comment: Mapped[str] = mapped_column(Text, default="")
    #: Scheduled 公開: the day (JST) the approved change replaces the live entry.
    publish_on: Mapped[date | None] = mapped_column(Date)
