"""承認フロー: draft → 承認待ち (pending) → 公開, with the four-eyes rule per tenant.

Editors' saves never reach residents directly: they become an :class:`EntryChange` holding
the entry as it will be. An approver (or administrator) approves it, and only then is the
live ``faq_entries`` row updated (a new version, so history and revert keep working). A
change whose 掲載開始日 (valid_from) lies in the future for an entry residents already see is
*scheduled* and applied by :func:`publish_due` on that day, so the current text stays until
then. Inherited prefecture entries change for municipalities only when the prefecture's
own change is approved, because municipalities read the prefecture's live rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jichitai_ai.approval import diff as approval_diff
from jichitai_ai.approval.tables import EntryChange
from jichitai_ai.departments import service as department_service
from jichitai_ai.domain.models import EntryStatus, FaqEntry, FaqRecord
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import importing
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Conflict, Forbidden, Invalid, NotFound
from jichitai_ai.services.redaction import redact_staff_note
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FaqEntryRow, FaqEntryVersion
from jichitai_ai.timeutil import today_jst, utcnow

#: Tenant setting: no one approves a change they wrote (四つの目の原則). Default on.
FOUR_EYES_SETTING = "approval_four_eyes"


class ChangeState(StrEnum):
    DRAFT = "draft"  # 下書き: saved, not yet submitted
    PENDING = "pending"  # 承認待ち
    SCHEDULED = "scheduled"  # 承認済み・公開予定 (on publish_on)
    PUBLISHED = "published"  # 公開済み
    REJECTED = "rejected"  # 差し戻し
    WITHDRAWN = "withdrawn"  # 取り下げ


OPEN_STATES = (ChangeState.DRAFT, ChangeState.PENDING, ChangeState.SCHEDULED)


@dataclass
class Change:
    """A change as pages and the API show it."""

    id: int
    tenant_id: int
    entry_id: int
    state: ChangeState
    record: FaqRecord
    base_version: int
    authors: list[str]
    note: str
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    reviewed_by: str = ""
    reviewed_at: datetime | None = None
    review_comment: str = ""
    publish_on: date | None = None
    revision: int = 0

    @property
    def token(self) -> str:
        """Identifies this state of the change (for stale-form checks)."""
        return f"{self.id}.{self.revision}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entry_id": self.entry_id,
            "state": str(self.state),
            "snapshot": faq_service.snapshot(self.record),
            "base_version": self.base_version,
            "authors": list(self.authors),
            "note": self.note,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
            "review_comment": self.review_comment,
            "publish_on": self.publish_on.isoformat() if self.publish_on else None,
            "revision": self.revision,
            "change_token": self.token,
        }


def _view(row: EntryChange) -> Change:
    return Change(
        id=row.id,
        tenant_id=row.tenant_id,
        entry_id=row.entry_id,
        state=ChangeState(row.state),
        record=faq_service.record_from_snapshot(row.snapshot),
        base_version=row.base_version,
        authors=[str(a) for a in row.authors or []],
        note=row.note,
        created_at=row.created_at,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        reviewed_by=row.reviewed_by,
        reviewed_at=row.reviewed_at,
        review_comment=row.review_comment,
        publish_on=row.publish_on,
        revision=row.revision,
    )


def four_eyes(session: Session, tenant_id: int) -> bool:
    """Whether the tenant requires a second person to approve (default: yes)."""
    info = tenant_service.get_tenant_by_id(session, tenant_id)
    return bool(info.settings.get(FOUR_EYES_SETTING, True))


def set_four_eyes(session: Session, tenant_id: int, enabled: bool) -> None:
    tenant_service.update_settings(session, tenant_id, {FOUR_EYES_SETTING: bool(enabled)})


def may_publish_directly(session: Session, tenant_id: int, *, can_approve: bool) -> bool:
    """An approver may publish their own edit only where the four-eyes rule is off."""
    return can_approve and not four_eyes(session, tenant_id)


# --- reads ----------------------------------------------------------------------------------


def open_change(session: Session, entry_id: int) -> Change | None:
    row = _open_row(session, entry_id)
    return _view(row) if row is not None else None


def _open_row(session: Session, entry_id: int, *, for_update: bool = False) -> EntryChange | None:
    stmt = (
        select(EntryChange)
        .where(
            EntryChange.entry_id == entry_id, EntryChange.state.in_([str(s) for s in OPEN_STATES])
        )
        .order_by(EntryChange.id.desc())
    )
    if for_update:
        stmt = stmt.with_for_update()
    return session.execute(stmt).scalars().first()


def get_change(session: Session, tenant_id: int, change_id: int) -> Change:
    row = session.get(EntryChange, change_id)
    if row is None or row.tenant_id != tenant_id:
        raise NotFound("approval.not_found", id=change_id)
    return _view(row)


@dataclass(frozen=True)
class PublishedVersions:
    """The entry versions around a published change: the one its approval saved and the one
    residents saw just before (None when that version is gone)."""

    before: FaqRecord | None
    before_version: int
    version: int


def _shown(record: FaqRecord) -> list[str]:
    """The fields a version shows (管理番号 aside: a change may leave it to the entry)."""
    return [
        approval_diff.field_text(record, name)
        for name in approval_diff.FIELDS
        if name != "external_id"
    ]


def published_versions(session: Session, change: Change) -> PublishedVersions | None:
    """For a 公開済み change, the version its approval saved and the one before it. Newcomer
    walkthrough nc10: after 承認 the change page compared the live entry (now the change
    itself) with the change, so every field read the same and nobody could see what was
    approved. None for a change in any other state, or when no version matches."""
    if change.state != ChangeState.PUBLISHED:
        return None
    shown = _shown(change.record)
    versions = session.execute(
        select(FaqEntryVersion)
        .where(
            FaqEntryVersion.entry_id == change.entry_id,
            FaqEntryVersion.version > change.base_version,
        )
        .order_by(FaqEntryVersion.version)
    ).scalars()
    for saved in versions:
        if _shown(faq_service.record_from_snapshot(saved.snapshot)) != shown:
            continue
        before = session.execute(
            select(FaqEntryVersion.snapshot).where(
                FaqEntryVersion.entry_id == change.entry_id,
                FaqEntryVersion.version == saved.version - 1,
            )
        ).scalar_one_or_none()
        return PublishedVersions(
            before=faq_service.record_from_snapshot(before) if before is not None else None,
            before_version=saved.version - 1,
            version=saved.version,
        )
    return None


def list_changes(
    session: Session, tenant_id: int, states: tuple[ChangeState, ...] = OPEN_STATES
) -> list[Change]:
    """The approval queue of one tenant (承認待ち一覧), oldest first."""
    rows = session.execute(
        select(EntryChange)
        .where(EntryChange.tenant_id == tenant_id, EntryChange.state.in_([str(s) for s in states]))
        .order_by(EntryChange.id)
    ).scalars()
    return [_view(r) for r in rows]


def entry_changes(session: Session, tenant_id: int, entry_id: int) -> list[Change]:
    rows = session.execute(
        select(EntryChange)
        .where(EntryChange.tenant_id == tenant_id, EntryChange.entry_id == entry_id)
        .order_by(EntryChange.id.desc())
    ).scalars()
    return [_view(r) for r in rows]


def count_pending(session: Session, tenant_id: int) -> int:
    return len(list_changes(session, tenant_id, (ChangeState.PENDING,)))


# --- writes ---------------------------------------------------------------------------------


@dataclass
class SaveResult:
    """What a save did: the entry, and the change waiting for approval (None when published)."""

    entry: FaqEntry
    change: Change | None


def save(
    session: Session,
    tenant_id: int,
    entry_id: int | None,
    record: FaqRecord,
    *,
    user: str,
    can_approve: bool,
    submit: bool = True,
    publish: bool = False,
    expected_version: int | None = None,
    expected_change: str | None = None,
    guard_others: bool = False,
    note: str = "",
) -> SaveResult:
    """Save an edit (or a new entry) the approval way.

    ``publish`` asks to publish at once: allowed for an approver where the four-eyes rule is
    off, refused otherwise. Without it the edit becomes a draft or, with ``submit``, a change
    waiting for approval; the live entry (what residents see) is not touched.
    ``expected_change`` (the token of the open change the caller edited, "" for none) refuses
    a save over a change that moved on; without it, ``guard_others`` refuses a save over an
    open change someone else wrote (the JSON API: a client that sends ``expected_version``).
    """
    # The note goes to the version history too (faq_entry_versions.note), not only to the
    # change row: masked here, once, for both (a resident named in it is not needed there).
    note = redact_staff_note(note) if note else note
    faq_service.validate_record(record)
    before_department: str | None = None
    if entry_id is not None:
        current = faq_service.get_entry(session, tenant_id, entry_id)
        before_department = current.department.name if current.department else None
    else:
        before_department = record.department.name if record.department else None
    # Editors limited to some departments edit only those departments' entries.
    department_service.check_scope(
        session,
        tenant_id,
        user,
        before_department,
        record.department.name if record.department else None,
    )
    direct = publish and may_publish_directly(session, tenant_id, can_approve=can_approve)
    if publish and not direct:
        raise Forbidden("approval.cannot_publish")
    if entry_id is None:
        if direct:
            entry = faq_service.create_entry(
                session, tenant_id, record, user=user, note=note or _approved_note(user)
            )
            return SaveResult(entry, None)
        draft = replace(record, status=EntryStatus.DRAFT)
        entry = faq_service.create_entry(session, tenant_id, draft, user=user, note=note or "draft")
        entry_id = entry.id
        record.external_id = entry.external_id
    else:
        # Two saves of one entry queue here, so each checks the version and the open change
        # the other one left (PostgreSQL: both had read version N before either wrote).
        faq_service.lock_entry(session, tenant_id, entry_id)
        entry = faq_service.get_entry(session, tenant_id, entry_id)
        if entry.inherited:
            raise Forbidden("faq.not_owned", owner=entry.owner_slug)
        if expected_version is not None and entry.version != expected_version:
            raise Conflict("faq.stale_version", current=entry.version)
        open_now = open_change(session, entry_id)
        if expected_change is not None:
            if (open_now.token if open_now else "") != expected_change:
                raise Conflict("faq.stale_version", current=entry.version)
        elif guard_others and open_now is not None and set(open_now.authors) - {user}:
            # The caller saw the live entry, not a colleague's change waiting for approval:
            # replacing that change silently would lose the colleague's work.
            raise Conflict(
                "approval.change_open",
                authors="、".join(open_now.authors),
                token=open_now.token,
            )
        if not record.external_id:
            record.external_id = entry.external_id
        if direct:
            row = _open_row(session, entry_id, for_update=True)
            entry = faq_service.update_entry(
                session, tenant_id, entry_id, record, user=user, note=note or _approved_note(user)
            )
            if row is not None:
                _close(row, ChangeState.PUBLISHED, user, "")
            return SaveResult(entry, None)
    change = _propose(
        session, tenant_id, entry_id, record, user=user, submit=submit, note=note, base=entry
    )
    return SaveResult(faq_service.get_entry(session, tenant_id, entry_id), change)


def _approved_note(user: str) -> str:
    return f"approved:{user}"


def _propose(
    session: Session,
    tenant_id: int,
    entry_id: int,
    record: FaqRecord,
    *,
    user: str,
    submit: bool,
    note: str,
    base: FaqEntry,
) -> Change:
    now = utcnow()
    state = ChangeState.PENDING if submit else ChangeState.DRAFT
    row = _open_row(session, entry_id, for_update=True)
    if row is None:
        row = EntryChange(
            tenant_id=tenant_id,
            entry_id=entry_id,
            base_version=base.version,
            authors=[],
            created_at=now,
            revision=0,
            note="",
            review_comment="",
            reviewed_by="",
        )
        session.add(row)
    row.snapshot = faq_service.snapshot(record)
    row.revision = (row.revision or 0) + 1
    row.state = str(state)
    row.updated_at = now
    row.publish_on = None
    if note:
        row.note = redact_staff_note(note)[:500]
    if submit:
        row.submitted_at = now
    authors = [str(a) for a in row.authors or []]
    if user and user not in authors:
        authors.append(user)
    row.authors = authors
    session.flush()
    return _view(row)


def submit(session: Session, tenant_id: int, change_id: int, *, user: str) -> Change:
    """承認申請: a draft goes to the approvers."""
    row = _row(session, tenant_id, change_id)
    if row.state != ChangeState.DRAFT:
        raise Invalid("approval.wrong_state", state=row.state)
    row.state = str(ChangeState.PENDING)
    row.submitted_at = utcnow()
    if user and user not in (row.authors or []):
        row.authors = [*(row.authors or []), user]
    session.flush()
    return _view(row)


def _row(session: Session, tenant_id: int, change_id: int) -> EntryChange:
    row = session.execute(
        select(EntryChange).where(EntryChange.id == change_id).with_for_update()
    ).scalar_one_or_none()
    if row is None or row.tenant_id != tenant_id:
        raise NotFound("approval.not_found", id=change_id)
    return row


def _close(row: EntryChange, state: ChangeState, user: str, comment: str) -> None:
    row.state = str(state)
    row.reviewed_by = user
    row.reviewed_at = utcnow()
    row.review_comment = redact_staff_note(comment)[:2000]
    row.updated_at = row.reviewed_at


def _visible_now(row: FaqEntryRow, today: date) -> bool:
    if row.status != EntryStatus.PUBLISHED:
        return False
    if row.valid_from is not None and today < row.valid_from:
        return False
    return not (row.valid_until is not None and today > row.valid_until)


def approve(
    session: Session,
    tenant_id: int,
    change_id: int,
    *,
    user: str,
    comment: str = "",
    today: date | None = None,
    expected_revision: int | None = None,
) -> Change:
    """承認: publish the change now, or on its 掲載開始日 when residents see the entry today.
    ``expected_revision`` is the revision the approver read: an author who revised the change
    after that gets it back for review instead of published unseen."""
    row = _row(session, tenant_id, change_id)
    if row.state != ChangeState.PENDING:
        raise Invalid("approval.wrong_state", state=row.state)
    if expected_revision is not None and (row.revision or 0) != expected_revision:
        raise Conflict("approval.revised_since_viewed")
    if four_eyes(session, tenant_id) and user in (row.authors or []):
        raise Forbidden("approval.own_change")
    day = today or today_jst()
    record = faq_service.record_from_snapshot(row.snapshot)
    live = session.get(FaqEntryRow, row.entry_id)
    if live is None:
        raise NotFound("faq.not_found", id=row.entry_id)
    if record.valid_from is not None and record.valid_from > day and _visible_now(live, day):
        _close(row, ChangeState.SCHEDULED, user, comment)
        row.publish_on = record.valid_from
        session.flush()
        return _view(row)
    _apply(session, row, record, approver=user)
    _close(row, ChangeState.PUBLISHED, user, comment)
    session.flush()
    return _view(row)


def _apply(session: Session, row: EntryChange, record: FaqRecord, *, approver: str) -> None:
    authors = [str(a) for a in row.authors or []]
    faq_service.update_entry(
        session,
        row.tenant_id,
        row.entry_id,
        record,
        user=authors[-1] if authors else approver,
        note=_approved_note(approver),
    )


def reject(
    session: Session, tenant_id: int, change_id: int, *, user: str, comment: str = ""
) -> Change:
    """差し戻し: the change goes back to its authors with the approver's comment."""
    row = _row(session, tenant_id, change_id)
    if row.state not in (ChangeState.PENDING, ChangeState.SCHEDULED):
        raise Invalid("approval.wrong_state", state=row.state)
    _close(row, ChangeState.REJECTED, user, comment)
    session.flush()
    return _view(row)


