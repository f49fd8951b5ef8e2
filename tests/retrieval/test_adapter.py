"""The per-tenant query adapter and the answer view (learned question–answer relevance)."""

import numpy as np
import pytest

from jichitai_ai.retrieval import (
    DenseIndex,
    HashingEmbedder,
    HybridSearcher,
    IndexDocument,
    LexicalIndex,
    ScoredDoc,
    passage_text,
    score_mix,
)
from jichitai_ai.retrieval._adapter import AdapterParams, adapt, train_adapter
from jichitai_ai.retrieval._embedders import l2_normalize
from jichitai_ai.retrieval._fusion import weighted_mix
from jichitai_ai.retrieval._hybrid import AnswerView
from jichitai_ai.text import Tokenizer
from tests.retrieval.sample_faq import FAQ


def _paired(n: int, dim: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Answers, and questions that are a fixed linear distortion of their answer plus noise:
    the identity ranks poorly, a learned map can undo the distortion."""
    rng = np.random.default_rng(seed)
    answers = l2_normalize(rng.standard_normal((n, dim)))
    mix = 0.3 * np.eye(dim) + rng.standard_normal((dim, dim)) / np.sqrt(dim)
    questions = l2_normalize(answers @ mix + 0.5 * rng.standard_normal((n, dim)) / np.sqrt(dim))
    return questions, answers


def _top1(questions: np.ndarray, answers: np.ndarray, w: np.ndarray | None) -> float:
    scores = adapt(questions, w) @ answers.T
    return float((scores.argmax(axis=1) == np.arange(len(questions))).mean())


def test_adapter_learns_the_pairing_and_generalises_to_unseen_pairs() -> None:
    questions, answers = _paired(600, 32, seed=3)
    train, test = slice(0, 400), slice(400, 600)
    w = train_adapter(questions[train], answers[train], AdapterParams(steps=300, batch=200))
    assert w is not None and w.shape == (32, 32)
    before, after = _top1(questions[test], answers[test], None), _top1(
        questions[test], answers[test], w
    )
    # Held-out pairs the adapter never saw: a real gain, not memorisation.
    assert before < 0.3 and after > 0.8, (before, after)


def test_adapter_is_deterministic_and_refuses_tiny_faqs() -> None:
    questions, answers = _paired(60, 16, seed=1)
    params = AdapterParams(steps=20)
    first, second = train_adapter(questions, answers, params), train_adapter(
        questions, answers, params
    )
    assert first is not None and second is not None
    np.testing.assert_array_equal(first, second)
    assert train_adapter(questions[:5], answers[:5]) is None
    assert train_adapter(questions, answers[:30]) is None


def test_adapt_without_adapter_only_normalises() -> None:
    v = np.array([[3.0, 4.0]], dtype=np.float32)
    np.testing.assert_allclose(adapt(v, None), [[0.6, 0.8]], rtol=1e-6)


def test_weighted_mix_matches_score_mix_for_two_lists() -> None:
    rng = np.random.default_rng(5)
    for _ in range(50):
        ids = rng.permutation(30)[:12].tolist()
        lexical = [ScoredDoc(float(s), d) for s, d in zip(rng.random(8) * 9, ids[:8])]
        dense = [ScoredDoc(float(s), d) for s, d in zip(rng.random(8), ids[4:])]
        w = float(rng.random())
        expected = score_mix(lexical, dense, w)
        got = weighted_mix([(lexical, 1 - w)], [(dense, w)])
        assert [d.doc_id for d in got] == [d.doc_id for d in expected]
        assert [d.score for d in got] == pytest.approx([d.score for d in expected])


def test_answer_view_joins_the_fusion_and_keeps_visibility(
    documents: list[IndexDocument], tokenizer: Tokenizer
) -> None:
    emb = HashingEmbedder(dim=512, tokenizer=tokenizer)
    ids = list(FAQ)
    dense = DenseIndex.build(ids, [passage_text(FAQ[i][0], (), FAQ[i][1]) for i in ids], emb)
    answers = DenseIndex(ids, emb.embed_passages([FAQ[i][1] for i in ids]))
    lexical = LexicalIndex.build(documents, tokenizer=tokenizer)
    plain = HybridSearcher(lexical, dense, emb)
    off = HybridSearcher(lexical, dense, emb, answers=AnswerView(answers, None, 0.0))
    on = HybridSearcher(lexical, dense, emb, answers=AnswerView(answers, None, 0.3))
    question = "粗大ごみを出したい"
    assert off.search(question, 5) == plain.search(question, 5)
    hits = on.search(question, 5)
    assert hits[0].doc_id == 3 and 0.0 < hits[0].score <= 1.0
    assert {h.doc_id for h in on.search(question, 5, allowed={1, 2})} <= {1, 2}
