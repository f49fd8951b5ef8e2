"""Console page /console/t/{slug}/channels: LINE credentials (administrators) and set-up facts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from jichitai_ai.channels import credentials
from jichitai_ai.channels.line.service import CHANNEL, SECRET, TOKEN
from jichitai_ai.services.auth import Action
from jichitai_ai.services.errors import Forbidden, ServiceError
from jichitai_ai.web.console import rendering, settings_record
from jichitai_ai.web.console.context import TenantPage, csrf_form, form_text, tenant_page

router = APIRouter(prefix="/console/t/{slug}", include_in_schema=False)
HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    """Our own template folder first, then the console's (for ``console/base.html``)."""
    tpl = Jinja2Templates(directory=[str(HERE / "templates"), str(rendering.TEMPLATES_DIR)])
    tpl.env.globals.update(rendering.templates().env.globals)
    tpl.env.filters.update(rendering.templates().env.filters)
    return tpl


def _show(
    request: Request, page: TenantPage, done: str = "", error: str = "", status: int = 200
) -> Response:
    c = page.c
    with c.platform.db.read() as db:
        line = credentials.configured(db, page.tenant.id, CHANNEL)
        record = settings_record.lines(
            db, page.tenant.id, (settings_record.LINE_CREDENTIALS,), c.lang
        )
    base = str(request.base_url).rstrip("/")
    context = {
        "c": c,
        "lang": c.lang,
        "csrf": c.csrf,
        "principal": c.principal,
        "tenants": c.tenants,
        "path": c.request.url.path,
        "page": page,
        "section": "channels",
        "line": line,
        "webhook_url": f"{base}/line/{page.tenant.slug}/webhook",
        "voice_url": f"{base}/t/{page.tenant.slug}/voice",
        "done": done,
        "error": error,
        "record_lines": record,
    }
    response = templates().TemplateResponse(
        request, "channels/console.html", context, status_code=status
    )
    return rendering.finish(c, response)


@router.get("/channels")
def channels_page(
    request: Request, page: TenantPage = Depends(tenant_page(Action.READ))
) -> Response:
    return _show(request, page, done=request.query_params.get("done", ""))


@router.post("/channels/line")
def set_line(
    request: Request,
    page: TenantPage = Depends(tenant_page(Action.READ)),
    form: FormData = Depends(csrf_form),
) -> Response:
    if not page.can_administer:
        raise Forbidden("error.forbidden")
    secret, token = form_text(form, "channel_secret"), form_text(form, "access_token")
    actor = page.c.display_name
    entered = [name for name, value in ((SECRET, secret), (TOKEN, token)) if value.strip()]
    try:
        with page.c.platform.db.write() as db:
            before = credentials.configured(db, page.tenant.id, CHANNEL)
            if secret:
                credentials.store(
                    db,
                    page.c.platform.settings,
                    page.tenant.id,
                    CHANNEL,
                    SECRET,
                    secret,
                    actor=actor,
                )
            if token:
                credentials.store(
                    db, page.c.platform.settings, page.tenant.id, CHANNEL, TOKEN, token, actor=actor
                )
            settings_record.record(
                db,
                page.tenant.id,
                settings_record.LINE_CREDENTIALS,
                page.c.principal.username if page.c.principal else actor,
                settings_record.credential_tokens(before, (SECRET, TOKEN), ()),
                settings_record.credential_tokens(before, (SECRET, TOKEN), entered),
            )
    except ServiceError as exc:
        return _show(
            request,
            page,
            error=exc.messages()[page.c.lang if page.c.lang == "en" else "ja"],
            status=422,
        )
    return rendering.redirect(page.c, f"/console/t/{page.tenant.slug}/channels?done=line")
