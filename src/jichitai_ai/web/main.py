"""ASGI entry point for uvicorn: ``jichitai_ai.web.main:app``."""

from __future__ import annotations

from jichitai_ai.web.app import create_app

app = create_app()
