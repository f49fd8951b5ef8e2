"""The staff console (職員向け管理画面): login, FAQ editing, unanswered questions, learning,
KPI dashboard. Served entirely by the app itself (LGWAN: no CDN, no remote asset).

``install(app)`` mounts the static files, adds the routers and error pages, and lets the
staff JSON API accept the login session (``app.state.session_principal``).
"""

from __future__ import annotations

import inspect
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.responses import RedirectResponse

from jichitai_ai.services.errors import ServiceError
from jichitai_ai.web.console import (
    routes_auth,
    routes_dashboard,
    routes_faq,
    routes_import,
    routes_kpi_api,
    routes_questions,
    routes_widget,
)
from jichitai_ai.web.console.context import (
    LoginRequired,
    SessionPrincipalResolver,
    console,
    language_of,
    safe_next,
)
from jichitai_ai.web.console.rendering import STATIC_DIR, STATIC_PREFIX, render
from jichitai_ai.web.security import SessionCodec

__all__ = ["install"]


def _is_console_page(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/console") and not path.endswith((".json", ".csv", ".xlsx"))


def install(app: FastAPI) -> None:
    """Add the console to the app; calling it again changes nothing."""
    if getattr(app.state, "console_installed", False):
        return
    app.state.console_installed = True
    platform = app.state.platform
    codec = SessionCodec(platform.settings.secret_key)
    app.state.console_sessions = codec
    app.state.session_principal = SessionPrincipalResolver(platform, codec)
    app.mount(STATIC_PREFIX, StaticFiles(directory=str(STATIC_DIR)), name="console-static")
    # Static routes before the ones with an entry id in the path.
    app.include_router(routes_import.router)
    for module in (
        routes_auth,
        routes_faq,
        routes_questions,
        routes_dashboard,
        routes_kpi_api,
        routes_widget,
    ):
        app.include_router(module.router)

    json_handler = app.exception_handlers.get(ServiceError)

    async def login_required(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LoginRequired)
        target = safe_next(exc.next_path)
        # ?lang=en on the page asked for also applies to the login page shown first
        lang, asked = language_of(request)
        suffix = f"&lang={lang}" if asked else ""
        return RedirectResponse(f"/console/login?next={quote(target)}{suffix}", status_code=303)

    async def service_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ServiceError)
        if not _is_console_page(request) and json_handler is not None:
            result = json_handler(request, exc)
            return await result if inspect.isawaitable(result) else result
        c = console(request)
        return render(
            c,
            "console/error.html",
            status_code=exc.status,
            message_key=exc.key,
            params=exc.params,
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(ServiceError, service_error)
