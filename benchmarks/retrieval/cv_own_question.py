"""Does the entry's own question, embedded as a *query*, put more right entries in the first
three? LocalGovFAQ dev, 5-fold cross-validation × 3 shuffles (issue 12, i12al; docs/benchmarks.md
§7.40).

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/cv_own_question.py [--quick]

§7.23's templated pseudo-questions (answer nouns + 「について知りたい」, embedded with e5's
"query: " prefix, max-sim per entry) are the best corpus-only signal measured so far; §7.2b's
query–query cosine (the entry's question as a "query: ") reached the best CV SR@1 but its folds
disagreed. Both compare a resident's question with a text of its own kind. Measured here, all from
the FAQ's own entries (dev questions only choose the weights, on four folds, measured on the
fifth):

- ``own``: the entry's question embedded as a query (query–query cosine);
- ``templates``: §7.23's templates (the product's ``_pseudo_questions``);
- ``templates + own``: the entry's question as one more pseudo-question in its max-sim block
  (no new list: the same index, one more vector per entry);
- ``dense whole``: the passage cosine rescaled between the collection's lowest and the best
  cosine instead of over the 100 candidates (a candidate outside the dense top 100 keeps its
  cosine instead of 0) — a fusion normalisation, not a new signal.

Fusion is ``weighted_mix`` (lexical lists ÷ their best score, dense lists min–max over their 100
candidates, a missing candidate 0), vectorised over the weight grid; at the shipped weights
(dense .4, answer BM25 .2) it reproduces ``eval``. Metrics: SR@1, SR@3 (the three choices a 更問
shows), SR@5, MAP; weights are chosen per fold on SR@1 + SR@5 + MAP, as in §7.2c / §7.23.
Vectors come from the /tmp cache of embedding_cache.py.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.retrieval import DenseIndex, IndexDocument, LexicalIndex, passage_text
from jichitai_ai.retrieval import _pseudo_questions as pq
from jichitai_ai.retrieval.localgovfaq import load_corpus, load_qrels, load_queries
from jichitai_ai.text import Tokenizer

DATA = Path("/work/shared/eval/localgovfaq")
DEPTH = 100
STEP = 0.1
SHUFFLES = (0, 1, 2)
#: Columns of the per-query candidate matrix. "lexical" takes 1 − the other weights.
COLUMNS = (
    "lexical",
    "dense",
    "answer BM25",
    "templates",
    "own",
    "templates + own",
    "dense whole",
)
SHIPPED = {"dense": 0.4, "answer BM25": 0.2}


def _minmax_list(scores: np.ndarray, depth: int) -> np.ndarray:
    """weighted_mix's dense normalisation: min–max over the top ``depth``, others 0."""
    top = np.argsort(-scores, kind="stable")[:depth]
    out = np.zeros_like(scores)
    hi, lo = scores[top].max(), scores[top].min()
    out[top] = (scores[top] - lo) / (hi - lo) if hi > lo else 1.0
    return out


def _lexical_list(scores: np.ndarray, depth: int) -> np.ndarray:
    """weighted_mix's lexical normalisation: the top ``depth`` ÷ the best score, others 0."""
    out = np.zeros_like(scores)
    top = np.argsort(-scores, kind="stable")[:depth]
    top = top[scores[top] > 0]
    if top.size:
        out[top] = scores[top] / scores[top].max()
    return out


def _maxsim(blocks: list[np.ndarray]) -> pq.PseudoQuestionIndex:
    """The product's max-sim index: per entry, its best vector's cosine (−2 for none)."""
    return pq.PseudoQuestionIndex(list(range(len(blocks))), blocks, dim=384)


def _grid(free: Sequence[str], fixed: dict[str, float] | None = None) -> np.ndarray:
    """Weight vectors over ``free`` (step 0.1) with ``fixed`` ones held; lexical the rest."""
    fixed = fixed or {}
    values = [round(x * STEP, 2) for x in range(int(1 / STEP))]
    rows = []
    for combo in itertools.product(values, repeat=len(free)):
        if sum(combo) + sum(fixed.values()) > 0.9 + 1e-9:
            continue
        w = np.zeros(len(COLUMNS))
        for name, v in fixed.items():
            w[COLUMNS.index(name)] = v
        for name, v in zip(free, combo, strict=True):
            w[COLUMNS.index(name)] = v
        w[0] = 1.0 - w.sum()
        rows.append(w)
    shipped = np.zeros(len(COLUMNS))
    for name, v in SHIPPED.items():
        shipped[COLUMNS.index(name)] = v
    shipped[0] = 1.0 - shipped.sum()
    if all(SHIPPED.get(c, 0) == 0 or c in free or c in fixed for c in COLUMNS[1:]) and not any(
        np.allclose(r, shipped) for r in rows
    ):
        rows.append(shipped)
    return np.stack(rows)


