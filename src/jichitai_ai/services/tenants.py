"""Tenants (自治体) and their hierarchy: prefecture → municipalities (共同利用)."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from jichitai_ai.services.errors import Conflict, Invalid, NotFound
from jichitai_ai.storage.tables import Tenant

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
MAX_DEPTH = 8


@dataclass(frozen=True)
class TenantInfo:
    """A tenant as the services see it, with its ancestor chain (self first)."""

    id: int
    slug: str
    name: str
    name_en: str
    parent_id: int | None
    settings: dict[str, Any] = field(default_factory=dict)
    chain: tuple[int, ...] = ()

    def name_for(self, lang: str) -> str:
        """The tenant's name for a ``lang`` reader: its own name in Japanese (and やさしい日本語),
        the name written for that language (setting ``names``, e.g. 青叶市 / 아오바시) when there
        is one, else the English name — every channel says the same name."""
        if lang in ("ja", "ja-easy"):
            return self.name
        names = self.settings.get("names")
        if isinstance(names, dict):
            own = names.get(lang)
            if isinstance(own, str) and own.strip():
                return own.strip()
        return self.name_en or self.name

    def general_contact(self) -> dict[str, str]:
        """代表・総合案内: the fallback hand-over when no department fits."""
        contact = self.settings.get("contact", {})
        return {k: str(v) for k, v in contact.items()} if isinstance(contact, dict) else {}


#: Ancestor chains per database (keyed by its connection pool), by (tenant id, parent id).
_CHAINS: weakref.WeakKeyDictionary[Any, dict[tuple[int, int | None], tuple[int, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _info(session: Session, row: Tenant) -> TenantInfo:
    return TenantInfo(
        id=row.id,
        slug=row.slug,
        name=row.name,
        name_en=row.name_en,
        parent_id=row.parent_id,
        settings=dict(row.settings or {}),
        chain=_chain(session, row.id, row.parent_id),
    )


def _chain(session: Session, tenant_id: int, parent_id: int | None) -> tuple[int, ...]:
    """The ancestor chain, remembered: a tenant's parent is set when it is added and never
    changes, so every request need not walk the hierarchy again (one query per level)."""
    bind = session.get_bind()
    pool = bind.pool if isinstance(bind, Engine) else bind.engine.pool
    cache = _CHAINS.setdefault(pool, {})
    key = (tenant_id, parent_id)
    chain = cache.get(key)
    if chain is None:
        chain = tuple(ancestor_ids(session, tenant_id))
        if len(cache) > 10_000:
            cache.clear()
        cache[key] = chain
    return chain


def ancestor_ids(session: Session, tenant_id: int) -> list[int]:
    """The tenant followed by its parent, grandparent … (nearest first)."""
    chain: list[int] = []
    current: int | None = tenant_id
    while current is not None and len(chain) < MAX_DEPTH:
        chain.append(current)
        current = session.execute(
            select(Tenant.parent_id).where(Tenant.id == current)
        ).scalar_one_or_none()
    return chain


def get_tenant(session: Session, slug: str) -> TenantInfo:
    row = session.execute(select(Tenant).where(Tenant.slug == slug)).scalar_one_or_none()
    if row is None:
        raise NotFound("error.tenant_unknown", slug=slug)
    return _info(session, row)


def get_tenant_by_id(session: Session, tenant_id: int) -> TenantInfo:
    row = session.get(Tenant, tenant_id)
    if row is None:
        raise NotFound("error.tenant_unknown", slug=str(tenant_id))
    return _info(session, row)


def list_tenants(session: Session) -> list[TenantInfo]:
    rows = session.execute(select(Tenant).order_by(Tenant.slug)).scalars().all()
    return [_info(session, row) for row in rows]


def children_ids(session: Session, tenant_id: int) -> list[int]:
    """Direct and indirect members of a prefecture (for its administrators)."""
    found: list[int] = []
    frontier = [tenant_id]
    while frontier:
        rows = session.execute(select(Tenant.id).where(Tenant.parent_id.in_(frontier))).scalars()
        frontier = [r for r in rows if r not in found]
        found.extend(frontier)
    return found


def add_tenant(
    session: Session,
    slug: str,
    name: str = "",
    *,
    parent_slug: str | None = None,
    name_en: str = "",
    settings: dict[str, Any] | None = None,
) -> TenantInfo:
    if not SLUG_RE.match(slug):
        raise Invalid("tenant.invalid_slug", slug=slug)
    exists = session.execute(select(Tenant.id).where(Tenant.slug == slug)).scalar_one_or_none()
    if exists is not None:
        raise Conflict("tenant.exists", slug=slug)
    parent_id = None
    if parent_slug:
        parent = get_tenant(session, parent_slug)
        if len(parent.chain) >= MAX_DEPTH - 1:
            raise Invalid("tenant.too_deep")
        parent_id = parent.id
    row = Tenant(
        slug=slug,
        name=name or slug,
        name_en=name_en,
        parent_id=parent_id,
        settings=settings or {},
        content_version=0,
        learning_version=0,
    )
    session.add(row)
    session.flush()
    return _info(session, row)


def update_settings(session: Session, tenant_id: int, settings: dict[str, Any]) -> None:
    row = session.get(Tenant, tenant_id)
    if row is None:
        raise NotFound("error.tenant_unknown", slug=str(tenant_id))
    merged = dict(row.settings or {})
    merged.update(settings)
    row.settings = merged
    bump_content(session, tenant_id)


def bump_content(session: Session, tenant_id: int) -> None:
    """Invalidate every worker's cached index for this tenant and its members."""
    ids = [tenant_id, *children_ids(session, tenant_id)]
    session.execute(
        update(Tenant).where(Tenant.id.in_(ids)).values(content_version=Tenant.content_version + 1)
    )


def bump_learning(session: Session, tenant_id: int) -> None:
    session.execute(
        update(Tenant)
        .where(Tenant.id == tenant_id)
        .values(learning_version=Tenant.learning_version + 1)
    )


def versions(session: Session, chain: tuple[int, ...]) -> tuple[int, int]:
    """Sum of content versions over the chain, and the tenant's own learning version."""
    rows = session.execute(
        select(Tenant.id, Tenant.content_version, Tenant.learning_version).where(
            Tenant.id.in_(chain)
        )
    ).all()
    content = sum(r.content_version for r in rows)
    learning = next((r.learning_version for r in rows if r.id == chain[0]), 0)
    return content, learning
