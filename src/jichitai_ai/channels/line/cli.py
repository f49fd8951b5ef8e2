"""``jichitai-ai line``: store the channel secret and token, show the status, publish the rich menu."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from jichitai_ai.channels import credentials
from jichitai_ai.channels.line import richmenu
from jichitai_ai.channels.line.client import LineApiError
from jichitai_ai.channels.line.service import CHANNEL, SECRET, TOKEN, LineService
from jichitai_ai.cli.common import DatabaseOption, platform, print_json, service_errors
from jichitai_ai.services import tenants as tenant_service

app = typer.Typer(help="LINE公式アカウント連携 / LINE Messaging API channel", no_args_is_help=True)


def _read(value: str | None, prompt: str) -> str:
    if value == "-":
        return sys.stdin.readline().strip()
    if value:
        return Path(value).read_text(encoding="utf-8").strip()
    return str(typer.prompt(prompt, hide_input=True))


@app.command("set")
def set_credentials(
    tenant: str = typer.Option(..., "--tenant", help="テナントのスラッグ / tenant slug"),
    secret_file: str | None = typer.Option(
        None, "--secret-file", help="チャネルシークレットのファイル（- は標準入力） / file or -"
    ),
    token_file: str | None = typer.Option(
        None, "--token-file", help="チャネルアクセストークンのファイル（- は標準入力） / file or -"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """チャネルシークレットとアクセストークンを暗号化して保存 / store them encrypted."""
    secret = _read(secret_file, "Channel secret")
    token = _read(token_file, "Channel access token")
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        info = tenant_service.get_tenant(session, tenant)
        credentials.store(session, p.settings, info.id, CHANNEL, SECRET, secret, actor="cli")
        credentials.store(session, p.settings, info.id, CHANNEL, TOKEN, token, actor="cli")
    typer.echo(f"保存しました / stored. Webhook URL: https://<host>/line/{tenant}/webhook")


@app.command("status")
def status(
    tenant: str = typer.Option(..., "--tenant"), database_url: str | None = DatabaseOption
) -> None:
    """設定状況（値は表示しません） / what is set (never the values)."""
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        print_json(
            {
                "tenant": tenant,
                "webhook_path": f"/line/{tenant}/webhook",
                "set": credentials.configured(session, info.id, CHANNEL),
            }
        )


@app.command("rich-menu")
def rich_menu(
    tenant: str = typer.Option(..., "--tenant"),
    publish: bool = typer.Option(
        False, "--publish", help="LINEに登録して既定にする / create and set as default"
    ),
    image: Path | None = typer.Option(
        None, "--image", help="2500×1686 の PNG/JPEG（省略時は格子画像）"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """人気の質問とカテゴリからリッチメニューを生成 / rich menu from popular questions."""
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        menu = richmenu.definition(session, info)
    if not publish:
        print_json(menu)
        return
    service = LineService(p)
    account = service.account(tenant)
    if account is None:
        typer.echo(
            "LINEが未設定です / LINE is not set up: run `jichitai-ai line set` first", err=True
        )
        raise typer.Exit(1)
    data = image.read_bytes() if image else richmenu.grid_png()
    media = "image/jpeg" if image and image.suffix.lower() in (".jpg", ".jpeg") else "image/png"
    try:
        menu_id = richmenu.publish(service.client(account), menu, data, media)
    except LineApiError as exc:
        typer.echo(f"LINE API エラー / error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(menu_id)
