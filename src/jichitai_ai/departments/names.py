"""Which department an entry belongs to, and the department's name in the entry's language.

A translated entry (英語・中国語・韓国語…) belongs to the department of its Japanese entry: one
record, one contact, so a new phone number reaches residents in every language. The name the
translation gives (Citizens Division) is kept as the department's name in that language."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from jichitai_ai.departments.tables import DepartmentName
from jichitai_ai.domain.models import DepartmentContact
from jichitai_ai.storage.tables import Department, FaqEntryRow

#: The language of the entries translations are made from.
ORIGINAL_LANGUAGE = "ja"
#: Contact fields that read the same in every language (a translation may fill them in).
_NEUTRAL = ("phone", "email", "form_url")


def resolve(
    session: Session,
    tenant_id: int,
    contact: DepartmentContact | None,
    *,
    language: str,
    external_id: str,
    original: str = "",
) -> int | None:
    """The department id for an entry naming ``contact``. ``original``: the department name of
    the Japanese entry with the same external id when it is stored in the same batch."""
    if contact is None or not contact.name.strip():
        return None
    name = contact.name.strip()
    if language != ORIGINAL_LANGUAGE:
        row = _by_name(session, tenant_id, original) if original else None
        row = row or _original_department(session, tenant_id, external_id)
        row = row or _by_translated_name(session, tenant_id, language, name)
        if row is not None:
            hours = contact.hours.strip()
            if name != row.name or (hours and hours != row.hours):
                shown = name if name != row.name else None
                set_name(session, row.id, language, shown, hours=hours or None)
            _fill(row, contact, _NEUTRAL)
            return row.id
    row = _by_name(session, tenant_id, name)
    if row is None:
        row = Department(tenant_id=tenant_id, name=name)
        session.add(row)
    _fill(row, contact, (*_NEUTRAL, "hours"))
    session.flush()
    return row.id


def _fill(row: Department, contact: DepartmentContact, fields: Collection[str]) -> None:
    """An existing department keeps its contact (maintained once, on the departments page);
    an entry only fills details the record does not have yet."""
    for attr in fields:
        value = getattr(contact, attr)
        if value and not getattr(row, attr):
            setattr(row, attr, value)


def _by_name(session: Session, tenant_id: int, name: str) -> Department | None:
    return session.execute(
        select(Department).where(Department.tenant_id == tenant_id, Department.name == name)
    ).scalar_one_or_none()


def _original_department(session: Session, tenant_id: int, external_id: str) -> Department | None:
    if not external_id:
        return None
    return session.execute(
        select(Department)
        .join(FaqEntryRow, FaqEntryRow.department_id == Department.id)
        .where(
            FaqEntryRow.tenant_id == tenant_id,
            FaqEntryRow.external_id == external_id,
            FaqEntryRow.language == ORIGINAL_LANGUAGE,
        )
    ).scalar_one_or_none()


def _by_translated_name(
    session: Session, tenant_id: int, language: str, name: str
) -> Department | None:
    return (
        session.execute(
            select(Department)
            .join(DepartmentName, DepartmentName.department_id == Department.id)
            .where(
                Department.tenant_id == tenant_id,
                DepartmentName.language == language,
                DepartmentName.name == name,
            )
            .order_by(Department.id)
        )
        .scalars()
        .first()
    )


def set_name(
    session: Session,
    department_id: int,
    language: str,
    name: str | None,
    *,
    hours: str | None = None,
) -> None:
    """Record the department's name and 受付時間 in a language; None keeps what is stored, an
    empty value clears it (the Japanese one is shown), and with both empty the row goes."""
    row = session.get(DepartmentName, (department_id, language))
    new_name = (name if name is not None else row.name if row else "").strip()
    new_hours = (hours if hours is not None else row.hours if row else "").strip()
    if not new_name and not new_hours:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            DepartmentName(
                department_id=department_id, language=language, name=new_name, hours=new_hours
            )
        )
    else:
        row.name, row.hours = new_name, new_hours
    session.flush()


def translated_names(
    session: Session, department_ids: Collection[int]
) -> dict[tuple[int, str], str]:
    """(department id, language) → name, for showing entries in their language."""
    return _translated(session, department_ids, DepartmentName.name)


def clear_hours(session: Session, department_id: int) -> None:
    """Forget the department's translated 受付時間 (its Japanese hours changed)."""
    for row in session.execute(
        select(DepartmentName).where(DepartmentName.department_id == department_id)
    ).scalars():
        row.hours = ""
        if not row.name:
            session.delete(row)
    session.flush()


def translated_hours(
    session: Session, department_ids: Collection[int]
) -> dict[tuple[int, str], str]:
    """(department id, language) → 受付時間 in that language, where one is recorded."""
    return _translated(session, department_ids, DepartmentName.hours)


def _translated(
    session: Session, department_ids: Collection[int], column: InstrumentedAttribute[str]
) -> dict[tuple[int, str], str]:
    if not department_ids:
        return {}
    rows = session.execute(
        select(DepartmentName.department_id, DepartmentName.language, column).where(
            DepartmentName.department_id.in_(list(department_ids)), column != ""
        )
    ).all()
    return {(d, lang): value for d, lang, value in rows}
