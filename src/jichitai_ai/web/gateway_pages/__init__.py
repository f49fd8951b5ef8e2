"""Review pages of the gateway (マスキング確認画面): the queue and one held request.

In the console's layout (``templates/gateway_pages`` extend ``console/base.html``), with their
own script and style, no CDN, strings from the catalogue. Work with the console's login
session (and its CSRF token) or an API key; the buttons call the JSON review API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from jichitai_ai.gateway import Gateway
from jichitai_ai.gateway._audit import AuditLine
from jichitai_ai.i18n import catalog, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.timeutil import utcnow
from jichitai_ai.web.console.context import Console, TenantPage, console, tenant_page
from jichitai_ai.web.console.rendering import render
from jichitai_ai.web.deps import get_platform, optional_principal

HERE = Path(__file__).resolve().parent
PREFIX = "/console/gateway"
router = APIRouter(prefix=PREFIX, tags=["gateway pages"], include_in_schema=False)
_STATIC = {
    "review.js": "text/javascript",
    "review.css": "text/css",
    "preview.js": "text/javascript",
}


def _entity_labels(lang: str) -> dict[str, str]:
    """What was masked, in the page's language (氏名 / Name); the masked text keeps the
    Japanese placeholders (【氏名1】) the model receives."""
    from jichitai_ai.privacy import EntityType

    return {kind.value: t(f"gateway.page.entity.{kind.value}", lang) for kind in EntityType}


def _nav_page(c: Console, asked: str, action: Action = Action.EDIT) -> TenantPage | None:
    """The tenant whose console menu the page shows: the one it was opened from
    (``?tenant=``), else the first the user may edit (audit, for the 監査ログ); None for
    API-key callers."""
    if c.principal is None:
        return None
    with c.platform.db.read() as db:
        editable = [t.slug for t in c.tenants if c.principal.can(db, t.id, action)]
    slug = asked if asked in editable else (editable[0] if editable else "")
    return tenant_page(action)(slug, c) if slug else None


def _tenants(platform: Platform, principal: Principal, action: Action) -> list[TenantInfo]:
    """The tenants where the user may do ``action`` (edit: the queue; audit: the log)."""
    with platform.db.read() as session:
        return [
            t for t in tenant_service.list_tenants(session) if principal.can(session, t.id, action)
        ]


def _page(
    request: Request,
    template: str,
    status: int = 200,
    *,
    nav_action: Action = Action.EDIT,
    **values: Any,
) -> Response:
    """Render in the console's layout (header, menu, language switch) with the console's
    session; callers with an API key get the same page without the menu."""
    c = console(request)
    lang = c.lang

    def msg(key: str, **params: Any) -> str:
        return t(f"gateway.page.{key}", lang, **params)

    page = _nav_page(c, request.query_params.get("tenant", ""), nav_action)
    return render(
        c,
        f"gateway_pages/{template}",
        status_code=status,
        msg=msg,
        prefix=PREFIX,
        page=page,
        tenant_slug=page.tenant.slug if page else "",
        entity_label=lambda kind: _entity_labels(lang).get(str(kind), str(kind)),
        **values,
    )


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
) -> Response:
    """Held requests of every tenant where the user may edit (no text shown here)."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    groups = []
    tenants = _tenants(platform, principal, Action.EDIT)
    for tenant in tenants:
        groups.append({"tenant": tenant, "reviews": gateway.pending_reviews(tenant.id)})
    return _page(request, "queue.html", groups=groups)


