"""Registers the privacy commands through the plugin hook (see jichitai_ai.plugins)."""

from __future__ import annotations

import typer

from jichitai_ai.hookspecs import hookimpl


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from . import cli as privacy_cli  # typer-only import, kept out of the library path

    privacy_cli.register(cli)
