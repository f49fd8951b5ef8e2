"""``jichitai-ai backup`` and ``jichitai-ai restore``."""

from __future__ import annotations

from pathlib import Path

import typer

from jichitai_ai.cli.common import DatabaseOption, print_json
from jichitai_ai.config import ConfigError, load_settings
from jichitai_ai.ops import backup as backups


def _database_url(database_url: str | None) -> str:
    if database_url:
        return database_url
    try:
        return load_settings().database_url
    except ConfigError as exc:
        typer.echo(f"設定エラー / configuration error: {exc}", err=True)
        raise typer.Exit(2) from exc


def backup(
    out: Path = typer.Argument(..., help="書き出すファイル / backup file to write"),
    database_url: str | None = DatabaseOption,
) -> None:
    """稼働中のままバックアップを取ります / take an online backup (SQLite or PostgreSQL)."""
    try:
        result = backups.backup(_database_url(database_url), out)
    except backups.BackupError as exc:
        typer.echo(f"エラー / error: {exc}", err=True)
        raise typer.Exit(1) from exc
    print_json({"path": str(result.path), "kind": result.kind, "bytes": result.size_bytes})


def restore(
    source: Path = typer.Argument(..., help="バックアップファイル / backup file"),
    yes: bool = typer.Option(
        False, "--yes", help="現在の内容を置き換えることに同意 / confirm replacing all data"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """バックアップから復元します（全データを置き換え）/ restore a backup, replacing all data."""
    if not yes:
        typer.echo(
            "復元は現在のデータをすべて置き換えます。--yes を付けて実行してください。\n"
            "Restoring replaces all current data: run again with --yes.",
            err=True,
        )
        raise typer.Exit(2)
    try:
        kind = backups.restore(_database_url(database_url), source)
    except backups.BackupError as exc:
        typer.echo(f"エラー / error: {exc}", err=True)
        raise typer.Exit(1) from exc
    print_json({"restored": str(source), "kind": kind})


def register(cli: typer.Typer) -> None:
    cli.command("backup")(backup)
    cli.command("restore")(restore)
