"""What the 10k-entry search benchmarks share: the synthetic corpus as index documents, random
unit entry vectors and the CPU-time loop that prints p50/p95/p99 per search path.

CPU time (time.process_time), not wall time: the machine is shared. Entry vectors are random
(search cost does not depend on their values); questions are tokenised and embedded for real.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np

from jichitai_ai.benchmark.generator import generate, queries
from jichitai_ai.domain.models import FaqRecord
from jichitai_ai.retrieval import HybridSearcher, IndexDocument
from jichitai_ai.retrieval.metrics import latency_percentiles
from jichitai_ai.text import Tokenizer


def synthetic_corpus(entries: int) -> tuple[list[FaqRecord], list[IndexDocument]]:
    """The generator's entries and the index documents built from them (id = position)."""
    records = generate(entries)
    docs = [
        IndexDocument(
            i,
            {"question": r.question, "alternatives": "\n".join(r.alternatives), "answer": r.answer},
        )
        for i, r in enumerate(records)
    ]
    return records, docs


def unit_vectors(rng: np.random.Generator, n: int, dim: int = 384) -> np.ndarray:
    """Random unit vectors standing in for entry embeddings."""
    m = rng.standard_normal((n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def time_searches(
    searchers: Mapping[str, HybridSearcher],
    tokenizer: Tokenizer,
    records: list[FaqRecord],
    n_queries: int,
    title: str,
) -> None:
    """Ask every searcher the same questions (query cache cleared each time) and print a table
    of CPU ms per question."""
    qs = queries(records[:5000], n_queries)
    for s in searchers.values():
        s.search("ウォームアップ", 5)
    cpu: dict[str, list[float]] = {name: [] for name in searchers}
    for q in qs:
        for name, s in searchers.items():
            tokenizer.clear_query_cache()
            t = time.process_time()
            s.search(q, 20)
            cpu[name].append(time.process_time() - t)
    print(f"{title}{len(qs)} questions, CPU ms per question")
    print("| path | p50 | p95 | p99 |")
    print("|---|---|---|---|")
    for name, values in cpu.items():
        p = latency_percentiles(values)
        print(f"| {name} | {p['p50']:.1f} | {p['p95']:.1f} | {p['p99']:.1f} |")
