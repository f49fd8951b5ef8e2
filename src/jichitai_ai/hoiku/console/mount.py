"""Adds the nursery allocation console page to the app (called by :mod:`jichitai_ai.hoiku.plugin`).

It lives inside the staff console (login, CSRF, roles, templates), so it installs the console
first (idempotent); the console's menu shows its link when ``app.state.hoiku_console_installed``.
"""

from __future__ import annotations

from fastapi import FastAPI

from jichitai_ai.hoiku.console import routes, uploads
from jichitai_ai.hoiku.console.store import (
    DEFAULT_MAX_RUNS,
    DEFAULT_MAX_RUNS_PER_TENANT,
    DEFAULT_RETENTION_MINUTES,
    RunStore,
)
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.console import install as install_console


def install(app: FastAPI, platform: Platform) -> None:
    """Add the pages to the app; calling it again changes nothing."""
    if getattr(app.state, "hoiku_console_installed", False):
        return
    app.state.hoiku_console_installed = True
    install_console(app)
    conf = platform.settings.section("hoiku")
    max_bytes = platform.settings.max_request_bytes
    app.state.hoiku_runs = RunStore(
        platform.db,
        lambda files: uploads.load(files, max_bytes),
        retention_seconds=float(conf.get("console_retention_minutes", DEFAULT_RETENTION_MINUTES))
        * 60,
        max_per_tenant=int(conf.get("console_max_runs_per_tenant", DEFAULT_MAX_RUNS_PER_TENANT)),
        max_total=int(conf.get("console_max_runs", DEFAULT_MAX_RUNS)),
    )
    app.include_router(routes.router)
