"""Console pages: the emergency card per kind and the other authorities (一覧), one item's
form (追加・編集・削除), a preview question, the change record and the JSON download.

Reading needs READ in the tenant (auditors see what residents are told); changing needs EDIT,
as for departments, and an editor limited to some departments changes nothing tenant-wide.
A form with mistakes is shown again with everything typed and every mistake; nothing is stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from jichitai_ai.contact_settings import audit, files, store
from jichitai_ai.contact_settings.forms import (
    FORM_LANGUAGES,
    KINDS,
    AuthorityForm,
    ContactForm,
    Rejected,
)
from jichitai_ai.contact_settings.preview import MAX_CHARS, preview
from jichitai_ai.departments import service as departments
from jichitai_ai.i18n import LANGUAGES, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Forbidden, NotFound, ServiceError
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import download, redirect, render

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

#: URL segment → settings key.
LISTS = {"emergency": store.EMERGENCY, "authorities": store.AUTHORITIES}


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def may_change(page: TenantPage) -> bool:
    """Editors and administrators of the tenant, unless limited to some departments."""
    if not page.can_edit:
        return False
    with page.c.platform.db.read() as db:
        return departments.user_scope(db, _user(page), page.tenant.id) is None


def _key(kind: str) -> str:
    if kind not in LISTS:
        raise NotFound("contact_settings.error.not_found", index=kind[:20])
    return LISTS[kind]


def _index(number: str) -> int | None:
    """``new`` → None; ``3`` (as shown, from 1) → 2."""
    if number == "new":
        return None
    if not number.isdigit() or int(number) < 1:
        raise NotFound("contact_settings.error.not_found", index=number[:20])
    return int(number) - 1


@router.get("/contacts")
def overview(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    question = request.query_params.get("q", "").strip()[:MAX_CHARS]
    language = request.query_params.get("lang_q", "ja")
    return _overview(
        page,
        question=question,
        language=language if language in LANGUAGES else "ja",
        done=request.query_params.get("done", ""),
    )


def _overview(
    page: TenantPage,
    *,
    question: str = "",
    language: str = "ja",
    done: str = "",
    errors: list[str] | None = None,
    status_code: int = 200,
) -> Response:
    with page.c.platform.db.read() as db:
        changes = audit.recent(db, page.tenant.id, LISTS.values())
        tenant = tenant_service.get_tenant_by_id(db, page.tenant.id)
    tried = None
    preview_error = ""
    if question:
        try:
            tried = preview(page.c.platform.answering, tenant.slug, question, language)
        except ServiceError as exc:
            preview_error = t(exc.key, page.c.lang, **exc.params)
    lists = {kind: store.state(tenant, key) for kind, key in LISTS.items()}
    return render(
        page.c,
        "console/contact_settings.html",
        status_code=status_code,
        page=page,
        can_change=may_change(page),
        lists=lists,
        forms={
            kind: [store.form_of(key, item) for item in lists[kind].items]
            for kind, key in LISTS.items()
        },
        by_kind=store.contacts_by_kind(tenant, page.c.lang),
        kinds=KINDS,
        changes=changes,
        question=question,
        lang_q=language,
        languages=LANGUAGES,
        tried=tried,
        preview_error=preview_error,
        done=done,
        errors=errors or [],
    )


@router.get("/contacts.json")
def export_json(page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return download(
        files.dump(page.tenant), "application/json", f"{page.tenant.slug}-contacts.json"
    )


def _edit_page(
    page: TenantPage,
    kind: str,
    number: str,
    form: ContactForm | AuthorityForm,
    revision: str,
    *,
    errors: list[str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        page.c,
        "console/contact_item.html",
        status_code=status_code,
        page=page,
        kind=kind,
        number=number,
        form=form,
        revision=revision,
        kinds=KINDS,
        form_languages=FORM_LANGUAGES,
        can_change=may_change(page),
        errors=errors or [],
    )


@router.get("/contacts/{kind}/{number}")
def item(kind: str, number: str, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    key = _key(kind)
    index = _index(number)
    current = store.state(page.tenant, key)
    form: Any = ContactForm() if key == store.EMERGENCY else AuthorityForm()
    if index is not None:
        if index >= len(current.items):
            raise NotFound("contact_settings.error.not_found", index=number)
        form = store.form_of(key, current.items[index]) or form
    return _edit_page(page, kind, number, form, current.revision)


def _posted(key: str, data: FormData) -> ContactForm | AuthorityForm:
    def texts(prefix: str) -> dict[str, str]:
        return {lang: form_text(data, f"{prefix}_{lang}") for lang in FORM_LANGUAGES}

    if key == store.EMERGENCY:
        kinds = [k for k in data.getlist("kind") if isinstance(k, str)]
        return ContactForm(
            number=form_text(data, "number"),
            kinds=kinds,
            label=texts("label"),
            note=texts("note"),
        )
    return AuthorityForm(
        name=texts("name"),
        topics=form_text(data, "topics").splitlines(),
        words=form_text(data, "words").splitlines(),
        exclusive_words=form_text(data, "exclusive_words").splitlines(),
        phone=form_text(data, "phone"),
        url=form_text(data, "url"),
        note=texts("note"),
    )


def _require_change(page: TenantPage) -> None:
    if not may_change(page):
        raise Forbidden("contact_settings.error.forbidden")


def _messages(exc: ServiceError, lang: str) -> list[str]:
    return exc.lines(lang) if isinstance(exc, Rejected) else [t(exc.key, lang, **exc.params)]


@router.post("/contacts/{kind}/{number}")
def save(
    kind: str,
    number: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    _require_change(page)
    key = _key(kind)
    index = _index(number)
    form = _posted(key, data)
    seen = form_text(data, "revision")
    try:
        with page.c.platform.db.write() as db:
            store.save_item(
                db, page.tenant.id, key, index, form, seen_revision=seen, username=_user(page)
            )
    except ServiceError as exc:
        return _edit_page(
            page,
            kind,
            number,
            form,
            seen,
            errors=_messages(exc, page.c.lang),
            status_code=exc.status,
        )
    done = "added" if index is None else "saved"
    return redirect(page.c, f"/console/t/{page.tenant.slug}/contacts?done={done}#{kind}")


@router.post("/contacts/{kind}/{number}/delete")
def delete(
    kind: str,
    number: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    _require_change(page)
    key = _key(kind)
    index = _index(number)
    if index is None:
        raise NotFound("contact_settings.error.not_found", index=number)
    try:
        with page.c.platform.db.write() as db:
            store.delete_item(
                db,
                page.tenant.id,
                key,
                index,
                seen_revision=form_text(data, "revision"),
                username=_user(page),
            )
    except ServiceError as exc:
        return _overview(page, errors=_messages(exc, page.c.lang), status_code=exc.status)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/contacts?done=deleted#{kind}")


@router.post("/contacts-import")
async def import_file(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """Replace the lists in an uploaded JSON file (administrators, as for the department
    list): all or nothing, every mistake listed with its place in the file."""
    upload = data.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _overview(page, errors=[t("console.import.no_file", page.c.lang)], status_code=422)
    content = await upload.read(files.MAX_BYTES + 1)

    def run() -> dict[str, int]:
        lists = files.load(content)
        with page.c.platform.db.write() as db:
            return store.replace_lists(db, page.tenant.id, lists, username=_user(page))

    try:
        await run_in_threadpool(run)
    except ServiceError as exc:
        return _overview(page, errors=_messages(exc, page.c.lang), status_code=exc.status)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/contacts?done=imported")


@router.post("/contacts-reset")
def reset(
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """The emergency card back to the national numbers."""
    _require_change(page)
    try:
        with page.c.platform.db.write() as db:
            store.reset_emergency(
                db, page.tenant.id, seen_revision=form_text(data, "revision"), username=_user(page)
            )
    except ServiceError as exc:
        return _overview(page, errors=_messages(exc, page.c.lang), status_code=exc.status)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/contacts?done=reset#emergency")
