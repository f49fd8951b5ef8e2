"""The ``jichitai-ai`` command: assembled from plugins (see jichitai_ai.hookspecs)."""

from __future__ import annotations

import typer

from jichitai_ai.plugins import plugin_manager

app = typer.Typer(
    name="jichitai-ai",
    help="自治体向けAI基盤 jichitai-ai — FAQ answering, safe AI gateway, documents.",
    no_args_is_help=True,
    add_completion=False,
)
plugin_manager().hook.register_commands(cli=app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
