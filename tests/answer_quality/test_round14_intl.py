"""Round 14 international misses (issue 12, i12ak; docs/benchmarks.md §7.39).

- Everyday Chinese, Korean and English words the glossary lacked: convenience stores by name
  (7-11, 小七, 罗森), direct debit (自动扣), not being able to pay (付不出), the hazard map as
  防災地圖 and flooding (淹水), forgetfulness (忘事, 失智, 치매), children's doctor visits, giving
  birth (生小孩), a sick child (아픈 아이), picking a card up (수령, 받으러 가), taking in a dog
  (강아지를 입양 …) — while a lost dog (강아지가 집을 나갔어요) stays unread.
- The demo's pension office knows getting paid-in pension back as residents say it (claim back
  the pension, 연금 돌려받), the immigration bureau the 繁體 / Hong Kong 居留期限.
- Emergencies: a driver (a passenger, a cyclist …) not moving after a crash; a bag stolen
  earlier with a card to replace (補辦) is no theft happening now.

Every text here was written for the tests, none is from a question set. No demo build: the
glossary, the authorities' words and the emergency rules are read directly (< 1 s CPU).
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from jichitai_ai.emergency.detector import detect_emergency
from jichitai_ai.services.other_authorities import OtherAuthority, configured
from jichitai_ai.text.municipal_glossary import cjk_glossary_words, glossary_words


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("小七的机器能印证明吗", "コンビニ"),
        ("罗森可以交税吗", "コンビニ"),
        ("水费能从账户自动扣款吗", "口座振替"),
        ("这个月的保险费付不出来", "払えない"),
        ("哪裡可以拿到防災地圖", "ハザードマップ"),
        ("我们这一带下雨会淹水吗", "浸水"),
        ("外公最近常常忘事", "認知症"),
        ("我爸爸好像失智了", "認知症"),
        ("어머니가 치매 초기래요", "認知症"),
        ("孩子看病要自己出钱吗", "子ども医療費"),
        ("準備在日本生小孩", "出産"),
        ("아픈 아이를 봐주는 곳", "病児保育"),
        ("카드 수령은 어디서 해요", "受け取り"),
        ("서류를 받으러 가야 해요", "受け取り"),
        ("강아지를 입양하려고 해요", "犬"),
        ("지인한테 강아지 분양 받았어요", "犬"),
    ],
)
def test_the_glossary_reads_everyday_chinese_and_korean_words(text: str, term: str) -> None:
    assert term in cjk_glossary_words(text).split()


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("can i print it at the 7-11", "コンビニ"),
        ("is there help with my kid doctor bills", "子ども医療費"),
        ("every doctor visit costs me 3000 yen", "医療費"),
    ],
)
def test_the_glossary_reads_everyday_english_words(text: str, term: str) -> None:
    assert term in glossary_words(text).split()


def test_a_lost_puppy_is_not_read_as_a_dog_to_register() -> None:
    # Round 7's lost dog (no entry) must keep its hand-over: 강아지 alone stays unread.
    assert "犬" not in cjk_glossary_words("우리 강아지가 어제 집을 나갔어요").split()


def _demo_authorities() -> list[OtherAuthority]:
    data = resources.files("jichitai_ai.demo").joinpath("data", "tenants.toml").read_bytes()
    aoba = next(
        t for t in tomllib.loads(data.decode("utf-8"))["tenants"] if t["slug"] == "aoba-city"
    )
    return configured({"other_authorities": aoba["other_authorities"]})


def _exclusive_owner(question: str) -> list[str]:
    return [a.name["en"] for a in _demo_authorities() if a.exclusive_in(question)]


@pytest.mark.parametrize(
    ("question", "owner"),
    [
        ("moved home to Peru, can I get my pension back?", "Pension"),
        ("how long does the nenkin refund take", "Pension"),
        ("귀국하면 연금을 돌려받을 수 있다던데요", "Pension"),
        ("回國後年金退款要多久", "Pension"),
        ("我的居留期限快到了", "Immigration"),
    ],
)
def test_demo_authorities_own_a_pension_refund_and_the_period_of_stay(
    question: str, owner: str
) -> None:
    owners = _exclusive_owner(question)
    assert len(owners) == 1 and owner in owners[0]


def test_the_city_s_own_pension_questions_name_no_authority_exclusively() -> None:
    assert _exclusive_owner("i can't afford the national pension payments") == []
    assert _exclusive_owner("국민연금 보험료 면제 받고 싶어요") == []


@pytest.mark.parametrize(
    "text",
    [
        "two cars crashed at the junction and one passenger is not moving",
        "a motorbike skidded on the bridge, the rider won't move",
        "there was a crash at the corner, the driver isn't moving",
    ],
)
def test_a_person_at_the_scene_not_moving_is_an_emergency(text: str) -> None:
    assert detect_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "錢包昨天被偷了 裡面的居留卡要怎麼補辦",
        "包被偷了 个人编号卡要去哪里挂失",
        "the driver is not moving out of my parking space",
    ],
)
def test_a_card_to_replace_after_a_theft_is_no_emergency(text: str) -> None:
    assert detect_emergency(text) == []


def test_a_theft_happening_now_is_still_an_emergency() -> None:
    assert detect_emergency("有人正在偷我的包 小偷还在门口")
    assert detect_emergency("钱包被偷了 小偷拿着刀")
