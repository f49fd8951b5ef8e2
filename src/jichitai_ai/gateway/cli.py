"""``jichitai-ai gateway …``: audit chain verification and export, retention, backends."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, print_json, service_errors
from jichitai_ai.config import ConfigError
from jichitai_ai.i18n import t
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import get_tenant

from ._audit import export_rows, verify
from ._config import GatewayConfig
from ._retention import run_retention
from ._service import Gateway
from .tables import GatewayAuditHead

app = typer.Typer(help="安全なAIゲートウェイ / safe AI gateway", no_args_is_help=True)
audit_app = typer.Typer(help="監査ログ / audit log", no_args_is_help=True)
retention_app = typer.Typer(help="保存期間 / retention", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
app.add_typer(retention_app, name="retention")


def _config(p: Platform) -> GatewayConfig:
    """The gateway settings, or a readable error and exit code 2."""
    try:
        return GatewayConfig.from_settings(p.settings)
    except ConfigError as exc:
        typer.echo(f"設定エラー / configuration error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _both(key: str, **params: object) -> str:
    return f"{t(key, 'ja', **params)}\n{t(key, 'en', **params)}"


@audit_app.command("verify")
def audit_verify(database_url: str | None = DatabaseOption) -> None:
    """ハッシュ連鎖を検証します（改ざんがあれば終了コード 1） / verify the hash chain."""
    p = platform(database_url)
    with service_errors():
        config = _config(p)
        with p.db.read() as session:
            report = verify(session, config.secret)
            head = session.get(GatewayAuditHead, 1)
            head_hash = head.hash if head else "-"
    if not report.ok:
        typer.echo(
            _both("gateway.cli.verify_broken", seq=report.first_broken, problem=report.problem),
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(_both("gateway.cli.verify_ok", checked=report.checked, head=head_hash))


@audit_app.command("export")
def audit_export(
    out: Path = typer.Option(..., "--out", help="JSON Lines file"),
    database_url: str | None = DatabaseOption,
) -> None:
    """監査ログを JSON Lines で書き出します / export the audit log as JSON Lines."""
    p = platform(database_url)
    count = 0
    with p.db.read() as session, out.open("w", encoding="utf-8") as handle:
        for record in export_rows(session):
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    typer.echo(_both("gateway.cli.exported", count=count, path=str(out)))


@retention_app.command("run")
def retention_run(database_url: str | None = DatabaseOption) -> None:
    """保存期間を過ぎた記録を削除します / delete records past their retention period."""
    p = platform(database_url)
    with service_errors():
        config = _config(p)
        if not config.secret_configured:
            typer.echo(_both("gateway.cli.secret_missing"), err=True)
        counts = run_retention(p.db, config)
    typer.echo(_both("gateway.cli.retention_done", counts=json.dumps(counts)))


@app.command("backends")
def backends(database_url: str | None = DatabaseOption) -> None:
    """登録済みのAIモデルと属性 / configured backends and their attributes."""
    p = platform(database_url)
    with service_errors():
        config = _config(p)
    print_json([b.public() for b in config.backends.values()])


@app.command("preview")
def preview(
    tenant: str = typer.Option(..., "--tenant", help="団体のスラッグ / tenant slug"),
    body_file: str = typer.Option(
        ..., "--json", help="OpenAI のチャット要求 (JSON ファイル、- は標準入力) / request body"
    ),
    backend: str | None = typer.Option(None, "--backend", help="送信先モデル / backend name"),
    database_url: str | None = DatabaseOption,
) -> None:
    """送信せずに、ゲートウェイが送る内容を表示します / show what would be sent, send nothing.

    Prints ``{"refused", "reason", "data_class", "persons", "sent"}`` — the same parsing,
    detection, masking and policy as a real request, without the model call or audit record.
    """
    data = sys.stdin.buffer.read() if body_file == "-" else Path(body_file).read_bytes()
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:  # a file saved as Shift_JIS: say so, no traceback
        typer.echo(_both("gateway.invalid.encoding"), err=True)
        raise typer.Exit(2) from exc
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        typer.echo(f"JSON エラー / invalid JSON: {exc}", err=True)
        raise typer.Exit(2) from exc
    p = platform(database_url)
    with service_errors():
        with p.db.read() as session:
            get_tenant(session, tenant)  # a typo is an error, not a refusal
        gateway = Gateway(p.db, p.settings, config=_config(p))
        try:
            result = gateway.preview_body(body, tenant, "cli-preview", backend=backend)
        finally:
            gateway.close()
    typer.echo(json.dumps(result, ensure_ascii=False))
