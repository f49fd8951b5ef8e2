"""Staff JSON API: tenants, FAQ entries, import/export, synonyms, learning. Login required.

FAQ writes follow the approval flow like the console: they return the live entry with the
change waiting for approval; ``?publish=true`` publishes at once where the caller may.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from jichitai_ai.approval import service as approval
from jichitai_ai.domain.models import EntryStatus
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import importing
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden, Invalid
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.tuning import lessons as lesson_decisions
from jichitai_ai.web.api.schemas import EntryIn, EntryOut, SynonymsIn, TenantIn, TenantOut
from jichitai_ai.web.deps import get_platform, require_principal, tenant_access
from jichitai_ai.web.params import DB_INT_MAX, DbId

router = APIRouter(prefix="/api/v1", tags=["staff"])
T = "/tenants/{slug}"


def _tenant_out(info: TenantInfo) -> TenantOut:
    return TenantOut(
        id=info.id, slug=info.slug, name=info.name, name_en=info.name_en, parent_id=info.parent_id
    )


@router.get("/tenants", response_model=list[TenantOut])
def list_tenants(
    principal: Principal = Depends(require_principal), platform: Platform = Depends(get_platform)
) -> list[TenantOut]:
    """Only the tenants the caller has a role in (directly or through its prefecture)."""
    with platform.db.read() as session:
        return [
            _tenant_out(t)
            for t in tenant_service.list_tenants(session)
            if principal.can(session, t.id, Action.READ)
        ]


@router.post("/tenants", response_model=TenantOut, status_code=201)
def add_tenant(
    body: TenantIn,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> TenantOut:
    """A prefecture administrator adds member municipalities under its own tenant."""
    with platform.db.write() as session:
        if body.parent is None:
            raise Forbidden("error.forbidden")
        parent = tenant_service.get_tenant(session, body.parent)
        if not principal.can(session, parent.id, Action.ADMINISTER):
            raise Forbidden("error.forbidden")
        info = tenant_service.add_tenant(
            session,
            body.slug,
            body.name,
            parent_slug=body.parent,
            name_en=body.name_en,
            settings=body.settings,
        )
    return _tenant_out(info)


@router.get(T + "/faq", response_model=list[EntryOut])
def list_entries(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
    q: str = Query(default="", max_length=200),
    status: EntryStatus | None = None,
    inherited: bool = True,
) -> list[EntryOut]:
    with platform.db.read() as session:
        entries = faq_service.visible_entries(
            session, tenant.id, residents=False, include_inherited=inherited
        )
    if status is not None:
        entries = [e for e in entries if e.status == status]
    if q.strip():
        entries = [e for e in entries if faq_service.matches(e, q)]
    return [EntryOut.of(e) for e in entries]


@router.post(T + "/faq", response_model=EntryOut, status_code=201)
def create_entry(
    body: EntryIn,
    submit: bool = Query(True, description="承認申請 (false: keep as a draft)"),
    publish: bool = Query(False, description="公開 at once (approvers, four-eyes rule off)"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    return _save(platform, principal, tenant, None, body, submit=submit, publish=publish)


@router.get(T + "/faq/export")
def export_entries(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
    format: Literal["csv", "xlsx"] = "csv",
) -> Response:
    with platform.db.read() as session:
        export = importing.export_file(session, tenant.id, tenant.slug, format)
    return Response(
        export.content,
        media_type=export.media_type,
        headers={"Content-Disposition": f'attachment; filename="{export.filename}"'},
    )


@router.post(T + "/faq/import")
async def import_entries(
    file: UploadFile = File(...),
    mode: Literal["insert", "upsert"] = Form("insert"),
    mapping: str = Form(""),
    publish: bool = Form(False),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    """All-or-nothing: any bad row → 422 with every row error, and nothing stored.

    Rows become changes waiting for approval unless ``publish`` is set by an approver
    the four-eyes rule lets publish."""
    data = await file.read()
    column_mapping: dict[str, str] | None = None
    if mapping:
        try:
            loaded = json.loads(mapping)
        except (ValueError, RecursionError) as exc:  # not JSON, nested too deep, huge numbers
            raise Invalid("error.validation") from exc
        if not isinstance(loaded, dict):
            raise Invalid("error.validation")
        column_mapping = {str(k): str(v) for k, v in loaded.items()}
    filename = file.filename or "upload.csv"

    def run() -> importing.ImportReport:
        with platform.db.read() as session:
            can_approve = principal.can(session, tenant.id, Action.APPROVE)
        return approval.staff_import(
            platform.db,
            tenant.id,
            data,
            filename,
            user=principal.username,
            can_approve=can_approve,
            publish=publish,
            mode=mode,
            mapping=column_mapping,
            max_bytes=platform.settings.max_request_bytes,
        )

    # Parsing and storing thousands of rows in a worker thread: the event loop keeps
    # answering residents (and /healthz) meanwhile.
    report = await run_in_threadpool(run)
    return report.as_dict()


@router.get(T + "/faq/{entry_id}", response_model=EntryOut)
def get_entry(
    entry_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    with platform.db.read() as session:
        entry = faq_service.get_entry(session, tenant.id, entry_id)
        change = None if entry.inherited else approval.open_change(session, entry_id)
        return EntryOut.of(entry, change)


@router.put(T + "/faq/{entry_id}", response_model=EntryOut)
def update_entry(
    entry_id: DbId,
    body: EntryIn,
    submit: bool = Query(True, description="承認申請 (false: keep as a draft)"),
    publish: bool = Query(False, description="公開 at once (approvers, four-eyes rule off)"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    return _save(platform, principal, tenant, entry_id, body, submit=submit, publish=publish)


def _save(
    platform: Platform,
    principal: Principal,
    tenant: TenantInfo,
    entry_id: int | None,
    body: EntryIn,
    *,
    submit: bool,
    publish: bool,
) -> EntryOut:
    """A new entry (``entry_id`` None) or an edit, the approval way (see approval.save)."""
    with platform.db.write() as session:
        result = approval.save(
            session,
            tenant.id,
            entry_id,
            body.to_record(),
            user=principal.username,
            can_approve=principal.can(session, tenant.id, Action.APPROVE),
            submit=submit,
            publish=publish,
            expected_version=body.expected_version if entry_id is not None else None,
            expected_change=body.expected_change if entry_id is not None else None,
            guard_others=entry_id is not None and body.expected_version is not None,
        )
    return EntryOut.of(result.entry, result.change)


@router.delete(T + "/faq/{entry_id}", response_model=EntryOut)
def archive_entry(
    entry_id: DbId,
    publish: bool = Query(False, description="apply at once (approvers, four-eyes rule off)"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    """Entries are archived, never erased, so their history stays auditable."""
    return _set_status(platform, principal, tenant, entry_id, EntryStatus.ARCHIVED, publish)


@router.post(T + "/faq/{entry_id}/status/{status}", response_model=EntryOut)
def set_status(
    entry_id: DbId,
    status: EntryStatus,
    publish: bool = Query(False, description="apply at once (approvers, four-eyes rule off)"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    return _set_status(platform, principal, tenant, entry_id, status, publish)


def _set_status(
    platform: Platform,
    principal: Principal,
    tenant: TenantInfo,
    entry_id: int,
    status: EntryStatus,
    publish: bool,
) -> EntryOut:
    """A status change through the approval flow (archive is the status ``archived``)."""
    with platform.db.write() as session:
        result = approval.set_status(
            session,
            tenant.id,
            entry_id,
            status,
            user=principal.username,
            can_approve=principal.can(session, tenant.id, Action.APPROVE),
            publish=publish,
        )
    return EntryOut.of(result.entry, result.change)


@router.get(T + "/faq/{entry_id}/versions")
def versions(
    entry_id: DbId,
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    with platform.db.read() as session:
        return faq_service.list_versions(session, tenant.id, entry_id)


@router.post(T + "/faq/{entry_id}/revert/{version}", response_model=EntryOut)
def revert(
    entry_id: DbId,
    version: int,
    publish: bool = Query(False, description="apply at once (approvers, four-eyes rule off)"),
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> EntryOut:
    with platform.db.write() as session:
        result = approval.revert(
            session,
            tenant.id,
            entry_id,
            version,
            user=principal.username,
            can_approve=principal.can(session, tenant.id, Action.APPROVE),
            publish=publish,
        )
    return EntryOut.of(result.entry, result.change)


@router.post(T + "/hidden/{external_id}", status_code=204)
def hide(
    external_id: str,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    """Stop showing an inherited prefecture entry in this municipality."""
    with platform.db.write() as session:
        faq_service.hide_inherited(session, tenant.id, external_id, user=principal.username)
    return Response(status_code=204)


@router.delete(T + "/hidden/{external_id}", status_code=204)
def unhide(
    external_id: str,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    platform: Platform = Depends(get_platform),
) -> Response:
    with platform.db.write() as session:
        faq_service.unhide_inherited(session, tenant.id, external_id)
    return Response(status_code=204)


@router.get(T + "/synonyms")
def get_synonyms(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    with platform.db.read() as session:
        return {
            "groups": synonym_service.own_groups(session, tenant.id),
            "global": synonym_service.own_groups(session, None),
        }


@router.put(T + "/synonyms")
def put_synonyms(
    body: SynonymsIn,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    with platform.db.write() as session:
        count = synonym_service.replace_groups(session, tenant.id, body.groups)
    return {"groups": count}


@router.get(T + "/learning")
def learning(
    tenant: TenantInfo = Depends(tenant_access(Action.READ)),
    platform: Platform = Depends(get_platform),
) -> list[dict[str, Any]]:
    """What feedback has taught, per entry: raw counts and the lessons (学習した言い換え)
    with their supporters and whether they are in force, so editors can steer them."""
    policy = feedback_service.LearningPolicy.of(tenant.settings)
    with platform.db.read() as session:
        return [
            {
                "entry_id": item.entry_id,
                "events": item.events,
                "positive": item.positive,
                "negative": item.negative,
                "net_signal": item.net_signal,
                "last_at": item.last_at.isoformat() if item.last_at else None,
                "lessons": [
                    {
                        "id": lesson.lesson_id,
                        "text": lesson.text,
                        "polarity": lesson.polarity,
                        "supporters": lesson.supporters,
                        "status": lesson.status,
                        "in_force": lesson.in_force,
                    }
                    for lesson in item.lessons
                ],
            }
            for item in feedback_service.learned(session, tenant.id, policy)
        ]


@router.post(T + "/learning/lessons/{lesson_id}")
def decide_lesson(
    lesson_id: int,
    decision: str,
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> dict[str, Any]:
    """Approve (in force, does not lapse; a wording for an entry joins its 言い換え through the
    approval flow) or reject (never in force) one lesson."""
    with platform.db.write() as session:
        result = lesson_decisions.decide(
            session,
            tenant.id,
            lesson_id,
            decision,
            user=principal.username,
            can_approve=principal.can(session, tenant.id, Action.APPROVE),
        )
    return {
        "id": result.lesson_id,
        "status": result.status,
        "alternative": result.alternative,
        "change_id": result.change_id,
    }


@router.delete(T + "/learning")
def reset_learning(
    tenant: TenantInfo = Depends(tenant_access(Action.EDIT)),
    platform: Platform = Depends(get_platform),
    entry_id: int | None = Query(default=None, ge=0, le=DB_INT_MAX),
) -> dict[str, int]:
    with platform.db.write() as session:
        removed = feedback_service.reset(session, tenant.id, entry_id)
    return {"removed": removed}
