"""Nursery admission allocation (保育所等利用調整) as a plugin: the ``hoiku`` commands."""

from __future__ import annotations

import typer

from jichitai_ai.hookspecs import hookimpl


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.hoiku.cli import app as hoiku_app

    cli.add_typer(hoiku_app, name="hoiku", help="保育所等利用調整 / nursery admission allocation")
