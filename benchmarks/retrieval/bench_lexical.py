"""Latency, throughput and memory of LexicalIndex at 10k and 100k entries.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/bench_lexical.py [--sizes 10000 100000]

Synthetic entries are recombined from LocalGovFAQ token lists (question of one entry, answer
bodies of two others), so term statistics stay realistic. Queries are the 225 dev questions;
the first pass tokenises each query cold (query cache cleared), which is what is reported.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jichitai_ai.retrieval import LexicalIndex
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_queries
from jichitai_ai.retrieval.metrics import latency_percentiles
from jichitai_ai.text import Tokenizer

DATA = Path("/work/shared/eval/localgovfaq")


def rss_mb() -> float:
    """Current resident set size from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    tok = Tokenizer()
    corpus = load_corpus(DATA)
    queries = list(load_queries(DATA).values())
    t0 = time.perf_counter()
    qtok = [tok.tokenize(e.question) for e in corpus]
    atok = [tok.tokenize(e.body) for e in corpus]
    tok_s = time.perf_counter() - t0
    chars = sum(len(e.question) + len(e.body) for e in corpus)
    print(f"tokenise {len(corpus)} entries ({chars} chars): {tok_s:.2f} s")
    n0 = len(corpus)
    print(
        "| entries | build s | RSS growth MB | p50 ms | p95 ms | p99 ms | queries/s (cold) | queries/s (cached) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        gc.collect()
        before = rss_mb()
        t0 = time.perf_counter()
        docs = (
            (
                i,
                {
                    "question": qtok[i % n0],
                    "answer": atok[(i * 7 + 3) % n0] + atok[(i * 13 + 5) % n0],
                },
            )
            for i in range(size)
        )
        index = LexicalIndex(docs, tokenizer=tok)
        build_s = time.perf_counter() - t0
        gc.collect()
        grown = rss_mb() - before
        tok.clear_query_cache()
        lat = []
        t_all = time.perf_counter()
        for q in queries:
            t = time.perf_counter()
            index.search(q, 10)
            lat.append(time.perf_counter() - t)
        cold_qps = len(queries) / (time.perf_counter() - t_all)
        t_all = time.perf_counter()
        for q in queries:
            index.search(q, 10)
        warm_qps = len(queries) / (time.perf_counter() - t_all)
        p = latency_percentiles(lat)
        print(
            f"| {size} | {build_s:.1f} | {grown:.0f} | {p['p50']:.2f} | {p['p95']:.2f} | "
            f"{p['p99']:.2f} | {cold_qps:.0f} | {warm_qps:.0f} |"
        )
        del index


if __name__ == "__main__":
    main()
