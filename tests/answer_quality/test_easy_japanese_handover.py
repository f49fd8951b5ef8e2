"""やさしい日本語 hand-overs (issue 12, i12ap): a question written word by word in kana whose
readings fall short of the floor, but whose kanji-written embedding, entries' readings and their
mix put the same entry first, gets a 更問 (never a direct answer) instead of a hand-over to the
general contact. No demo build: the index is a stub around the real methods. The sentences were
written for this test, not taken from any tests/answer_quality/*.csv set."""

from __future__ import annotations

import functools
from types import SimpleNamespace

from jichitai_ai.domain.models import Decision
from jichitai_ai.retrieval import ScoredDoc, Thresholds
from jichitai_ai.services.search_index import Candidate, Outcome, TenantIndex

QUESTION = "りゅうがくの びざを こうしん します。しの しょうめいしょが いります"


def _index(readings_first: int, *, margin: float = 1.0) -> SimpleNamespace:
    """An index whose meaning evidence is under every floor (not relevant, topic words unread)
    and whose readings alone put ``readings_first`` first."""
    policy = SimpleNamespace(
        meaning_min_cosine=0.8,
        meaning_min_cosine_fully_read=0.8,
        meaning_answer_margin=margin,
        fully_read=lambda *a: False,
        meaning_relevant=lambda *a: False,
    )
    index = SimpleNamespace(
        policy=policy,
        thresholds=Thresholds(),
        meaning_evidence=lambda q, dense, in_kanji: (dense, ("ja", 0.84, 0.88, 0.1)),
        _kana_topic_unknown=lambda q, first: True,
        _learned=lambda q, outcome: False,
        question_reading=lambda q: ["りゅうがく", "びざ", "こうしん"],
        _readings=lambda: SimpleNamespace(search=lambda terms, k: [ScoredDoc(1.0, readings_first)]),
    )
    index._kana_rankings_agree = functools.partial(TenantIndex._kana_rankings_agree, index)  # type: ignore[arg-type]
    return index


def _decide(index: SimpleNamespace, in_kanji: list[ScoredDoc] | None) -> Outcome:
    dense = [ScoredDoc(0.84, 28), ScoredDoc(0.80, 27), ScoredDoc(0.79, 3), ScoredDoc(0.7, 9)]
    fallback = Outcome(Decision.NO_ANSWER, [], [Candidate(28, 1.0)], 0.1, 0.84)
    decide = functools.partial(TenantIndex._decide_by_meaning, index)  # type: ignore[arg-type]
    return decide(QUESTION, dense, list(fallback.ranked), fallback, in_kanji)


def test_agreeing_rankings_get_a_clarifying_question() -> None:
    in_kanji = [ScoredDoc(0.9, 28), ScoredDoc(0.88, 3)]
    found = _decide(_index(28), in_kanji)
    assert found.decision is Decision.CLARIFY
    assert found.entry_ids[0] == 28 and len(found.entry_ids) >= 2
    # However far the first entry leads, agreement alone never answers directly.
    assert _decide(_index(28, margin=0.0), in_kanji).decision is Decision.CLARIFY


def test_disagreeing_or_unconverted_questions_are_still_handed_over() -> None:
    # The readings put another entry first: handed over, as on main.
    assert _decide(_index(3), [ScoredDoc(0.9, 28)]).decision is Decision.NO_ANSWER
    # The kanji-written ranking puts another entry first.
    assert _decide(_index(28), [ScoredDoc(0.9, 3)]).decision is Decision.NO_ANSWER
    # Nothing written in kanji (or an unspaced kana line): no kanji ranking, no agreement.
    assert _decide(_index(28), None).decision is Decision.NO_ANSWER
