"""``jichitai-ai contacts``: export and import the emergency contacts and other authorities."""

from __future__ import annotations

from pathlib import Path

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, require_folder, service_errors
from jichitai_ai.contact_settings import files, store
from jichitai_ai.contact_settings.forms import Rejected
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import Invalid

app = typer.Typer(no_args_is_help=True)


def _fail(exc: Invalid) -> typer.Exit:
    """Print every mistake in Japanese, then in English."""
    if isinstance(exc, Rejected):
        for lang, label in (("ja", "エラー"), ("en", "Error")):
            for line in exc.lines(lang):
                typer.echo(f"{label}: {line}", err=True)
    else:
        messages = exc.messages()
        typer.echo(f"エラー: {messages['ja']}\nError: {messages['en']}", err=True)
    return typer.Exit(1)


@app.command("export")
def export(
    out: Path = typer.Argument(..., help="書き出す JSON ファイル / output file (.json)"),
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    database_url: str | None = DatabaseOption,
) -> None:
    """緊急連絡先と他機関の一覧を JSON（UTF-8）で書き出します / export both lists as JSON."""
    require_folder(out)
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
    out.write_bytes(files.dump(info))
    typer.echo(f"→ {out}")


@app.command("import")
def import_(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    user: str = typer.Option("cli", "--user", help="変更履歴に記録する名前 / name recorded"),
    database_url: str | None = DatabaseOption,
) -> None:
    """ファイルにある一覧を置き換えます（誤りが1つでもあれば何も変えません） / all or nothing."""
    if path.stat().st_size > files.MAX_BYTES:
        raise _fail(
            Invalid(
                "contact_settings.file.too_large", size=path.stat().st_size, limit=files.MAX_BYTES
            )
        )
    try:
        lists = files.load(path.read_bytes())
    except Invalid as exc:
        raise _fail(exc) from exc
    p = platform(database_url)
    with service_errors():  # an unknown tenant
        try:
            with p.db.write() as session:
                info = tenant_service.get_tenant(session, tenant)
                stored = store.replace_lists(session, info.id, lists, username=user)
        except Invalid as exc:
            raise _fail(exc) from exc
    typer.echo(", ".join(f"{key}: {count}" for key, count in stored.items()))
