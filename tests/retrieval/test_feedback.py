"""The learning layer: lessons in force move their entry for close wordings, boundedly."""

from __future__ import annotations

from datetime import datetime, timedelta

from jichitai_ai.retrieval import (
    DEMOTE,
    LearnedPhrasing,
    LearningModel,
    LearningParams,
    ScoredDoc,
)
from jichitai_ai.text import Tokenizer

NOW = datetime(2026, 11, 26, 12, 0)


def _lesson(
    tok: Tokenizer, text: str, entry: int, polarity: int = 1, **kw: object
) -> LearnedPhrasing:
    return LearnedPhrasing(1, entry, tuple(tok.tokenize_query(text)), polarity, **kw)  # type: ignore[arg-type]


def test_a_lesson_moves_its_entry_for_other_wordings(tokenizer: Tokenizer) -> None:
    model = LearningModel([_lesson(tokenizer, "粗大ごみの回収を頼みたい", 20)])
    candidates = [ScoredDoc(0.80, 10), ScoredDoc(0.75, 20)]
    other = model.effects(tokenizer.tokenize_query("粗大ごみの回収をお願いしたい"), NOW)
    assert [d.doc_id for d in model.rerank(candidates, other)] == [20, 10]
    unrelated = model.effects(tokenizer.tokenize_query("児童手当の申請"), NOW)
    assert not unrelated
    assert [d.doc_id for d in model.rerank(candidates, unrelated)] == [10, 20]


def test_an_entry_retrieval_missed_joins_the_candidates(tokenizer: Tokenizer) -> None:
    model = LearningModel([_lesson(tokenizer, "ひとり親の手当", 30)])
    effects = model.effects(tokenizer.tokenize_query("ひとり親の手当はいくら"), NOW)
    ranked = model.rerank([ScoredDoc(1.0, 10)], effects, allowed=lambda e: e != 31)
    assert 30 in [d.doc_id for d in ranked]
    assert not model.rerank([ScoredDoc(1.0, 10)], effects, allowed=lambda e: e != 30)[1:]


def test_rare_words_weigh_more_than_common_ones(tokenizer: Tokenizer) -> None:
    terms = tokenizer.tokenize_query("住民票の写しを取りたい")
    model = LearningModel(
        [_lesson(tokenizer, "住民票の写しを取りたい", 1)], lambda t: 5.0 if t == "住民" else 0.5
    )
    plain = LearningModel([_lesson(tokenizer, "住民票の写しを取りたい", 1)])
    query = tokenizer.tokenize_query("住民票が必要")
    assert model.similarity(query, terms) > plain.similarity(query, terms)


def test_the_boost_is_bounded_and_does_not_grow_with_copies(tokenizer: Tokenizer) -> None:
    params = LearningParams(max_boost=0.4)
    one = LearningModel([_lesson(tokenizer, "ごみの出し方", 1)], params=params)
    many = LearningModel([_lesson(tokenizer, "ごみの出し方", 1) for _ in range(500)], params=params)
    q = tokenizer.tokenize_query("ごみの出し方")
    assert one.effects(q, NOW).boosts == many.effects(q, NOW).boosts == {1: 0.4}


def test_demotion_wins_and_lessons_lapse(tokenizer: Tokenizer) -> None:
    model = LearningModel(
        [
            _lesson(tokenizer, "ごみの出し方", 1),
            _lesson(tokenizer, "ごみの出し方", 1, DEMOTE),
            _lesson(tokenizer, "ごみの出し方", 2, expires_at=NOW - timedelta(days=1)),
        ]
    )
    effects = model.effects(tokenizer.tokenize_query("ごみの出し方"), NOW)
    assert effects.demoted == {1} and effects.boosts == {}


def test_a_word_residents_tie_to_one_entry_weighs_more(tokenizer: Tokenizer) -> None:
    """``agreed_word_boost`` (issue 16, round 15): only a word of ≥ 2 promoting lessons, all of
    one entry, weighs more; a word lessons of two entries share keeps its FAQ weight."""
    params = LearningParams(agreed_word_boost=1.0)

    def model(*lessons: tuple[str, int]) -> LearningModel:
        return LearningModel(
            [_lesson(tokenizer, text, entry) for text, entry in lessons],
            lambda _t: 2.0,
            params=params,
        )

    word = tokenizer.tokenize_query("病院")[0]
    agreed = model(("病院の予約", 1), ("病院に行きたい", 1))
    assert agreed.agreed(word) and agreed.weight(word) == 4.0
    assert agreed.weight(tokenizer.tokenize_query("予約")[0]) == 2.0  # one lesson only
    shared = model(("病院の予約", 1), ("病院に行きたい", 2))
    assert not shared.agreed(word) and shared.weight(word) == 2.0
    agreed.params = LearningParams()  # off by default
    assert agreed.weight(word) == 2.0
