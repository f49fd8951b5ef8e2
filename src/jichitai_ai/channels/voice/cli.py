"""``jichitai-ai voice``: speak a text to a WAV file, set an entry's spoken text."""

from __future__ import annotations

from pathlib import Path

import typer

from jichitai_ai.channels.voice import speech
from jichitai_ai.channels.voice.dialogue import set_spoken_text
from jichitai_ai.channels.voice.tts import OpenJTalk, SpeechUnavailable
from jichitai_ai.cli.common import DatabaseOption, platform, service_errors

app = typer.Typer(help="音声（読み上げ・音声認識） / voice", no_args_is_help=True)


@app.command("say")
def say(
    text: str = typer.Argument(..., help="読み上げる文 / text"),
    output: Path = typer.Option(..., "--output", "-o", help="WAV の出力先 / WAV file"),
    raw: bool = typer.Option(False, "--raw", help="読み方の変換をしない / no normalisation"),
) -> None:
    """Open JTalk で読み上げ音声を作る / synthesise speech."""
    p = platform()
    try:
        wav = OpenJTalk.from_settings(p.settings).synthesize(
            text if raw else speech.normalize(text)
        )
    except SpeechUnavailable as exc:
        typer.echo(f"音声合成が使えません / speech unavailable: {exc}", err=True)
        raise typer.Exit(1) from exc
    output.write_bytes(wav)
    typer.echo(f"{output} ({len(wav)} bytes)")


@app.command("spoken-text")
def spoken_text(
    tenant: str = typer.Option(..., "--tenant"),
    entry: str = typer.Option(..., "--id", help="FAQの外部ID / entry external id"),
    text: str = typer.Option(
        "", "--text", help="読み上げ文（空で削除） / spoken text, empty to clear"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """回答の読み上げ用テキストを設定 / set how an entry is spoken."""
    p = platform(database_url)
    with service_errors():
        set_spoken_text(p, tenant, entry, text)
    typer.echo("OK")
