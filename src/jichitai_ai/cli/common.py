"""Helpers shared by CLI modules: the platform, error output, JSON printing."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from jichitai_ai.config import ConfigError, load_settings
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.services.platform import Platform


def platform(database_url: str | None = None) -> Platform:
    try:
        settings = load_settings()
    except ConfigError as exc:
        typer.echo(f"設定エラー / configuration error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if database_url:
        from dataclasses import replace

        settings = replace(settings, database_url=database_url)
    return Platform(settings)


@contextmanager
def service_errors() -> Iterator[None]:
    """Print service errors in Japanese and English and exit non-zero."""
    try:
        yield
    except ServiceError as exc:
        messages = exc.messages()
        typer.echo(f"エラー: {messages['ja']}\nError: {messages['en']}", err=True)
        report = getattr(exc, "report", None)
        if report is not None:
            for error in report.errors[:200]:
                typer.echo(
                    f"  行 {error['row']} / row {error['row']}  [{error['column']}]  "
                    f"{error['message']['ja']} / {error['message']['en']}",
                    err=True,
                )
            if len(report.errors) > 200:
                typer.echo(f"  … {len(report.errors) - 200} more", err=True)
        raise typer.Exit(1) from exc


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


DatabaseOption = typer.Option(
    None, "--database-url", envvar="JICHITAI_DATABASE_URL", help="SQLAlchemy URL"
)


def require_folder(out: Path) -> None:
    """An export into a folder that does not exist stops before any work, with both languages."""
    if not out.parent.exists():
        typer.echo(
            f"エラー: フォルダ {out.parent} がありません。\nError: folder {out.parent} does not exist.",
            err=True,
        )
        raise typer.Exit(1)
