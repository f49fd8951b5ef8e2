"""A lesson changes only questions close to what residents taught (issue 16, controls).

Residents who resolve 「粗大ごみを捨てたいのですが、どうすればいいですか」 with the 粗大ごみ entry
teach nothing about lost dogs or PIN numbers: sharing 「どうすればいいですか」 does not make two
questions about one need. Before this rule, such a lesson boosted its entry for every question
ending like that, and turned hand-overs into choices of the taught entry.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from jichitai_ai.retrieval import LearningModel, LearningParams
from jichitai_ai.retrieval._feedback import LearnedPhrasing, Rivals
from jichitai_ai.services import feedback as feedback_service
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.timeutil import utcnow

from .helpers import Town

TAUGHT = "粗大ごみを捨てたいのですが、どうすればいいですか"
CONTROLS = [
    "犬が迷子になったのですが、どうすればいいですか",  # nothing fits: a hand-over
    "マイナンバーカードの暗証番号を忘れたのですが、どうすればいいですか",
    "印鑑登録証明書を取りたいのですが、どうすればいいですか",
]


def test_a_lesson_leaves_unrelated_questions_as_they_were(town: Town) -> None:
    before = {q: town.outcome(q) for q in CONTROLS}
    assert before[CONTROLS[0]].decision == "no_answer"
    target = town.outcome("粗大ごみの出し方を教えてください").ranking[0]
    for n in range(4):
        town.teach(town.resident(60 + n), TAUGHT, target)
    with town.platform.db.read() as s:
        lessons = feedback_service.active_lessons(s, town.tenant_id)
    assert [(x.entry_id, x.polarity) for x in lessons] == [(target, 1)]
    # The lesson is in force for its own wording and for a close one ...
    assert town.outcome(TAUGHT).ranking[0] == target
    assert town.outcome("粗大ごみを出したいのですが").ranking[0] == target
    # The rivals a lesson's boost must beat: the entries by their own question + 言い換え;
    # the 粗大ごみ entry's own question covers its own wording best.
    with town.platform.db.read() as s:
        index = town.platform.answering.index_for(s, tenant_service.get_tenant(s, "city"))
    terms = index.lexical.query_terms("粗大ごみの出し方を教えてください")
    topics = index.topic_terms("粗大ごみの出し方を教えてください")
    own = index.searcher.own_word_similarity(terms, topics, index.learning.weight)
    assert own.best is not None and own.best[0] == target and 0 < own.best[1] <= 1
    assert own.except_for(target) < own.best[1]
    share = index.searcher.own_share(terms, topics, index.learning.weight)
    assert share(target, ()) == pytest.approx(own.best[1])
    assert share(target, set(terms) | set(topics)) == pytest.approx(1.0)
    # ... and changes nothing for the questions that only share 「どうすればいいですか」.
    for question in CONTROLS:
        after = town.outcome(question)
        assert (after.decision, after.shown, after.ranking[:3]) == (
            before[question].decision,
            before[question].shown,
            before[question].ranking[:3],
        ), question


def test_words_close_means_topic_words_close() -> None:
    lesson = LearnedPhrasing(
        1,
        entry_id=10,
        terms=("粗大ごみ", "捨てる", "どう", "為る", "良い"),
        topics=("粗大ごみ",),
    )
    model = LearningModel([lesson])
    dog = model.effects(
        ["犬", "迷子", "成る", "どう", "為る", "良い"], utcnow(), None, ["犬", "迷子"]
    )
    assert not dog
    # The same function words with the lesson's topic: it applies.
    bulky = model.effects(["粗大ごみ", "出す", "どう", "為る"], utcnow(), None, ["粗大ごみ"])
    assert set(bulky.boosts) == {10}
    # Lessons without topic words (older callers) are matched on all their terms, as before.
    plain = LearningModel([LearnedPhrasing(2, entry_id=20, terms=("粗大ごみ", "捨てる"))])
    assert set(plain.effects(["粗大ごみ", "捨てる"], utcnow(), None, ["粗大ごみ"]).boosts) == {20}


def test_both_topic_and_wording_must_be_close() -> None:
    """「住民票の発行手数料はいくらかかりますか」 shares 発行・いくら・かかる with a lesson taught on
    「戸籍謄本の発行に…代金はいくらかかりますか」 but not its topic: no effect with ``words``
    "both" (the default), an effect when only the wording counts."""
    lesson = LearnedPhrasing(
        1,
        entry_id=387,
        terms=("戸籍", "謄本", "発行", "為る", "欲しい", "代金", "幾ら", "掛かる"),
        topics=("戸籍", "謄本", "発行", "代金"),
    )
    query = ["住民", "票", "発行", "手数料", "幾ら", "掛かる"]
    topics = ["住民", "票", "発行", "手数料"]
    assert not LearningModel([lesson]).effects(query, utcnow(), None, topics)
    wording_only = LearningModel([lesson], params=LearningParams(words="terms"))
    assert set(wording_only.effects(query, utcnow(), None, topics).boosts) == {387}


def test_a_learned_wording_counts_only_by_its_margin_over_other_entries_own_phrasings() -> None:
    """Round 4: residents taught 「住民票が欲しい」 for one 住民票 entry (10). A question worded
    like another 住民票 entry's own question (20 matches it better by its own words) gets
    nothing from that lesson; a question closer to the lesson than to any other entry's own
    phrasings gets the lesson's BM25 minus half the best rival's. Learned vectors count only
    where they beat every other entry's own cosine."""
    now = utcnow()
    lesson = LearnedPhrasing(1, entry_id=10, terms=("住民", "票", "欲しい"), topics=("住民", "票"))
    model = LearningModel([lesson])
    assert model.params.index_rivals == "margin" and model.params.index_rivals_ratio == 0.5
    query = ["住民", "票", "写し", "市役所", "受け取る"]
    plain = model.lexical_scores(query, now, ["住民", "票", "写し", "市役所"])
    assert set(plain) == {10} and plain[10] > 0  # no rivals known: scored as before

    def rivals(*pairs: tuple[int, float]) -> Rivals:
        return Rivals.of(pairs)

    # Entry 20's own question matches far better: the lesson adds nothing to entry 10.
    strong = rivals((20, 4.0 * plain[10]), (10, 1.0))
    assert model.lexical_scores(query, now, [], lambda: strong) == {}
    # Entry 10 is itself the best by its own words: the rival is the second best.
    weak = rivals((10, 9.0), (20, 0.5 * plain[10]))
    got = model.lexical_scores(query, now, [], lambda: weak)
    assert got == {10: pytest.approx(plain[10] - 0.5 * 0.5 * plain[10])}
    # "off" is the round-3 behaviour: scored like an alternative whatever the rivals say.
    model.params = replace(model.params, index_rivals="off")
    assert model.lexical_scores(query, now, [], lambda: strong) == plain
    model.params = replace(model.params, index_rivals="margin")
    # By meaning: the learned vector (cosine .6 with the question) must beat the rivals'.
    model.set_alternative_vectors(np.eye(2, dtype=np.float32)[:1])
    vector = np.array([0.6, 0.8], dtype=np.float32)
    assert model.dense_scores(vector, now, lambda: rivals((20, 0.7))) == {}
    beaten = model.dense_scores(vector, now, lambda: rivals((20, 0.5), (10, 0.9)))
    assert beaten == {10: pytest.approx(0.6)}


