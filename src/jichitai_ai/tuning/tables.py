"""Questions an editor dealt with (対応済み): they leave the unanswered list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base
from jichitai_ai.timeutil import utcnow


class HandledQuestion(Base):
    """A logged question taken off the unanswered list: dismissed, or added as 言い換え."""

    __tablename__ = "handled_questions"

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    #: dismissed | alternative
    action: Mapped[str] = mapped_column(String(16))
    entry_id: Mapped[int | None] = mapped_column(Integer)
    handled_by: Mapped[str] = mapped_column(String(100), default="")
    handled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
