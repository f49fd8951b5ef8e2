"""Nursery admission allocation (保育所等利用調整) as a plugin: ``hoiku`` commands, console page."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.hoiku.console.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.hoiku.cli import app as hoiku_app

    cli.add_typer(hoiku_app, name="hoiku", help="保育所等利用調整 / nursery admission allocation")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.hoiku.console.mount import install

    install(app, platform)
