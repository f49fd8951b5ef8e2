"""Registers the departments area: its table, console pages and ``departments`` commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.departments.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.departments.cli import app

    cli.add_typer(app, name="departments", help="担当課（部署）一覧 / department records")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.departments import pages

    app.include_router(pages.router)
