"""The front page: which municipalities this server answers for, and the staff console."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from jichitai_ai.i18n import t
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.deps import get_platform

router = APIRouter(include_in_schema=False)

_STYLE = (
    "body{font-family:system-ui,'Noto Sans CJK JP',sans-serif;max-width:42rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a;line-height:1.7}a{color:#0b4a8b}h1{font-size:1.5rem}"
    "li{margin:.3rem 0}.en{color:#444;font-size:.95rem}"
)


@router.get("/", response_class=HTMLResponse)
def landing(platform: Platform = Depends(get_platform)) -> HTMLResponse:
    with platform.db.read() as session:
        tenants = tenant_service.list_tenants(session)
    items = (
        "".join(
            f'<li><a href="/t/{escape(x.slug)}/">{escape(x.name)}</a>'
            f' <span class="en">{escape(x.name_en)}</span></li>'
            for x in tenants
        )
        or f"<li>{escape(t('landing.none', 'ja'))} / {escape(t('landing.none', 'en'))}</li>"
    )
    html = (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('landing.title', 'ja'))}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(t('landing.title', 'ja'))}</h1>"
        f'<p>{escape(t("landing.lead", "ja"))}<br><span class="en">'
        f"{escape(t('landing.lead', 'en'))}</span></p><ul>{items}</ul>"
        f'<p><a href="/console/">{escape(t("landing.console", "ja"))}</a> · '
        f'<a href="/docs">{escape(t("landing.api", "ja"))}</a></p></body></html>'
    )
    return HTMLResponse(
        html,
        headers={
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
            "frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        },
    )
