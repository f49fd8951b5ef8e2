"""Pseudo-questions from the answers: templates built at index time, their vectors cached per
entry under the ``#pseudo`` model key and reused, re-embedded when stale, fused as a max-sim list."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sqlalchemy import select

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision, FaqEntry
from jichitai_ai.retrieval import (
    DenseIndex,
    HashingEmbedder,
    HybridSearcher,
    IndexDocument,
    LexicalIndex,
)
from jichitai_ai.retrieval._pseudo_questions import (
    DEFAULT_PSEUDO_WEIGHT,
    PSEUDO_DENSE_WEIGHT,
    PSEUDO_VIEW,
    PseudoQuestionIndex,
    pseudo_questions,
)
from jichitai_ai.services import tenant_calibration
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.search_index import AnswerPolicy, Outcome, SearchIndexFactory
from jichitai_ai.storage.tables import EmbeddingCache
from jichitai_ai.text import Tokenizer


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__(64)
        self.passages = 0
        self.queries = 0

    def embed_passages(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.passages += len(texts)
        return super().embed_passages(texts)

    def embed_queries(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.queries += len(texts)
        return super().embed_queries(texts)


def test_templates_are_built_from_the_answer_sentences() -> None:
    nouns = Tokenizer().compound_nouns
    answer = "■郵送で税証明書を取得できます。\n1. 申請書に必要事項を記入してください。\nはい。"
    assert pseudo_questions([answer], nouns) == [
        [
            "郵送の税証明書の取得について知りたい",
            "申請書の必要事項の記入について知りたい",
        ]
    ]
    # A sentence found in three answers is boilerplate (詳しくはお問い合わせください): its
    # template is dropped, and does not hide the same template made from another sentence.
    common = "詳しくは市民課の窓口へお問い合わせください。"
    unique = "市民課の窓口へのお問い合わせ"
    made = pseudo_questions([common, common, common + "\n" + unique, "住民票の写しの交付"], nouns)
    assert made == [
        [],
        [],
        ["市民課の窓口のお問い合わせについて知りたい"],
        ["住民票の写しの交付について知りたい"],
    ]


def test_max_sim_scores_each_entry_by_its_best_pseudo_question() -> None:
    index = PseudoQuestionIndex(
        [5, 6, 7], [np.eye(2), np.zeros((0, 2)), np.array([[1.0, 1.0]])], 0.2, 2
    )
    found = index.search(np.array([1.0, 0.1]), 5)
    assert [d.doc_id for d in found] == [5, 7]  # 6 has none: never listed
    assert abs(found[0].score - 1 / np.hypot(1, 0.1)) < 1e-5
    assert [d.doc_id for d in index.search(np.array([1.0, 0.1]), 5, allowed=[7])] == [7]
    mask = np.array([True, True, False])
    assert [d.doc_id for d in index.search(np.array([1.0, 0.1]), 5, allowed=mask)] == [5]


def _searcher(
    entries: dict[int, tuple[str, str]],
) -> tuple[HybridSearcher, list[int], list[np.ndarray]]:
    """A searcher over entries (question, answer) at dense 0.3, with their templates' vectors."""
    tokenizer = Tokenizer()
    embedder = HashingEmbedder(256)
    docs = [IndexDocument(i, {"question": q, "answer": "案内"}) for i, (q, _a) in entries.items()]
    lexical = LexicalIndex.build(docs, tokenizer=tokenizer)
    ids = list(entries)
    dense = DenseIndex.build(ids, [q for q, _a in entries.values()], embedder)
    blocks = [
        np.asarray(embedder.embed_queries(t))
        for t in pseudo_questions([a for _q, a in entries.values()], tokenizer.compound_nouns)
    ]
    return HybridSearcher(lexical, dense, embedder, 0.3), ids, blocks


ENTRIES = {
    1: ("郵送の手続き", "窓口で手続きをしてください。"),
    2: ("各種の案内", "郵送で税証明書を取得できます。"),
}


def test_fusion_ranks_an_entry_whose_answer_the_question_is_about() -> None:
    """Entry 1's question shares 郵送 with the resident's; entry 2's answer is what they ask
    about: the max-sim list, fused at its weight, puts entry 2 first."""
    plain, ids, blocks = _searcher(ENTRIES)
    question = "郵送で税証明書を取りたい"
    with_pseudo = replace(plain, pseudo=PseudoQuestionIndex(ids, blocks, 0.6, 256))
    assert [d.doc_id for d in plain.search(question, 2)] == [1, 2]
    after = with_pseudo.search(question, 2)
    assert [d.doc_id for d in after] == [2, 1]
    # Lexical takes the rest (0.1); entry 2 has the best template (0.6), entry 1 the rest.
    assert [round(d.score, 6) for d in after] == [0.6, 0.4]
    # Kana-only questions leave the answer-derived lists out (as the answer view).
    parts = with_pseudo.search_parts(question, 2, use_answers=False)[0]
    assert parts == plain.search(question, 2)


