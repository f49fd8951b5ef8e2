"""Registers the area: its change-record table, console pages and ``contacts`` commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.contact_settings.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.contact_settings.cli import app

    cli.add_typer(
        app,
        name="contacts",
        help="緊急連絡先と他機関の一覧 / emergency contacts, other authorities",
    )


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.contact_settings import pages

    app.include_router(pages.router)
