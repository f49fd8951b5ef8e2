"""Per-tenant allow-list: the tenant's own place, organisation and service names.

Words a 自治体 publishes in its FAQ and department list are public, yet the name and place
rules sometimes read them as personal data (あおば in あおば市, a katakana service name).
The list is seeded from the tenant's visible FAQ entries, its department names and
contacts and the tenant names of its chain: every place or address the detector finds
there, and person readings found only by the katakana heuristics (a real name in the FAQ,
such as the mayor's, is never allowed — another resident may share it). Entities of the
request whose surface is on the list are not masked. Rebuilt when the tenant's content
version changes; at most ``MAX_TEXTS`` texts are read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import Department, Tenant

from ._privacy import Entity, EntityType, normalize_surface

MAX_TEXTS = 1000
_FREE_TEXT = frozenset({EntityType.PERSON, EntityType.LOCATION, EntityType.ADDRESS})
_CONTACT = frozenset({EntityType.PHONE, EntityType.EMAIL})
#: Person readings that come from heuristics, not from a name dictionary or an honorific.
_HEURISTIC_SOURCES = frozenset({"strict", "katakana"})

_lock = threading.Lock()
_cache: dict[tuple[str, int], tuple[int, frozenset[tuple[EntityType, str]]]] = {}


def _key(kind: EntityType, surface: str) -> tuple[EntityType, str]:
    group = EntityType.LOCATION if kind in _FREE_TEXT - {EntityType.PERSON} else kind
    return group, normalize_surface(kind, surface)


def _texts(
    session: Session, tenant: TenantInfo
) -> tuple[list[str], list[tuple[EntityType, str]], list[str]]:
    chain = list(tenant.chain)
    names = session.execute(select(Tenant.name).where(Tenant.id.in_(chain))).scalars()
    departments = session.execute(
        select(Department).where(Department.tenant_id.in_(chain))
    ).scalars()
    fixed: list[tuple[EntityType, str]] = []
    texts: list[str] = []
    own: list[str] = []
    for name in names:
        fixed.append(_key(EntityType.LOCATION, name))
        own.append(name)
    for dept in departments:
        own.append(dept.name)
        if dept.phone:
            fixed.append(_key(EntityType.PHONE, dept.phone))
        if dept.email:
            fixed.append(_key(EntityType.EMAIL, dept.email))
    for entry in faq_service.visible_entries(session, tenant.id)[:MAX_TEXTS]:
        texts.append(entry.question[:2000])
        texts.append(entry.answer[:2000])
    return texts[: MAX_TEXTS * 2], fixed, own


def tenant_terms(
    session: Session, tenant: TenantInfo, detect: Callable[[str], list[Entity]]
) -> frozenset[tuple[EntityType, str]]:
    """(type group, normalised surface) pairs never masked for this tenant (cached)."""
    version, _ = tenant_service.versions(session, tenant.chain)
    owner = (str(session.get_bind().engine.url), tenant.id)
    with _lock:
        cached = _cache.get(owner)
    if cached is not None and cached[0] == version:
        return cached[1]
    texts, fixed, names = _texts(session, tenant)
    terms = set(fixed)
    for name in names:  # the tenant's own names: every reading inside them (あおば in あおば市)
        terms.update(_key(e.type, e.text) for e in detect(name) if e.type in _FREE_TEXT)
    for text in texts:
        for e in detect(text):
            if e.type in _FREE_TEXT - {EntityType.PERSON} or (
                e.type is EntityType.PERSON and e.source in _HEURISTIC_SOURCES
            ):
                terms.add(_key(e.type, e.text))
    frozen = frozenset(terms)
    with _lock:
        _cache[owner] = (version, frozen)
    return frozen


def allowed(entity: Entity, terms: frozenset[tuple[EntityType, str]]) -> bool:
    if entity.type not in _FREE_TEXT | _CONTACT:
        return False
    return _key(entity.type, entity.text) in terms


def drop_allowed(
    groups: Iterable[list[Entity]], terms: frozenset[tuple[EntityType, str]]
) -> list[list[Entity]]:
    return [[e for e in group if not allowed(e, terms)] for group in groups]
