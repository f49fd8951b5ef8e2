"""The core JSON API (resident and staff routers) and the OpenAPI docs."""

from __future__ import annotations

from fastapi import FastAPI

from jichitai_ai.hookspecs import hookimpl
from jichitai_ai.services.platform import Platform
from jichitai_ai.web import landing
from jichitai_ai.web.api import admin, public, start
from jichitai_ai.web.apidocs import install_api_docs


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    install_api_docs(app)
    app.include_router(public.router)
    app.include_router(admin.router)
    app.include_router(start.router)
    app.include_router(landing.router)


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.storage.tables"]
