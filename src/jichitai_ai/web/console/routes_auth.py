"""Login, logout and the console entry page (ログイン・ログアウト)."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy import select
from starlette.datastructures import FormData

from jichitai_ai.i18n import t
from jichitai_ai.services import login_guard
from jichitai_ai.services.auth import LoginFailed, revoke_session
from jichitai_ai.storage.tables import User
from jichitai_ai.web.client_address import client_address
from jichitai_ai.web.console.context import (
    Console,
    console,
    csrf_form,
    form_text,
    safe_next,
    staff,
)
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.security import (
    SESSION_LIFETIME_SECONDS,
    clear_session_cookie,
    new_session,
)

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("")
@router.get("/")
def home(c: Console = Depends(staff)) -> Response:
    """Open the first tenant the user may see (the switcher changes it)."""
    if not c.tenants:
        return render(c, "console/no_tenant.html")
    return redirect(c, f"/console/t/{c.tenants[0].slug}/faq")


@router.get("/login")
def login_page(request: Request, c: Console = Depends(console)) -> Response:
    if c.principal is not None:
        return redirect(c, safe_next(request.query_params.get("next")))
    return render(
        c,
        "console/login.html",
        next=safe_next(request.query_params.get("next")),
        logged_out=request.query_params.get("bye") == "1",
    )


@router.post("/login")
def login(
    request: Request, c: Console = Depends(console), form: FormData = Depends(csrf_form)
) -> Response:
    username = form_text(form, "username").strip()
    password = form_text(form, "password")
    target = safe_next(form_text(form, "next"))
    failure: LoginFailed | None = None
    try:
        principal = login_guard.login(
            c.platform.db,
            username,
            password,
            client_address(request),
            login_guard.GuardRules.from_settings(c.platform.settings),
        )
        with c.platform.db.read() as db:
            user = db.execute(select(User).where(User.id == principal.user_id)).scalar_one()
            tag = c.codec.password_tag(user.password_hash)
    except LoginFailed as exc:
        failure = exc
    if failure is not None:
        # One message for an unknown user, a wrong password and a block: nothing to probe.
        return render(
            c,
            "console/login.html",
            status_code=401,
            next=target,
            error=t("auth.login_failed", c.lang),
            username=username,
        )
    c.session = new_session(principal.user_id, tag)
    c.issue_cookie = True
    return redirect(c, target)


@router.post("/logout")
def logout(
    request: Request, c: Console = Depends(console), _: FormData = Depends(csrf_form)
) -> Response:
    c.issue_cookie = False
    if c.session.logged_in:
        with c.platform.db.write() as db:
            revoke_session(db, c.session.sid, timedelta(seconds=SESSION_LIFETIME_SECONDS))
    response = redirect(c, "/console/login?bye=1")
    clear_session_cookie(response, request)
    return response


#: Every page of the main menu inside a tenant (the switcher keeps the page; before, from 承認,
#: 部署, 緊急連絡先, 調整, ウィジェット, 職員 or チャネル it always went back to FAQ管理).
SECTIONS = (
    "faq",
    "approvals",
    "departments",
    "contacts",
    "unanswered",
    "tuning",
    "learning",
    "staff",
    "widget",
    "dashboard",
    "hoiku",
    "channels",
    "documents",
)


@router.get("/switch")
def switch_tenant(request: Request, c: Console = Depends(staff)) -> Response:
    """The tenant switcher (a GET form): open the same section in another tenant."""
    slug = request.query_params.get("tenant", "")
    section = request.query_params.get("section", "faq")
    if section not in SECTIONS:
        section = "faq"
    if slug not in {tenant.slug for tenant in c.tenants}:
        return redirect(c, "/console")
    if request.query_params.get("section") == "gateway":  # 生成AI送信の確認: not under /t/
        return redirect(c, f"/console/gateway/reviews?tenant={slug}")
    return redirect(c, f"/console/t/{slug}/{section}")
