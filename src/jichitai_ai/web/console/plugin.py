"""The staff console as a plugin (see jichitai_ai.hookspecs): pages, static files, sessions."""

from __future__ import annotations

from fastapi import FastAPI

from jichitai_ai.hookspecs import hookimpl
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.console import install


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    install(app)
