"""Console page for staff accounts (職員アカウント): tenant administrators only."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from jichitai_ai.departments import service as department_service
from jichitai_ai.i18n import t
from jichitai_ai.services.auth import Action, Role
from jichitai_ai.services.errors import Invalid, ServiceError
from jichitai_ai.staff import service
from jichitai_ai.web.console import settings_record
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)

ROLES = [str(r) for r in Role]


def _scope_names(db: Session, username: str, tenant_id: int) -> list[str]:
    """Names of the departments the account may edit (empty: every department)."""
    ids = department_service.user_scope(db, username, tenant_id) or set()
    return sorted(d.name for d in department_service.list_departments(db, tenant_id) if d.id in ids)


def _page(page: TenantPage, status_code: int = 200, /, **extra: object) -> Response:
    with page.c.platform.db.read() as db:
        members = service.list_staff(db, page.tenant.id)
        departments = department_service.list_departments(db, page.tenant.id)
        names = {d.id: d.name for d in departments}
        scopes = {
            m.username: sorted(
                names[i]
                for i in department_service.user_scope(db, m.username, page.tenant.id) or set()
                if i in names
            )
            for m in members
        }
        record = settings_record.lines(db, page.tenant.id, service.RECORD_KEYS, page.c.lang)
    return render(
        page.c,
        "console/staff.html",
        status_code=status_code,
        page=page,
        members=members,
        roles=ROLES,
        departments=departments,
        scopes=scopes,
        record_lines=record,
        me=page.c.principal.username if page.c.principal else "",
        **extra,
    )


@router.get("/staff")
def staff_list(
    request: Request, page: TenantPage = Depends(tenant_page(Action.ADMINISTER))
) -> Response:
    return _page(page, done=request.query_params.get("done", ""))


@router.post("/staff")
def staff_action(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """作成 / 役割の変更 / 無効化・有効化 / パスワード再発行."""
    assert page.c.principal is not None
    actor = page.c.principal
    action = form_text(data, "action")
    username = form_text(data, "username").strip()
    shown: dict[str, str] = {}
    try:
        with page.c.platform.db.write() as db:
            if action == "create":
                password = service.create_staff(
                    db,
                    actor,
                    page.tenant.id,
                    page.tenant.slug,
                    username,
                    form_text(data, "display_name"),
                    form_text(data, "role"),
                )
                shown = {"created": username.lower(), "password": password}
            elif action == "role":
                service.set_role(db, actor, page.tenant.id, username, form_text(data, "role"))
            elif action in ("disable", "enable"):
                service.set_active(db, actor, page.tenant.id, username, action == "enable")
            elif action == "scope":
                service.check_can_manage(db, actor, page.tenant.id, username)
                chosen = [v for v in data.getlist("department") if isinstance(v, str) and v]
                before = _scope_names(db, username, page.tenant.id)
                department_service.set_user_scope(db, username, page.tenant.id, chosen)
                after = _scope_names(db, username, page.tenant.id)
                service.record_departments(db, actor, page.tenant.id, username, before, after)
            elif action == "reset":
                password = service.reset_password(db, actor, page.tenant.id, username)
                shown = {"reset": username, "password": password}
            else:
                raise Invalid("error.validation")
    except ServiceError as exc:
        return _page(page, exc.status, error=t(exc.key, page.c.lang, **exc.params))
    if shown:
        # Rendered after the write is committed, so the list already shows the new account
        # (and the change record its line); the password is shown once, never stored.
        return _page(page, **shown)
    return redirect(page.c, f"/console/t/{page.tenant.slug}/staff?done=settings")