def test_other_languages_rank_as_without_the_pseudo_questions() -> None:
    """The templates are Japanese: English and Chinese questions landed on a neighbour
    entry's template (docs/benchmarks.md §7.27), so they are ranked as if the list were not
    there, with the searcher's own dense weight; Japanese ones get the list and the dense
    weight that goes with it."""
    plain, ids, blocks = _searcher(
        {**ENTRIES, 3: ("tax certificate", "税証明書は窓口で発行します。")}
    )
    with_pseudo = replace(plain, pseudo=PseudoQuestionIndex(ids, blocks, 0.6, 256))
    others = ("Can I get a tax certificate by mail?", "可以郵寄申請税證明書嗎", "세금 증명서")
    for question in others:
        assert with_pseudo.search(question, 3) == plain.search(question, 3)
    japanese = "郵送で税証明書を取りたい"
    after = with_pseudo.search(japanese, 3)
    assert after != plain.search(japanese, 3) and after[0].doc_id == 2
    # With the list's own dense weight (0.2): Japanese questions get it, others the searcher's.
    pseudo = PseudoQuestionIndex(ids, blocks, 0.6, 256, dense_weight=0.2)
    own_weight = replace(plain, pseudo=pseudo)
    for question in others:
        assert not pseudo.applies_to(question)
        assert own_weight.search(question, 3) == plain.search(question, 3)
    assert pseudo.applies_to(japanese)
    at_its_weight = replace(with_pseudo, dense_weight=0.2).search(japanese, 3)
    assert own_weight.search(japanese, 3) == at_its_weight != after
    # Without the list (the ranking decision models are fitted on): as the plain searcher.
    assert own_weight.search_parts(japanese, 3, use_pseudo=False) == plain.search_parts(japanese, 3)


def _index(platform: Platform):  # type: ignore[no-untyped-def]
    with platform.db.read() as s:
        return platform.answering.index_for(s, tenant_service.get_tenant(s, "aoba-city"))


def test_pseudo_vectors_are_cached_reused_and_refreshed_when_stale(platform: Platform) -> None:
    with platform.db.write() as s:
        load_demo(s)
    embedder = CountingEmbedder()
    factory = platform.answering.factory
    factory.embedder = embedder
    factory.policy = replace(factory.policy, pseudo_weight=0.2, self_calibration=False)
    index = _index(platform)
    pseudo = index.searcher.pseudo
    assert pseudo is not None and pseudo.weight == 0.2
    assert list(pseudo.doc_ids) == list(index.searcher.dense.doc_ids)
    made = embedder.queries
    assert made == len(pseudo) > len(index)  # every template embedded once, as a query
    with platform.db.read() as s:
        rows = {
            r.entry_id: len(r.vector)
            for r in s.execute(
                select(EmbeddingCache).where(EmbeddingCache.model == embedder.name + PSEUDO_VIEW)
            ).scalars()
        }
    ends = [*pseudo._starts[1:], len(pseudo)]
    sizes = {
        int(pseudo.doc_ids[r]): int(end - start)
        for r, start, end in zip(pseudo._rows, pseudo._starts, ends, strict=True)
    }
    one = next(iter(rows))
    assert rows[one] == sizes[one] * 64 * 4  # one n × dim blob per entry
    assert set(rows) == set(sizes) and sum(sizes.values()) == len(pseudo)
    # A restart (another worker) embeds nothing: the blocks come from the cache.
    platform.answering.invalidate()
    again = _index(platform)
    assert embedder.queries == made and again.searcher.pseudo is not None
    np.testing.assert_allclose(again.searcher.pseudo.matrix, pseudo.matrix, atol=1e-6)
    # A stale hash (the templates changed since) re-embeds that entry only.
    with platform.db.write() as s:
        row = s.get(EmbeddingCache, (one, embedder.name + PSEUDO_VIEW))
        assert row is not None
        row.text_hash = "stale"
    platform.answering.invalidate()
    _index(platform)
    assert embedder.queries == made + sizes[one]
    with platform.db.read() as s:
        fresh = s.get(EmbeddingCache, (one, embedder.name + PSEUDO_VIEW))
        assert fresh is not None and fresh.text_hash != "stale"
    ranked, cosine = again.rank("粗大ごみを出したい", 5)
    assert ranked and cosine is not None
    # The decision is made on the ranking its model was fitted on (the list off) and shown in
    # the list's order: an answer stands only for the same first entry, else a 更問 (§7.35).
    question = "粗大ごみを出したい"
    plain, dense = again.rank_detailed(question, use_pseudo=False)
    assert (
        again.answer(question).features == again.signals.features(question, plain, dense).tolist()
    )
    swapped = [plain[1], plain[0], *plain[2:]]
    asked = Outcome(Decision.ANSWER, [plain[0].doc_id])
    vouched = again._shown_in_order(asked, swapped, plain)
    assert vouched.decision is Decision.CLARIFY and swapped[0].doc_id in vouched.entry_ids
    assert again._shown_in_order(asked, plain, plain) is asked
    offered = again._shown_in_order(replace(asked, decision=Decision.CLARIFY), swapped, plain)
    assert offered.decision is Decision.CLARIFY and offered.entry_ids[0] == swapped[0].doc_id


