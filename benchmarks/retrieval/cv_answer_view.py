"""Choose the answer-view weight on LocalGovFAQ dev with 5-fold cross-validation.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/cv_answer_view.py

Signals as the product computes them: BM25 over question + answer (lexical / its best score),
e5 cosine to the passage (question + first answer sentence) and to the answer's first 400
characters (each rescaled over its top 100). Prints every (dense, answer) weight pair on all dev
questions, then 5-fold CV: weights chosen on four folds, measured on the fifth. Vectors come from
the /tmp cache of embedding_cache.py (first run embeds ~3,800 texts: tens of minutes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.retrieval import IndexDocument, LexicalIndex, passage_text
from jichitai_ai.retrieval._hybrid import answer_text
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_qrels, load_queries

DATA = Path("/work/shared/eval/localgovfaq")
DEPTH = 100
GRID = [(d, a) for d in (0.2, 0.3, 0.4, 0.5) for a in (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)]


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)


def _lexnorm(s: np.ndarray) -> np.ndarray:
    floor = np.sort(s, axis=1)[:, -DEPTH][:, None]
    top = np.maximum(s.max(axis=1, keepdims=True), 1e-9)
    return np.where((s >= floor) & (s > 0), s / top, 0.0)


def _densenorm(c: np.ndarray) -> np.ndarray:
    top = np.sort(c, axis=1)[:, -DEPTH:]
    lo, hi = top[:, :1], top[:, -1:]
    return np.where(c >= lo, (c - lo) / np.maximum(hi - lo, 1e-9), 0.0)


def _metrics(scores: np.ndarray, rel: np.ndarray) -> np.ndarray:
    order = np.argsort(-scores, axis=1, kind="stable")
    hits = np.take_along_axis(rel, order, axis=1)
    precision = np.cumsum(hits, axis=1) / np.arange(1, hits.shape[1] + 1)
    ap = (precision * hits).sum(axis=1) / np.maximum(hits.sum(axis=1), 1)
    return np.array([hits[:, 0].mean(), hits[:, :5].any(axis=1).mean(), ap.mean()])


def main() -> None:
    corpus = load_corpus(DATA)
    queries = load_queries(DATA)
    qrels = load_qrels(DATA)
    keys = sorted(k for k in queries if k in qrels)
    rel = np.zeros((len(keys), len(corpus)), dtype=bool)
    for i, k in enumerate(keys):
        rel[i, [d for d, g in qrels[k].items() if g > 0]] = True
    docs = [IndexDocument(e.faq_id, {"question": e.question, "answer": e.body}) for e in corpus]
    lexical = LexicalIndex.build(docs)
    lex = _lexnorm(np.stack([lexical.score_terms(lexical.query_terms(queries[k])) for k in keys]))
    q = _unit(cached_embed([queries[k] for k in keys], "query"))
    pas = _unit(cached_embed([passage_text(e.question, (), e.body) for e in corpus], "passage"))
    ans = _unit(cached_embed([answer_text(e.body) for e in corpus], "passage"))
    dense, answer = _densenorm(q @ pas.T), _densenorm(q @ ans.T)
    fused = {(d, a): (1 - d - a) * lex + d * dense + a * answer for d, a in GRID}
    print("| dense | answer | SR@1 | SR@5 | MAP |\n|---|---|---|---|---|")
    for (d, a), s in fused.items():
        m = _metrics(s, rel)
        print(f"| {d} | {a} | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} |")
    parts = np.array_split(np.random.RandomState(0).permutation(len(keys)), 5)
    for name, grid in (("dense only", [g for g in GRID if g[1] == 0]), ("dense + answer", GRID)):
        total = np.zeros(3)
        chosen = []
        for f, test in enumerate(parts):
            train = np.concatenate([p for g, p in enumerate(parts) if g != f])
            best = max(grid, key=lambda g: _metrics(fused[g][train], rel[train]).sum())
            chosen.append(best)
            total += _metrics(fused[best][test], rel[test]) * len(test)
        m = total / len(keys)
        print(f"5-fold CV, {name}: SR@1 {m[0]:.3f} SR@5 {m[1]:.3f} MAP {m[2]:.3f}; chosen {chosen}")


if __name__ == "__main__":
    main()
