"""Tenant-editable synonym lists (同義語): global groups plus each tenant's own."""

from __future__ import annotations

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid
from jichitai_ai.storage.tables import SynonymGroup

MAX_GROUPS = 5000
MAX_TERMS = 50


def _clean(groups: list[list[str]]) -> list[list[str]]:
    cleaned: list[list[str]] = []
    for group in groups:
        terms = list(dict.fromkeys(t.strip() for t in group if t and t.strip()))
        if len(terms) > MAX_TERMS or any(len(t) > 100 for t in terms):
            raise Invalid("synonyms.group_too_large", limit=MAX_TERMS)
        if len(terms) >= 2:
            cleaned.append(terms)
    if len(cleaned) > MAX_GROUPS:
        raise Invalid("synonyms.too_many", limit=MAX_GROUPS)
    return cleaned


def replace_groups(session: Session, tenant_id: int | None, groups: list[list[str]]) -> int:
    """Replace a tenant's (or the global, ``None``) synonym groups in one transaction."""
    cleaned = _clean(groups)
    owner = (
        SynonymGroup.tenant_id.is_(None)
        if tenant_id is None
        else SynonymGroup.tenant_id == tenant_id
    )
    session.execute(delete(SynonymGroup).where(owner))
    for terms in cleaned:
        session.add(SynonymGroup(tenant_id=tenant_id, terms=terms))
    session.flush()
    if tenant_id is not None:
        tenant_service.bump_content(session, tenant_id)
    return len(cleaned)


def own_groups(session: Session, tenant_id: int | None) -> list[list[str]]:
    owner = (
        SynonymGroup.tenant_id.is_(None)
        if tenant_id is None
        else SynonymGroup.tenant_id == tenant_id
    )
    rows = session.execute(select(SynonymGroup).where(owner).order_by(SynonymGroup.id)).scalars()
    return [list(r.terms) for r in rows]


def groups_for(session: Session, chain: tuple[int, ...]) -> list[list[str]]:
    """Global groups plus those of the tenant and its ancestors."""
    rows = session.execute(
        select(SynonymGroup)
        .where(or_(SynonymGroup.tenant_id.is_(None), SynonymGroup.tenant_id.in_(chain)))
        .order_by(SynonymGroup.id)
    ).scalars()
    return [list(r.terms) for r in rows]


def version(session: Session, chain: tuple[int, ...]) -> int:
    """Changes whenever any applicable group changes (ids only grow on replace)."""
    value = session.execute(
        select(func.coalesce(func.max(SynonymGroup.id), 0) + func.count(SynonymGroup.id)).where(
            or_(SynonymGroup.tenant_id.is_(None), SynonymGroup.tenant_id.in_(chain))
        )
    ).scalar_one()
    return int(value)