def test_pseudo_questions_are_a_switch_off_in_the_shipped_policy(platform: Platform) -> None:
    """Off until the demo city's sets are checked with them (docs/benchmarks.md §7.27): the
    shipped index builds no pseudo-questions and embeds no templates."""
    policy = AnswerPolicy.load(None)
    assert policy.pseudo_weight == 0.0
    on = AnswerPolicy.from_json(
        replace(
            policy, pseudo_weight=DEFAULT_PSEUDO_WEIGHT, pseudo_dense_weight=PSEUDO_DENSE_WEIGHT
        ).to_json()
    )
    # Dense 0.3 for the Japanese questions the list is fused for; others keep dense 0.4.
    assert (on.pseudo_weight, on.pseudo_dense_weight, on.dense_weight) == (0.2, 0.3, 0.4)
    assert on.answer_bm25_weight == 0.2
    with platform.db.write() as s:
        load_demo(s)
    embedder = CountingEmbedder()
    platform.answering.factory.embedder = embedder
    platform.answering.factory.policy = replace(policy, self_calibration=False)
    assert _index(platform).searcher.pseudo is None and embedder.queries == 0


def test_pseudo_questions_keep_the_tenant_decision_model(
    platform: Platform, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Switching the pseudo-questions on keeps the decision model the tenant has: they are not
    in the scorer signature (the stored model's key), and a model is fitted on probes ranked
    with them off (docs/benchmarks.md §7.35; fitted with them on, the demo city's model
    answered far more often, in every language: 9 new wrong direct answers, §7.27)."""
    factory = platform.answering.factory
    factory.policy = replace(factory.policy, pseudo_weight=0.0, pseudo_dense_weight=None)
    off = factory.scorer_signature()
    assert factory.without_pseudo_questions() is factory
    factory.policy = replace(factory.policy, pseudo_weight=0.2, pseudo_dense_weight=0.3)
    assert factory.scorer_signature() == off
    factory.policy = replace(factory.policy, dense_weight=0.3)
    assert factory.scorer_signature() != off  # other fusion weights still refit
    ranked_with: list[tuple[float, float | None, object]] = []

    class Stop(Exception):
        pass

    def build(self, entries, groups, **kw):  # type: ignore[no-untyped-def]
        ranked_with.append((self.policy.pseudo_weight, self.policy.pseudo_dense_weight, self.db))
        raise Stop

    monkeypatch.setattr(SearchIndexFactory, "build", build)
    entries = [
        FaqEntry(question=f"質問{i}", answer="回答", alternatives=[f"言い換え{i}"], id=i + 1)
        for i in range(tenant_calibration.MIN_PROBES)
    ]
    with pytest.raises(Stop):
        tenant_calibration.probe_examples(factory, entries, [])
    assert ranked_with == [(0.0, None, factory.db)]  # same database and caches, list off
    assert factory.policy.pseudo_weight == 0.2  # the serving factory keeps it on


def test_own_questions_make_the_list_when_switched_on() -> None:
    """``pseudo_from_question``: the list is each entry's own question embedded as a query
    (query–query; docs/benchmarks.md §7.40), one vector per entry, no templates; off in the
    shipped policy and kept through the policy file."""
    embedder = CountingEmbedder()
    policy = replace(AnswerPolicy(), pseudo_weight=0.2, pseudo_from_question=True)
    factory = SearchIndexFactory(Tokenizer(), policy, embedder)
    entries = [
        FaqEntry(
            id=7,
            question="住民票の写しを\n取りたい",
            answer="窓口で交付します。郵送でも請求できます。",
        ),
        FaqEntry(id=9, question="粗大ごみの出し方", answer="事前に電話で申し込んでください。"),
    ]
    dense = DenseIndex([7, 9], embedder.embed_passages([e.question for e in entries]))
    view = factory._pseudo_view(entries, dense)
    assert embedder.queries == 2 and len(view) == 2  # one vector per entry, no templates
    mine = embedder.embed_queries(["住民票の写しを 取りたい"])[0]
    np.testing.assert_allclose(view.matrix[0], mine / np.linalg.norm(mine), atol=1e-6)
    assert view.search(embedder.embed_queries(["粗大ごみの出し方"])[0], 1)[0].doc_id == 9
    assert AnswerPolicy.from_json(policy.to_json()).pseudo_from_question
    assert not AnswerPolicy.load(None).pseudo_from_question
