"""Core commands: init, tenant, import, export, ask, kpi, serve, synonyms."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import typer

from jichitai_ai.approval import service as approval
from jichitai_ai.cli.common import DatabaseOption, platform, print_json, service_errors
from jichitai_ai.i18n import t
from jichitai_ai.services import importing, kpi
from jichitai_ai.services import synonyms as synonym_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate

#: The figures ``jichitai-ai kpi`` prints: the old 自己解決率 beside the confirmed one and its range.
CLI_KPI_KEYS = (
    "total",
    "answered_rate",
    "clarified_rate",
    "handed_over_rate",
    "self_resolution_rate",
    "confirmed_resolution_rate",
    "resolution_rate_upper",
    "confirmed_resolved",
    "outcome_unknown",
    "unresolved",
    "resolved_vote_rate",
)

tenant_app = typer.Typer(help="自治体（テナント）の管理 / tenants", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.add_typer(tenant_app, name="tenant")
    app.command("import")(import_faq)
    app.command("export")(export_faq)
    app.command()(ask)
    app.command("kpi")(kpi_report)
    app.command()(serve)
    app.command()(synonyms)


def init(
    demo: bool = typer.Option(False, "--demo", help="デモデータを読み込む / load the demo tenants"),
    database_url: str | None = DatabaseOption,
) -> None:
    """データベースを作成・移行します（何度実行しても安全） / create or migrate the database."""
    p = platform(database_url)
    migrate.upgrade(p.db)
    typer.echo(f"database ready: {migrate.current_revision(p.db)}")
    if demo:
        from jichitai_ai.demo.loader import load_demo

        # Built before the schema existed, ``p`` holds a key of this process only (no
        # JICHITAI_SECRET_KEY: the shared one is stored in the database, storage.secrets).
        # The demo's held gateway request is sealed with the key: sealed with that one,
        # `serve` could not open it (「保存内容を復号できません」, newcomer walkthrough nc6).
        p.close()
        p = platform(database_url)

        with service_errors(), p.db.write() as session:
            summary = load_demo(session)
        with service_errors():
            summary.update(demo_documents(p))
            summary.update(demo_review_queues(p))
        for slug, state in summary.items():
            typer.echo(f"  {slug}: {state}")
        warm_indexes(p)
        _demo_next_steps(p)


def demo_documents(p: Platform) -> dict[str, str]:
    """The demo's documents for staff document search (文書検索), through the documents
    import path; nothing when the documents feature is not installed."""
    try:
        from jichitai_ai.demo.documents import load_demo_documents
        from jichitai_ai.documents import documents_for
    except ModuleNotFoundError as exc:  # the documents feature's dependencies are optional
        return {"documents": f"not loaded ({exc.name} is not installed)"}
    return load_demo_documents(documents_for(p))


def demo_review_queues(p: Platform) -> dict[str, str]:
    """Work waiting in the two review queues (OCR確認, 生成AI送信の確認), through the real
    services, so a newcomer sees them work (jichitai_ai.demo.review_queues)."""
    from jichitai_ai.demo.review_queues import load_demo_gateway, load_demo_scan

    out = {"gateway review (生成AI送信の確認)": load_demo_gateway(p)}
    try:
        from jichitai_ai.documents import documents_for
    except ModuleNotFoundError as exc:  # the documents feature's dependencies are optional
        out["documents aoba-city/scans"] = f"not loaded ({exc.name} is not installed)"
        return out
    out["documents aoba-city/scans (OCR確認)"] = load_demo_scan(documents_for(p))
    return out


def _demo_next_steps(p: Platform) -> None:
    """Where to go after ``init --demo``, printed last: the account lines above scroll away
    behind the index warm-up, and newcomers then do not know how to log in."""
    from jichitai_ai.demo.loader import DEMO_PASSWORD, existing_demo_users

    base = f"http://{p.settings.host}:{p.settings.port}"
    typer.echo(f"次に / next: jichitai-ai serve → {base}/t/aoba-city/ ・ {base}/console")
    with p.db.read() as session:
        users = existing_demo_users(session)
    if users:
        typer.echo(
            f"デモ職員 / demo staff (password {DEMO_PASSWORD}, demo only — delete in production):"
        )
        for username, tenant, role in users:
            typer.echo(f"  {username}: {role} @ {tenant}")


def warm_indexes(p: Platform) -> None:
    """Compute and cache embedding vectors now (with progress), not at the first question."""
    if p.answering.factory.embedder is None:
        return

    def report(slug: str, done: int, total: int) -> None:
        typer.echo(f"  {slug}: 埋め込みベクトル / vectors {done}/{total}", err=True)

    p.answering.warm_up(report)
    typer.echo("search indexes ready")


@tenant_app.command("add")
def tenant_add(
    slug: str,
    parent: str | None = typer.Option(None, "--parent", help="親（都道府県）の識別子"),
    name: str = typer.Option("", "--name", help="名称（例: あおば市）"),
    name_en: str = typer.Option("", "--name-en"),
    database_url: str | None = DatabaseOption,
) -> None:
    """自治体を追加します / add a tenant (municipality or prefecture)."""
    p = platform(database_url)
    with service_errors(), p.db.write() as session:
        info = tenant_service.add_tenant(session, slug, name, parent_slug=parent, name_en=name_en)
    typer.echo(f"added tenant {info.slug} (id {info.id})")


@tenant_app.command("list")
def tenant_list(database_url: str | None = DatabaseOption) -> None:
    """自治体の一覧 / list tenants."""
    p = platform(database_url)
    with p.db.read() as session:
        for info in tenant_service.list_tenants(session):
            parent = f" ← parent {info.parent_id}" if info.parent_id else ""
            typer.echo(f"{info.id}\t{info.slug}\t{info.name}{parent}")


def import_faq(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True),
    tenant: str = typer.Option(..., "--tenant", "-t"),
    upsert: bool = typer.Option(False, "--upsert", help="管理番号で更新 / update by external id"),
    mapping: list[str] = typer.Option(
        [], "--map", help="列の対応 field=見出し (e.g. question=お問い合わせ内容)"
    ),
    user: str = typer.Option("cli", "--user"),
    publish: bool = typer.Option(
        False,
        "--publish",
        help="承認を経ずに公開（サーバー管理者の判断） / publish at once; default: wait for approval",
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """CSV/XLSX の FAQ を取り込みます（誤りが1行でもあれば何も取り込みません）。

    取り込んだ行は承認待ちになります（--publish で直ちに公開）。 / Imported rows wait for
    approval in the console unless --publish is given."""
    p = platform(database_url)
    column_mapping = dict(item.split("=", 1) for item in mapping if "=" in item) or None
    with service_errors():
        with p.db.read() as session:
            info = tenant_service.get_tenant(session, tenant)
        report = importing.import_into(
            p.db,
            info.id,
            path.read_bytes(),
            path.name,
            mode="upsert" if upsert else "insert",
            mapping=column_mapping,
            user=user,
            writer=None if publish else approval.import_writer(can_approve=False, publish=False),
        )
    typer.echo(f"created {report.created}, updated {report.updated}, unchanged {report.unchanged}")
    if report.created or report.updated:
        warm_indexes(p)
    for warning in report.warnings:
        typer.echo(f"  warning: {warning['message']['ja']} / {warning['message']['en']}", err=True)


def export_faq(
    tenant: str = typer.Option(..., "--tenant", "-t"),
    out: Path = typer.Option(..., "--out", "-o", help=".csv or .xlsx"),
    database_url: str | None = DatabaseOption,
) -> None:
    """FAQ を CSV/XLSX に書き出します（取り込み直すと同じ内容になります）。"""
    p = platform(database_url)
    fmt: Literal["csv", "xlsx"] = "xlsx" if out.suffix.lower() == ".xlsx" else "csv"
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        typer.echo(
            f"エラー: フォルダ {folder} がありません。先に作成してください。\n"
            f"Error: the folder {folder} does not exist; create it first.",
            err=True,
        )
        raise typer.Exit(1)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        data = importing.export_entries(session, info.id, fmt)
    try:
        out.write_bytes(data)
    except OSError as exc:
        typer.echo(
            f"エラー: {out} に書き込めません（{exc.strerror}）。\n"
            f"Error: cannot write {out} ({exc.strerror}).",
            err=True,
        )
        raise typer.Exit(1) from exc
    typer.echo(f"wrote {out} ({len(data)} bytes)")


def ask(
    question: str,
    tenant: str = typer.Option(..., "--tenant", "-t"),
    language: str = typer.Option("ja", "--lang"),
    as_json: bool = typer.Option(False, "--json"),
    database_url: str | None = DatabaseOption,
) -> None:
    """質問して回答を表示します / ask a question as a resident would."""
    from jichitai_ai.web.api.public import ask_out

    p = platform(database_url)
    with service_errors():
        result = p.answering.ask(tenant, question, language=language, channel="cli")
    out = ask_out(result)
    if as_json:
        print_json(out.model_dump(mode="json"))
        return
    typer.echo(f"[{out.decision}] {out.message.get(language, out.message['ja'])}")
    for contact in out.emergency:
        typer.echo(f"  ☎ {contact.number}  {contact.label}  {contact.note}")
    if out.answer:
        typer.echo(f"Q: {out.answer.question}\nA: {out.answer.answer}")
        if out.answer.department:
            typer.echo(f"担当: {out.answer.department.name} {out.answer.department.phone}")
    for i, choice in enumerate(out.choices, 1):
        typer.echo(f"  {i}. {choice.question}")
    if out.contact:
        typer.echo(f"窓口: {out.contact.name} {out.contact.phone} {out.contact.hours}")
    elif out.decision == "no_answer" and out.general_contact:
        typer.echo("窓口: " + " ".join(out.general_contact.values()))


def kpi_report(
    tenant: str = typer.Option(..., "--tenant", "-t"),
    start: str | None = typer.Option(None, "--from", help="YYYY-MM-DD (JST)"),
    end: str | None = typer.Option(None, "--to", help="YYYY-MM-DD (JST)"),
    as_json: bool = typer.Option(False, "--json"),
    database_url: str | None = DatabaseOption,
) -> None:
    """効果検証の指標を表示します（既定は直近 30 日）/ KPI of a period, as on the dashboard."""
    p = platform(database_url)
    period = kpi.Period.parse(start, end)
    with service_errors(), p.db.read() as session:
        info = tenant_service.get_tenant(session, tenant)
        report = kpi.report(session, [info.id], period, with_themes=False)
    data = report.totals.as_dict()
    if as_json:
        print_json(report.as_dict())
        return
    typer.echo(f"{info.name} {period.start} – {period.end}")
    for key in CLI_KPI_KEYS:
        label = f"{t(f'console.kpi.col.{key}', 'ja')} / {t(f'console.kpi.col.{key}', 'en')}"
        typer.echo(f"  {label}: {data['display'].get(key, data[key])}")


def serve(
    host: str | None = typer.Option(
        None,
        "--host",
        help="待ち受けアドレス / address to listen on "
        "(default 127.0.0.1; 0.0.0.0 for every interface; config: host, JICHITAI_HOST)",
        show_default=False,
    ),
    port: int | None = typer.Option(
        None,
        "--port",
        help="ポート番号 / port (default 8000; config: port, JICHITAI_PORT)",
        show_default=False,
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        help="ワーカー数 / worker processes (more than 1 needs PostgreSQL)",
        show_default=True,
    ),
    log_format: str | None = typer.Option(
        None, "--log-format", help="text | json (JSON lines for a log collector)"
    ),
    forwarded_allow_ips: str | None = typer.Option(
        None,
        "--forwarded-allow-ips",
        help="reverse proxy addresses trusted for X-Forwarded-For (e.g. 127.0.0.1)",
    ),
) -> None:
    """Web サーバーを起動します / serve the web app and API.

    住民画面 /t/<団体>/、管理画面 /console、API リファレンス /docs。
    Resident pages /t/<tenant>/, staff console /console, API reference /docs."""
    import uvicorn

    from jichitai_ai.config import ConfigError, load_settings
    from jichitai_ai.ops.serving import uvicorn_options

    try:
        settings = load_settings()
        options = uvicorn_options(
            settings,
            workers=workers,
            log_format_override=log_format,
            forwarded_allow_ips=forwarded_allow_ips,
        )
    except ConfigError as exc:
        typer.echo(f"設定エラー / configuration error: {exc}", err=True)
        raise typer.Exit(2) from exc
    uvicorn.run(
        "jichitai_ai.web.main:app",
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        **options,
    )


def synonyms(
    tenant: str = typer.Option("*", "--tenant", "-t", help="* = all tenants"),
    path: Path | None = typer.Option(
        None, "--file", help="one group per line, terms separated by |"
    ),
    database_url: str | None = DatabaseOption,
) -> None:
    """同義語リストを表示・置換します / show or replace synonym groups."""
    p = platform(database_url)
    with service_errors():
        if path is None:
            with p.db.read() as session:
                tid = None if tenant == "*" else tenant_service.get_tenant(session, tenant).id
                for group in synonym_service.own_groups(session, tid):
                    sys.stdout.write(" | ".join(group) + "\n")
            return
        groups = [
            [t for t in line.split("|")]
            for line in path.read_text(encoding="utf-8-sig").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        with p.db.write() as session:
            tid = None if tenant == "*" else tenant_service.get_tenant(session, tenant).id
            count = synonym_service.replace_groups(session, tid, groups)
    print_json({"groups": count})
