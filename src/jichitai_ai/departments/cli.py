"""``jichitai-ai departments``: export/import the department list, scope an editor."""

from __future__ import annotations

from pathlib import Path

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, require_folder, service_errors
from jichitai_ai.departments import io as dept_io
from jichitai_ai.departments import service
from jichitai_ai.faqio import FaqFileError
from jichitai_ai.services import tenants as tenant_service

app = typer.Typer(no_args_is_help=True)


@app.command("export")
def export(
    out: Path = typer.Argument(..., help="書き出すファイル (.csv / .xlsx) / output file"),
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    sjis: bool = typer.Option(False, "--sjis", help="Shift_JIS (CP932) の CSV / CSV in CP932"),
    database_url: str | None = DatabaseOption,
) -> None:
    """部署一覧を書き出します / export the department list."""
    require_folder(out)
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        rows = service.list_departments(session, info.id)
    try:
        data = (
            dept_io.write_xlsx(rows)
            if out.suffix.lower() == ".xlsx"
            else dept_io.write_csv(rows, encoding="cp932" if sjis else "utf-8-sig")
        )
    except FaqFileError as exc:
        typer.echo(f"エラー: {exc.message('ja')}\nError: {exc.message('en')}", err=True)
        raise typer.Exit(1) from exc
    out.write_bytes(data)
    typer.echo(f"{len(rows)} → {out}")


@app.command("import")
def import_(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    database_url: str | None = DatabaseOption,
) -> None:
    """部署一覧を取り込みます（誤りが1行でもあれば何も変えません） / import the list, all or nothing."""
    p = platform(database_url)
    try:
        rows = dept_io.parse(path.read_bytes(), path.name)
    except FaqFileError as exc:
        typer.echo(f"エラー: {exc.message('ja')}\nError: {exc.message('en')}", err=True)
        raise typer.Exit(1) from exc
    try:
        with service_errors(), p.db.write() as session:
            info = tenant_service.get_tenant(session, tenant)
            result = service.import_departments(session, info.id, rows)
    except typer.Exit:
        raise
    typer.echo(f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}")


@app.command("scope")
def scope(
    username: str = typer.Argument(...),
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    department: list[str] = typer.Option([], "--department", "-d", help="部署名 (repeat)"),
    database_url: str | None = DatabaseOption,
) -> None:
    """編集者が編集できる部署を限定します（指定なしで解除） / limit an editor to departments."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        info = tenant_service.get_tenant(session, tenant)
        service.set_user_scope(session, username, info.id, department)
    typer.echo(", ".join(department) or "all departments")
