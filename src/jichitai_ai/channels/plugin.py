"""Registers the channels area: tables, ``line``/``voice``/``phone`` commands, webhook, kiosk, console page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jichitai_ai.hookspecs import hookimpl

if TYPE_CHECKING:
    import typer
    from fastapi import FastAPI

    from jichitai_ai.services.platform import Platform


@hookimpl
def table_modules() -> list[str]:
    return ["jichitai_ai.channels.tables"]


@hookimpl
def register_commands(cli: typer.Typer) -> None:
    from jichitai_ai.channels.line.cli import app as line_app
    from jichitai_ai.channels.phone.cli import app as phone_app
    from jichitai_ai.channels.voice.cli import app as voice_app

    cli.add_typer(line_app, name="line", help="LINE公式アカウント連携 / LINE channel")
    cli.add_typer(voice_app, name="voice", help="音声（読み上げ・音声認識） / voice")
    cli.add_typer(phone_app, name="phone", help="電話自動応答（Asterisk） / telephone")


@hookimpl
def register_routes(app: FastAPI, platform: Platform) -> None:
    from jichitai_ai.channels import console
    from jichitai_ai.channels.line.service import LineService
    from jichitai_ai.channels.line.webhook import router as line_router
    from jichitai_ai.channels.voice import kiosk
    from jichitai_ai.channels.voice.service import VoiceService

    app.state.line_service = LineService(platform)
    app.state.voice_service = VoiceService(platform)
    app.include_router(kiosk.router)
    kiosk.mount_static(app)
    app.state.channels_console_installed = True
    app.include_router(line_router)
    app.include_router(console.router)