def withdraw(session: Session, tenant_id: int, change_id: int, *, user: str) -> Change:
    """取り下げ: an open change is abandoned; the live entry stays as it is."""
    row = _row(session, tenant_id, change_id)
    if row.state not in [str(s) for s in OPEN_STATES]:
        raise Invalid("approval.wrong_state", state=row.state)
    _close(row, ChangeState.WITHDRAWN, user, "")
    session.flush()
    return _view(row)


def publish_due(session: Session, *, today: date | None = None) -> int:
    """Apply every scheduled change whose day has come (all tenants); returns how many."""
    day = today or today_jst()
    rows = (
        session.execute(
            select(EntryChange)
            .where(
                EntryChange.state == str(ChangeState.SCHEDULED),
                EntryChange.publish_on.is_not(None),
                EntryChange.publish_on <= day,
            )
            .order_by(EntryChange.id)
            .with_for_update()
        )
        .scalars()
        .all()
    )
    for row in rows:
        _apply(
            session, row, faq_service.record_from_snapshot(row.snapshot), approver=row.reviewed_by
        )
        row.state = str(ChangeState.PUBLISHED)
        row.updated_at = utcnow()
    session.flush()
    return len(rows)


def set_status(
    session: Session,
    tenant_id: int,
    entry_id: int,
    status: EntryStatus,
    *,
    user: str,
    can_approve: bool,
    publish: bool = False,
) -> SaveResult:
    """公開 / 下書きに戻す / アーカイブ as a change like any other edit."""
    entry = faq_service.get_entry(session, tenant_id, entry_id)
    if entry.inherited:
        raise Forbidden("faq.not_owned", owner=entry.owner_slug)
    pending = open_change(session, entry_id)
    record = pending.record if pending else faq_service.record_of(entry)
    record.status = status
    return save(
        session,
        tenant_id,
        entry_id,
        record,
        user=user,
        can_approve=can_approve,
        publish=publish,
        note=f"status:{status}",
    )


