"""Colloquial Japanese questions whose topic is diluted by counters and question words
(issue 12, i12m): when the first entry's own question holds most of the question's topic words
(numbers, 何, 歳, 週間 … left out), a 更問 instead of a hand-over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import get_tenant
from jichitai_ai.text.topic_filler import is_filler, topic_only

from .demo_city import dense_demo_platform


@pytest.mark.parametrize("term", ["何", "歳", "2", "２", "週間", "月", "十", "いつ", "ヶ月"])
def test_numbers_counters_and_question_words_are_fillers(term: str) -> None:
    assert is_filler(term)


@pytest.mark.parametrize("term", ["転入", "年金", "月額", "子供", "病院", "ごみ", "歳出"])
def test_topic_words_are_not_fillers(term: str) -> None:
    assert not is_filler(term)


def test_topic_only_keeps_the_terms_when_nothing_else_remains() -> None:
    assert topic_only(["子供", "何", "歳", "病院"]) == ["子供", "病院"]
    assert topic_only(["何", "歳"]) == ["何", "歳"]


def test_diluted_colloquial_questions_get_choices_not_a_hand_over(tmp_path: Path) -> None:
    with dense_demo_platform(tmp_path) as platform:
        for text, expected in [
            ("子どもの病院代って何歳までタダ？", "AOBA-0050"),
            (
                "4月に埼玉から越してきたんだけど転入届まだ出してない、2週間過ぎたらまずい？",
                "AOBA-0013",
            ),
            ("いんかん証明、家族に代わりに取りに行ってもらってもいい？", "AOBA-0008"),
        ]:
            r = platform.answering.ask("aoba-city", text, record=False)
            assert r.decision is not Decision.NO_ANSWER, text
            shown = (
                {r.answer.entry.external_id}
                if r.answer is not None
                else {c.entry.external_id for c in r.choices}
            )
            assert expected in shown, (text, shown)
        # Out of scope stays a hand-over.
        _assert_handed_over(platform, ["市長の好きな食べ物は？", "明日の天気を教えて"])


def test_an_item_word_no_entry_knows_does_not_hide_the_category(tmp_path: Path) -> None:
    """i12n: the own-question share is taken over the topic words the tenant knows; a word no
    entry has (電子レンジ) is bounded by the unknown share only. 「電子レンジ捨てたいけど何ごみ？」
    (round 7) was handed over; now it gets the ごみ choices."""
    with dense_demo_platform(tmp_path) as platform:
        r = platform.answering.ask("aoba-city", "電子レンジ捨てたいけど何ごみ？", record=False)
        assert r.decision is Decision.CLARIFY, r.decision
        shown = {c.entry.external_id for c in r.choices}
        assert shown & {"AOBA-0039", "AOBA-0040", "AOBA-0042"}, shown
        # Questions whose topic is unknown to every entry stay handed over, whatever share of
        # their known words an entry's question holds (the unknown share bounds them).
        _assert_handed_over(
            platform,
            ["宅配便の再配達を頼みたい", "近所のスーパーの営業時間は？", "市長の好きな食べ物は？"],
        )
        # The rule itself: ごみ is the question's only known topic word and AOBA-0039's own
        # question holds it; unknown words alone are never covered.
        own, ids = _own_question_covers(platform)
        assert own("電子レンジ捨てたいけど何ごみ？", ids["AOBA-0039"])
        assert not own("電子レンジ捨てたいけど何ごみ？", ids["AOBA-0061"])
        assert not own("宅配便の再配達を頼みたい", ids["AOBA-0039"])


def _own_question_covers(
    platform: Platform,
) -> tuple[Callable[[str, int], bool], dict[str, int]]:
    """The demo city's own-question rule and its entries' ids by external id."""
    with platform.db.read() as session:
        index = platform.answering.index_for(session, get_tenant(session, "aoba-city"))
    ids = {index.entry(i).external_id: i for i in index.entry_ids()}
    return index.signals.own_question_covers, ids


def _assert_handed_over(platform: Platform, texts: list[str]) -> None:
    for text in texts:
        r = platform.answering.ask("aoba-city", text, record=False)
        assert r.decision is Decision.NO_ANSWER, (text, r.decision)


def test_place_names_and_time_words_never_dilute(tmp_path: Path) -> None:
    """i12t: place names and time words (仙台, 先月) count only when the first entry's own
    question has them; 「先週名古屋から越してきた…転入」 was diluted by 名古屋 and 先週 (no entry
    has them) into a hand-over. A topic no entry knows stays bounded by the unknown share."""
    with dense_demo_platform(tmp_path) as platform:
        own, ids = _own_question_covers(platform)
        assert own("先週名古屋から越してきたので転入の手続きをしたい", ids["AOBA-0013"])
        assert not own("名古屋の観光地を今知りたい", ids["AOBA-0013"])
        assert not own("先週から宅配便の再配達を頼みたい", ids["AOBA-0039"])
        _assert_handed_over(platform, ["名古屋の観光地を今知りたい"])
