"""Choose the query–answer signals' weights on LocalGovFAQ dev with 5-fold cross-validation.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/cv_translation.py

Signals exactly as ``HybridSearcher`` computes them: BM25 over question + answer (lexical), e5
cosine to the passage (dense), BM25 of the answer field alone, and the translation language model
fitted on the FAQ's own (question, answer) pairs (retrieval._translation) over the candidates of
the other lists. Only FAQ entries are learned from; dev questions only choose four weights (on four
folds, measured on the fifth; three shuffles). Vectors come from the /tmp cache of
embedding_cache.py (the first run embeds ~2,000 texts).
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.retrieval import DenseIndex, IndexDocument, LexicalIndex, ScoredDoc, passage_text
from jichitai_ai.retrieval._fusion import weighted_mix
from jichitai_ai.retrieval._translation import TranslationScorer, faq_words
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_qrels, load_queries
from jichitai_ai.retrieval.metrics import average_precision, success_at

DATA = Path("/work/shared/eval/localgovfaq")
DEPTH = 100
STEP = 0.1

Lists = tuple[list[ScoredDoc], list[ScoredDoc], list[ScoredDoc], list[ScoredDoc]]


def _grid() -> list[tuple[float, float, float]]:
    """(dense, answer BM25, translation) weights; lexical gets the rest."""
    values = [round(x * STEP, 2) for x in range(int(1 / STEP) + 1)]
    triples = itertools.product(values, values, values)
    return [g for g in triples if sum(g) <= 0.9 + 1e-9]


def _fuse(lists: Lists, w: tuple[float, float, float]) -> list[int]:
    lexical, dense, answer, translated = lists
    rest = 1.0 - sum(w)
    fused = weighted_mix([(lexical, rest), (answer, w[1])], [(dense, w[0]), (translated, w[2])])
    return [d.doc_id for d in fused]


def _metrics(ranking: list[int], qrels: dict[int, int]) -> np.ndarray:
    return np.array(
        [
            success_at(ranking, qrels, 1),
            success_at(ranking, qrels, 5),
            average_precision(ranking, qrels),
        ]
    )


def main() -> None:
    corpus = load_corpus(DATA)
    queries = load_queries(DATA)
    qrels = load_qrels(DATA)
    keys = sorted(k for k in queries if k in qrels)
    docs = [IndexDocument(e.faq_id, {"question": e.question, "answer": e.body}) for e in corpus]
    lexical = LexicalIndex.build(docs)
    t0 = time.process_time()
    tokens = [lexical.tokenize(d)[1] for d in docs]
    scorer = TranslationScorer.fit(
        {d.doc_id: faq_words(t["question"], t["answer"]) for d, t in zip(docs, tokens, strict=True)}
    )
    fitted = time.process_time() - t0
    print(f"translation table: {scorer.table.probs.shape[0]} pairs, {fitted:.1f} s CPU")
    vectors = cached_embed([passage_text(e.question, (), e.body) for e in corpus], "passage")
    dense = DenseIndex([e.faq_id for e in corpus], vectors)
    qvec = cached_embed([queries[k] for k in keys], "query")
    per_query: list[Lists] = []
    for i, k in enumerate(keys):
        terms = lexical.query_terms(queries[k])
        lex = lexical.search(terms, DEPTH)
        den = dense.search(qvec[i], DEPTH)
        ans = lexical.search(terms, DEPTH, field="answer")
        ids = list(dict.fromkeys(d.doc_id for d in (*lex, *den, *ans)))
        tr = [ScoredDoc(float(s), d) for s, d in zip(scorer.score(terms, ids), ids, strict=True)]
        per_query.append((lex, den, ans, tr))
    grid = _grid()
    table_m = np.stack(
        [
            np.stack([_metrics(_fuse(lists, w), qrels[k]) for w in grid])
            for lists, k in zip(per_query, keys, strict=True)
        ]
    )  # (queries, grid, 3)

    def at(w: tuple[float, float, float]) -> np.ndarray:
        return table_m[:, grid.index(w)].mean(axis=0)

    print("| dense | answer BM25 | translation | SR@1 | SR@5 | MAP |\n|---|---|---|---|---|---|")
    rows = [
        (0.4, 0.0, 0.0),
        (0.4, 0.2, 0.0),
        (0.4, 0.3, 0.0),
        (0.5, 0.3, 0.0),
        (0.4, 0.0, 0.1),
        (0.4, 0.0, 0.2),
    ]
    rows += [(0.4, 0.2, 0.1), (0.4, 0.3, 0.1), (0.4, 0.2, 0.2), (0.5, 0.1, 0.3)]
    for w in rows:
        m = at(w)
        print(f"| {w[0]} | {w[1]} | {w[2]} | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} |")
    subsets = {
        "lexical + dense (shipped before)": [g for g in grid if g[1] == 0 and g[2] == 0],
        "+ answer BM25": [g for g in grid if g[2] == 0],
        "+ translation LM": [g for g in grid if g[1] == 0],
        "+ answer BM25 + translation LM": grid,
        "lexical only + answer BM25 + translation LM": [g for g in grid if g[0] == 0],
        "lexical only": [(0.0, 0.0, 0.0)],
    }
    for name, cands in subsets.items():
        idx = [grid.index(g) for g in cands]
        results, picks = [], []
        for seed in (0, 1, 2):
            parts = np.array_split(np.random.RandomState(seed).permutation(len(keys)), 5)
            total = np.zeros(3)
            for f, test in enumerate(parts):
                train = np.concatenate([p for g, p in enumerate(parts) if g != f])
                best = max(idx, key=lambda j: table_m[train, j].mean(axis=0).sum())
                picks.append(grid[best])
                total += table_m[test, best].sum(axis=0)
            results.append(total / len(keys))
        best_all = max(idx, key=lambda j: table_m[:, j].mean(axis=0).sum())
        print(
            f"best on all dev, {name}: {grid[best_all]} {table_m[:, best_all].mean(axis=0).round(3)}"
        )
        per_seed = np.stack(results)
        m, spread = per_seed.mean(axis=0), per_seed.max(axis=0) - per_seed.min(axis=0)
        print(
            f"5-fold CV ×3, {name}: SR@1 {m[0]:.3f} SR@5 {m[1]:.3f} MAP {m[2]:.3f} "
            f"(seed spread {spread[0]:.3f}/{spread[1]:.3f}/{spread[2]:.3f}); picks {sorted(set(picks))}"
        )


if __name__ == "__main__":
    main()
