"""The widget page (ウィジェット): the tag to paste, and which sites may embed the chat."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Invalid
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page
from jichitai_ai.web.console.rendering import redirect, render
from jichitai_ai.web.resident.origins import normalize_origin, widget_origins

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)


def snippet(base_url: str, slug: str) -> str:
    return f'<script src="{base_url.rstrip("/")}/widget.js" data-tenant="{slug}" defer></script>'


@router.get("/widget")
def widget(request: Request, page: TenantPage = Depends(tenant_page(Action.READ))) -> Response:
    return render(
        page.c,
        "console/widget.html",
        page=page,
        snippet=snippet(str(request.base_url), page.tenant.slug),
        origins=widget_origins(page.tenant),
        done=request.query_params.get("done", ""),
    )


@router.post("/widget/origins")
def widget_origins_save(
    page: TenantPage = Depends(tenant_page(Action.ADMINISTER)),
    data: FormData = Depends(csrf_form),
) -> Response:
    """Allow (add) or stop allowing (remove) a website to embed the chat."""
    origin = normalize_origin(form_text(data, "origin"))
    if origin is None:
        raise Invalid("console.widget.bad_origin", origin=form_text(data, "origin")[:200])
    current = set(widget_origins(page.tenant))
    updated = current - {origin} if form_text(data, "action") == "remove" else current | {origin}
    with page.c.platform.db.write() as db:
        tenant_service.update_settings(db, page.tenant.id, {"widget_origins": sorted(updated)})
    return redirect(page.c, f"/console/t/{page.tenant.slug}/widget?done=settings")
