"""Adds the documents console pages to the app (called by :mod:`jichitai_ai.documents.plugin`).

They live inside the staff console, so the console is installed first (idempotent); the
console's menu shows the link when ``app.state.documents_console_installed`` is set.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from jichitai_ai.documents.console import routes_library, routes_ocr, routes_search
from jichitai_ai.documents.console.common import STATIC_DIR, STATIC_PREFIX
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.console import install as install_console
from jichitai_ai.web.console.rendering import templates


def install(app: FastAPI, platform: Platform) -> None:
    """Add the pages to the app; calling it again changes nothing."""
    if getattr(app.state, "documents_console_installed", False):
        return
    app.state.documents_console_installed = True
    install_console(app)
    app.mount(STATIC_PREFIX, StaticFiles(directory=str(STATIC_DIR)), name="documents-static")
    app.include_router(routes_library.router)
    app.include_router(routes_search.router)
    app.include_router(routes_ocr.router)
    templates().env.globals["documents_static"] = lambda name: f"{STATIC_PREFIX}/{name}"
