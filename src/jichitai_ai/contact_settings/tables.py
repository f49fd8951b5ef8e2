"""The change record of the area: who changed which list, when, and what it was before."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow


class SettingsChange(Base):
    """One change of a console-edited tenant setting (緊急連絡先・他機関): the whole list
    before and after, so an auditor sees exactly what residents were told when."""

    __tablename__ = "settings_changes"
    __table_args__ = (Index("ix_settings_changes_tenant_id_id", "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    #: The settings key (``emergency_contacts`` or ``other_authorities``).
    key: Mapped[str] = mapped_column(String(64))
    #: What was done: added, saved, deleted, reset, imported.
    action: Mapped[str] = mapped_column(String(32))
    #: The item's Japanese name or number, for the list of changes.
    subject: Mapped[str] = mapped_column(String(200), default="")
    username: Mapped[str] = mapped_column(String(150), default="")
    before: Mapped[list[Any]] = mapped_column(JSON, default=list)
    after: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
