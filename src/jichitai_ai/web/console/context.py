"""Who is using the console page, in which language, and for which tenant (管理画面の文脈).

Every console route depends on :func:`console` (session, language, principal) and, inside a
tenant, on :func:`tenant_page` which checks the role there. Logged-out page requests raise
:class:`LoginRequired` (a redirect to the login page); a missing role is a 403 page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal, Role, is_session_revoked, principal_for
from jichitai_ai.services.errors import Forbidden, Invalid
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.storage.tables import User
from jichitai_ai.web.input_guard import has_control_text
from jichitai_ai.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    LANG_COOKIE,
    SAFE_METHODS,
    SESSION_COOKIE,
    SessionCodec,
    StaffSession,
    new_session,
)

CONSOLE_LANGUAGES = ("ja", "en")


class LoginRequired(Exception):
    """A logged-out request for a console page: answered with a redirect to the login page."""

    def __init__(self, next_path: str = "") -> None:
        self.next_path = next_path
        super().__init__("login required")


class CsrfRejected(Forbidden):
    """A state-changing request without the session's CSRF token."""

    def __init__(self) -> None:
        super().__init__("console.error.csrf")


@dataclass
class Console:
    """One console request: its session, language and (when logged in) principal."""

    request: Request
    platform: Platform
    codec: SessionCodec
    session: StaffSession
    lang: str
    principal: Principal | None = None
    display_name: str = ""
    #: The session must be (re)written to the cookie on the response.
    issue_cookie: bool = False
    #: The language came from ``?lang=`` and should be remembered in a cookie.
    remember_lang: bool = False
    tenants: list[TenantInfo] = field(default_factory=list)

    @property
    def csrf(self) -> str:
        return self.codec.csrf_token(self.session)

    def can(self, tenant: TenantInfo, action: Action) -> bool:
        if self.principal is None:
            return False
        with self.platform.db.read() as db:
            return self.principal.can(db, tenant.id, action)


def codec_of(request: Request) -> SessionCodec:
    codec: SessionCodec = request.app.state.console_sessions
    return codec


def language_of(request: Request) -> tuple[str, bool]:
    """``?lang=en`` wins and is remembered; then the cookie; Japanese by default."""
    asked = request.query_params.get("lang", "")
    if asked in CONSOLE_LANGUAGES:
        return asked, True
    cookie = request.cookies.get(LANG_COOKIE, "")
    return (cookie if cookie in CONSOLE_LANGUAGES else "ja"), False


def load_principal(
    platform: Platform, codec: SessionCodec, session: StaffSession | None
) -> tuple[Principal | None, str]:
    """The logged-in principal and display name; None if the user is gone, locked out
    of the account (inactive) or changed the password since the session began."""
    if session is None or session.user_id is None:
        return None, ""
    with platform.db.read() as db:
        if is_session_revoked(db, session.sid):
            return None, ""
        user = db.execute(select(User).where(User.id == session.user_id)).scalar_one_or_none()
        if user is None or not user.is_active:
            return None, ""
        if codec.password_tag(user.password_hash) != session.password_tag:
            return None, ""
        return principal_for(db, user), user.display_name or user.username


def console(request: Request) -> Console:
    """Dependency: the console context of this request (anonymous sessions included)."""
    cached = getattr(request.state, "console", None)
    if isinstance(cached, Console):
        return cached
    platform: Platform = request.app.state.platform
    codec = codec_of(request)
    session = codec.loads(request.cookies.get(SESSION_COOKIE))
    issue = False
    if session is None:
        session, issue = new_session(), True
    principal, display = load_principal(platform, codec, session)
    if principal is None and session.logged_in:
        # Expired account or changed password: continue as an anonymous visitor.
        session, issue = new_session(), True
    lang, remember = language_of(request)
    ctx = Console(
        request=request,
        platform=platform,
        codec=codec,
        session=session,
        lang=lang,
        principal=principal,
        display_name=display,
        issue_cookie=issue,
        remember_lang=remember,
    )
    if principal is not None:
        with platform.db.read() as db:
            ctx.tenants = visible_tenants(db, principal)
    request.state.console = ctx
    return ctx


