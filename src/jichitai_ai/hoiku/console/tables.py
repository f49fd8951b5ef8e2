"""The nursery console's temporary runs (一時保管), in the database so every worker sees them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base


class HoikuRun(Base):
    """One upload (its files as sent) and, once run, the allocation as child → facility.

    Deleted when it expires (two hours by default), when discarded, or when newer uploads push
    it out; the applicants' data is never kept longer than that."""

    __tablename__ = "hoiku_runs"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    filenames: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: The uploaded files in one ZIP archive (re-read by a worker that has not seen them).
    files: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    #: Bumped by every run, so workers' cached views are rebuilt.
    version: Mapped[int] = mapped_column(Integer, default=0)
    assignment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    method: Mapped[str] = mapped_column(String(16), default="")
    optimal: Mapped[bool] = mapped_column(Boolean, default=False)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    notes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    wall_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    run_by: Mapped[str] = mapped_column(String(100), default="")
