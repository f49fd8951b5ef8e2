"""Personal data in questions (issue 12): retrieval runs on the question without it, and on all
of the question otherwise.

The privacy detector also guesses names from kana and Latin word shapes; those guesses took the
topic words out of やさしい日本語, Chinese and English questions before retrieval (ごみの
わけかたを おしえて ください → を おしえて ください). Names with a cue (です, さん, わたしは,
My name is …) and kanji names in Japanese text are still cut; the log is masked as before.
"""

from __future__ import annotations

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.redaction import screen

#: Questions without personal data: retrieval must see every word of them.
PLAIN = [
    "ごみの わけかたを おしえて ください",
    "こどもを ほいくえんに いれたい",
    "かぞくが しにました。てつづきを おしえて ください",
    "こていしさんぜいに ついて おしえて ください",
    "けいじどうしゃの ぜいきん",
    "How do I join the National Health Insurance?",
    "Our baby was born last week. What do we need to file?",
    "垃圾收集日是哪天？",
    "想让孩子上保育园",
    "怎麼辦護照？",
    "주민표가 필요해요",
]

#: (question, what must not reach retrieval, a topic word that must)
WITH_NAMES = [
    ("住民票を郵送で取り寄せたい。山田太郎です。電話は090-1234-5678", "山田", "住民票"),
    ("わたしは やまだ たろう です。じゅうみんひょうが ほしい", "やまだ", "じゅうみんひょう"),
    ("やまだ たろうです。いんかんを とうろく したい", "たろう", "いんかん"),
    ("My name is John Smith. I need a juminhyo", "John", "juminhyo"),
    ("山田花子の住民票がほしい", "花子", "住民票"),
    ("メールはtaro@example.jpです。粗大ごみを出したい", "taro@", "粗大ごみ"),
]


#: (question, the label that must go with its contact detail, a word that must stay)
LABELLED = [
    ("私は山田太郎です。電話 090-1234-5678 住民票がほしい", "電話", "住民票"),
    ("連絡先：03-1234-5678 粗大ごみの収集", "連絡先", "粗大ごみ"),
    ("My phone number is 090-1234-5678. I need a juminhyo", "phone", "juminhyo"),
    ("我的电话号码是090-1234-5678，我要开住民票", "电话", "住民票"),
    ("전화번호는 090-1234-5678 주민표 필요해요", "전화", "주민표"),
    ("生年月日は1980年4月1日です。年金の手続き", "生年月日", "年金"),
    ("メールアドレス: taro@example.jp 粗大ごみ", "メール", "粗大ごみ"),
    ("My name is Maria Garcia, born 1990-05-01. I need an income certificate", "born", "income"),
    ("私は山田太郎です。電話 090-1234-5678 住民票がほしい", "私は", "住民票"),
    # A label-like word ending a longer word is not a label.
    ("the hotel 090-1234-5678 juminhyo", "090", "hotel"),
]


@pytest.mark.parametrize(("question", "label", "kept"), LABELLED)
def test_a_contact_label_goes_with_its_detail(question: str, label: str, kept: str) -> None:
    screened = screen(question)
    assert label not in screened.for_retrieval
    assert kept in screened.for_retrieval


def test_the_cut_leaves_no_leading_punctuation() -> None:
    assert screen(
        "My name is Maria Garcia, born 1990-05-01. I need an income certificate"
    ).for_retrieval == ("I need an income certificate")


def test_a_label_without_a_detail_stays() -> None:
    assert screen("電話で住民票は取れますか").for_retrieval == "電話で住民票は取れますか"


@pytest.mark.parametrize("question", PLAIN)
def test_questions_without_personal_data_reach_retrieval_whole(question: str) -> None:
    screened = screen(question)
    assert screened.for_retrieval == question
    assert screened.personal_data is False


@pytest.mark.parametrize(("question", "personal", "topic"), WITH_NAMES)
def test_personal_data_is_cut_and_the_topic_kept(question: str, personal: str, topic: str) -> None:
    screened = screen(question)
    assert personal not in screened.for_retrieval
    assert topic in screened.for_retrieval
    assert screened.personal_data is True
    assert personal not in screened.for_log  # the log stays masked


def test_a_name_does_not_change_what_is_shown(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    for plain, named in [
        ("粗大ごみを出したい", "鈴木一郎です。粗大ごみを出したい。090-1111-2222"),
        # The label goes with the number: 「電話」 left behind made this a hand-over (newcomer, nc1).
        ("住民票がほしい", "私は山田太郎です。電話 090-1234-5678 住民票がほしい"),
        ("いんかんを とうろく したい", "やまだ たろうです。いんかんを とうろく したい"),
    ]:
        a = platform.answering.ask("aoba-city", plain, record=False)
        b = platform.answering.ask("aoba-city", named, record=False)
        shown_a = [a.answer.entry.id] if a.answer else [c.entry.id for c in a.choices]
        shown_b = [b.answer.entry.id] if b.answer else [c.entry.id for c in b.choices]
        assert (b.decision, shown_b) == (a.decision, shown_a), named
        assert b.personal_data and not a.personal_data
