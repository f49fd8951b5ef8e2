"""Console pages for departments: the list with entry counts, edit (reaching every entry),
and the list's import/export."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from jichitai_ai.departments import io as dept_io
from jichitai_ai.departments import service
from jichitai_ai.faqio import FaqFileError
from jichitai_ai.i18n import t
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Forbidden, ServiceError
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import download, redirect, render

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

FIELDS = ("name", "phone", "email", "hours", "form_url", "parent")
#: Form fields of the department's name in residents' other languages (name_en, name_ko …).
NAME_FIELDS = {f"name_{lang}": lang for lang in service.TRANSLATED}
#: … and of its 受付時間 (hours_en …).
HOURS_FIELDS = {f"hours_{lang}": lang for lang in service.TRANSLATED}


def _user(page: TenantPage) -> str:
    return page.c.principal.username if page.c.principal else ""


def _list_page(page: TenantPage, status_code: int = 200, **extra: object) -> Response:
    with page.c.platform.db.read() as db:
        departments = service.list_departments(db, page.tenant.id)
    return render(
        page.c,
        "console/departments.html",
        status_code=status_code,
        page=page,
        departments=departments,
        **extra,
    )


@router.get("/departments")
def departments(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return _list_page(page, done=request.query_params.get("done", ""))


def _edit_page(
    page: TenantPage,
    values: dict[str, str],
    *,
    department: service.DepartmentInfo | None,
    error: str = "",
    status_code: int = 200,
    done: str = "",
) -> Response:
    with page.c.platform.db.read() as db:
        others = [
            d
            for d in service.list_departments(db, page.tenant.id)
            if not department or d.id != department.id
        ]
    return render(
        page.c,
        "console/department_edit.html",
        status_code=status_code,
        page=page,
        values=values,
        department=department,
        others=others,
        name_fields=NAME_FIELDS,
        hours_fields=HOURS_FIELDS,
        error=error,
        done=done,
    )


@router.get("/departments/new")
def department_new(page: TenantPage = Depends(tenant_page(Action.EDIT))) -> Response:
    blank = dict.fromkeys((*FIELDS, *NAME_FIELDS, *HOURS_FIELDS), "")
    return _edit_page(page, blank, department=None)


@router.get("/departments/{department_id}")
def department_show(
    request: Request, department_id: int, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    with page.c.platform.db.read() as db:
        info = service.get_department(db, page.tenant.id, department_id)
    values = {f: getattr(info, f) for f in FIELDS if f != "parent"} | {"parent": info.parent_name}
    values |= {f: info.names.get(lang, "") for f, lang in NAME_FIELDS.items()}
    values |= {f: info.hours_in.get(lang, "") for f, lang in HOURS_FIELDS.items()}
    return _edit_page(page, values, department=info, done=request.query_params.get("done", ""))


def _check_editor_scope(page: TenantPage, name: str) -> None:
    """A department-scoped editor edits only their own departments' contacts."""
    with page.c.platform.db.read() as db:
        scope = service.user_scope(db, _user(page), page.tenant.id)
        if scope is None:
            return
        allowed = {d.name for d in service.list_departments(db, page.tenant.id) if d.id in scope}
    if name not in allowed:
        raise Forbidden("departments.out_of_scope", name=name)


@router.post("/departments/{target}")
def department_save(
    target: str,
    page: TenantPage = Depends(tenant_page(Action.EDIT)),
    data: FormData = Depends(csrf_form),
) -> Response:
    # Name and hours fields missing from the post leave those as they are (empty clears).
    values = {f: form_text(data, f) for f in FIELDS}
    values |= {f: form_text(data, f) for f in (*NAME_FIELDS, *HOURS_FIELDS) if f in data}
    department_id = int(target) if target.isdigit() else None
    if department_id is None and target != "new":
        raise Forbidden("error.forbidden")
    current = None
    try:
        with page.c.platform.db.read() as db:
            if department_id is not None:
                current = service.get_department(db, page.tenant.id, department_id)
        if current is not None:
            _check_editor_scope(page, current.name)
        with page.c.platform.db.write() as db:
            saved = service.save_department(db, page.tenant.id, _input(values), department_id)
    except ServiceError as exc:
        return _edit_page(
            page,
            values,
            department=current,
            error=t(exc.key, page.c.lang, **exc.params),
            status_code=exc.status,
        )
    return redirect(page.c, f"/console/t/{page.tenant.slug}/departments/{saved.id}?done=saved")


def _input(values: dict[str, str]) -> service.DepartmentInput:
    names = {lang: values[f] for f, lang in NAME_FIELDS.items() if f in values}
    hours = {lang: values[f] for f, lang in HOURS_FIELDS.items() if f in values}
    return service.DepartmentInput(**{f: values[f] for f in FIELDS}, names=names, hours_in=hours)


@router.get("/departments.csv")
def departments_csv(
    request: Request, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    """UTF-8 with BOM, or ``?encoding=sjis`` (CP932) for tools that only read Shift_JIS."""
    sjis = request.query_params.get("encoding") == "sjis"
    with page.c.platform.db.read() as db:
        rows = service.list_departments(db, page.tenant.id)
    try:
        data = dept_io.write_csv(rows, encoding="cp932" if sjis else "utf-8-sig")
    except FaqFileError as exc:  # a character Shift_JIS lacks: say which, offer UTF-8
        return _list_page(page, 422, export_error=exc.message(page.c.lang))
    charset = "shift_jis" if sjis else "utf-8"
    return download(data, f"text/csv; charset={charset}", f"{page.tenant.slug}-departments.csv")


@router.get("/departments.xlsx")
def departments_xlsx(page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    with page.c.platform.db.read() as db:
        rows = service.list_departments(db, page.tenant.id)
    return download(
        dept_io.write_xlsx(rows),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"{page.tenant.slug}-departments.xlsx",
    )


@router.post("/departments-import")
async def departments_import(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """All or nothing: a file with one bad row stores nothing and lists every bad row."""
    upload = data.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _list_page(page, 422, import_errors=[(0, t("console.import.no_file", page.c.lang))])
    content = await upload.read()
    filename = upload.filename
    lang = page.c.lang

    def run() -> service.ImportResult:
        rows = dept_io.parse(content, filename)
        with page.c.platform.db.write() as db:
            return service.import_departments(db, page.tenant.id, rows)

    try:
        result = await run_in_threadpool(run)
    except FaqFileError as exc:
        return _list_page(page, 422, import_errors=[(0, exc.message(lang))])
    except service.DepartmentImportRejected as exc:
        errors = [(row, t(e.key, lang, **e.params)) for row, e in exc.errors]
        return _list_page(page, 422, import_errors=errors)
    return _list_page(page, import_result=result)
