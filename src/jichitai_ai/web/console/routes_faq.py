"""FAQ entries in the console: list, edit with preview, history and revert, publish/archive,
and the prefecture's inherited entries (継承・上書き・非表示).

Every save goes through the approval flow (:mod:`jichitai_ai.approval`): it becomes a draft or
a change waiting for approval, and residents keep seeing the published text until an
approver approves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from jichitai_ai.approval import diff as approval_diff
from jichitai_ai.approval import service as approval
from jichitai_ai.departments import service as department_service
from jichitai_ai.domain.models import EntryStatus, FaqEntry, FaqRecord
from jichitai_ai.i18n import LANGUAGES, catalog, t
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Forbidden, Invalid, ServiceError
from jichitai_ai.storage.tables import FaqEntryRow
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.forms import EntryForm
from jichitai_ai.web.console.rendering import download, redirect, render
from jichitai_ai.web.params import int_or, parse_int

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

STATUSES = [str(s) for s in EntryStatus]
#: Rows per page of the FAQ list (a prefecture can have thousands of entries).
PAGE_SIZE = 100


@dataclass
class Row:
    """One line of the FAQ list: the entry and where it comes from."""

    entry: FaqEntry
    origin: str  # own | override | inherited | hidden


def _rows(db: Session, tenant_id: int, chain: tuple[int, ...]) -> list[Row]:
    entries = faq_service.visible_entries(db, tenant_id, residents=False)
    parent_ids = set(
        db.execute(
            select(FaqEntryRow.external_id).where(FaqEntryRow.tenant_id.in_(chain[1:]))
        ).scalars()
    )
    rows = []
    for entry in entries:
        if entry.inherited:
            origin = "inherited"
        elif entry.external_id in parent_ids:
            origin = "override"
        else:
            origin = "own"
        rows.append(Row(entry, origin))
    hidden = set(faq_service.hidden_ids(db, tenant_id))
    if hidden and len(chain) > 1:
        hidden_rows = db.execute(
            select(FaqEntryRow.id)
            .where(FaqEntryRow.tenant_id.in_(chain[1:]), FaqEntryRow.external_id.in_(hidden))
            .order_by(FaqEntryRow.id)
        ).scalars()
        seen: set[tuple[str, str]] = set()
        for entry_id in hidden_rows:
            entry = faq_service.get_entry(db, tenant_id, entry_id)
            if (entry.external_id, entry.language) not in seen:
                seen.add((entry.external_id, entry.language))
                rows.append(Row(entry, "hidden"))
    return rows


@router.get("/faq")
def faq_list(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    q = request.query_params.get("q", "").strip()[:200]
    status = request.query_params.get("status", "")
    origin = request.query_params.get("origin", "")
    with page.c.platform.db.read() as db:
        rows = _rows(db, page.tenant.id, page.tenant.chain)
    if status in STATUSES:
        rows = [r for r in rows if str(r.entry.status) == status]
    if origin in ("own", "override", "inherited", "hidden"):
        rows = [r for r in rows if r.origin == origin]
    if q:
        rows = [r for r in rows if faq_service.matches(r.entry, q)]
        # Entries that ask it first, then those that only mention it (a stable sort).
        rows.sort(key=lambda r: not faq_service.asks(r.entry, q))
    raw_page = request.query_params.get("page", "1")
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page_no = min(int_or(raw_page, 1, low=1), pages)
    shown = rows[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE]
    return render(
        page.c,
        "console/faq_list.html",
        page=page,
        rows=shown,
        total=len(rows),
        page_no=page_no,
        pages=pages,
        q=q,
        status=status,
        origin=origin,
        statuses=STATUSES,
        has_parent=len(page.tenant.chain) > 1,
        done=request.query_params.get("done", ""),
    )


def _edit_page(
    page: TenantPage,
    form: EntryForm,
    *,
    entry: FaqEntry | None,
    preview: FaqRecord | None = None,
    status_code: int = 200,
    done: str = "",
    hint_language: str = "",
) -> Response:
    change = None
    can_publish = False
    with page.c.platform.db.read() as db:
        department_names = [d.name for d in department_service.list_departments(db, page.tenant.id)]
        if entry is not None and not entry.inherited:
            change = approval.open_change(db, entry.id)
        can_publish = approval.may_publish_directly(
            db, page.tenant.id, can_approve=page.can_approve
        )
    return render(
        page.c,
        "console/faq_edit.html",
        status_code=status_code,
        page=page,
        form=form,
        entry=entry,
        preview=preview,
        languages=LANGUAGES,
        statuses=STATUSES,
        done=done,
        change=change,
        can_publish=can_publish,
        department_names=department_names,
        hint_language=hint_language,
    )


def _save_mode(data: FormData) -> tuple[bool, bool]:
    """(submit, publish) from the button pressed: 下書き保存, 承認申請 or 公開."""
    action = form_text(data, "action")
    return action != "draft", action == "publish"


@router.get("/faq/new")
def faq_new(request: Request, page: TenantPage = Depends(tenant_page(Action.EDIT))) -> Response:
    """A new draft; the unanswered-questions page prefills question and alternatives."""
    form = EntryForm(
        question=request.query_params.get("question", "")[: faq_service.MAX_QUESTION],
        alternatives="\n".join(request.query_params.getlist("alt")[:20]),
        note=request.query_params.get("note", "")[:200],
        # What 承認申請 asks for: published once approved (a draft would reach nobody).
        status=str(EntryStatus.PUBLISHED),
    )
    # An unanswered question in another language (English …): its wordings arrive as 言い換え,
    # the Japanese 質問 is left for staff, and the form says so.
    hint = request.query_params.get("hint_lang", "")
    hint = hint if hint in LANGUAGES and hint not in ("ja", "ja-easy") else ""
    return _edit_page(page, form, entry=None, hint_language=hint)


def _error_text(page: TenantPage, exc: ServiceError) -> str:
    """The reason in the page's language, naming a field by its label on the form (「回答」),
    not by its name in files and the API ("answer")."""
    params = dict(exc.params)
    field = params.get("field")
    if isinstance(field, str) and f"console.field.{field}" in catalog():
        params["field"] = t(f"console.field.{field}", page.c.lang)
    return t(exc.key, page.c.lang, **params)


def _save_form(page: TenantPage, data: FormData, entry: FaqEntry | None) -> Response:
    """新規作成 (``entry`` None) and 保存 of an existing entry: preview, or save through the
    approval flow; a rejected form is shown again as typed with the reason."""
    form = EntryForm.from_form(data)
    try:
        if entry is not None and entry.inherited:
            raise Forbidden("faq.not_owned", owner=entry.owner_slug)
        record = form.to_record()
        if form_text(data, "action") == "preview":
            # The same checks as saving, so a preview never shows what could not be saved.
            faq_service.validate_record(record)
            return _edit_page(page, form, entry=entry, preview=record)
        submit, publish = _save_mode(data)
        with page.c.platform.db.write() as db:
            result = approval.save(
                db,
                page.tenant.id,
                None if entry is None else entry.id,
                record,
                user=_user(page),
                can_approve=page.can_approve,
                submit=submit,
                publish=publish,
                expected_version=None if entry is None else form.version(),
                expected_change=form_text(data, "expected_change")
                if entry is not None and "expected_change" in data
                else None,
                note=form.note[:200],
            )
    except ServiceError as exc:
        form.errors.append(_error_text(page, exc))
        return _edit_page(page, form, entry=entry, status_code=exc.status)
    return redirect(
        page.c, f"/console/t/{page.tenant.slug}/faq/{result.entry.id}?done={_done(result)}"
    )


@router.post("/faq/new")
def faq_create(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    return _save_form(page, data, None)


def _done(result: approval.SaveResult) -> str:
    if result.change is None:
        return "published"
    return "submitted" if result.change.state == approval.ChangeState.PENDING else "drafted"


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def _entry(page: TenantPage, entry_id: int) -> FaqEntry:
    with page.c.platform.db.read() as db:
        return faq_service.get_entry(db, page.tenant.id, entry_id)


@router.get("/faq/export")
def faq_export(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    from jichitai_ai.services import importing

    fmt: Literal["csv", "xlsx"] = "xlsx" if request.query_params.get("format") == "xlsx" else "csv"
    with page.c.platform.db.read() as db:
        export = importing.export_file(db, page.tenant.id, page.tenant.slug, fmt)
    return download(export.content, export.media_type, export.filename)


@router.get("/faq/{entry_id}")
def faq_show(
    request: Request, entry_id: int, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    entry = _entry(page, entry_id)
    with page.c.platform.db.read() as db:
        change = None if entry.inherited else approval.open_change(db, entry.id)
    # The form continues the open change when there is one: the editor's work is not lost.
    record = change.record if change is not None else faq_service.record_of(entry)
    form = EntryForm.from_record(record, entry.version)
    return _edit_page(
        page,
        form,
        entry=entry,
        preview=record,
        done=request.query_params.get("done", ""),
    )


@router.post("/faq/{entry_id}")
def faq_save(
    entry_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    return _save_form(page, data, _entry(page, entry_id))


@router.post("/faq/{entry_id}/status")
def faq_status(
    entry_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """公開 / 下書きに戻す / アーカイブ: requested like any edit, published by an approver."""
    status = form_text(data, "status")
    if status not in STATUSES:
        raise Invalid("faq.invalid_status", status=status)
    with page.c.platform.db.write() as db:
        result = approval.set_status(
            db,
            page.tenant.id,
            entry_id,
            EntryStatus(status),
            user=_user(page),
            can_approve=page.can_approve,
            publish=form_text(data, "action") == "publish",
        )
    # Under the four-eyes rule the button filed a request: the message names what was requested.
    done = status if result.change is None else f"requested_{status}"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/faq/{entry_id}?done={done}")


@router.get("/faq/{entry_id}/history")
def faq_history(entry_id: int, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    entry = _entry(page, entry_id)
    with page.c.platform.db.read() as db:
        versions = faq_service.list_versions(db, page.tenant.id, entry_id)
    # Each version beside the one before it: what that save changed (変更点).
    for i, version in enumerate(versions):
        before = versions[i + 1]["snapshot"] if i + 1 < len(versions) else None
        version["diff"] = [
            d
            for d in approval_diff.diff_records(
                faq_service.record_from_snapshot(before) if before else None,
                faq_service.record_from_snapshot(version["snapshot"]),
            )
            if d.changed
        ]
    return render(page.c, "console/faq_history.html", page=page, entry=entry, versions=versions)


@router.post("/faq/{entry_id}/revert")
def faq_revert(
    entry_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    version = form_text(data, "version")
    number = parse_int(version)
    if number is None:
        raise Invalid("error.validation")
    with page.c.platform.db.write() as db:
        result = approval.revert(
            db,
            page.tenant.id,
            entry_id,
            number,
            user=_user(page),
            can_approve=page.can_approve,
            publish=form_text(data, "action") == "publish",
        )
    done = "reverted" if result.change is None else "submitted"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/faq/{entry_id}?done={done}")


@router.post("/faq/{entry_id}/override")
def faq_override(
    entry_id: int,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    _: FormData = Depends(csrf_form),
) -> Response:
    """Copy the prefecture's entry into this municipality under the same external id, as a
    draft edited here; residents keep the prefecture's entry until the copy is approved."""
    entry = _entry(page, entry_id)
    if not entry.inherited:
        raise Invalid("console.error.not_inherited")
    record = faq_service.record_of(entry)
    with page.c.platform.db.write() as db:
        result = approval.save(
            db,
            page.tenant.id,
            None,
            record,
            user=_user(page),
            can_approve=page.can_approve,
            submit=False,
            note=f"override:{entry.owner_slug}",
        )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/faq/{result.entry.id}?done=overridden")


@router.post("/hidden")
def faq_hide(
    page: TenantPage = Depends(tenant_page(Action.EDIT)), data: FormData = Depends(csrf_form)
) -> Response:
    """Hide or show again an inherited entry in this municipality (by external id)."""
    external_id = form_text(data, "external_id").strip()
    if not external_id or len(page.tenant.chain) < 2:
        raise Invalid("error.validation")
    with page.c.platform.db.write() as db:
        if form_text(data, "action") == "unhide":
            faq_service.unhide_inherited(db, page.tenant.id, external_id)
            done = "unhidden"
        else:
            faq_service.hide_inherited(db, page.tenant.id, external_id, user=_user(page))
            done = "hidden"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/faq?done={done}")
