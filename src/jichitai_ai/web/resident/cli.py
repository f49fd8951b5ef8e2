"""``jichitai-ai widget``: which websites may embed a tenant's chat, and the tag to paste."""

from __future__ import annotations

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, service_errors
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.web.resident.origins import normalize_origin, widget_origins

widget_app = typer.Typer(
    help="住民向けウィジェット / the embeddable resident widget", no_args_is_help=True
)


@widget_app.command("origins")
def origins(
    tenant: str = typer.Argument(..., help="tenant slug, e.g. aoba-city"),
    add: list[str] = typer.Option([], "--add", help="https://www.city.example.jp"),
    remove: list[str] = typer.Option([], "--remove"),
    database_url: str | None = DatabaseOption,
) -> None:
    """埋め込みを許可するサイト（オリジン）の表示・追加・削除 / show, add or remove allowed origins."""
    bad = [value for value in add if normalize_origin(value) is None]
    if bad:
        typer.echo(
            f"オリジンではありません / not an origin (scheme://host[:port]): {bad}", err=True
        )
        raise typer.Exit(2)
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        info = tenant_service.get_tenant(session, tenant)
        current = set(widget_origins(info))
        dropped = {normalize_origin(value) for value in remove}
        updated = sorted((current | {normalize_origin(v) or "" for v in add}) - dropped)
        if add or remove:
            tenant_service.update_settings(session, info.id, {"widget_origins": updated})
    for origin in updated:
        typer.echo(origin)


@widget_app.command("snippet")
def snippet(
    tenant: str = typer.Argument(...),
    base_url: str = typer.Option(..., "--base-url", help="where residents reach this server"),
    database_url: str | None = DatabaseOption,
) -> None:
    """自治体サイトに貼るタグを表示 / print the tag a municipality pastes into its website.

    埋め込めるのは widget origins で許可したサイトだけです / only allowed origins can embed it."""
    base = base_url.rstrip("/")
    typer.echo(f'<script src="{base}/widget.js" data-tenant="{tenant}" defer></script>')
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        allowed = widget_origins(tenant_service.get_tenant(session, tenant))
    if allowed:
        typer.echo("許可済みのサイト / allowed origins: " + ", ".join(allowed), err=True)
    else:
        typer.echo(
            "注意: まだ許可したサイトがありません。貼る前に許可してください: "
            f"jichitai-ai widget origins {tenant} --add https://www.example.jp\n"
            "Note: no site is allowed yet; allow yours first with widget origins --add.",
            err=True,
        )
