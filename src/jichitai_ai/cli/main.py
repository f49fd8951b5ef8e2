"""The ``jichitai-ai`` command. Sub-commands live in small modules and are mounted here."""

from __future__ import annotations

import typer

from jichitai_ai.cli import core_commands, eval_commands, user_commands

app = typer.Typer(
    name="jichitai-ai",
    help="自治体向けAI基盤 jichitai-ai — FAQ answering, safe AI gateway, documents.",
    no_args_is_help=True,
    add_completion=False,
)
core_commands.register(app)
eval_commands.register(app)
user_commands.register(app)


def _mount_optional() -> None:
    """Feature areas that ship their own Typer apps."""
    try:
        from jichitai_ai.hoiku.cli import app as hoiku_app

        app.add_typer(hoiku_app, name="hoiku", help="保育所等利用調整 (nursery allocation)")
    except ImportError:
        pass
    try:
        from jichitai_ai.privacy.cli import register as register_privacy

        register_privacy(app)
    except ImportError:
        pass


_mount_optional()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
