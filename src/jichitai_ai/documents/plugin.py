"""Registers the documents area: tables, the ``docs`` commands, the JSON API and console pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.documents.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.documents.cli import app

    cli.add_typer(app, name="docs", help="文書検索（例規・マニュアル・会議録） / document search")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.documents import api as documents_api
    from jichitai_ai.documents.console.mount import install as install_console_pages

    app.include_router(documents_api.router)
    app.include_router(documents_api.public_router)
    install_console_pages(app, platform)