def test_a_lesson_boosts_only_where_it_beats_other_entries_own_phrasings() -> None:
    """Round 5: the lesson *boost* (similarity ≥ 0.3) is under the rivals rule too. Hybrid
    seed 1 lost 「住民票の発行にはいくらかかりますか」's entry from its choices to a lesson
    「住民票の発行は日曜日もできるの」 of another 住民票 entry: the question is as close to that
    entry's own question (住民票・いくら) as to the lesson. By meaning, the lesson's passage
    vector must beat every other entry's own cosine."""
    now = utcnow()
    lesson = LearnedPhrasing(
        1, entry_id=150, terms=("住民", "票", "発行", "日曜日", "出来る"), topics=("住民", "票")
    )
    model = LearningModel([lesson])
    assert model.params.boost_rivals == "gate" and model.params.boost_rivals_ratio == 0.85
    query, topics = ["住民", "票", "発行", "幾ら", "掛かる"], ["住民", "票", "発行"]
    sim = model.effects(query, now, None, topics).similarity_of(150)
    assert sim >= model.params.min_similarity  # no rivals known: boosted as before
    # Another entry's own phrasings are clearly closer (the lesson under 0.85 of them): no
    # boost ...
    close = Rivals.of([(447, sim / 0.8)])
    assert not model.effects(query, now, None, topics, rivals=lambda: close)
    # ... a rival as close as the lesson is not (above 0.85 of it); the entry itself is no
    # rival of its own lesson.
    far = Rivals.of([(150, 1.0), (447, sim)])
    got = model.effects(query, now, None, topics, rivals=lambda: far)
    assert got.similarity_of(150) == pytest.approx(sim)
    # The lesson's side counts its entry's own words too (boost_rivals_own): where entry
    # 150's own question plus the lesson cover the question as well as the rival, it boosts.
    assert model.params.boost_rivals_own

    def own(entry: int, words: object) -> float:
        return sim / 0.8 if entry == 150 else 0.0

    got = model.effects(query, now, None, topics, rivals=lambda: close, own=own)
    assert got.similarity_of(150) == pytest.approx(sim)  # the boost is still the lesson's
    # Demotions are never gated: residents agreed the entry did not help.
    against = LearningModel([replace(lesson, polarity=-1)])
    assert against.effects(query, now, None, topics, rivals=lambda: close).demoted == {150}
    # By meaning: lesson vector (1, 0) and the question (0.95, 0.31) — cosine .95 over the
    # 0.9 floor; it counts only while no other entry's own cosine reaches .95.
    model.set_vectors(np.eye(2, dtype=np.float32)[:1])
    model.set_alternative_vectors(np.eye(2, dtype=np.float32)[:1])
    vector = np.array([0.95, 0.31225], dtype=np.float32)
    by_meaning = model.effects(["日曜"], now, vector, ["日曜"])
    assert set(by_meaning.boosts) == {150}
    beaten = (vector, Rivals.of([(447, 0.97)]))
    assert not model.effects(["日曜"], now, vector, ["日曜"], dense_rivals=lambda: beaten)
    kept = (vector, Rivals.of([(150, 0.99), (447, 0.9)]))
    got = model.effects(["日曜"], now, vector, ["日曜"], dense_rivals=lambda: kept)
    assert set(got.boosts) == {150}
    # "off" is round 4: the boost whatever the rivals.
    model.params = replace(model.params, boost_rivals="off")
    assert set(model.effects(query, now, None, topics, rivals=lambda: close).boosts) == {150}
