"""One resident request: tenant, language, embed mode, session id, notice acknowledgement.

The session id is random per browser (cookie here, localStorage in the page script) and only
groups feedback; the answering service stores it hashed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from jichitai_ai.i18n import LANGUAGES, normalize_language
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.resident import view
from jichitai_ai.web.resident.origins import widget_origins
from jichitai_ai.web.security import is_https

SESSION_COOKIE = "jai_rsid"
LANG_COOKIE = "jai_rlang"
NOTICE_COOKIE = "jai_notice_"
YEAR = 365 * 24 * 60 * 60
SESSION_MAX_AGE = 90 * 24 * 60 * 60


def pick_language(*candidates: str | None) -> str:
    """The first candidate naming a supported language (``?lang=``, form, cookie, header)."""
    for code in candidates:
        if code and normalize_language(code) in LANGUAGES and _names_language(code):
            return normalize_language(code)
    return "ja"


def _names_language(code: str) -> bool:
    """normalize_language() maps unknown codes to ja; only accept codes that really match."""
    lowered = code.strip().split(",")[0].split(";")[0].strip().lower()
    return normalize_language(code) != "ja" or lowered.startswith("ja")


def _valid_session(value: str | None) -> bool:
    return (
        bool(value)
        and 16 <= len(value or "") <= 64
        and all(c.isalnum() or c in "-_" for c in value or "")
    )


@dataclass
class Visit:
    request: Request
    platform: Platform
    tenant: TenantInfo
    lang: str
    embed: bool
    session_id: str
    issue_session: bool
    remember_lang: bool

    @property
    def base(self) -> str:
        """The page's own path; forms post to it and to ``…/choice`` etc. beneath it."""
        root = f"/t/{self.tenant.slug}/"
        return root + "embed" if self.embed else root

    def action(self, name: str = "") -> str:
        if not name:
            return self.base
        return f"{self.base.rstrip('/')}/{name}"

    def lang_url(self, code: str) -> str:
        return f"{self.base}?lang={code}"

    @property
    def frame_ancestors(self) -> list[str] | None:
        return widget_origins(self.tenant) if self.embed else None

    @property
    def notice_version(self) -> str:
        return view.notice_version(self.tenant)

    @property
    def notice_cookie(self) -> str:
        return NOTICE_COOKIE + self.tenant.slug.replace("-", "_")

    @property
    def acknowledged(self) -> bool:
        return self.request.cookies.get(self.notice_cookie) == self.notice_version

    def finish(self, response: Response) -> Response:
        """Write the cookies this visit decided on."""
        secure = is_https(self.request)
        if self.issue_session:
            response.set_cookie(
                SESSION_COOKIE,
                self.session_id,
                max_age=SESSION_MAX_AGE,
                path="/t/",
                httponly=True,
                samesite="lax",
                secure=secure,
            )
        if self.remember_lang:
            response.set_cookie(
                LANG_COOKIE, self.lang, max_age=YEAR, path="/t/", samesite="lax", secure=secure
            )
        return response

    def acknowledge(self, response: Response) -> None:
        response.set_cookie(
            self.notice_cookie,
            self.notice_version,
            max_age=YEAR,
            path=f"/t/{self.tenant.slug}/",
            samesite="lax",
            secure=is_https(self.request),
        )


def visit(
    request: Request, platform: Platform, slug: str, *, embed: bool, form_lang: str | None = None
) -> Visit:
    """Resolve tenant (NotFound if unknown), language and session for this request."""
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, slug)
    query_lang = request.query_params.get("lang")
    chosen = form_lang or query_lang
    lang = pick_language(
        chosen,
        request.cookies.get(LANG_COOKIE),
        request.headers.get("accept-language"),
    )
    sid = request.cookies.get(SESSION_COOKIE)
    issue = not _valid_session(sid)
    return Visit(
        request=request,
        platform=platform,
        tenant=tenant,
        lang=lang,
        embed=embed,
        session_id=secrets.token_urlsafe(18) if issue else str(sid),
        issue_session=issue,
        remember_lang=bool(chosen) and request.cookies.get(LANG_COOKIE) != lang,
    )
