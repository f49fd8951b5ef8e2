from jichitai_ai.retrieval import (
    DenseIndex,
    HashingEmbedder,
    HybridSearcher,
    IndexDocument,
    LexicalIndex,
    first_sentence,
    passage_text,
)
from jichitai_ai.retrieval.localgovfaq import parse_entry
from jichitai_ai.text import Tokenizer
from tests.retrieval.sample_faq import FAQ


def test_hybrid_search_fuses_and_respects_visibility(
    documents: list[IndexDocument], tokenizer: Tokenizer
) -> None:
    emb = HashingEmbedder(dim=512, tokenizer=tokenizer)
    ids = list(FAQ)
    dense = DenseIndex.build(ids, [passage_text(FAQ[i][0], (), FAQ[i][1]) for i in ids], emb)
    searcher = HybridSearcher(LexicalIndex.build(documents, tokenizer=tokenizer), dense, emb)
    hits = searcher.search("粗大ごみを出したい", 3)
    assert hits[0].doc_id == 3 and 0.0 < hits[0].score <= 1.0
    assert {h.doc_id for h in searcher.search("粗大ごみを出したい", 5, allowed={1, 2})} <= {1, 2}
    lexical_only = HybridSearcher(LexicalIndex.build(documents, tokenizer=tokenizer))
    assert lexical_only.search("粗大ごみを出したい", 1)[0].doc_id == 3


def test_passage_text_uses_first_answer_sentence() -> None:
    assert first_sentence("■転入届の手続きです。必要なものは…") == "転入届の手続きです。"
    text = passage_text("転入したい", ["引っ越してきた"], "■転入届の手続きです。必要なものは…")
    assert text == "転入したい\n引っ越してきた\n転入届の手続きです。"


def test_parse_localgovfaq_entry() -> None:
    raw = (
        "Question: 犬を飼い始めたら？\nAnswer: ■登録が必要です。＜改＞。【関連するＦＡＱ】。"
        "狂犬病の予防注射について。＜改＞。【お問い合わせ】。動物愛護センター。電話０００－０００\n"
    )
    e = parse_entry(7, raw)
    assert e.question == "犬を飼い始めたら？"
    assert e.body == "■登録が必要です"
    assert e.related == "狂犬病の予防注射について"
    assert e.contact.startswith("動物愛護センター")
    assert e.to_document().fields["answer"] == e.body
