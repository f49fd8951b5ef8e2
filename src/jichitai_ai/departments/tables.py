"""Tables of the departments area (the ``departments`` table itself is in the core schema)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
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


class DepartmentName(Base):
    """部署名の翻訳: the name residents read in their language (Citizens Division for 市民課).

    One department keeps one contact; translated entries point at it and show this name."""

    __tablename__ = "department_names"

    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: 受付時間 in that language ("" → the Japanese hours are shown).
    hours: Mapped[str] = mapped_column(String(200), default="", server_default="")
