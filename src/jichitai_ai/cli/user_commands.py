"""Staff accounts from the command line (the first administrator is created here)."""

from __future__ import annotations

import getpass

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, service_errors
from jichitai_ai.services import auth
from jichitai_ai.staff import service as staff

user_app = typer.Typer(help="職員アカウント / staff accounts", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    username: str,
    password: str = typer.Option(..., prompt=True, hide_input=True, confirmation_prompt=True),
    tenant: str | None = typer.Option(None, "--tenant", "-t"),
    role: auth.Role = typer.Option(auth.Role.EDITOR, "--role"),
    database_url: str | None = DatabaseOption,
) -> None:
    """職員を追加し、役割を付与します / add a staff user (and a role in a tenant)."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        auth.create_user(session, username, password)
        if tenant:
            staff.grant_recorded(session, _operator(), username, tenant, role, new=True)
    typer.echo(f"added user {username}")


@user_app.command("grant")
def user_grant(
    username: str,
    tenant: str = typer.Option(..., "--tenant", "-t"),
    role: auth.Role = typer.Option(..., "--role"),
    database_url: str | None = DatabaseOption,
) -> None:
    """役割を付与します / grant a role in a tenant."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        staff.grant_recorded(session, _operator(), username, tenant, role, new=False)
    typer.echo(f"{username}: {role} in {tenant}")


def _operator() -> str:
    """Who ran the command, for the 職員 page's change record (``cli:`` and the OS account)."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


@user_app.command("api-key")
def user_api_key(
    username: str,
    label: str = typer.Option("", "--label"),
    scope: auth.KeyScope = typer.Option(
        auth.KeyScope.FULL, "--scope", help="full / read / gateway（AI ゲートウェイのみ）"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """API キーを発行します（表示は一度だけ） / issue an API key, shown once."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        key = auth.create_api_key(session, username, label=label, scope=scope)
    typer.echo(key)
