"""The two lists as stored in the tenant's settings: read what is in effect, change one item,
reset, or replace both (an import). Every change checks the revision the editor saw (two
people editing at once never overwrite each other unseen), is refused whole when the result
would be unsafe, and leaves a change record in the same transaction.

Settings are per tenant, not inherited: a municipality of a 共同利用 prefecture that has no
emergency list of its own shows the national numbers (emergency.contacts' defaults), and one
without other authorities hands nothing over. The console says which applies.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.contact_settings import audit
from jichitai_ai.contact_settings.forms import KINDS, AuthorityForm, ContactForm, Rejected
from jichitai_ai.domain.models import EmergencyContact
from jichitai_ai.emergency import contacts as emergency_contacts
from jichitai_ai.emergency.kinds import EmergencyKind
from jichitai_ai.services import other_authorities
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Invalid, NotFound
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import Tenant

EMERGENCY = emergency_contacts.SETTINGS_KEY
AUTHORITIES = other_authorities.SETTINGS_KEY
KEYS: tuple[str, ...] = (EMERGENCY, AUTHORITIES)
MAX_ITEMS = 50

Form = ContactForm | AuthorityForm


@dataclass(frozen=True)
class ListState:
    """One list as it is in effect: the stored items (the national defaults written out as
    items when the tenant has none), whether they are the tenant's own, and their revision."""

    key: str
    items: list[Any]
    own: bool
    revision: str


