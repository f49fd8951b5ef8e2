"""The FastAPI application factory: routes come from plugins (see jichitai_ai.hookspecs)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from jichitai_ai import __version__
from jichitai_ai.config import Settings
from jichitai_ai.plugins import plugin_manager
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.errors import BodySizeLimit, install_error_handlers
from jichitai_ai.web.http_basics import install_http_basics
from jichitai_ai.web.input_guard import ControlCharacterGuard
from jichitai_ai.web.rate_limit import Limits, RateLimit


def create_app(settings: Settings | None = None, platform: Platform | None = None) -> FastAPI:
    platform = platform or Platform(settings)
    ready = platform

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # With dense retrieval, load the model and build the indexes (vectors come from the
        # database cache) before serving, so the first resident does not wait ~16 s; and
        # embed the topics every question is compared with (other authorities, outside
        # topics), which took the first question 1.5–2.4 s CPU more than the next (nc11).
        if ready.answering.factory.embedder is not None:
            ready.answering.warm_up(checks=True)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="jichitai-ai",
        version=__version__,
        description="自治体向けAI基盤 — FAQ answering from approved entries, safe AI gateway.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.platform = platform
    install_error_handlers(app)

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    plugin_manager().hook.register_routes(app=app, platform=platform)
    # Added last = runs first: the size limit bounds what the control-character guard buffers.
    app.add_middleware(ControlCharacterGuard)
    app.add_middleware(
        RateLimit,
        limits=Limits.from_section(platform.settings.section("limits")),
        db=platform.db,
    )
    app.add_middleware(BodySizeLimit, max_bytes=platform.settings.max_request_bytes)
    install_http_basics(app)
    return app
