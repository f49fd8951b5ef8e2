"""FAQ import and export for a tenant: all-or-nothing, or upsert by external id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from jichitai_ai import faqio
from jichitai_ai.i18n import bilingual
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenant_calibration
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.storage.db import Database
from jichitai_ai.storage.tables import FaqEntryRow

ImportMode = Literal["insert", "upsert"]


@dataclass
class ImportReport:
    """What an import did, or why it did nothing."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def _row_error(row: int, column: str, key: str, **params: Any) -> dict[str, Any]:
    return {"row": row, "column": column, "code": key, "message": bilingual(key, **params)}


def _issue(item: Any) -> dict[str, Any]:
    """Render a faqio RowError (or warning) with both languages."""
    key = getattr(item, "key", "")
    params = dict(getattr(item, "params", {}) or {})
    return {
        "row": getattr(item, "row", None),
        "column": getattr(item, "column", ""),
        "code": key,
        "message": bilingual(key, **params),
    }


class ImportFileInvalid(ServiceError):
    """The file as a whole is unusable (encoding, format, size, missing columns)."""

    status = 422


class ImportRejected(ServiceError):
    """The file had bad rows; nothing was stored."""

    status = 422

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__("faq.import_rejected", count=len({e["row"] for e in report.errors}))


#: Stores one imported record: (session, tenant id, existing entry id or None, record, user).
EntryWriter = Callable[[Session, int, int | None, faq_service.FaqRecord, str], Any]
#: Stores every record at once when it can: (session, tenant id, creates, updates, user) →
#: False when it wrote nothing and the rows must go through the writer one by one.
BulkWriter = Callable[
    [Session, int, list[faq_service.FaqRecord], list[tuple[int, faq_service.FaqRecord]], str],
    bool,
]


def _bulk(writer: EntryWriter) -> BulkWriter:
    """The writer's bulk path (``writer.bulk``), or one that always declines."""
    found: BulkWriter | None = getattr(writer, "bulk", None)
    return found if found is not None else (lambda *_args: False)


def import_file(
    session: Session,
    tenant_id: int,
    data: bytes,
    filename: str,
    *,
    mode: ImportMode = "insert",
    mapping: dict[str, str] | None = None,
    user: str = "",
    max_bytes: int | None = None,
    writer: EntryWriter | None = None,
) -> ImportReport:
    """:func:`import_into` inside the caller's transaction (demo data, set-up, tests).

    The same checks and the same writes; raising inside :meth:`Database.write` rolls the
    whole transaction back, so a file with one bad row leaves the database exactly as it was.
    ``writer`` stores each record (the approval flow's, so imports wait for approval);
    without it entries are written directly.
    """
    records, report = _records(data, filename, mapping, max_bytes)
    plan = _plan(session, tenant_id, records, mode, report)
    if report.errors:
        raise ImportRejected(report)
    _number(session, tenant_id, plan)
    _store(session, tenant_id, plan, user, writer)
    return _done(report, plan)


def export_entries(
    session: Session,
    tenant_id: int,
    fmt: Literal["csv", "xlsx"] = "csv",
    *,
    include_inherited: bool = False,
) -> bytes:
    """Every entry the tenant owns (all statuses), in a file that imports back unchanged."""
    entries = faq_service.visible_entries(
        session, tenant_id, residents=False, include_inherited=include_inherited
    )
    records = [faq_service.record_of(e) for e in entries]
    if fmt == "xlsx":
        return faqio.write_xlsx(records)
    return faqio.write_csv(records)


@dataclass(frozen=True)
class ExportFile:
    """An export as staff download it (console and API give the same file)."""

    content: bytes
    media_type: str
    filename: str


EXPORT_MEDIA_TYPES: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_file(
    session: Session, tenant_id: int, slug: str, fmt: Literal["csv", "xlsx"] = "csv"
) -> ExportFile:
    """:func:`export_entries` with its media type and file name (``{slug}-faq.{fmt}``)."""
    return ExportFile(
        export_entries(session, tenant_id, fmt), EXPORT_MEDIA_TYPES[fmt], f"{slug}-faq.{fmt}"
    )


# --- the multi-worker path: prepare outside the write transaction, then one short bulk write ---


@dataclass
class _Plan:
    creates: list[tuple[int, faq_service.FaqRecord]] = field(default_factory=list)
    #: (row number, entry id, version seen while preparing, record)
    updates: list[tuple[int, int, int, faq_service.FaqRecord]] = field(default_factory=list)
    unchanged: int = 0


