"""Registers the approval flow: its table, console pages, JSON API and ``approval`` commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.approval.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.approval.cli import app

    cli.add_typer(app, name="approval", help="承認フロー / approval of FAQ changes")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.approval import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