@router.get("/reviews/{review_id}", response_class=HTMLResponse)
def review_page(
    review_id: str,
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
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
    labels = _entity_labels(console(request).lang)
    return _page(
        request,
        "review.html",
        review=detail.summary,
        messages=messages,
        masked=detail.masked,
        types=list(labels.items()),
        labels=labels,
    )


@router.get("/preview", response_class=HTMLResponse)
def preview_page(
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    """送信内容の確認: staff paste a prompt (or an OpenAI request body) and see exactly what
    would reach the model — masked text, data class, refusal — before sending anything."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    tenants = _tenants(platform, principal, Action.READ)
    # The preview API answers with message keys (``gateway.refused.no_backend``); the page
    # shows them in the staff's language instead of the raw key.
    lang = console(request).lang
    reasons = {
        key: t(key, lang)
        for key in catalog()
        if key.startswith("gateway.") and not key.startswith("gateway.page.")
    }
    # A preview holds nothing and has no 受付番号: say what sending would do instead.
    reasons["gateway.review.held"] = t("gateway.page.preview_held", lang)
    return _page(
        request,
        "preview.html",
        tenants=tenants,
        backends=[b.name for b in gateway.config.backends.values()],
        reasons=reasons,
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    """監査ログ: who sent what kind of request to which model, refused or held, for the tenants
    the reader may audit (auditors included); ``?verify=1`` checks the whole hash chain. The
    CLI (``gateway audit verify / export``) stays for exports; this page is for reading."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    gateway = Gateway.from_platform(platform)
    tenants = _tenants(platform, principal, Action.AUDIT)
    if not tenants:
        raise Forbidden("error.forbidden")
    lang = console(request).lang
    names = {t.slug: t.name_for(lang) for t in tenants}
    lines = [
        AuditRow(
            line=line,
            tenant=names.get(line.tenant_slug, line.tenant_slug),
            kind=t(f"gateway.page.audit.kind.{line.kind}", lang),
            decision=t(f"gateway.page.audit.decision.{line.decision}", lang),
            reason=_reason(line, lang),
        )
        for line in gateway.audit_log({t.id for t in tenants})
    ]
    report = gateway.verify_audit() if request.query_params.get("verify") == "1" else None
    return _page(request, "audit.html", nav_action=Action.AUDIT, lines=lines, report=report)


@router.get("/retention", response_class=HTMLResponse)
def retention_page(
    request: Request,
    principal: Principal | None = Depends(optional_principal),
    platform: Platform = Depends(get_platform),
) -> Response:
    """保存期間: what is kept how long ([gateway.retention] of the deployment), what the next
    ``jichitai-ai gateway retention run`` deletes, when the next record falls due, and when it
    last ran — for the tenants the reader may audit. Read only: periods are set in the
    configuration, the deletion runs from cron (newcomer walkthrough nc5)."""
    if principal is None:
        return _page(request, "login.html", status=401, next=request.url.path)
    tenants = _tenants(platform, principal, Action.AUDIT)
    if not tenants:
        raise Forbidden("error.forbidden")
    now = utcnow()
    kept = Gateway.from_platform(platform).retention_status({t.id for t in tenants}, now=now)
    stale = kept.last_run is None or now - kept.last_run > STALE_RUN
    return _page(
        request,
        "retention.html",
        nav_action=Action.AUDIT,
        title_key="retention.title",
        retention=kept,
        stale=stale,
        tenant_names=[t.name_for(console(request).lang) for t in tenants],
    )


#: A last run older than this (or none) means no daily schedule is running: the page says so.
STALE_RUN = timedelta(days=2)


def _reason(line: AuditLine, lang: str) -> str:
    """The refusal reason in words with what the record knows filled in ({data_class},
    {backend}, {persons}); a value it does not keep (the limit) reads 「…」, never ``{cap}``."""
    if not line.reason.startswith("gateway."):
        return line.reason
    known = {"data_class": line.data_class, "backend": line.backend, "persons": str(line.persons)}
    return re.sub(r"\{(\w+)\}", lambda m: known.get(m.group(1)) or "…", t(line.reason, lang))


@dataclass(frozen=True)
class AuditRow:
    """One 監査ログ line with its words in the page's language."""

    line: AuditLine
    tenant: str
    kind: str
    decision: str
    reason: str