def _parse(
    data: bytes, filename: str, mapping: dict[str, str] | None, max_bytes: int | None
) -> tuple[Any, ImportReport]:
    kwargs: dict[str, Any] = {}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    try:
        column_mapping = faqio.ColumnMapping(dict(mapping)) if mapping else None
        parsed = faqio.parse_faq_file(data, filename, column_mapping, **kwargs)
    except faqio.FaqFileError as exc:
        raise ImportFileInvalid(exc.key, **exc.params) from exc
    report = ImportReport(
        errors=[_issue(e) for e in parsed.errors], warnings=[_issue(w) for w in parsed.warnings]
    )
    if report.errors:
        raise ImportRejected(report)
    return parsed, report


def _existing(
    session: Session, tenant_id: int, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(external id, language) → (entry id, version) of the tenant's own entries."""
    found: dict[tuple[str, str], tuple[int, int]] = {}
    ids = sorted({k[0] for k in keys})
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(
                FaqEntryRow.external_id, FaqEntryRow.language, FaqEntryRow.id, FaqEntryRow.version
            ).where(
                FaqEntryRow.tenant_id == tenant_id,
                FaqEntryRow.external_id.in_(ids[start : start + 500]),
            )
        ).all()
        for external_id, language, entry_id, version in rows:
            if (external_id, language) in keys:
                found[(external_id, language)] = (entry_id, version)
    return found


SAME_QUESTION = "faq.import_same_question"


def _same_questions(
    session: Session, tenant_id: int, records: list[faq_service.FaqRecord]
) -> dict[tuple[str, str], str]:
    """(question, language) → external id of the tenant's own entry with that exact question,
    for rows without 管理番号: importing the same file again adds every row once more."""
    questions = sorted({r.question.strip() for r in records if r.question.strip()})
    found: dict[tuple[str, str], str] = {}
    for start in range(0, len(questions), 500):
        rows = session.execute(
            select(FaqEntryRow.question, FaqEntryRow.language, FaqEntryRow.external_id).where(
                FaqEntryRow.tenant_id == tenant_id,
                FaqEntryRow.question.in_(questions[start : start + 500]),
            )
        ).all()
        for question, language, external_id in rows:
            found.setdefault((question, language), external_id)
    return found


def _plan(
    session: Session,
    tenant_id: int,
    records: list[tuple[int, faq_service.FaqRecord]],
    mode: ImportMode,
    report: ImportReport,
) -> _Plan:
    keys = {(r.external_id, r.language) for _, r in records if r.external_id}
    existing = _existing(session, tenant_id, keys)
    plan = _Plan()
    unnumbered = [r for _, r in records if r.external_id.startswith(UNNUMBERED)]
    same = _same_questions(session, tenant_id, unnumbered)
    for row_number, record in records:
        hit = existing.get((record.external_id, record.language)) if record.external_id else None
        if hit is None:
            plan.creates.append((row_number, record))
            twin = same.get((record.question.strip(), record.language))
            if twin is not None and record.external_id.startswith(UNNUMBERED):
                report.warnings.append(
                    _row_error(row_number, "question", SAME_QUESTION, external_id=twin)
                )
        elif mode == "insert":
            report.errors.append(
                _row_error(
                    row_number,
                    "external_id",
                    "faq.duplicate_external_id",
                    external_id=record.external_id,
                    language=record.language,
                )
            )
        else:
            current = faq_service.record_of(faq_service.get_entry(session, tenant_id, hit[0]))
            if faq_service.snapshot(current) == faq_service.snapshot(record):
                plan.unchanged += 1
            else:
                plan.updates.append((row_number, hit[0], hit[1], record))
    return plan


def import_into(
    db: Database,
    tenant_id: int,
    data: bytes,
    filename: str,
    *,
    mode: ImportMode = "insert",
    mapping: dict[str, str] | None = None,
    user: str = "",
    max_bytes: int | None = None,
    writer: EntryWriter | None = None,
) -> ImportReport:
    """All-or-nothing import that holds the write lock only for one short bulk write.

    ``writer`` (the approval flow's) stores each row instead of the direct bulk write, still
    inside that one short transaction.

    Parsing, validating every record and comparing with what is stored happen first, on a
    read snapshot; SQLite's single writer (and residents' question logs) are not blocked
    meanwhile. The write transaction then re-checks that nothing it depends on changed (a
    colleague's edit or import in between) and stores every row, or nothing.
    """
    records, report = _records(data, filename, mapping, max_bytes)
    with db.read() as session:
        plan = _plan(session, tenant_id, records, mode, report)
    if report.errors:
        raise ImportRejected(report)
    given = [(record, record.external_id) for _, record in records]
    for attempt in (1, 2):
        try:
            with db.write() as session:
                plan = _write(session, tenant_id, records, mode, report, plan, user, writer)
            return _done(report, plan)
        except IntegrityError:
            # PostgreSQL: another import stored the same ids after our re-check (neither saw
            # the other's uncommitted rows; hr5). It has committed now: decide again once.
            if attempt == 2:
                raise
            for record, external_id in given:
                record.external_id = external_id  # _number's ids are taken again
    raise AssertionError("unreachable")


