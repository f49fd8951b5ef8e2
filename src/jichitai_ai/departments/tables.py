"""Tables of the departments area (the ``departments`` table itself is in the core schema)."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from jichitai_ai.storage.tables import Base


class EditorDepartment(Base):
    """An editor limited to some departments of a tenant (no rows: every department)."""

    __tablename__ = "editor_departments"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True
    )
