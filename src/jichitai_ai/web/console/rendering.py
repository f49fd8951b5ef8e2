"""Jinja2 rendering of console pages with the ``t()`` message global (画面の描画).

``t('console.…')`` in a template reads the page language from the template context, so
templates never hard-code Japanese or English text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.responses import RedirectResponse, Response

from jichitai_ai.faqio.columns import header_hint
from jichitai_ai.i18n import t as translate
from jichitai_ai.timeutil import JST
from jichitai_ai.web.console.context import Console
from jichitai_ai.web.security import (
    CSRF_FIELD,
    LANG_COOKIE,
    apply_page_headers,
    set_session_cookie,
)

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "console"
STATIC_PREFIX = "/console/static"


@pass_context
def _t(context: Context, key: str, /, **params: Any) -> str:
    return translate(key, context.get("lang", "ja"), **params)


def _jst(value: datetime | str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Show a stored naive-UTC time in Japan time, the time staff read."""
    if value is None or value == "":
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return (moment.replace(tzinfo=UTC).astimezone(JST)).strftime(fmt)


def _url_with(path: str, **params: Any) -> str:
    """A URL with query parameters, skipping empty ones."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(query, doseq=True) if query else "")


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    tpl = Jinja2Templates(directory=str(TEMPLATES_DIR))
    tpl.env.globals["t"] = _t
    tpl.env.globals["url_with"] = _url_with
    tpl.env.globals["faq_header_hint"] = header_hint
    tpl.env.filters["jst"] = _jst
    tpl.env.globals["static"] = lambda name: f"{STATIC_PREFIX}/{name}"
    tpl.env.globals["CSRF_FIELD"] = CSRF_FIELD
    return tpl


def finish(c: Console, response: Response) -> Response:
    """Write the session and language cookies and the security headers."""
    if c.issue_cookie:
        set_session_cookie(response, c.request, c.codec, c.session)
    if c.remember_lang:
        response.set_cookie(
            LANG_COOKIE, c.lang, max_age=365 * 24 * 3600, path="/", samesite="lax", httponly=True
        )
    apply_page_headers(response)
    return response


def render(c: Console, name: str, status_code: int = 200, **context: Any) -> Response:
    base: dict[str, Any] = {
        "c": c,
        "lang": c.lang,
        "csrf": c.csrf,
        "principal": c.principal,
        "tenants": c.tenants,
        "path": c.request.url.path,
    }
    base.update(context)
    response = templates().TemplateResponse(c.request, name, base, status_code=status_code)
    return finish(c, response)


def download(content: bytes, media_type: str, filename: str) -> Response:
    """A file staff download (export, list, report): an attachment, never cached, since it
    holds the tenant's data as the signed-in user may see it."""
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def redirect(c: Console, url: str) -> Response:
    """303 See Other after a POST, so reloading never repeats the action."""
    return finish(c, RedirectResponse(url, status_code=303))
