"""HTTP manners every page follows: HEAD answered like GET without a body, and unknown
paths answered with a page people can read (HTML for browsers, JSON for API clients)."""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jichitai_ai.i18n import bilingual, t

#: Paths whose clients are programs: errors stay JSON there.
API_PREFIXES = ("/api/", "/v1/", "/openapi.json", "/healthz", "/readyz", "/metrics")

_STYLE = (
    "body{font-family:system-ui,'Noto Sans CJK JP',sans-serif;max-width:42rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a;line-height:1.7}a{color:#0b4a8b}h1{font-size:1.5rem}"
    ".en{color:#444}"
)


class HeadAsGet:
    """HEAD is GET without the body (RFC 9110): monitoring tools and link checkers use it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app(dict(scope, method="GET"), receive, headers_only)


def wants_html(request: Request) -> bool:
    if request.url.path.startswith(API_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")


def not_found_page() -> str:
    title_ja, title_en = t("web.not_found.title", "ja"), t("web.not_found.title", "en")
    return (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title_ja)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>{escape(title_ja)} <span class="en" lang="en">{escape(title_en)}</span></h1>'
        f"<p>{escape(t('web.not_found.body', 'ja'))}</p>"
        f'<p class="en" lang="en">{escape(t("web.not_found.body", "en"))}</p>'
        f'<p><a href="/">{escape(t("web.not_found.home", "ja"))}</a> · '
        f'<a href="/console/">{escape(t("web.not_found.console", "ja"))}</a></p></body></html>'
    )


_BODY_PARSE_DETAIL = "There was an error parsing the body"


def install_http_basics(app: FastAPI) -> None:
    app.add_middleware(HeadAsGet)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            if wants_html(request):
                return HTMLResponse(
                    not_found_page(),
                    status_code=404,
                    headers={
                        "Content-Security-Policy": "default-src 'none'; "
                        "style-src 'unsafe-inline'; frame-ancestors 'none'",
                        "X-Content-Type-Options": "nosniff",
                    },
                )
            return JSONResponse(
                {"error": {"code": "error.not_found", "message": bilingual("web.not_found.title")}},
                status_code=404,
            )
        if exc.status_code == 400 and exc.detail == _BODY_PARSE_DETAIL:
            # FastAPI's own words for a body it could not parse (JSON nested 100,000 deep, an
            # integer of 5,000 digits): a bilingual error like every other.
            return JSONResponse(
                {
                    "error": {
                        "code": "error.body_unreadable",
                        "message": bilingual("error.body_unreadable"),
                    }
                },
                status_code=400,
            )
        headers = getattr(exc, "headers", None)
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=headers or None
        )
