"""FAQ entries: create, edit with version history, publish, revert, and the
inherited view a municipality gets of its prefecture's entries (共同利用)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection, Mapping
from dataclasses import asdict
from datetime import date
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from jichitai_ai.departments import names as department_names
from jichitai_ai.domain.models import DepartmentContact, EntryStatus, FaqEntry, FaqRecord, Link
from jichitai_ai.i18n import LANGUAGES
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Forbidden, Invalid, NotFound
from jichitai_ai.storage.tables import (
    Department,
    EntryChangeLog,
    FaqEntryRow,
    FaqEntryVersion,
    HiddenEntry,
    Tenant,
)
from jichitai_ai.timeutil import today_jst, utcnow

MAX_QUESTION = 500
MAX_ANSWER = 20_000
MAX_ALTERNATIVES = 50
#: The text columns' sizes (storage/tables.py): PostgreSQL refuses a longer value at write time
#: ("value too long"), SQLite stores it; both now say which field is too long, before writing.
COLUMN_LIMITS = {"external_id": 100, "category": 200, "source_url": 1000}
DEPARTMENT_LIMITS = {"name": 200, "phone": 100, "email": 200, "hours": 200, "form_url": 1000}
#: C0 controls other than tab and newlines: PostgreSQL refuses NUL, and none belongs in an entry.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --- validation -----------------------------------------------------------------------------


def validate_record(record: FaqRecord) -> None:
    """Reject what the importer would reject, for entries edited one at a time."""
    record.question = record.question.strip()
    record.answer = record.answer.strip()
    if not record.question:
        raise Invalid("faq.field_required", field="question")
    if not record.answer:
        raise Invalid("faq.field_required", field="answer")
    if len(record.question) > MAX_QUESTION:
        raise Invalid("faq.field_too_long", field="question", limit=MAX_QUESTION)
    if len(record.answer) > MAX_ANSWER:
        raise Invalid("faq.field_too_long", field="answer", limit=MAX_ANSWER)
    record.alternatives = [a.strip() for a in record.alternatives if a and a.strip()]
    if len(record.alternatives) > MAX_ALTERNATIVES:
        raise Invalid("faq.field_too_long", field="alternatives", limit=MAX_ALTERNATIVES)
    if record.language not in LANGUAGES:
        raise Invalid("faq.invalid_language", language=record.language)
    for name in ("external_id", "question", "answer", "category", "source_url"):
        if _CONTROL.search(getattr(record, name) or ""):
            raise Invalid("faq.control_character", field=name)
    if any(_CONTROL.search(a) for a in record.alternatives):
        raise Invalid("faq.control_character", field="alternatives")
    try:
        record.status = EntryStatus(record.status)
    except ValueError as exc:
        raise Invalid("faq.invalid_status", status=str(record.status)) from exc
    if record.valid_from and record.valid_until and record.valid_from > record.valid_until:
        raise Invalid("faq.invalid_period")
    for name, limit in COLUMN_LIMITS.items():
        if len(getattr(record, name) or "") > limit:
            raise Invalid("faq.field_too_long", field=name, limit=limit)
    if record.department is not None:
        for part, limit in DEPARTMENT_LIMITS.items():
            if len(getattr(record.department, part) or "") > limit:
                raise Invalid("faq.field_too_long", field=f"department_{part}", limit=limit)
    urls = [link.url for link in record.links] + [record.source_url]
    if record.department is not None:
        urls.append(record.department.form_url)
    for url in urls:
        if url and urlparse(url).scheme not in ("http", "https"):
            raise Invalid("faq.invalid_url", url=url)


# --- conversions ----------------------------------------------------------------------------


def _department(
    session: Session, tenant_id: int, record: FaqRecord, original: str = ""
) -> int | None:
    """Find or create the 担当課 record (a translation joins its Japanese entry's department)."""
    return department_names.resolve(
        session,
        tenant_id,
        record.department,
        language=record.language,
        external_id=record.external_id,
        original=original,
    )


def _contact(row: Department | None, name: str = "", hours: str = "") -> DepartmentContact | None:
    if row is None:
        return None
    return DepartmentContact(
        name=name or row.name,
        phone=row.phone,
        email=row.email,
        hours=hours or row.hours,
        form_url=row.form_url,
    )


def to_entry(
    row: FaqEntryRow,
    department: Department | None,
    owner_slug: str,
    *,
    inherited: bool,
    names: Mapping[tuple[int, str], str] | None = None,
    hours: Mapping[tuple[int, str], str] | None = None,
) -> FaqEntry:
    """``names``/``hours``: departments' translated names and 受付時間; an entry shows its
    department's in the entry's language (Citizens Division on an English entry of 市民課)."""
    key = (department.id, row.language) if department else None
    translated = (names or {}).get(key, "") if key else ""
    translated_hours = (hours or {}).get(key, "") if key else ""
    return FaqEntry(
        id=row.id,
        tenant_id=row.tenant_id,
        owner_slug=owner_slug,
        external_id=row.external_id,
        question=row.question,
        alternatives=list(row.alternatives or []),
        answer=row.answer,
        links=[Link(url=x.get("url", ""), title=x.get("title", "")) for x in row.links or []],
        category=row.category,
        department=_contact(department, translated, translated_hours),
        source_url=row.source_url,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        status=EntryStatus(row.status),
        language=row.language,
        version=row.version,
        inherited=inherited,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def snapshot(record: FaqRecord) -> dict[str, Any]:
    """JSON form of an entry's editable content, stored per version."""
    data = {
        "external_id": record.external_id,
        "question": record.question,
        "alternatives": list(record.alternatives),
        "answer": record.answer,
        "links": [asdict(link) for link in record.links],
        "category": record.category,
        "department": asdict(record.department) if record.department else None,
        "source_url": record.source_url,
        "valid_from": record.valid_from.isoformat() if record.valid_from else None,
        "valid_until": record.valid_until.isoformat() if record.valid_until else None,
        "status": str(record.status),
        "language": record.language,
    }
    return data


def record_from_snapshot(data: dict[str, Any]) -> FaqRecord:
    dept = data.get("department")
    return FaqRecord(
        external_id=data.get("external_id", ""),
        question=data["question"],
        alternatives=list(data.get("alternatives", [])),
        answer=data["answer"],
        links=[Link(**link) for link in data.get("links", [])],
        category=data.get("category", ""),
        department=DepartmentContact(**dept) if dept else None,
        source_url=data.get("source_url", ""),
        valid_from=date.fromisoformat(data["valid_from"]) if data.get("valid_from") else None,
        valid_until=date.fromisoformat(data["valid_until"]) if data.get("valid_until") else None,
        status=EntryStatus(data.get("status", "published")),
        language=data.get("language", "ja"),
    )


def _apply(session: Session, row: FaqEntryRow, record: FaqRecord) -> None:
    _fill(row, record, _department(session, row.tenant_id, record))


#: Tenant setting: the prefix of new entries' ids (default: the tenant's slug in capitals).
ENTRY_PREFIX_SETTING = "entry_prefix"


def next_external_id(session: Session, tenant_id: int) -> str:
    """A readable id for a new entry: the tenant's prefix and the next number (AOBA-CITY-12).
    Staff can still type their own (e.g. the number in their paper FAQ)."""
    return next_external_ids(session, tenant_id, 1)[0]


def next_external_ids(session: Session, tenant_id: int, count: int) -> list[str]:
    """``count`` readable ids in a row (an import's rows without 管理番号 get AOBA-0088,
    AOBA-0089 … like entries created one by one, not random codes)."""
    tenant = session.get(Tenant, tenant_id)
    slug = tenant.slug if tenant is not None else "E"
    raw = (tenant.settings or {}).get(ENTRY_PREFIX_SETTING, "") if tenant is not None else ""
    prefix = (str(raw).strip() or slug).upper()
    existing = session.execute(
        select(FaqEntryRow.external_id).where(
            FaqEntryRow.tenant_id == tenant_id, FaqEntryRow.external_id.like(f"{prefix}-%")
        )
    ).scalars()
    digits = [x[len(prefix) + 1 :] for x in existing if x[len(prefix) + 1 :].isdigit()]
    number = max((int(d) for d in digits), default=0) + 1
    # Zero-padded numbering (AOBA-0073, as imported from a paper FAQ) goes on padded: AOBA-0074,
    # not AOBA-74 beside it.
    width = max((len(d) for d in digits if len(d) > 1 and d.startswith("0")), default=0)
    return [f"{prefix}-{n:0{width}d}" for n in range(number, number + count)]


def new_external_id() -> str:
    return "E" + secrets.token_hex(5).upper()


# --- writes ---------------------------------------------------------------------------------


def create_entry(
    session: Session, tenant_id: int, record: FaqRecord, *, user: str = "", note: str = ""
) -> FaqEntry:
    validate_record(record)
    if not record.external_id:
        record.external_id = next_external_id(session, tenant_id)
    clash = session.execute(
        select(FaqEntryRow.id).where(
            FaqEntryRow.tenant_id == tenant_id,
            FaqEntryRow.external_id == record.external_id,
            FaqEntryRow.language == record.language,
        )
    ).scalar_one_or_none()
    if clash is not None:
        raise Conflict(
            "faq.duplicate_external_id", external_id=record.external_id, language=record.language
        )
    now = utcnow()
    row = FaqEntryRow(
        tenant_id=tenant_id,
        version=1,
        created_by=user,
        created_at=now,
        updated_by=user,
        updated_at=now,
    )
    _apply(session, row, record)
    session.add(row)
    session.flush()
    session.add(
        FaqEntryVersion(
            entry_id=row.id, version=1, snapshot=snapshot(record), changed_by=user, note=note
        )
    )
    note_changes(session, tenant_id, [record.external_id])
    tenant_service.bump_content(session, tenant_id)
    return get_entry(session, tenant_id, row.id)


def bulk_store(
    session: Session,
    tenant_id: int,
    creates: list[FaqRecord],
    updates: list[tuple[int, FaqRecord]],
    *,
    user: str = "",
    note: str = "",
) -> None:
    """Store validated records in few statements (imports): one version row each, one bump.

    The caller checked external ids and versions inside this same transaction."""
    records = [*creates, *(r for _, r in updates)]
    originals = {
        r.external_id: r.department.name.strip()
        for r in records
        if r.language == department_names.ORIGINAL_LANGUAGE and r.department is not None
    }
    departments: dict[tuple[str, str, str], int | None] = {}
    # Japanese entries first: their departments are the ones translations join.
    for record in sorted(records, key=lambda r: r.language != department_names.ORIGINAL_LANGUAGE):
        departments[_department_key(record)] = _department(
            session, tenant_id, record, originals.get(record.external_id, "")
        )

    def department_of(record: FaqRecord) -> int | None:
        return departments.get(_department_key(record))

    now = utcnow()
    stamp = {"created_by": user, "updated_by": user, "created_at": now, "updated_at": now}
    versions: list[dict[str, Any]] = []
    if creates:
        # Core executemany, ids back in parameter order: far cheaper than ORM objects per row.
        ids = (
            session.execute(
                insert(FaqEntryRow).returning(FaqEntryRow.id, sort_by_parameter_order=True),
                [
                    {**_values(r, department_of(r)), "tenant_id": tenant_id, "version": 1, **stamp}
                    for r in creates
                ],
            )
            .scalars()
            .all()
        )
        versions += [
            {
                "entry_id": i,
                "version": 1,
                "snapshot": snapshot(r),
                "changed_by": user,
                "changed_at": now,
                "note": note,
            }
            for i, r in zip(ids, creates, strict=True)
        ]
    if updates:
        current = dict(
            session.execute(
                select(FaqEntryRow.id, FaqEntryRow.version)
                .where(FaqEntryRow.id.in_([entry_id for entry_id, _ in updates]))
                .with_for_update()
            ).all()
        )
        session.execute(
            update(FaqEntryRow),
            [
                {
                    **_values(r, department_of(r)),
                    "id": entry_id,
                    "version": current[entry_id] + 1,
                    "updated_by": user,
                    "updated_at": now,
                }
                for entry_id, r in updates
            ],
        )
        versions += [
            {
                "entry_id": entry_id,
                "version": current[entry_id] + 1,
                "snapshot": snapshot(r),
                "changed_by": user,
                "changed_at": now,
                "note": note,
            }
            for entry_id, r in updates
        ]
    if versions:
        session.execute(insert(FaqEntryVersion), versions)
    if creates or updates:
        note_changes(
            session, tenant_id, [r.external_id for r in [*creates, *(u for _, u in updates)]]
        )
        tenant_service.bump_content(session, tenant_id)


def note_changes(session: Session, tenant_id: int, external_ids: list[str]) -> None:
    """Log which external ids changed, so workers refresh those entries only
    (services.index_refresh); written in the same transaction as the change."""
    if external_ids:
        session.execute(
            insert(EntryChangeLog),
            [
                {"tenant_id": tenant_id, "external_id": e, "created_at": utcnow()}
                for e in external_ids
            ],
        )


def _department_key(record: FaqRecord) -> tuple[str, str, str]:
    name = record.department.name.strip() if record.department is not None else ""
    return (record.language, record.external_id, name)


def _values(record: FaqRecord, department_id: int | None) -> dict[str, Any]:
    return {
        "external_id": record.external_id,
        "language": record.language,
        "question": record.question,
        "alternatives": list(record.alternatives),
        "answer": record.answer,
        "links": [asdict(link) for link in record.links],
        "category": record.category,
        "department_id": department_id,
        "source_url": record.source_url,
        "valid_from": record.valid_from,
        "valid_until": record.valid_until,
        "status": str(record.status),
    }


def _fill(row: FaqEntryRow, record: FaqRecord, department_id: int | None) -> None:
    row.external_id = record.external_id
    row.language = record.language
    row.question = record.question
    row.alternatives = list(record.alternatives)
    row.answer = record.answer
    row.links = [asdict(link) for link in record.links]
    row.category = record.category
    row.department_id = department_id
    row.source_url = record.source_url
    row.valid_from = record.valid_from
    row.valid_until = record.valid_until
    row.status = str(record.status)


def update_entry(
    session: Session,
    tenant_id: int,
    entry_id: int,
    record: FaqRecord,
    *,
    user: str = "",
    expected_version: int | None = None,
    note: str = "",
) -> FaqEntry:
    """Save a new version; ``expected_version`` guards against overwriting a colleague."""
    row = _owned_row(session, tenant_id, entry_id, for_update=True)
    if expected_version is not None and row.version != expected_version:
        raise Conflict("faq.stale_version", current=row.version)
    validate_record(record)
    previous_external_id = row.external_id
    if not record.external_id:
        record.external_id = row.external_id
    if (record.external_id, record.language) != (row.external_id, row.language):
        clash = session.execute(
            select(FaqEntryRow.id).where(
                FaqEntryRow.tenant_id == tenant_id,
                FaqEntryRow.external_id == record.external_id,
                FaqEntryRow.language == record.language,
                FaqEntryRow.id != row.id,
            )
        ).scalar_one_or_none()
        if clash is not None:
            raise Conflict(
                "faq.duplicate_external_id",
                external_id=record.external_id,
                language=record.language,
            )
    _apply(session, row, record)
    row.version += 1
    row.updated_by = user
    row.updated_at = utcnow()
    session.add(
        FaqEntryVersion(
            entry_id=row.id,
            version=row.version,
            snapshot=snapshot(record),
            changed_by=user,
            note=note,
        )
    )
    session.flush()
    note_changes(session, tenant_id, list({previous_external_id, record.external_id}))
    tenant_service.bump_content(session, tenant_id)
    return get_entry(session, tenant_id, row.id)


def set_status(
    session: Session, tenant_id: int, entry_id: int, status: EntryStatus, *, user: str = ""
) -> FaqEntry:
    entry = get_entry(session, tenant_id, entry_id)
    if entry.inherited:
        raise Forbidden("faq.not_owned", owner=entry.owner_slug)
    record = record_of(entry)
    record.status = status
    return update_entry(session, tenant_id, entry_id, record, user=user, note=f"status:{status}")


def revert_entry(
    session: Session, tenant_id: int, entry_id: int, version: int, *, user: str = ""
) -> FaqEntry:
    """Restore an earlier version's content as a new version (history is never rewritten)."""
    _owned_row(session, tenant_id, entry_id)
    old = session.execute(
        select(FaqEntryVersion).where(
            FaqEntryVersion.entry_id == entry_id, FaqEntryVersion.version == version
        )
    ).scalar_one_or_none()
    if old is None:
        raise NotFound("faq.version_not_found", id=entry_id, version=version)
    record = record_from_snapshot(old.snapshot)
    return update_entry(session, tenant_id, entry_id, record, user=user, note=f"revert:{version}")


def list_versions(session: Session, tenant_id: int, entry_id: int) -> list[dict[str, Any]]:
    """History of an entry (変更履歴), for anyone who may read the tenant (auditors included).

    An inherited entry's history also holds the owner's drafts and archived states, which a
    member municipality never sees: it gets only the published versions (what its residents
    could have been shown), each credited to the owner rather than the owner's staff."""
    entry = get_entry(session, tenant_id, entry_id)
    rows = session.execute(
        select(FaqEntryVersion)
        .where(FaqEntryVersion.entry_id == entry_id)
        .order_by(FaqEntryVersion.version.desc())
    ).scalars()
    return [
        {
            "version": r.version,
            "changed_by": entry.owner_slug if entry.inherited else r.changed_by,
            "changed_at": r.changed_at.isoformat(),
            "note": r.note,
            "snapshot": r.snapshot,
        }
        for r in rows
        if not entry.inherited or r.snapshot.get("status") == str(EntryStatus.PUBLISHED)
    ]


def hide_inherited(session: Session, tenant_id: int, external_id: str, *, user: str = "") -> None:
    if session.get(HiddenEntry, (tenant_id, external_id)) is None:
        session.add(HiddenEntry(tenant_id=tenant_id, external_id=external_id, hidden_by=user))
        session.flush()
        note_changes(session, tenant_id, [external_id])
        tenant_service.bump_content(session, tenant_id)


def unhide_inherited(session: Session, tenant_id: int, external_id: str) -> None:
    row = session.get(HiddenEntry, (tenant_id, external_id))
    if row is not None:
        session.delete(row)
        session.flush()
        note_changes(session, tenant_id, [external_id])
        tenant_service.bump_content(session, tenant_id)


def hidden_ids(session: Session, tenant_id: int) -> list[str]:
    return list(
        session.execute(
            select(HiddenEntry.external_id).where(HiddenEntry.tenant_id == tenant_id)
        ).scalars()
    )


# --- reads ----------------------------------------------------------------------------------


def lock_entry(session: Session, tenant_id: int, entry_id: int) -> None:
    """Hold the entry's row until the transaction ends (concurrent saves of it queue)."""
    _owned_row(session, tenant_id, entry_id, for_update=True)


def _owned_row(
    session: Session, tenant_id: int, entry_id: int, *, for_update: bool = False
) -> FaqEntryRow:
    stmt = select(FaqEntryRow).where(FaqEntryRow.id == entry_id)
    if for_update:
        stmt = stmt.with_for_update()
    row = session.execute(stmt).scalar_one_or_none()
    if row is None:
        raise NotFound("faq.not_found", id=entry_id)
    if row.tenant_id != tenant_id:
        chain = tenant_service.ancestor_ids(session, tenant_id)
        if row.tenant_id in chain and row.status == EntryStatus.PUBLISHED:
            owner = session.get(Tenant, row.tenant_id)
            raise Forbidden("faq.not_owned", owner=owner.slug if owner else "")
        raise NotFound("faq.not_found", id=entry_id)
    return row


def get_entry(session: Session, tenant_id: int, entry_id: int) -> FaqEntry:
    """An entry the tenant owns, or a *published* entry of an ancestor (prefecture).

    Other tenants' entries, and an ancestor's drafts and archived entries, do not exist for it:
    a member municipality sees of the prefecture only what its residents could be shown."""
    chain = tenant_service.ancestor_ids(session, tenant_id)
    result = session.execute(
        select(FaqEntryRow, Department, Tenant.slug)
        .join(Tenant, Tenant.id == FaqEntryRow.tenant_id)
        .outerjoin(Department, Department.id == FaqEntryRow.department_id)
        .where(
            FaqEntryRow.id == entry_id,
            or_(
                FaqEntryRow.tenant_id == tenant_id,
                and_(
                    FaqEntryRow.tenant_id.in_(chain[1:]),
                    FaqEntryRow.status == str(EntryStatus.PUBLISHED),
                ),
            ),
        )
    ).first()
    if result is None:
        raise NotFound("faq.not_found", id=entry_id)
    row, dept, slug = result
    ids = [dept.id] if dept else []
    return to_entry(
        row,
        dept,
        slug,
        inherited=row.tenant_id != tenant_id,
        names=department_names.translated_names(session, ids),
        hours=department_names.translated_hours(session, ids),
    )


def matches(entry: FaqEntry, query: str) -> bool:
    """Staff search (console list and API): the words in the question, 言い換え, answer,
    category or external id, ignoring case."""
    needle = query.strip().casefold()
    return (
        needle in entry.question.casefold()
        or needle in entry.answer.casefold()
        or needle in entry.external_id.casefold()
        or needle in entry.category.casefold()
        or any(needle in a.casefold() for a in entry.alternatives)
    )


def asks(entry: FaqEntry, query: str) -> bool:
    """The words are in the question or a 言い換え (not only in the answer or category): the
    console lists these first (newcomer walkthrough nc10: 「犬」 listed an entry about moving,
    whose answer mentions 犬の登録, before the three entries about dogs)."""
    needle = query.strip().casefold()
    return needle in entry.question.casefold() or any(
        needle in a.casefold() for a in entry.alternatives
    )


def visible_entries(
    session: Session,
    tenant_id: int,
    *,
    residents: bool = True,
    day: date | None = None,
    include_inherited: bool = True,
    external_ids: Collection[str] | None = None,
) -> list[FaqEntry]:
    """What a tenant sees: its own entries plus inherited ones it has not overridden or hidden.

    For residents only published entries inside their validity period are returned.
    An override is a child's entry with the same external id as an ancestor's: the nearest
    tenant in the chain wins for that external id, in every language.
    """
    chain = tenant_service.ancestor_ids(session, tenant_id)
    scope = chain if include_inherited else [tenant_id]
    hidden = set(
        session.execute(
            select(HiddenEntry.external_id).where(HiddenEntry.tenant_id.in_(chain))
        ).scalars()
    )
    stmt = (
        select(FaqEntryRow, Department, Tenant.slug)
        .join(Tenant, Tenant.id == FaqEntryRow.tenant_id)
        .outerjoin(Department, Department.id == FaqEntryRow.department_id)
        .where(FaqEntryRow.tenant_id.in_(scope))
        .order_by(FaqEntryRow.id)
    )
    if external_ids is not None:
        # Only these external ids (an index refresh): resolution is per external id, so exact.
        stmt = stmt.where(FaqEntryRow.external_id.in_(list(external_ids)))
    rank = {tid: i for i, tid in enumerate(chain)}
    owner_of: dict[str, int] = {}
    today = day or today_jst()
    rows = session.execute(stmt).all()
    if residents:
        # A municipality's draft (or not yet valid) override must not hide the prefecture's
        # published entry: only rows residents may see compete for an external id.
        rows = [r for r in rows if r[0].status == EntryStatus.PUBLISHED and _valid(r[0], today)]
    for row, _dept, _slug in rows:
        current = owner_of.get(row.external_id)
        if current is None or rank[row.tenant_id] < rank[current]:
            owner_of[row.external_id] = row.tenant_id
    ids = {d.id for _, d, _ in rows if d}
    names = department_names.translated_names(session, ids)
    hours = department_names.translated_hours(session, ids)
    entries: list[FaqEntry] = []
    for row, dept, slug in rows:
        if owner_of[row.external_id] != row.tenant_id:
            continue
        inherited = row.tenant_id != tenant_id
        if inherited and (row.external_id in hidden or row.status != EntryStatus.PUBLISHED):
            continue
        entry = to_entry(row, dept, slug, inherited=inherited, names=names, hours=hours)
        if residents and (entry.status != EntryStatus.PUBLISHED or not entry.is_valid_on(today)):
            continue
        entries.append(entry)
    return entries


def _valid(row: FaqEntryRow, day: date) -> bool:
    """Inside 掲載期間 on ``day`` (open ends unlimited)."""
    if row.valid_from is not None and day < row.valid_from:
        return False
    return not (row.valid_until is not None and day > row.valid_until)


def count_entries(session: Session, tenant_id: int) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(FaqEntryRow).where(FaqEntryRow.tenant_id == tenant_id)
        ).scalar_one()
    )


def find_by_external_id(
    session: Session, tenant_id: int, external_id: str, language: str
) -> FaqEntryRow | None:
    return session.execute(
        select(FaqEntryRow).where(
            FaqEntryRow.tenant_id == tenant_id,
            FaqEntryRow.external_id == external_id,
            FaqEntryRow.language == language,
        )
    ).scalar_one_or_none()


def record_of(entry: FaqEntry) -> FaqRecord:
    """The editable part of an entry (drops ids and audit fields)."""
    return FaqRecord(**{f: getattr(entry, f) for f in FaqRecord.__dataclass_fields__})
