"""Resident side as a plugin: chat pages, embed mode, widget loader, API CORS, static files."""

from __future__ import annotations

import typer
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from jichitai_ai.hookspecs import hookimpl
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.resident import pages, widget
from jichitai_ai.web.resident.cors import ResidentCors
from jichitai_ai.web.resident.rendering import STATIC_DIR, STATIC_PREFIX


class _Static(StaticFiles):
    """Static files with nosniff, so a script or stylesheet is never taken for another type."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.web.resident.cli import widget_app

    cli.add_typer(widget_app, name="widget")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    app.mount(STATIC_PREFIX, _Static(directory=STATIC_DIR), name="resident-static")
    app.include_router(widget.router)
    app.include_router(pages.router)
    app.add_middleware(ResidentCors, platform=platform)