def _metrics(matrix: np.ndarray, relevant: np.ndarray, grid: np.ndarray, n_rel: int) -> np.ndarray:
    """(grid, 4): SR@1, SR@3, SR@5, MAP of each weight vector; candidates sorted by doc id so a
    stable sort breaks ties as weighted_mix does; a candidate no weighted list scored is not
    ranked (as in weighted_mix); AP over all ``n_rel`` judged entries."""
    fused = matrix @ grid.T  # (candidates, grid)
    order = np.argsort(-fused, axis=0, kind="stable")
    rel = relevant[order] & (np.take_along_axis(fused, order, axis=0) > 0)
    hits = np.cumsum(rel, axis=0)
    ranks = np.arange(1, rel.shape[0] + 1)[:, None]
    ap = (rel * hits / ranks).sum(axis=0) / n_rel
    return np.stack(
        [rel[:1].any(axis=0), rel[:3].any(axis=0), rel[:5].any(axis=0), ap], axis=1
    ).astype(np.float64)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="no templates (embeds far less)")
    args = parser.parse_args()
    corpus = load_corpus(DATA)
    queries, qrels = load_queries(DATA), load_qrels(DATA)
    keys = sorted(k for k in queries if k in qrels)
    ids = [e.faq_id for e in corpus]
    assert ids == list(range(len(ids)))
    lexical = LexicalIndex.build(
        [IndexDocument(e.faq_id, {"question": e.question, "answer": e.body}) for e in corpus]
    )
    t0 = time.process_time()
    passages = cached_embed([passage_text(e.question, (), e.body) for e in corpus], "passage")
    qvec = cached_embed([queries[k] for k in keys], "query")
    own = cached_embed([e.question for e in corpus], "query")
    print(f"passages, questions, own questions embedded: {time.process_time() - t0:.0f} s CPU")
    if args.quick:
        templates: list[list[str]] = [[] for _ in corpus]
    else:
        t0 = time.process_time()
        templates = pq.pseudo_questions([e.body for e in corpus], Tokenizer().compound_nouns)
        print(f"{sum(map(len, templates))} templates, {time.process_time() - t0:.0f} s CPU")
    t0 = time.process_time()
    flat = cached_embed([t for ts in templates for t in ts], "query") if not args.quick else None
    blocks: list[np.ndarray] = []
    start = 0
    for ts in templates:
        blocks.append(flat[start : start + len(ts)] if flat is not None else np.zeros((0, 384)))
        start += len(ts)
    print(f"templates embedded: {time.process_time() - t0:.0f} s CPU")
    with_own = [np.vstack([b, own[i : i + 1]]) for i, b in enumerate(blocks)]
    dense_index = DenseIndex(ids, passages)
    n = len(ids)
    by_template = _maxsim(blocks)
    by_own = _maxsim([own[i : i + 1] for i in range(n)])
    by_both = _maxsim(with_own)
    per_query = []
    for qi, k in enumerate(keys):
        terms = lexical.query_terms(queries[k])
        lex = np.zeros(n)
        for d in lexical.search(terms, DEPTH):
            lex[d.doc_id] = d.score
        ans = np.zeros(n)
        for d in lexical.search(terms, DEPTH, field="answer"):
            ans[d.doc_id] = d.score
        cos = np.full(n, -2.0)
        for d in dense_index.search(qvec[qi], n):
            cos[d.doc_id] = d.score
        tmpl = by_template.scores(qvec[qi]).astype(np.float64)
        own_cos = by_own.scores(qvec[qi]).astype(np.float64)
        both = by_both.scores(qvec[qi]).astype(np.float64)
        dtop = np.argsort(-cos, kind="stable")[:DEPTH]
        # dense whole: rescaled between the collection's lowest cosine and the best
        whole = (cos - cos.min()) / (cos.max() - cos.min())
        cols = [
            _lexical_list(lex, DEPTH),
            _minmax_list(cos, DEPTH),
            _lexical_list(ans, DEPTH),
            _minmax_list(tmpl, DEPTH) if not args.quick else np.zeros(n),
            _minmax_list(own_cos, DEPTH),
            _minmax_list(both, DEPTH),
            whole,
        ]
        matrix = np.stack(cols, axis=1)
        # candidates: any entry some list scored (dense whole scores every entry: keep the
        # shipped candidates plus the union of the other lists' top 100)
        cand = np.flatnonzero(matrix[:, :6].sum(axis=1) > 0)
        cand = np.union1d(cand, dtop)
        relevant = np.array([qrels[k].get(int(d), 0) > 0 for d in cand])
        per_query.append((matrix[cand], relevant, len([g for g in qrels[k].values() if g > 0])))
    configs = {
        "shipped signals (dense, answer BM25)": ["dense", "answer BM25"],
        "+ own question (query–query)": ["dense", "answer BM25", "own"],
        "dense normalised over the collection": ["dense whole", "answer BM25"],
        "+ own question, answer BM25 held at .2": ["dense", "own"],
        "dense normalised over the collection + own question": [
            "dense whole",
            "answer BM25",
            "own",
        ],
    }
    fixed_of = {"+ own question, answer BM25 held at .2": {"answer BM25": 0.2}}
    at_weights = {
        "+ own question (query–query)": {"dense": 0.3, "answer BM25": 0.2, "own": 0.2},
    }
    if not args.quick:
        configs |= {
            "+ templates (§7.23)": ["dense", "answer BM25", "templates"],
            "+ templates + own, one max-sim list": ["dense", "answer BM25", "templates + own"],
            "+ templates, + own as its own list": ["dense", "answer BM25", "templates", "own"],
        }
    reference = "shipped signals (dense, answer BM25)"
    held_out: dict[str, np.ndarray] = {}
    for name, free in configs.items():
        t0 = time.process_time()
        grid = _grid(free, fixed_of.get(name))
        table = []
        for matrix, relevant, n_rel in per_query:
            table.append(_metrics(matrix, relevant, grid, n_rel))
        tab = np.stack(table)  # (queries, grid, 4)
        score = tab[:, :, [0, 2, 3]].sum(axis=2)  # SR@1 + SR@5 + MAP
        held = np.zeros((len(SHUFFLES), len(keys), 4))
        picks = []
        for s, seed in enumerate(SHUFFLES):
            parts = np.array_split(np.random.RandomState(seed).permutation(len(keys)), 5)
            for f, test in enumerate(parts):
                train = np.concatenate([p for g, p in enumerate(parts) if g != f])
                best = int(np.argmax(score[train].mean(axis=0)))
                picks.append(tuple(round(float(grid[best][COLUMNS.index(c)]), 1) for c in free))
                held[s, test] = tab[test, best]
        held_out[name] = held
        per_seed = held.mean(axis=1)
        mean, spread = per_seed.mean(axis=0), per_seed.max(axis=0) - per_seed.min(axis=0)
        best_all = int(np.argmax(score.mean(axis=0)))
        ship = [
            j
            for j, w in enumerate(grid)
            if all(abs(w[COLUMNS.index(c)] - SHIPPED.get(c, 0.0)) < 1e-9 for c in COLUMNS[1:])
        ]
        at_shipped = tab[:, ship[0]].mean(axis=0).round(3) if ship else None
        print(
            f"{name}: CV×{len(SHUFFLES)} SR@1 {mean[0]:.3f} SR@3 {mean[1]:.3f} "
            f"SR@5 {mean[2]:.3f} MAP {mean[3]:.3f} (spread {spread[0]:.3f}/{spread[1]:.3f}/"
            f"{spread[2]:.3f}/{spread[3]:.3f}); per shuffle SR@3 {per_seed[:, 1].round(3)}; "
            f"best on all dev {tuple(round(float(grid[best_all][COLUMNS.index(c)]), 1) for c in free)}"
            f" {tab[:, best_all].mean(axis=0).round(3)}; at shipped weights {at_shipped}; "
            f"fold picks {Counter(picks).most_common(4)}; {time.process_time() - t0:.0f} s CPU"
        )
        for weights in [at_weights[name]] if name in at_weights else []:
            j = next(
                j
                for j, w in enumerate(grid)
                if all(abs(w[COLUMNS.index(c)] - weights.get(c, 0.0)) < 1e-9 for c in COLUMNS[1:])
            )
            print(f"  at {weights} on all dev: {tab[:, j].mean(axis=0).round(3)}")
        if name != reference:
            diff = held - held_out[reference]
            better, worse = (diff > 0).sum(axis=(0, 1)), (diff < 0).sum(axis=(0, 1))
            print(
                f"  vs shipped, question × shuffle: SR@1 +{better[0]} −{worse[0]}, "
                f"SR@3 +{better[1]} −{worse[1]}, SR@5 +{better[2]} −{worse[2]}"
            )


if __name__ == "__main__":
    main()
