"""``/widget.js``: the one-line embed a municipality pastes into its website.

The loader is a static file with its UI text filled in from the catalogue at start-up; it
only ever talks to the origin it was loaded from (the iframe and nothing else).
"""

from __future__ import annotations

import json
from functools import lru_cache

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from jichitai_ai.i18n import LANGUAGES, t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import NotFound
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.deps import get_platform
from jichitai_ai.web.resident.origins import normalize_origin, widget_origins
from jichitai_ai.web.resident.rendering import STATIC_DIR

router = APIRouter(include_in_schema=False)

PLACEHOLDER = "/*__STRINGS__*/{}"
WIDGET_KEYS = (
    "resident.widget.open",
    "resident.widget.close",
    "resident.widget.title",
    "resident.widget.refused",
    "resident.widget.refused_admin",
    "resident.widget.unreachable",
)


@lru_cache(maxsize=1)
def widget_source() -> str:
    strings = {
        lang: {key.removeprefix("resident.widget."): t(key, lang) for key in WIDGET_KEYS}
        for lang in LANGUAGES
    }
    template = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    data = json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c")
    return template.replace(PLACEHOLDER, data, 1)


@router.get("/widget.js")
def widget_js() -> Response:
    return Response(
        widget_source(),
        media_type="text/javascript; charset=utf-8",
        headers={
            "X-Content-Type-Options": "nosniff",
            # Loaded by other sites' pages by design; it carries no data.
            "Cross-Origin-Resource-Policy": "cross-origin",
            "Cache-Control": "public, max-age=3600",
        },
    )


@router.get("/t/{slug}/widget-status")
def widget_status(
    slug: str, request: Request, platform: Platform = Depends(get_platform)
) -> Response:
    """Whether the page calling it may embed the chat, so the widget can say why instead of
    showing a browser's broken-frame icon. Public by design: it tells only yes or no."""
    origin = normalize_origin(request.headers.get("origin"))
    own = normalize_origin(f"{request.url.scheme}://{request.url.netloc}")
    try:
        with platform.db.read() as session:
            tenant = tenant_service.get_tenant(session, slug)
    except NotFound:
        return JSONResponse({"allowed": False, "tenant": False}, status_code=404, headers=_CORS)
    allowed = origin is None or origin == own or origin in widget_origins(tenant)
    return JSONResponse({"allowed": allowed, "origin": origin or ""}, headers=_CORS)


_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}
