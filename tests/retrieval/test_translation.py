"""Translation language model (IBM Model 1 on the FAQ's own pairs): checked against a brute-force
re-implementation written from the formulas, not from the module's code."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict

import numpy as np
import pytest

from jichitai_ai.retrieval import HashingEmbedder, HybridSearcher, IndexDocument, LexicalIndex
from jichitai_ai.retrieval._dense import DenseIndex
from jichitai_ai.retrieval._hybrid import AnswerRelevance
from jichitai_ai.retrieval._translation import (
    TranslationScorer,
    TranslationTable,
    faq_pairs,
    faq_words,
)


def _brute_ibm1(
    pairs: list[tuple[list[str], list[str]]], iterations: int
) -> dict[tuple[str, str], float]:
    """Textbook IBM Model 1 EM with dictionaries; None is the empty source word."""
    t: dict[tuple[str | None, str], float] = defaultdict(lambda: 1.0)
    for _ in range(iterations):
        count: dict[tuple[str | None, str], float] = defaultdict(float)
        total: dict[str | None, float] = defaultdict(float)
        for source, target in pairs:
            sources: list[str | None] = [None, *sorted(set(source))]
            for f in target:
                z = sum(t[(e, f)] for e in sources)
                for e in sources:
                    c = t[(e, f)] / z
                    count[(e, f)] += c
                    total[e] += c
        t = defaultdict(float, {(e, f): c / total[e] for (e, f), c in count.items()})
    return {(e, f): p for (e, f), p in t.items() if e is not None}


def _random_faq(seed: int, n: int = 12) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(30)]
    docs = {}
    for d in range(n):
        q = [rng.choice(words) for _ in range(rng.randint(1, 4))]
        a = [rng.choice(words) for _ in range(rng.randint(0, 8))]
        docs[100 + d] = faq_words(q, a)
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_table_matches_textbook_em(seed: int) -> None:
    docs = _random_faq(seed)
    pairs = [(list(s), list(t)) for s, t in faq_pairs(docs.values())]
    table = TranslationTable.fit(pairs, iterations=5, top=1000, min_probability=0.0)
    brute = _brute_ibm1(pairs, 5)
    names = {i: w for w, i in table.vocabulary.items()}
    mine = {}
    for word, w in table.vocabulary.items():
        sources, probs = table.sources_of(w)
        for s, p in zip(sources, probs, strict=True):
            mine[(names[int(s)], word)] = float(p)
    assert set(mine) == {k for k, p in brute.items() if p > 0}
    for key, p in brute.items():
        assert mine[key] == pytest.approx(p, rel=1e-5), key


def test_a_consistent_association_is_learned() -> None:
    # 駆除 appears in every answer whose question says 蜂, and nowhere else.
    pairs = [
        (["蜂", "巣"], ["駆除", "業者"]),
        (["蜂", "刺す"], ["駆除", "病院"]),
        (["犬", "登録"], ["登録", "窓口"]),
        (["ごみ", "出す"], ["曜日", "窓口"]),
    ]
    table = TranslationTable.fit(faq_pairs([(a, q) for q, a in pairs]))
    sources, probs = table.sources_of(table.vocabulary["駆除"])
    best = table.vocabulary
    ranked = sorted(zip(probs.tolist(), sources.tolist(), strict=True), reverse=True)
    assert ranked[0][1] == best["蜂"]


def test_table_is_deterministic_and_pruned() -> None:
    docs = _random_faq(7, 40)
    a = TranslationTable.fit(faq_pairs(docs.values()), top=3, min_probability=0.05)
    b = TranslationTable.fit(faq_pairs(docs.values()), top=3, min_probability=0.05)
    assert np.array_equal(a.probs, b.probs) and np.array_equal(a.sources, b.sources)
    assert (a.probs >= 0.05).all()
    assert max(Counter(a.sources.tolist()).values()) <= 3


def test_empty_input_gives_an_empty_table() -> None:
    table = TranslationTable.fit([])
    scorer = TranslationScorer(table, {})
    assert scorer.score(["何か"], [1]).tolist() == [0.0]


@pytest.mark.parametrize("seed", [4, 5])
def test_scores_match_the_translation_lm_formula(seed: int) -> None:
    docs = _random_faq(seed, 15)
    scorer = TranslationScorer.fit(docs)
    table = scorer.table
    names = {i: w for w, i in table.vocabulary.items()}
    trans: dict[tuple[str, str], float] = {}
    for word, w in table.vocabulary.items():
        for s, p in zip(*table.sources_of(w), strict=True):
            trans[(word, names[int(s)])] = float(p)
    collection = Counter(w for q, a in docs.values() for w in (*q, *a))
    size = sum(collection.values())
    query = ["w1", "w2", "w2", "w3", "unknown"]
    ids = [*docs, 999]
    got = scorer.score(query, ids)
    for doc_id, value in zip(ids, got, strict=True):
        q, a = docs.get(doc_id, ((), ()))
        words = Counter((*q, *a))
        length = sum(words.values())
        expected = 0.0
        for term in dict.fromkeys(query):
            if term not in collection:
                continue
            own = words[term] / length if length else 0.0
            translated = sum(trans.get((term, t), 0.0) * c / length for t, c in words.items())
            mixed = (1 - scorer.share) * own + scorer.share * translated
            expected += math.log(
                (length * mixed + scorer.mu * collection[term] / size) / (length + scorer.mu)
            )
        assert value == pytest.approx(expected, rel=1e-9, abs=1e-12), doc_id


def test_field_scores_match_an_index_of_that_field_alone() -> None:
    docs = [
        IndexDocument(
            1, {"question": "犬の登録", "answer": "飼い犬は登録が必要です。狂犬病の注射も。"}
        ),
        IndexDocument(
            2, {"question": "ごみの出し方", "answer": "燃えるごみは月曜日に出してください。"}
        ),
        IndexDocument(3, {"question": "犬の散歩", "answer": "ふんは持ち帰ってください。"}),
    ]
    both = LexicalIndex.build(docs)
    only = LexicalIndex.build(
        [IndexDocument(d.doc_id, {"answer": d.fields["answer"]}) for d in docs]
    )
    for query in ("犬の登録", "ごみを出す日", "狂犬病"):
        terms = both.query_terms(query)
        mine = both.score_terms(terms, field="answer")
        theirs = only.score_terms(only.query_terms(query))
        # Same BM25 arithmetic; the IDF is per index and the answer-only index has the same
        # documents, so only the answer-field statistics matter.
        assert mine == pytest.approx(theirs, rel=1e-6), query
        assert both.score_terms(terms, field="nope").tolist() == [0.0, 0.0, 0.0]


def test_answer_signals_bring_up_the_entry_whose_answer_fits() -> None:
    """A question sharing its rare words with one entry's answer but a common word and more
    with another entry's question: the question match wins without the answer signals, the
    entry whose answer covers it with them."""
    entries = {
        1: ("ハチの巣を取ってほしい", "駆除は業者に依頼してください。駆除の費用は自己負担です。"),
        2: ("ハチの種類を知りたい", "市内にはミツバチやアシナガバチがいます。"),
        3: ("犬の登録", "飼い犬の登録は生活衛生課で受け付けます。"),
    }
    docs = [IndexDocument(i, {"question": q, "answer": a}) for i, (q, a) in entries.items()]
    lexical = LexicalIndex.build(docs)
    embedder = HashingEmbedder()
    dense = DenseIndex(list(entries), embedder.embed_passages([q for q, _ in entries.values()]))
    words = {d: faq_words(f["question"], f["answer"]) for d, f in map(lexical.tokenize, docs)}
    # Three tiny entries: a Dirichlet prior of 200 words would drown them; 2 suits their size.
    scorer = TranslationScorer(TranslationScorer.fit(words).table, words, mu=2.0)
    question = "ハチの種類は知らないが駆除したい"
    plain = HybridSearcher(lexical, dense, embedder, 0.1)
    assert plain.search(question, 3)[0].doc_id == 2
    relevance = AnswerRelevance(scorer, translation_weight=0.2, answer_bm25_weight=0.4)
    with_answers = HybridSearcher(lexical, dense, embedder, 0.1, relevance=relevance)
    assert with_answers.search(question, 3)[0].doc_id == 1
    # Off (both weights 0) is exactly the plain ranking.
    off = AnswerRelevance(None, translation_weight=0.0, answer_bm25_weight=0.0)
    assert HybridSearcher(lexical, dense, embedder, 0.1, relevance=off).search(
        question, 3
    ) == plain.search(question, 3)
