"""Department records: list, edit (the new contact reaches every entry at once), parents,
and which departments an editor may edit (部署ごとの編集権限)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlparse

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jichitai_ai.departments import names as department_names
from jichitai_ai.departments.tables import EditorDepartment
from jichitai_ai.i18n import LANGUAGES
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Forbidden, Invalid, NotFound
from jichitai_ai.storage.tables import Department, FaqEntryRow, User

MAX_NAME = 200
#: Languages a department's name can be given in besides Japanese (shown to residents).
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != department_names.ORIGINAL_LANGUAGE)


@dataclass(frozen=True)
class DepartmentInfo:
    id: int
    name: str
    phone: str = ""
    email: str = ""
    hours: str = ""
    form_url: str = ""
    parent_id: int | None = None
    parent_name: str = ""
    entries: int = 0
    #: The name in residents' other languages (language → name), see departments.names.
    names: dict[str, str] = field(default_factory=dict)
    #: 受付時間 in residents' other languages (language → hours).
    hours_in: dict[str, str] = field(default_factory=dict)


@dataclass
class DepartmentInput:
    """What staff edit on the department page or in the department list file."""

    name: str
    phone: str = ""
    email: str = ""
    hours: str = ""
    form_url: str = ""
    parent: str = ""  # the parent department's name
    #: Names in other languages; None leaves them as they are (the list file has none).
    names: dict[str, str] | None = None
    #: 受付時間 in other languages; None leaves them as they are.
    hours_in: dict[str, str] | None = None

    def validate(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise Invalid("departments.name_required")
        if len(self.name) > MAX_NAME:
            raise Invalid("departments.too_long", field="name", limit=MAX_NAME)
        for attr in ("phone", "email", "hours"):
            value = getattr(self, attr).strip()
            if len(value) > 200:
                raise Invalid("departments.too_long", field=attr, limit=200)
            setattr(self, attr, value)
        self.form_url = self.form_url.strip()
        if self.form_url and urlparse(self.form_url).scheme not in ("http", "https"):
            raise Invalid("faq.invalid_url", url=self.form_url)
        if self.email and "@" not in self.email:
            raise Invalid("departments.bad_email", email=self.email)
        if self.names is not None:
            self.names = {k: v.strip() for k, v in self.names.items()}
            for language, name in self.names.items():
                if language not in TRANSLATED or len(name) > MAX_NAME:
                    raise Invalid("departments.too_long", field=f"name_{language}", limit=MAX_NAME)
        if self.hours_in is not None:
            self.hours_in = {k: v.strip() for k, v in self.hours_in.items()}
            for language, hours in self.hours_in.items():
                if language not in TRANSLATED or len(hours) > 200:
                    raise Invalid("departments.too_long", field=f"hours_{language}", limit=200)
        self.parent = self.parent.strip()
        if self.parent == self.name:
            raise Invalid("departments.own_parent")


def list_departments(session: Session, tenant_id: int) -> list[DepartmentInfo]:
    counts = dict(
        session.execute(
            select(FaqEntryRow.department_id, func.count())
            .where(FaqEntryRow.tenant_id == tenant_id, FaqEntryRow.department_id.is_not(None))
            .group_by(FaqEntryRow.department_id)
        ).all()
    )
    rows = list(
        session.execute(
            select(Department).where(Department.tenant_id == tenant_id).order_by(Department.name)
        ).scalars()
    )
    names = {r.id: r.name for r in rows}
    translated: dict[int, dict[str, str]] = {}
    for (dept_id, language), name in department_names.translated_names(session, names).items():
        translated.setdefault(dept_id, {})[language] = name
    hours_in: dict[int, dict[str, str]] = {}
    for (dept_id, language), hours in department_names.translated_hours(session, names).items():
        hours_in.setdefault(dept_id, {})[language] = hours
    return [
        DepartmentInfo(
            id=r.id,
            name=r.name,
            phone=r.phone,
            email=r.email,
            hours=r.hours,
            form_url=r.form_url,
            parent_id=r.parent_id,
            parent_name=names.get(r.parent_id, "") if r.parent_id else "",
            entries=int(counts.get(r.id, 0)),
            names=translated.get(r.id, {}),
            hours_in=hours_in.get(r.id, {}),
        )
        for r in rows
    ]


def get_department(session: Session, tenant_id: int, department_id: int) -> DepartmentInfo:
    for info in list_departments(session, tenant_id):
        if info.id == department_id:
            return info
    raise NotFound("departments.not_found", id=department_id)


def _by_name(session: Session, tenant_id: int, name: str) -> Department | None:
    return session.execute(
        select(Department).where(Department.tenant_id == tenant_id, Department.name == name)
    ).scalar_one_or_none()


def _parent_id(
    session: Session, tenant_id: int, data: DepartmentInput, own_id: int | None
) -> int | None:
    if not data.parent:
        return None
    parent = _by_name(session, tenant_id, data.parent)
    if parent is None:
        raise Invalid("departments.parent_unknown", name=data.parent)
    # No cycles: walk up from the parent; it must never reach this department.
    seen: set[int] = set()
    current: Department | None = parent
    while current is not None and current.id not in seen:
        if own_id is not None and current.id == own_id:
            raise Invalid("departments.cycle", name=data.parent)
        seen.add(current.id)
        current = session.get(Department, current.parent_id) if current.parent_id else None
    return parent.id


def _same_text(a: str, b: str) -> bool:
    """Equal but for the forms a Shift_JIS file stores (〜 as ～, full-width as half-width)."""
    return unicodedata.normalize("NFKC", a.replace("\u301c", "\uff5e")) == unicodedata.normalize(
        "NFKC", b.replace("\u301c", "\uff5e")
    )


def save_department(
    session: Session, tenant_id: int, data: DepartmentInput, department_id: int | None = None
) -> DepartmentInfo:
    """Create or update a department. Entries reference the record, so a new phone number
    or opening hours reach every entry of the department at once (the index is rebuilt)."""
    data.validate()
    clash = _by_name(session, tenant_id, data.name)
    if department_id is None:
        if clash is not None:
            raise Conflict("departments.exists", name=data.name)
        row = Department(tenant_id=tenant_id, name=data.name)
        session.add(row)
        session.flush()
    else:
        row_or_none = session.get(Department, department_id)
        if row_or_none is None or row_or_none.tenant_id != tenant_id:
            raise NotFound("departments.not_found", id=department_id)
        row = row_or_none
        if clash is not None and clash.id != row.id:
            raise Conflict("departments.exists", name=data.name)
        row.name = data.name
    if _same_text(row.hours, data.hours):
        data.hours = row.hours  # a Shift_JIS round trip (〜 → ～) changes nothing
    hours_changed = department_id is not None and row.hours != data.hours
    stale: dict[str, str] = {}
    if hours_changed:
        # Translated 受付時間 were translations of the old hours: residents read the new
        # Japanese ones until translations of these are entered or imported.
        stale = {
            language: hours
            for (_, language), hours in department_names.translated_hours(session, [row.id]).items()
        }
        department_names.clear_hours(session, row.id)
    row.phone, row.email, row.hours, row.form_url = (
        data.phone,
        data.email,
        data.hours,
        data.form_url,
    )
    row.parent_id = _parent_id(session, tenant_id, data, row.id)
    for language, name in (data.names or {}).items():
        department_names.set_name(session, row.id, language, name)
    for language, hours in (data.hours_in or {}).items():
        # The form posts back what it showed: an old translation is not a translation of
        # the new Japanese hours.
        if hours_changed and hours and hours == stale.get(language):
            continue
        department_names.set_name(session, row.id, language, None, hours=hours)
    session.flush()
    tenant_service.bump_content(session, tenant_id)
    return get_department(session, tenant_id, row.id)


# --- editors scoped to departments ----------------------------------------------------------


def user_scope(session: Session, username: str, tenant_id: int) -> set[int] | None:
    """The departments an editor may edit in the tenant; None means every department."""
    user_id = session.execute(select(User.id).where(User.username == username)).scalar()
    if user_id is None:
        return None
    ids = set(
        session.execute(
            select(EditorDepartment.department_id)
            .join(Department, Department.id == EditorDepartment.department_id)
            .where(EditorDepartment.user_id == user_id, Department.tenant_id == tenant_id)
        ).scalars()
    )
    return ids or None


def set_user_scope(session: Session, username: str, tenant_id: int, names: list[str]) -> None:
    """Limit an editor to the named departments of the tenant (an empty list lifts it)."""
    user_id = session.execute(select(User.id).where(User.username == username)).scalar()
    if user_id is None:
        raise NotFound("auth.user_unknown", username=username)
    tenant_ids = select(Department.id).where(Department.tenant_id == tenant_id)
    session.execute(
        delete(EditorDepartment).where(
            EditorDepartment.user_id == user_id, EditorDepartment.department_id.in_(tenant_ids)
        )
    )
    for name in names:
        row = _by_name(session, tenant_id, name.strip())
        if row is None:
            raise Invalid("departments.parent_unknown", name=name)
        session.add(EditorDepartment(user_id=user_id, department_id=row.id))
    session.flush()


def check_scope(
    session: Session, tenant_id: int, username: str, before: str | None, after: str | None
) -> None:
    """Refuse an edit outside the editor's departments (the entry's department before the
    edit and after it must both be in scope)."""
    scope = user_scope(session, username, tenant_id)
    if scope is None:
        return
    allowed = {
        name for (name,) in session.execute(select(Department.name).where(Department.id.in_(scope)))
    }
    # A translated entry shows its department's name in its language (Citizens Division).
    allowed |= set(department_names.translated_names(session, scope).values())
    for name in (before, after):
        if (name or "") not in allowed:
            raise Forbidden("departments.out_of_scope", name=name or "—")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


class DepartmentImportRejected(Invalid):
    """Some rows are wrong; nothing was stored. ``errors``: (row, ServiceError)."""

    def __init__(self, errors: list[tuple[int, Invalid | Conflict | NotFound]]) -> None:
        self.errors = errors
        super().__init__("departments.import_rejected", count=len(errors))


def import_departments(
    session: Session, tenant_id: int, rows: list[tuple[int, DepartmentInput]]
) -> ImportResult:
    """Create or update departments by name, all or nothing (raise inside the transaction)."""
    errors: list[tuple[int, Invalid | Conflict | NotFound]] = []
    seen: dict[str, int] = {}
    for number, data in rows:
        try:
            data.validate()
        except Invalid as exc:
            errors.append((number, exc))
            continue
        if data.name in seen:
            errors.append((number, Conflict("departments.duplicate_row", name=data.name)))
        seen[data.name] = number
    known = {d.name for d in list_departments(session, tenant_id)} | set(seen)
    for number, data in rows:
        if data.parent and data.parent not in known:
            errors.append((number, Invalid("departments.parent_unknown", name=data.parent)))
    if errors:
        raise DepartmentImportRejected(errors)
    result = ImportResult()
    existing = {d.name: d for d in list_departments(session, tenant_id)}
    # Names first (parents may come later in the file), then parents and contacts.
    for _, data in rows:
        if data.name not in existing:
            session.add(Department(tenant_id=tenant_id, name=data.name))
    session.flush()
    for number, data in rows:
        before = existing.get(data.name)
        try:
            row = _by_name(session, tenant_id, data.name)
            assert row is not None
            save_department(session, tenant_id, data, row.id)
        except (Invalid, Conflict, NotFound) as exc:
            errors.append((number, exc))
            continue
        if before is None:
            result.created += 1
        elif (before.phone, before.email, before.hours, before.form_url, before.parent_name) == (
            data.phone,
            data.email,
            data.hours,
            data.form_url,
            data.parent,
        ) and (
            all(before.names.get(lang, "") == name for lang, name in (data.names or {}).items())
            and all(before.hours_in.get(lang, "") == h for lang, h in (data.hours_in or {}).items())
        ):
            result.unchanged += 1
        else:
            result.updated += 1
    if errors:
        raise DepartmentImportRejected(errors)
    return result