def _write(
    session: Session,
    tenant_id: int,
    records: list[tuple[int, faq_service.FaqRecord]],
    mode: ImportMode,
    report: ImportReport,
    plan: _Plan,
    user: str,
    writer: EntryWriter | None,
) -> _Plan:
    """The write phase: re-check against what is stored now, number and store (or raise)."""
    fresh = _existing(session, tenant_id, {(r.external_id, r.language) for _, r in records})
    expected: dict[tuple[str, str], int | None] = {
        (r.external_id, r.language): None for _, r in plan.creates
    }
    expected.update({(r.external_id, r.language): v for _, _, v, r in plan.updates})
    drifted = any(
        (fresh.get(key) or (None, None))[1] != version for key, version in expected.items()
    )
    if drifted:
        # Someone changed these entries since the snapshot: decide again under the lock.
        report.errors.clear()
        report.warnings[:] = [w for w in report.warnings if w["code"] != SAME_QUESTION]
        plan = _plan(session, tenant_id, records, mode, report)
        if report.errors:
            raise ImportRejected(report)
    _number(session, tenant_id, plan)
    _store(session, tenant_id, plan, user, writer)
    return plan


def _records(
    data: bytes, filename: str, mapping: dict[str, str] | None, max_bytes: int | None
) -> tuple[list[tuple[int, faq_service.FaqRecord]], ImportReport]:
    """Parse and validate every row, give new rows an external id, refuse ids used twice."""
    parsed, report = _parse(data, filename, mapping, max_bytes)
    records: list[tuple[int, faq_service.FaqRecord]] = []
    for record, row_number in zip(parsed.records, parsed.row_numbers, strict=True):
        try:
            faq_service.validate_record(record)
        except ServiceError as exc:
            report.errors.append(_row_error(row_number, "", exc.key, **exc.params))
            continue
        if not record.external_id:
            # A placeholder while checking; _number gives the readable id under the write lock.
            record.external_id = UNNUMBERED + faq_service.new_external_id()
        records.append((row_number, record))
    seen: set[tuple[str, str]] = set()
    for row_number, record in records:
        key = (record.external_id, record.language)
        if key in seen:
            report.errors.append(
                _row_error(
                    row_number,
                    "external_id",
                    "faq.duplicate_external_id",
                    external_id=record.external_id,
                    language=record.language,
                )
            )
        seen.add(key)
    if report.errors:
        raise ImportRejected(report)
    return records, report


#: Marks a row imported without 管理番号 until it is numbered (ids never contain a space).
UNNUMBERED = " new "


def _number(session: Session, tenant_id: int, plan: _Plan) -> None:
    """Rows without 管理番号 get the tenant's next readable ids (AOBA-0088 …), in file order,
    inside the write transaction so two imports at once cannot take the same number."""
    blank = [r for _, r in plan.creates if r.external_id.startswith(UNNUMBERED)]
    for record, external_id in zip(
        blank, faq_service.next_external_ids(session, tenant_id, len(blank)), strict=True
    ):
        record.external_id = external_id


def _store(
    session: Session, tenant_id: int, plan: _Plan, user: str, writer: EntryWriter | None
) -> None:
    """Write the plan: one bulk write, or through ``writer`` (its bulk path when it has one)."""
    creates = [r for _, r in plan.creates]
    updates = [(entry_id, r) for _, entry_id, _, r in plan.updates]
    if writer is None:
        faq_service.bulk_store(session, tenant_id, creates, updates, user=user, note="import")
    elif not _bulk(writer)(session, tenant_id, creates, updates, user):
        for record in creates:
            writer(session, tenant_id, None, record, user)
        for entry_id, record in updates:
            writer(session, tenant_id, entry_id, record, user)
    if creates or updates:
        # The entry set changed wholesale: the tenant's decision model is refitted once.
        tenant_calibration.forget(session, tenant_id)


def _done(report: ImportReport, plan: _Plan) -> ImportReport:
    report.created = len(plan.creates)
    report.updated = len(plan.updates)
    report.unchanged = plan.unchanged
    return report
