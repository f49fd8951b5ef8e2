"""Retrieval evaluation on a passages/queries/qrels set (JSQuAD retrieval format) through the
same index as production search; metrics from :mod:`jichitai_ai.retrieval.metrics`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from jichitai_ai.documents._index import ChunkRecord, DocIndex, Mode
from jichitai_ai.retrieval import Embedder, metrics
from jichitai_ai.text import Tokenizer


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(
    passages: dict[str, dict[str, str]],
    queries: dict[str, str],
    qrels: dict[str, dict[str, int]],
    *,
    mode: Mode = "lexical",
    embedder: Embedder | None = None,
    k: int = 10,
) -> dict[str, Any]:
    """Index title + text of every passage, rank all of them for each query, report @10 metrics."""
    ids = list(passages)
    records = [
        ChunkRecord(i, i, 1, p.get("title", ""), "txt", "", "", p.get("text", ""))
        for i, p in enumerate(passages.values())
    ]
    started = time.perf_counter()
    index = DocIndex.build(records, Tokenizer(), embedder=embedder if mode != "lexical" else None)
    build_seconds = time.perf_counter() - started
    rankings: dict[str, list[int]] = {}
    latencies: list[float] = []
    for qid, question in queries.items():
        t0 = time.perf_counter()
        hits = index.search(question, k, mode=mode)
        latencies.append(time.perf_counter() - t0)
        rankings[qid] = [h.record.id for h in hits]
    position = {pid: i for i, pid in enumerate(ids)}
    judged = {
        qid: {position.get(pid, -1): grade for pid, grade in rel.items()}
        for qid, rel in qrels.items()
        if qid in queries
    }
    report = metrics.jsquad_report(rankings, judged)
    lat = metrics.latency_percentiles(latencies, (50, 95))
    return {
        "ndcg@10": round(report["nDCG@10"], 4),
        "recall@10": round(report["Recall@10"], 4),
        "mrr@10": round(report["MRR@10"], 4),
        "latency_ms_p50": round(lat["p50"], 3),
        "latency_ms_p95": round(lat["p95"], 3),
        "queries": len(rankings),
        "passages": len(records),
        "index_build_seconds": round(build_seconds, 2),
        "mode": mode,
    }