def revision(items: list[Any]) -> str:
    text = json.dumps(items, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def default_contact_items() -> list[dict[str, Any]]:
    """The national numbers (119, 110, いのちの電話 …) as settings items."""
    return [
        {
            "number": spec.number,
            "kinds": [k for k in KINDS if k in spec.kinds],
            "label": dict(spec.label),
            "note": dict(spec.note),
        }
        for spec in emergency_contacts.default_contacts()
    ]


def state(tenant: TenantInfo, key: str) -> ListState:
    if key not in KEYS:
        raise NotFound("contact_settings.error.not_found", index=key)
    raw = tenant.settings.get(key)
    stored = list(raw) if isinstance(raw, list) else []
    if key == EMERGENCY and not stored:
        defaults = default_contact_items()
        return ListState(key, defaults, own=False, revision=revision(defaults))
    return ListState(key, stored, own=bool(stored), revision=revision(stored))


def contacts_by_kind(tenant: TenantInfo, lang: str) -> dict[str, list[EmergencyContact]]:
    """Per kind, the card a resident reading ``lang`` gets: the answering path's own choice
    (emergency.contacts.contacts_for, which adds 119 to the helplines for thoughts of suicide)."""
    return {
        kind: emergency_contacts.contacts_for([EmergencyKind(kind)], lang, tenant.settings)
        for kind in KINDS
    }


def form_of(key: str, item: Any) -> Form | None:
    """The item as its form shows it; None for an item the answering path cannot read."""
    if not isinstance(item, Mapping):
        return None
    return ContactForm.of(item) if key == EMERGENCY else AuthorityForm.of(item)


def subject_of(item: Any) -> str:
    """The item's Japanese name (authority) or label and number (contact), for records."""
    if not isinstance(item, Mapping):
        return ""
    if "number" in item:
        form = ContactForm.of(item)
        return f"{form.label.get('ja', '')} {form.number}".strip()
    return AuthorityForm.of(item).name.get("ja", "")


def _check_list(key: str, items: list[Any]) -> None:
    """Refuse a list that would leave residents without help."""
    errors: list[Invalid] = []
    if len(items) > MAX_ITEMS:
        errors.append(Invalid("contact_settings.error.too_many_items", limit=MAX_ITEMS))
    forms = [form_of(key, item) for item in items]
    if key == EMERGENCY:
        covered = {k for f in forms if isinstance(f, ContactForm) and f.number for k in f.kinds}
        errors += [
            Invalid("contact_settings.error.kind_uncovered", kind=k)
            for k in KINDS
            if k not in covered
        ]
    else:
        names = [f.name.get("ja", "") for f in forms if isinstance(f, AuthorityForm)]
        twice = sorted({n for n in names if n and names.count(n) > 1})
        errors += [Invalid("contact_settings.error.duplicate_name", name=n) for n in twice]
    if errors:
        raise Rejected(errors)


def _write(
    session: Session,
    tenant: TenantInfo,
    current: ListState,
    items: list[Any],
    action: str,
    subject: str,
    username: str,
) -> ListState:
    tenant_service.update_settings(session, tenant.id, {current.key: items})
    audit.record(
        session,
        tenant.id,
        current.key,
        action,
        subject=subject,
        username=username,
        before=current.items if current.own else [],
        after=items,
    )
    updated = tenant_service.get_tenant_by_id(session, tenant.id)
    return state(updated, current.key)


def _current(
    session: Session, tenant_id: int, key: str, seen_revision: str
) -> tuple[TenantInfo, ListState]:
    # The tenant's row is locked until the change commits (PostgreSQL; SQLite writes one at a
    # time anyway), so two editors saving at once cannot both pass the revision check.
    session.execute(
        select(Tenant)
        .where(Tenant.id == tenant_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    tenant = tenant_service.get_tenant_by_id(session, tenant_id)
    current = state(tenant, key)
    if seen_revision != current.revision:
        raise Conflict("contact_settings.error.stale")
    return tenant, current


def save_item(
    session: Session,
    tenant_id: int,
    key: str,
    index: int | None,
    form: Form,
    *,
    seen_revision: str,
    username: str,
) -> ListState:
    """Add (``index`` None) or replace one item. The first change of the national defaults
    stores them as the tenant's own list with the change, so 119 and 110 stay."""
    form.validate()
    tenant, current = _current(session, tenant_id, key, seen_revision)
    items = list(current.items)
    if index is None:
        items.append(form.to_item())
        action = "added"
    else:
        if not 0 <= index < len(items):
            raise NotFound("contact_settings.error.not_found", index=index + 1)
        stored = items[index] if isinstance(items[index], Mapping) else None
        items[index] = form.to_item(stored)
        action = "saved"
    _check_list(key, items)
    return _write(session, tenant, current, items, action, subject_of(form.to_item()), username)


def delete_item(
    session: Session, tenant_id: int, key: str, index: int, *, seen_revision: str, username: str
) -> ListState:
    tenant, current = _current(session, tenant_id, key, seen_revision)
    items = list(current.items)
    if not 0 <= index < len(items):
        raise NotFound("contact_settings.error.not_found", index=index + 1)
    removed = items.pop(index)
    if key == EMERGENCY and not items:
        raise Invalid("contact_settings.error.last_contact")
    _check_list(key, items)
    return _write(session, tenant, current, items, "deleted", subject_of(removed), username)


def reset_emergency(
    session: Session, tenant_id: int, *, seen_revision: str, username: str
) -> ListState:
    """Back to the national numbers (an empty list is read as the defaults)."""
    tenant, current = _current(session, tenant_id, EMERGENCY, seen_revision)
    if not current.own:
        return current
    return _write(session, tenant, current, [], "reset", "", username)


def replace_lists(
    session: Session, tenant_id: int, lists: Mapping[str, list[Any]], *, username: str
) -> dict[str, int]:
    """Replace the lists present in ``lists`` (an import), all or nothing: every item is
    checked like a form, and a bad one stores nothing. An empty emergency list means the
    national numbers. Returns the number of items stored per key."""
    errors: list[Invalid] = []
    places: list[tuple[str, int] | None] = []
    cleaned: dict[str, list[Any]] = {}
    for key, items in lists.items():
        cleaned[key] = []
        for position, item in enumerate(items, start=1):
            form = form_of(key, item)
            if form is None:
                errors.append(Invalid("contact_settings.error.item_not_table"))
                places.append((key, position))
                continue
            try:
                form.validate()
            except Rejected as exc:
                errors += exc.errors
                places += [(key, position)] * len(exc.errors)
                continue
            cleaned[key].append(form.to_item(item))
        if len(cleaned[key]) == len(items) and (items or key == AUTHORITIES):
            try:
                _check_list(key, cleaned[key])
            except Rejected as exc:
                errors += exc.errors
                places += [(key, 0)] * len(exc.errors)
    if errors:
        raise Rejected(errors, places)
    for key, items in cleaned.items():
        tenant = tenant_service.get_tenant_by_id(session, tenant_id)
        current = state(tenant, key)
        if current.own or items:
            _write(session, tenant, current, items, "imported", "", username)
    return {key: len(items) for key, items in cleaned.items()}
