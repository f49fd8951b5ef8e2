"""Review pages of the gateway (マスキング確認画面): the queue and one held request.

Self-contained: its own templates and static files, no CDN, strings from the
catalogue. Works with the console's login session (and its CSRF token) or an API
key; the buttons call the JSON review API.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from jichitai_ai.gateway import Gateway
from jichitai_ai.i18n import catalog, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.deps import get_platform, optional_principal
from jichitai_ai.web.security import LANG_COOKIE, SESSION_COOKIE, apply_page_headers

HERE = Path(__file__).resolve().parent
PREFIX = "/console/gateway"
router = APIRouter(prefix=PREFIX, tags=["gateway pages"], include_in_schema=False)
_STATIC = {
    "review.js": "text/javascript",
    "review.css": "text/css",
    "preview.js": "text/javascript",
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    from jichitai_ai.privacy import LABELS
    from jichitai_ai.web.console.rendering import _jst

    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Staff read Japan time and Japanese names of what was masked (not "address×1", UTC).
    env.filters["jst"] = _jst
    env.globals["entity_label"] = lambda kind: {k.value: v for k, v in LABELS.items()}.get(
        str(kind), str(kind)
    )
    return env


def _lang(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE, "")
    return asked if asked in ("ja", "en") else "ja"


def _csrf(request: Request) -> str:
    codec = getattr(request.app.state, "console_sessions", None)
    if codec is None:
        return ""
    session = codec.loads(request.cookies.get(SESSION_COOKIE))
    return "" if session is None else str(codec.csrf_token(session))


def _page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    lang = _lang(request)

    def msg(key: str, **params: Any) -> str:
        return t(f"gateway.page.{key}", lang, **params)

    html = (
        _env()
        .get_template(template)
        .render(lang=lang, msg=msg, t=t, csrf=_csrf(request), prefix=PREFIX, **values)
    )
    response = HTMLResponse(html, status_code=status)
    apply_page_headers(response)
    return response


def _segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Plain and highlighted pieces of ``text``, for rendering without any HTML in the data."""
    out: list[dict[str, Any]] = []
    cursor = 0
    for index, span in sorted(enumerate(spans), key=lambda item: item[1]["start"]):
        start, end = int(span["start"]), int(span["end"])
        if start < cursor:
            continue
        if start > cursor:
            out.append({"text": text[cursor:start], "span": None})
        out.append({"text": text[start:end], "span": index, "type": span["type"]})
        cursor = end
    if cursor < len(text):
        out.append({"text": text[cursor:], "span": None})
    return out


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in _STATIC:
        return Response(status_code=404)
    return FileResponse(HERE / "static" / name, media_type=_STATIC[name])


@router.get("/reviews", response_class=HTMLResponse)
def review_queue(
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> HTMLResponse:
    """Held requests of every tenant where the user may edit (no text shown here)."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    groups = []
    with platform.db.read() as session:
        tenants = [
            t
            for t in tenant_service.list_tenants(session)
            if principal.can(session, t.id, Action.EDIT)
        ]
    for tenant in tenants:
        groups.append({"tenant": tenant, "reviews": gateway.pending_reviews(tenant.id)})
    return _page(request, "queue.html", groups=groups)


@router.get("/reviews/{review_id}", response_class=HTMLResponse)
def review_page(
    review_id: str,
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> HTMLResponse:
    """One held request: original text with the masks, the masked preview, the buttons."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    detail = gateway.review_detail(review_id)
    with platform.db.read() as session:
        if not principal.can(session, detail.summary.tenant_id, Action.EDIT):
            raise Forbidden("error.forbidden")
    messages = [
        {
            "role": m.role,
            "segments": _segments(m.content, detail.spans[i]),
            "spans": detail.spans[i],
        }
        for i, m in enumerate(detail.messages)
    ]
    from jichitai_ai.privacy import LABELS

    return _page(
        request,
        "review.html",
        review=detail.summary,
        messages=messages,
        masked=detail.masked,
        types=[(k.value, label) for k, label in LABELS.items()],
        labels={k.value: label for k, label in LABELS.items()},
    )


@router.get("/preview", response_class=HTMLResponse)
def preview_page(
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> HTMLResponse:
    """送信内容の確認: staff paste a prompt (or an OpenAI request body) and see exactly what
    would reach the model — masked text, data class, refusal — before sending anything."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    with platform.db.read() as session:
        tenants = [
            t
            for t in tenant_service.list_tenants(session)
            if principal.can(session, t.id, Action.READ)
        ]
    # The preview API answers with message keys (``gateway.refused.no_backend``); the page
    # shows them in the staff's language instead of the raw key.
    lang = _lang(request)
    reasons = {
        key: t(key, lang)
        for key in catalog()
        if key.startswith("gateway.") and not key.startswith("gateway.page.")
    }
    return _page(
        request,
        "preview.html",
        tenants=tenants,
        backends=[b.name for b in gateway.config.backends.values()],
        reasons=reasons,
    )
