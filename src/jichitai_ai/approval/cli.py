"""``jichitai-ai approval``: scheduled publication (cron) and the queue from the shell."""

from __future__ import annotations

import typer

from jichitai_ai.approval import service as approval
from jichitai_ai.cli.common import DatabaseOption, platform, service_errors
from jichitai_ai.services import tenants as tenant_service

app = typer.Typer(no_args_is_help=True)


@app.command("publish-due")
def publish_due(database_url: str | None = DatabaseOption) -> None:
    """掲載開始日を迎えた承認済みの変更を公開します（cron で毎日実行） /
    publish approved changes whose start day has come (run daily from cron)."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        count = approval.publish_due(session)
    typer.echo(f"公開 / published: {count}")


@app.command("list")
def list_changes(
    tenant: str = typer.Option(..., "--tenant", "-t", help="団体 / tenant slug"),
    database_url: str | None = DatabaseOption,
) -> None:
    """承認待ち一覧 / the approval queue of a tenant."""
    p = platform(database_url)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        for change in approval.list_changes(session, info.id):
            authors = ",".join(change.authors)
            typer.echo(
                f"{change.id}\t{change.state}\t{change.record.external_id}\t"
                f"{change.record.question}\t{authors}"
            )
