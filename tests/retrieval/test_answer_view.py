"""The answer view: answers embedded on their own, fused with a weighted mix."""

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
from jichitai_ai.retrieval._fusion import weighted_mix
from jichitai_ai.retrieval._hybrid import AnswerView
from jichitai_ai.text import Tokenizer
from tests.retrieval.sample_faq import FAQ


def test_weighted_mix_matches_score_mix_for_two_lists() -> None:
    rng = np.random.default_rng(5)
    for _ in range(50):
        ids = rng.permutation(30)[:12].tolist()
        lexical = [ScoredDoc(float(s), d) for s, d in zip(rng.random(8) * 9, ids[:8], strict=True)]
        dense = [ScoredDoc(float(s), d) for s, d in zip(rng.random(8), ids[4:], strict=True)]
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
    off = HybridSearcher(lexical, dense, emb, answers=AnswerView(answers, 0.0))
    on = HybridSearcher(lexical, dense, emb, answers=AnswerView(answers, 0.3))
    question = "粗大ごみを出したい"
    assert off.search(question, 5) == plain.search(question, 5)
    hits = on.search(question, 5)
    assert hits[0].doc_id == 3 and 0.0 < hits[0].score <= 1.0
    assert {h.doc_id for h in on.search(question, 5, allowed={1, 2})} <= {1, 2}