def visible_tenants(db: Session, principal: Principal) -> list[TenantInfo]:
    """Tenants the user may open, prefectures followed by their members (for the switcher).

    The same rule as ``Principal.can(…, READ)``: a direct role, or an admin or auditor role
    held on an ancestor — computed once instead of once per tenant.
    """
    visible = set(principal.roles)
    for tenant_id, role in principal.roles.items():
        if role in (Role.ADMIN, Role.AUDITOR):
            visible.update(tenant_service.children_ids(db, tenant_id))
    infos = [tenant_service.get_tenant_by_id(db, tid) for tid in visible]
    slugs = {info.id: info.slug for info in infos}
    return sorted(infos, key=lambda t: [slugs.get(i, "") for i in reversed(t.chain)])


def staff(request: Request, c: Console = Depends(console)) -> Console:
    """Dependency: a logged-in staff member, or a redirect to the login page."""
    if c.principal is None:
        target = request.url.path
        if request.url.query:
            target += "?" + request.url.query
        raise LoginRequired(target)
    return c


@dataclass
class TenantPage:
    """A console page inside one tenant, with what the user may do there."""

    c: Console
    tenant: TenantInfo
    can_edit: bool
    can_administer: bool
    can_audit: bool
    role: str = ""
    can_approve: bool = False


def tenant_page(action: Action) -> Callable[..., TenantPage]:
    """Dependency factory: resolve ``{slug}`` and require ``action`` there (403 otherwise)."""

    def dependency(slug: str, c: Console = Depends(staff)) -> TenantPage:
        assert c.principal is not None
        with c.platform.db.read() as db:
            tenant = tenant_service.get_tenant(db, slug)
            if not c.principal.can(db, tenant.id, action):
                raise Forbidden("error.forbidden")
            return TenantPage(
                c=c,
                tenant=tenant,
                can_edit=c.principal.can(db, tenant.id, Action.EDIT),
                can_administer=c.principal.can(db, tenant.id, Action.ADMINISTER),
                can_audit=c.principal.can(db, tenant.id, Action.AUDIT),
                role=str(c.principal.role_in(db, tenant.id) or ""),
                can_approve=c.principal.can(db, tenant.id, Action.APPROVE),
            )

    return dependency


async def csrf_form(request: Request, c: Console = Depends(console)) -> FormData:
    """Dependency for every console POST: the form, once its CSRF token has been checked."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    if not isinstance(token, str) or not c.codec.csrf_ok(c.session, token):
        raise CsrfRejected()
    # A multipart post passes the app-wide guard (it reads url-encoded forms only): its text
    # fields get the same rule here, before any page stores them (PostgreSQL cannot hold NUL).
    if any(
        has_control_text(k) or (isinstance(v, str) and has_control_text(v))
        for k, v in form.multi_items()
    ):
        raise Invalid("error.control_character")
    return form


def safe_next(target: str | None) -> str:
    """Only redirect inside the console after login (no open redirect)."""
    if target and target.startswith("/console") and not target.startswith("//"):
        return target
    return "/console"


class SessionPrincipalResolver:
    """``app.state.session_principal``: the JSON API's view of a login session.

    Cookie-authenticated calls that change state must carry the session's CSRF token in the
    ``X-CSRF-Token`` header; a cross-site form or script cannot read it.
    """

    def __init__(self, platform: Platform, codec: SessionCodec) -> None:
        self.platform = platform
        self.codec = codec

    def __call__(self, request: Request) -> Principal | None:
        session = self.codec.loads(request.cookies.get(SESSION_COOKIE))
        principal, _ = load_principal(self.platform, self.codec, session)
        if principal is None:
            return None
        if request.method.upper() not in SAFE_METHODS and not self.codec.csrf_ok(
            session, request.headers.get(CSRF_HEADER)
        ):
            raise CsrfRejected()
        return principal


def form_text(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value if isinstance(value, str) else default
