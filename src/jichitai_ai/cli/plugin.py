"""The core's commands, registered through the same hook third-party plugins use."""

from __future__ import annotations

import typer

from jichitai_ai.cli import core_commands, eval_commands, user_commands
from jichitai_ai.hookspecs import hookimpl


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    core_commands.register(cli)
    eval_commands.register(cli)
    user_commands.register(cli)
