"""The widget page (ウィジェット): the tag to paste, and which sites may embed the chat."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.i18n import t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action
from jichitai_ai.web.console import settings_record
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.resident.origins import normalize_origin, widget_origins

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)


def snippet(base_url: str, slug: str) -> str:
    return f'<script src="{base_url.rstrip("/")}/widget.js" data-tenant="{slug}" defer></script>'


@router.get("/widget")
def widget(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return _widget_page(request, page)


def _widget_page(
    request: Request, page: TenantPage, *, origin_error: str = "", origin_value: str = ""
) -> Response:
    with page.c.platform.db.read() as db:
        record = settings_record.lines(
            db, page.tenant.id, (settings_record.WIDGET_ORIGINS,), page.c.lang
        )
    return render(
        page.c,
        "console/widget.html",
        record_lines=record,
        status_code=422 if origin_error else 200,
        page=page,
        snippet=snippet(str(request.base_url), page.tenant.slug),
        origins=widget_origins(page.tenant),
        done=request.query_params.get("done", ""),
        origin_error=origin_error,
        origin_value=origin_value,
        from_page=request.query_params.get("from_page", ""),
    )


@router.post("/widget/origins")
def widget_origins_save(
    request: Request,
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """Allow (add) or stop allowing (remove) a website to embed the chat. Something that is
    not an origin is shown again on the page with the message (not on an error page)."""
    typed = form_text(data, "origin")[:200]
    removing = form_text(data, "action") == "remove"
    origin = normalize_origin(typed)
    # A page's address pasted from the browser (https://host/kurashi/): its site is meant.
    from_page = None if origin is not None or removing else _page_origin(typed)
    origin = origin or from_page
    if origin is None:
        message = t("console.widget.bad_origin", page.c.lang, origin=typed)
        return _widget_page(request, page, origin_error=message, origin_value=typed)
    current = set(widget_origins(page.tenant))
    updated = current - {origin} if removing else current | {origin}
    with page.c.platform.db.write() as db:
        tenant_service.update_settings(db, page.tenant.id, {"widget_origins": sorted(updated)})
        settings_record.record(
            db,
            page.tenant.id,
            settings_record.WIDGET_ORIGINS,
            page.c.principal.username if page.c.principal else "",
            sorted(current),
            sorted(updated),
        )
    shown = f"&from_page={quote(origin, safe='')}" if from_page else ""
    return redirect(page.c, f"/console/t/{page.tenant.slug}/widget?done=settings{shown}")


def _page_origin(typed: str) -> str | None:
    """The site of a page address (scheme, host and port of ``https://host/path?query``), or
    None. Newcomer walkthrough nc10: the address of the page to embed the chat on, pasted
    from the browser, was refused as 「オリジンではありません」."""
    try:
        parts = urlsplit(typed.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc:
        return None
    return normalize_origin(f"{parts.scheme}://{parts.netloc}")
