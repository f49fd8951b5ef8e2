"""The change record (変更履歴) of tenant settings edited in the console — the two contact lists
and the tuning page's settings — written in the same transaction as the change."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.contact_settings.tables import SettingsChange


@dataclass(frozen=True)
class ChangeView:
    key: str
    action: str
    subject: str
    username: str
    created_at: datetime
    before_count: int
    after_count: int
    before: list[Any]
    after: list[Any]


def record(
    session: Session,
    tenant_id: int,
    key: str,
    action: str,
    *,
    subject: str,
    username: str,
    before: list[Any],
    after: list[Any],
) -> None:
    session.add(
        SettingsChange(
            tenant_id=tenant_id,
            key=key,
            action=action,
            subject=subject[:200],
            username=username[:150],
            before=before,
            after=after,
        )
    )
    session.flush()


def recent(
    session: Session, tenant_id: int, keys: Collection[str] | None = None, limit: int = 20
) -> list[ChangeView]:
    """The tenant's latest changes (of ``keys`` when given), newest first (only its own: tenants
    never see others'); each console page shows the record of the settings it edits."""
    query = select(SettingsChange).where(SettingsChange.tenant_id == tenant_id)
    if keys is not None:
        query = query.where(SettingsChange.key.in_(list(keys)))
    rows = session.execute(query.order_by(SettingsChange.id.desc()).limit(limit)).scalars()
    return [
        ChangeView(
            key=r.key,
            action=r.action,
            subject=r.subject,
            username=r.username,
            created_at=r.created_at,
            before_count=len(r.before or []),
            after_count=len(r.after or []),
            before=list(r.before or []),
            after=list(r.after or []),
        )
        for r in rows
    ]