def revert(
    session: Session,
    tenant_id: int,
    entry_id: int,
    version: int,
    *,
    user: str,
    can_approve: bool,
    publish: bool = False,
) -> SaveResult:
    """Propose an earlier version's content again (history is never rewritten)."""
    for item in faq_service.list_versions(session, tenant_id, entry_id):
        if item["version"] == version:
            record = faq_service.record_from_snapshot(item["snapshot"])
            return save(
                session,
                tenant_id,
                entry_id,
                record,
                user=user,
                can_approve=can_approve,
                publish=publish,
                note=f"revert:{version}",
            )
    raise NotFound("faq.version_not_found", id=entry_id, version=version)


class ImportWriter:
    """The importer's writer (services.importing.EntryWriter) for the approval flow: each
    row becomes a change waiting for approval, or is published by an approver who may.

    Publishing directly (an approver, four-eyes rule off) is one bulk write (:meth:`bulk`):
    row by row, a 2,000-row import held the tenant's row lock (content version) for the
    whole transaction — tens of seconds in which every colleague's save waited."""

    def __init__(self, *, can_approve: bool, publish: bool) -> None:
        self.can_approve = can_approve
        self.publish = publish

    def __call__(
        self, session: Session, tenant_id: int, entry_id: int | None, record: FaqRecord, user: str
    ) -> None:
        save(
            session,
            tenant_id,
            entry_id,
            record,
            user=user,
            can_approve=self.can_approve,
            publish=self.publish,
            note="import",
        )

    def bulk(
        self,
        session: Session,
        tenant_id: int,
        creates: list[FaqRecord],
        updates: list[tuple[int, FaqRecord]],
        user: str,
    ) -> bool:
        """Store every row at once when they would all be published directly; False (nothing
        written) when rows must go through :func:`save` one by one (approval, a refusal, an
        editor limited to some departments)."""
        if not (
            self.publish and may_publish_directly(session, tenant_id, can_approve=self.can_approve)
        ):
            return False
        if department_service.user_scope(session, user, tenant_id) is not None:
            return False
        faq_service.bulk_store(session, tenant_id, creates, updates, user=user, note="import")
        if updates:
            open_rows = session.execute(
                select(EntryChange)
                .where(
                    EntryChange.entry_id.in_([entry_id for entry_id, _ in updates]),
                    EntryChange.state.in_([str(s) for s in OPEN_STATES]),
                )
                .with_for_update()
            ).scalars()
            for row in open_rows:
                _close(row, ChangeState.PUBLISHED, user, "")
        return True


def import_writer(*, can_approve: bool, publish: bool) -> ImportWriter:
    """The approval flow's writer for imports (see :class:`ImportWriter`)."""
    return ImportWriter(can_approve=can_approve, publish=publish)


def staff_import(
    db: Database,
    tenant_id: int,
    data: bytes,
    filename: str,
    *,
    user: str,
    can_approve: bool,
    publish: bool,
    mode: importing.ImportMode = "insert",
    mapping: dict[str, str] | None = None,
    max_bytes: int | None = None,
) -> importing.ImportReport:
    """A staff member's import (console and API): rows wait for approval, or are published
    at once when ``publish`` is asked by an approver the four-eyes rule lets publish
    (otherwise Forbidden, nothing stored). All or nothing, see :func:`importing.import_into`."""
    if publish:
        with db.read() as session:
            if not may_publish_directly(session, tenant_id, can_approve=can_approve):
                raise Forbidden("approval.cannot_publish")
    return importing.import_into(
        db,
        tenant_id,
        data,
        filename,
        mode=mode,
        mapping=mapping,
        user=user,
        max_bytes=max_bytes,
        writer=import_writer(can_approve=can_approve, publish=publish),
    )
