"""A lesson changes only questions close to what residents taught (issue 16, controls).

Residents who resolve 「粗大ごみを捨てたいのですが、どうすればいいですか」 with the 粗大ごみ entry
teach nothing about lost dogs or PIN numbers: sharing 「どうすればいいですか」 does not make two
questions about one need. Before this rule, such a lesson boosted its entry for every question
ending like that, and turned hand-overs into choices of the taught entry.
"""

from __future__ import annotations

from jichitai_ai.retrieval import LearningModel, LearningParams
from jichitai_ai.retrieval._feedback import LearnedPhrasing
from jichitai_ai.services import feedback as feedback_service
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
