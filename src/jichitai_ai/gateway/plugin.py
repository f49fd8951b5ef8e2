"""Registers the gateway: its tables, the ``gateway`` commands, the API and review pages,
and the in-process echo transport for demos."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.gateway.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.gateway.cli import app

    cli.add_typer(app, name="gateway", help="安全なAIゲートウェイ / safe AI gateway")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.web.api.gateway import router, staff_router
    from jichitai_ai.web.gateway_pages import router as pages

    app.include_router(router)
    app.include_router(staff_router)
    app.include_router(pages)


@hookimpl
def chat_transports() -> dict[str, Any]:
    import httpx

    from jichitai_ai.gateway._backends import echo_handler

    return {"echo": httpx.MockTransport(echo_handler)}
