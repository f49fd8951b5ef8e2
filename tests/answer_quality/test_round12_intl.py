"""Round 12 international misses (issue 12, i12ae; docs/benchmarks.md §7.29).

- A Chinese or Korean question the municipal glossary reads completely (every Japanese word it
  gives is in the meaning path's first entry) is relevant from cosine .78, not only from .80:
  the encoder reads 繁體 Taiwanese wording a little further from the Japanese entries.
- Romaji compounds match the glossary across word breaks (kotei shisan zei = kotei shisanzei);
  Taiwanese / Hong Kong and Korean words the glossary lacked (身障, 水費, 托小孩, 자동이체).
- A question naming a word only one authority's business uses is handed to it as soon as any
  authority's topic is as close as the entries (the word says whose business it is).
- A stranger forcing the door open is an emergency.

Every question here was written for the tests, none is from a question set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jichitai_ai.emergency import detect_emergency
from jichitai_ai.services.search_index import AnswerPolicy
from jichitai_ai.text.municipal_glossary import cjk_glossary_words, glossary_words
from tests.answer_quality.demo_city import dense_demo_platform
from tests.answer_quality.test_round10_intl import _hand


def test_a_fully_read_chinese_or_korean_question_is_relevant_a_little_lower() -> None:
    policy = AnswerPolicy()
    # cosine .79, lead -.09 (under the Chinese lead floor): the glossary read it all.
    assert policy.meaning_relevant("han", 0.79, 0.88, 1.0)
    assert policy.meaning_relevant("ko", 0.785, 0.88, 1.0)
    # Read only in part, or under .78: not relevant, as before.
    assert not policy.meaning_relevant("han", 0.79, 0.88, 0.6)
    assert not policy.meaning_relevant("han", 0.775, 0.88, 1.0)
    # English keeps its floor and lead (the glossary reads single common words there).
    assert not policy.meaning_relevant("latin", 0.79, 0.80, 1.0)
    # The policy file's value round-trips; at .80 the rule is off.
    off = AnswerPolicy.from_json('{"meaning_min_cosine_fully_read": 0.8}')
    assert not off.meaning_relevant("han", 0.79, 0.88, 1.0)
    assert AnswerPolicy.from_json(policy.to_json()).meaning_min_cosine_fully_read == 0.78


def test_romaji_compounds_match_across_word_breaks() -> None:
    assert "固定資産税" in glossary_words("got a kotei shisan zei bill")
    assert "保育園" in glossary_words("hoiku en waiting list")
    assert "住民票" in glossary_words("need a juu min hyo")
    # Short pairs are never joined (in + kan is no 印鑑), nor ordinary English.
    assert glossary_words("check in kan airport") == ""
    assert glossary_words("for my wife and kids") == ""


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我兒子是身障 可以領什麼", "障害"),
        ("身心障礙的補助", "障害"),
        ("這個月的水費好像多算了", "水道料金"),
        ("週末想托小孩半天", "預ける"),
        ("국민연금 자동이체 되나요", "口座振替"),
        ("生育津贴有多少", "出産育児一時金"),
    ],
)
def test_the_glossary_reads_taiwanese_and_korean_words(text: str, term: str) -> None:
    assert term in cjk_glossary_words(text).split()


def test_an_exclusive_word_names_the_authority_when_any_topic_is_close() -> None:
    question = "can i get my pension lump sum back"
    # Its own topic .79 under the entries' .80, the bureau's .81 over them (by less than the
    # margin): the question is another authority's business, and the word says whose.
    assert _hand(question, [0.0, 0.79, 0.81], 0.80, used=set()) == "年金"
    # Not when an entry uses the word, nor for a plain word, nor when no topic is that close.
    assert _hand(question, [0.0, 0.79, 0.81], 0.80, used={"lump sum"}) is None
    assert _hand("can i stop paying my pension", [0.0, 0.79, 0.81], 0.80, used=set()) is None
    assert _hand(question, [0.0, 0.79, 0.795], 0.80, used=set()) is None


def test_a_stranger_forcing_the_door_open_is_an_emergency() -> None:
    assert detect_emergency("some man is trying to force our front door open, im alone")
    assert detect_emergency("they are prying the window open downstairs")
    # The resident locked out is no emergency.
    assert not detect_emergency("locked myself out, how do i get the door open")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with dense_demo_platform(Path(tmp_path_factory.mktemp("round12"))) as platform:
        yield platform


def _shown(result: Any) -> list[str]:
    if result.answer is not None:
        return [result.answer.entry.external_id]
    return [c.entry.external_id for c in result.choices]


def test_demo_city_reads_a_split_romaji_compound(demo: Any) -> None:
    # (The fully read Chinese rule is tested on the policy above: Taiwanese questions written
    # for the tests all reached cosine .80 on main already.)
    question = "we got a letter about the kotei shisan zei for our house"
    result = demo.answering.ask("aoba-city", question, language="en", record=False)
    assert str(result.decision) in ("answer", "clarify"), result.other_authority
    assert "AOBA-0025" in _shown(result), _shown(result)


def test_demo_city_hands_a_foreign_passport_to_the_embassy(demo: Any) -> None:
    result = demo.answering.ask(
        "aoba-city", "베트남 대사관에서 여권 재발급 받으려면", language="ko", record=False
    )
    assert str(result.decision) == "no_answer"
    assert result.other_authority is not None
    assert result.other_authority["name"] == "Your country's embassy or consulate"
