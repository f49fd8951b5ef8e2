"""Pseudo-questions made from each entry's answer (doc2query without an LLM), measured on
LocalGovFAQ dev with 5-fold cross-validation (issue 12, i12lgf; docs/benchmarks.md §7.23).

Usage: OMP_NUM_THREADS=1 PYTHONPATH=src python benchmarks/retrieval/cv_pseudo_questions.py

A resident asks about what the answer says (郵送で取れる証明書), not about the entry's title; the
answer view (§7.2b) embeds the first 400 characters as one passage, which dilutes a sentence deep
in the answer. Here every answer sentence becomes its own short pseudo-question:
- ``sentences``: each answer sentence (6+ characters, at most ``MAX_SENTENCES`` per entry),
  embedded as a *query* (e5 "query: "), so the resident's question is compared with a text of
  the same kind (query–query), and the entry scores its best sentence (max-sim);
- ``templates``: the sentence's compound nouns (Sudachi, mode C) put into a question template
  (「XのYについて知りたい」), the way the FAQ's own titles are worded, embedded the same way;
- ``pseudo BM25``: the templates' words as one more BM25 field.
Boilerplate (a text in 3+ entries: 詳しくはお問い合わせください …) is dropped. Only FAQ entries
are used to build the signals; dev questions only choose the fusion weights (on four folds,
measured on the fifth; three shuffles). Signals lexical / dense / answer BM25 are computed as
``HybridSearcher`` does, fused with ``weighted_mix`` (each list 100 deep). Vectors come from the
/tmp cache of embedding_cache.py (the first run embeds ~30k short texts, ~15 CPU min).
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.retrieval import DenseIndex, IndexDocument, LexicalIndex, ScoredDoc, passage_text
from jichitai_ai.retrieval import _pseudo_questions as pq
from jichitai_ai.retrieval._fusion import weighted_mix
from jichitai_ai.retrieval.localgovfaq import FaqText, load_corpus, load_qrels, load_queries
from jichitai_ai.retrieval.metrics import average_precision, success_at
from jichitai_ai.text import Tokenizer

DATA = Path("/work/shared/eval/localgovfaq")
DEPTH = 100
STEP = 0.1
#: The question wording around the compound nouns; ``PSEUDO_SUFFIX=""`` measures the nouns alone.
SUFFIX = os.environ.get("PSEUDO_SUFFIX", pq.SUFFIX)


def _view(ids: list[int], per_entry: list[list[str]]) -> pq.PseudoQuestionIndex:
    """The product's max-sim index over each entry's texts, embedded as queries."""
    vectors = cached_embed([t for texts in per_entry for t in texts], "query")
    ends = np.cumsum([len(texts) for texts in per_entry])[:-1]
    return pq.PseudoQuestionIndex(ids, np.split(vectors, ends), dim=vectors.shape[1])


def _metrics(ranking: list[int], qrels: dict[int, int]) -> np.ndarray:
    return np.array(
        [
            success_at(ranking, qrels, 1),
            success_at(ranking, qrels, 5),
            average_precision(ranking, qrels),
        ]
    )


SIGNALS = (
    "dense",
    "answer BM25",
    "sentences",
    "templates",
    "pseudo BM25",
    "in-links prior",
    "menu prior",
)


def priors(corpus: Sequence[FaqText]) -> tuple[dict[int, float], dict[int, float]]:
    """Two static entry priors from the FAQ itself: how many other entries list this one under
    【関連するＦＡＱ】 (log 1 + n), and whether the answer is a menu of sub-topics
    (以下のいずれについて知りたいですか: an overview entry)."""
    by_title: dict[str, list[int]] = {}
    for e in corpus:
        by_title.setdefault(e.question.strip(" 。"), []).append(e.faq_id)
    inlinks: Counter[int] = Counter()
    for e in corpus:
        for line in e.related.splitlines():
            for target in by_title.get(line.strip(" 。"), []):
                if target != e.faq_id:
                    inlinks[target] += 1
    links = {d: float(np.log1p(n)) for d, n in inlinks.items()}
    menus = {e.faq_id: 1.0 for e in corpus if "いずれについて" in e.body}
    return links, menus


def _prior_list(prior: dict[int, float], candidates: set[int]) -> list[ScoredDoc]:
    """The prior over the candidates other lists found (it never brings in an entry)."""
    return [ScoredDoc(prior[d], d) for d in candidates if prior.get(d, 0.0) > 0]


def _fuse(lists: Sequence[list[ScoredDoc]], w: Sequence[float]) -> list[int]:
    lexical, dense, answer, sentences, templates, pseudo, links, menus = lists
    rest = 1.0 - sum(w)
    fused = weighted_mix(
        [(lexical, rest), (answer, w[1]), (pseudo, w[4]), (links, w[5]), (menus, w[6])],
        [(dense, w[0]), (sentences, w[2]), (templates, w[3])],
    )
    return [d.doc_id for d in fused]


def _grid(free: Sequence[int]) -> list[tuple[float, ...]]:
    """Weights of the signals in ``free`` (others 0); lexical takes the rest (≥ 0.1)."""
    values = [round(x * STEP, 2) for x in range(int(1 / STEP))]
    out = []
    for combo in itertools.product(values, repeat=len(free)):
        if sum(combo) > 0.9 + 1e-9:
            continue
        w = [0.0] * len(SIGNALS)
        for i, v in zip(free, combo, strict=True):
            w[i] = v
        out.append(tuple(w))
    return out


def main() -> None:
    corpus = load_corpus(DATA)
    queries = load_queries(DATA)
    qrels = load_qrels(DATA)
    keys = sorted(k for k in queries if k in qrels)
    ids = [e.faq_id for e in corpus]
    t0 = time.process_time()
    sentences = pq.without_boilerplate([pq.answer_sentences(e.body) for e in corpus])
    nouns = Tokenizer().compound_nouns
    templates = pq.pseudo_questions([e.body for e in corpus], nouns, SUFFIX)
    print(
        f"pseudo-questions: {sum(map(len, sentences))} sentences, "
        f"{sum(map(len, templates))} templates, {time.process_time() - t0:.1f} s CPU"
    )
    for i in (5, 10):
        print(f"  entry {ids[i]}: {corpus[i].question} → {templates[i][:4]}")
    lexical = LexicalIndex.build(
        [IndexDocument(e.faq_id, {"question": e.question, "answer": e.body}) for e in corpus]
    )
    # The templates' words as their own index (the product's BM25 fields are fixed).
    pseudo_index = LexicalIndex.build(
        [IndexDocument(i, {"question": "\n".join(t)}) for i, t in zip(ids, templates, strict=True)]
    )
    vectors = cached_embed([passage_text(e.question, (), e.body) for e in corpus], "passage")
    dense = DenseIndex(ids, vectors)
    qvec = cached_embed([queries[k] for k in keys], "query")
    views = {}
    only = os.environ.get("PSEUDO_ONLY_SENTENCES") == "1"  # quick look before templates embed
    for name, per_entry in (("sentences", sentences), ("templates", templates)):
        if only and name == "templates":
            per_entry = [[] for _ in per_entry]
        t0 = time.process_time()
        views[name] = _view(ids, per_entry)
        print(f"{name}: {len(views[name])} vectors ready, {time.process_time() - t0:.0f} s CPU")
    links, menus = priors(corpus)
    print(f"priors: {len(links)} entries linked from others, {len(menus)} menu entries")
    per_query = []
    for i, k in enumerate(keys):
        terms = lexical.query_terms(queries[k])
        lists = (
            lexical.search(terms, DEPTH),
            dense.search(qvec[i], DEPTH),
            lexical.search(terms, DEPTH, field="answer"),
            views["sentences"].search(qvec[i], DEPTH),
            views["templates"].search(qvec[i], DEPTH),
            pseudo_index.search(terms, DEPTH),
        )
        seen = {d.doc_id for docs in lists[:3] for d in docs}
        per_query.append((*lists, _prior_list(links, seen), _prior_list(menus, seen)))
    for j, name in enumerate(("sentences", "templates", "pseudo BM25"), start=3):
        alone = np.mean(
            [
                _metrics([d.doc_id for d in lists[j]], qrels[k])
                for lists, k in zip(per_query, keys, strict=True)
            ],
            axis=0,
        )
        print(f"{name} alone: SR@1 {alone[0]:.3f} SR@5 {alone[1]:.3f} MAP {alone[2]:.3f}")
    configs = {
        "shipped signals (dense, answer BM25)": [0, 1],
        "lexical + dense (before answer BM25)": [0],
        "+ sentences": [0, 1, 2],
        "+ templates": [0, 1, 3],
        "+ pseudo BM25": [0, 1, 4],
        "+ sentences + templates": [0, 1, 2, 3],
        "+ in-links prior": [0, 1, 5],
        "+ menu prior": [0, 1, 6],
    }
    if only:
        configs = {k: v for k, v in configs.items() if 3 not in v}
    shipped = (0.4, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0)
    _headroom(per_query, keys, qrels, shipped)
    held_out: dict[str, np.ndarray] = {}
    reference = "shipped signals (dense, answer BM25)"
    for name, free in configs.items():
        grid = _grid(free)
        if 1 in free and shipped not in grid:
            grid.append(shipped)
        table = np.stack(
            [
                np.stack([_metrics(_fuse(lists, w), qrels[k]) for w in grid])
                for lists, k in zip(per_query, keys, strict=True)
            ]
        )
        results, picks = [], []
        held = np.zeros((3, len(keys), 3))  # per shuffle, per question: its held-out metrics
        for seed in (0, 1, 2):
            parts = np.array_split(np.random.RandomState(seed).permutation(len(keys)), 5)
            for f, test in enumerate(parts):
                train = np.concatenate([p for g, p in enumerate(parts) if g != f])
                best = max(range(len(grid)), key=lambda j: table[train, j].mean(axis=0).sum())
                picks.append(tuple(grid[best][i] for i in free))
                held[seed, test] = table[test, best]
            results.append(held[seed].mean(axis=0))
        held_out[name] = held

        best_all = max(range(len(grid)), key=lambda j: table[:, j].mean(axis=0).sum())
        per_seed = np.stack(results)
        m, spread = per_seed.mean(axis=0), per_seed.max(axis=0) - per_seed.min(axis=0)
        at_shipped = table[:, grid.index(shipped)].mean(axis=0) if shipped in grid else None
        print(
            f"{name}: 5-fold CV ×3 SR@1 {m[0]:.3f} SR@5 {m[1]:.3f} MAP {m[2]:.3f} "
            f"(spread {spread[0]:.3f}/{spread[1]:.3f}/{spread[2]:.3f}); "
            f"best on all dev {tuple(grid[best_all][i] for i in free)} "
            f"{table[:, best_all].mean(axis=0).round(3)}; shipped weights {at_shipped}; "
            f"fold picks {Counter(picks).most_common(4)}"
        )
        if name != reference:
            diff = held - held_out[reference]
            better, worse = (diff > 0).sum(axis=(0, 1)), (diff < 0).sum(axis=(0, 1))
            print(
                f"  vs {reference}, question × shuffle: SR@1 +{better[0]} −{worse[0]}, "
                f"SR@5 +{better[1]} −{worse[1]}, AP up {better[2]} down {worse[2]}"
            )


def _headroom(
    per_query: list[tuple[list[ScoredDoc], ...]],
    keys: list[str],
    qrels: dict[str, dict[int, int]],
    shipped: tuple[float, ...],
) -> None:
    """How deep the right entry sits in the shipped fusion: the room a re-ranker has."""
    depth = {n: 0 for n in (1, 5, 10, 20, 50, 100)}
    anywhere = 0
    for lists, k in zip(per_query, keys, strict=True):
        ranking = _fuse(lists, shipped)
        first = next((r for r, d in enumerate(ranking, 1) if d in qrels[k]), None)
        for n in depth:
            depth[n] += first is not None and first <= n
        anywhere += first is not None
    n = len(keys)
    shares = ", ".join(f"@{k} {v / n:.3f}" for k, v in depth.items())
    print(f"shipped fusion, right entry within: {shares}; among candidates {anywhere / n:.3f}")


if __name__ == "__main__":
    main()
