import numpy as np
import pytest

from jichitai_ai.retrieval import BM25Params, IndexDocument, LexicalIndex
from jichitai_ai.text import SynonymSet, Tokenizer


def test_ranks_the_matching_entry_first(
    documents: list[IndexDocument], tokenizer: Tokenizer
) -> None:
    index = LexicalIndex.build(documents, tokenizer=tokenizer)
    assert index.search("粗大ごみはどうやって出せばいいですか", 3)[0].doc_id == 3
    assert index.search("子どもの手当の申請", 3)[0].doc_id == 4
    assert index.search("ｲﾇを飼い始めた", 3)[0].doc_id == 5  # half-width query


def test_scores_are_sorted_and_k_limits(
    documents: list[IndexDocument], tokenizer: Tokenizer
) -> None:
    index = LexicalIndex.build(documents, tokenizer=tokenizer)
    hits = index.search("市民課の窓口で取得したい", 2)
    assert len(hits) == 2
    assert hits[0].score >= hits[1].score > 0
    assert index.search("全く関係のない宇宙旅行", 5) == []


def test_visibility_restriction(documents: list[IndexDocument], tokenizer: Tokenizer) -> None:
    index = LexicalIndex.build(documents, tokenizer=tokenizer)
    hits = index.search("住民票の写しを取得", 5, allowed={2, 6})
    assert hits and {h.doc_id for h in hits} <= {2, 6}
    mask = index.allowed_mask([1])
    assert [h.doc_id for h in index.search("住民票の写しを取得", 5, allowed=mask)] == [1]


def test_idf_prefers_rare_terms(tokenizer: Tokenizer) -> None:
    docs = [IndexDocument(i, {"question": "申請 手続き"}) for i in range(10)]
    docs.append(IndexDocument(99, {"question": "申請 狂犬病"}))
    index = LexicalIndex.build(docs, tokenizer=tokenizer)
    assert index.search("狂犬病の申請", 1)[0].doc_id == 99


def test_field_weights_and_bm25f(documents: list[IndexDocument], tokenizer: Tokenizer) -> None:
    answer_only = BM25Params(field_weights={"answer": 1.0})
    index = LexicalIndex.build(documents, answer_only, tokenizer=tokenizer)
    assert index.search("狂犬病予防注射", 1)[0].doc_id == 5
    question_only = LexicalIndex.build(documents, BM25Params(field_weights={"question": 1.0}))
    assert question_only.search("狂犬病予防注射", 1) == []
    bm25f = LexicalIndex.build(documents, BM25Params(combination="bm25f"), tokenizer=tokenizer)
    assert bm25f.search("印鑑登録証明書", 1)[0].doc_id == 6


def test_hand_computed_bm25_score(tokenizer: Tokenizer) -> None:
    docs = [
        (1, {"question": ["a", "b"]}),
        (2, {"question": ["b", "c", "c", "d"]}),
    ]
    p = BM25Params(k1=1.2, b=0.75, field_weights={"question": 1.0})
    index = LexicalIndex(docs, p, tokenizer=tokenizer)
    idf = np.log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    norm = 1 - 0.75 + 0.75 * 4 / 3
    tf = 2 / norm
    expected = idf * tf * 2.2 / (1.2 + tf)
    assert index.search(["c"], 1)[0].score == pytest.approx(expected, rel=1e-5)


def test_synonyms_make_a_query_match(tokenizer: Tokenizer, documents: list[IndexDocument]) -> None:
    plain = LexicalIndex.build(documents, tokenizer=tokenizer)
    assert plain.search("ワンちゃん", 3) == []
    syn = SynonymSet([["マイナカード", "マイナンバーカード"], ["ワンちゃん", "犬"]], tokenizer)
    index = LexicalIndex.build(documents, tokenizer=tokenizer, synonyms=syn)
    assert index.search("ワンちゃん", 1)[0].doc_id == 5
    before = plain.search("マイナカード", 5)
    after = index.search("マイナカード", 5)
    assert after[0].doc_id == 2
    assert after[0].score > next(h.score for h in before if h.doc_id == 2)


def test_duplicate_ids_rejected(tokenizer: Tokenizer) -> None:
    with pytest.raises(ValueError):
        LexicalIndex([(1, {"question": ["a"]}), (1, {"question": ["b"]})], tokenizer=tokenizer)


def test_alternative_phrasings_are_searched(tokenizer: Tokenizer) -> None:
    docs = [
        IndexDocument(
            1,
            {
                "question": "転入届の手続き",
                "alternatives": "引っ越してきた\n住所を移したい",
                "answer": "市民課で届け出てください。",
            },
        ),
        IndexDocument(
            2, {"question": "転出届の手続き", "answer": "市外へ移る前に届け出てください。"}
        ),
        IndexDocument(3, {"question": "ごみの分別", "answer": "分別表をご覧ください。"}),
    ]
    index = LexicalIndex.build(docs, tokenizer=tokenizer)
    assert index.search("引っ越してきました", 1)[0].doc_id == 1


def test_k_zero_and_empty_query(documents: list[IndexDocument], tokenizer: Tokenizer) -> None:
    index = LexicalIndex.build(documents, tokenizer=tokenizer)
    assert index.search("住民票", 0) == []
    assert index.search("", 5) == []
    assert index.search("のをに", 5) == []  # particles only: no content terms
