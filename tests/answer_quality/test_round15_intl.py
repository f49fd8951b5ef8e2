"""Round 15 international misses (issue 12, i12ao; docs/benchmarks.md §7.45).

- Everyday English and Chinese words the glossary lacked: work lost as income (lost shifts,
  lost hours — no lost card), leaving the national health insurance said with quit / stop,
  giving birth (生孩子 is 出産 as well as the birth notice), a funeral as Taiwan names it (喪禮),
  having got a dog said with a measure word (養了一隻狗) — while walking a dog (遛狗) stays unread.
- Emergencies: a wallet or card stolen earlier, asked about a new card, is no theft happening
  now (the English twin of round 14's 補辦); a Korean flood area asked about (침수지역인지) is
  no flood.

Every text here was written for the tests, none is from a question set. No demo build: the
glossary and the emergency rules are read directly (< 1 s CPU).
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.text.municipal_glossary import cjk_glossary_words, glossary_words


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("i lost hours at the factory and the tax bill is too much", "収入"),
        ("we lost income since my wife got sick", "収入"),
        ("how can i quit kokuho now that my company covers me", "国保の脱退"),
        ("do i have to stop the national health insurance myself", "国保の脱退"),
    ],
)
def test_the_glossary_reads_everyday_english_words(text: str, term: str) -> None:
    assert term in glossary_words(text).split()


def test_work_lost_is_no_lost_card_but_a_lost_card_still_is() -> None:
    assert "紛失" not in glossary_words("lost shifts this month, can i pay later").split()
    assert "紛失" in glossary_words("i lost my residence card yesterday").split()


def test_quitting_a_job_is_not_leaving_the_insurance() -> None:
    # Joining the national health insurance after leaving a job must not read as leaving it.
    assert "国保の脱退" not in glossary_words("i quit my job, how do i join kokuho").split()


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("太太快要生孩子了 有什么补助", "出産"),
        ("生孩子以后要去哪里报户口", "出生"),
        ("外婆的喪禮結束了 還要辦什麼", "葬祭"),
        ("我們家最近養了一條狗", "犬の登録"),
        ("上个月开始养狗了 要登记吗", "犬の登録"),
    ],
)
def test_the_glossary_reads_everyday_chinese_words(text: str, term: str) -> None:
    assert term in cjk_glossary_words(text).split()


def test_walking_a_dog_is_not_a_dog_to_register() -> None:
    assert "犬の登録" not in cjk_glossary_words("晚上在河边遛狗的人很多").split()


@pytest.mark.parametrize(
    "text",
    [
        "my purse was stolen at the festival on sunday. how do i get a new card for my residence",
        "our car got stolen last month and the my number card was in it, can it be reissued",
        "우리 동네가 침수지역인지 어디서 확인해요",
    ],
)
def test_a_past_theft_or_a_flood_area_asked_about_is_no_emergency(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "my bag was just stolen and the man is running toward the station",
        "지하실이 침수됐어요 물이 계속 들어와요",
    ],
)
def test_a_theft_or_a_flood_happening_now_still_alarms(text: str) -> None:
    assert detect_emergency(text)
