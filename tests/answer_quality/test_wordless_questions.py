"""A question without a single word (「1234」, 「？？？」, a phone number alone) has nothing to choose
entries by: the resident is handed to the general contact, not offered the three entries that
happen to be closest (newcomer finding, 2026-12-01)."""

from __future__ import annotations

import pytest

from jichitai_ai.demo.loader import load_demo
from jichitai_ai.domain.models import Decision
from jichitai_ai.services.platform import Platform

WORDLESS = ["1234", "？？？", "090-1234-5678", "!!", "12/25"]
#: Text with letters but no topic (issue 12, i12k): a date or time alone, a keyboard test, one
#: kana, a letter repeated, Korean consonant laughter. Before, each got three choices
#: (「test」 → 印鑑登録 / 婚姻届 / ごみの分け方; 「2024年4月1日」 → 転入 / 国保 / ごみの収集日).
TOPICLESS = [
    "2024年4月1日",
    "令和7年 3月31日",
    "April 1, 2024",
    "4月1日 10時",
    "test",
    "ＴＥＳＴ",
    "ﾃｽﾄ",
    "测试",
    "테스트",
    "asdf",
    "あ",
    "ああああ",
    "www",
    "ㅎㅎ",
]


def test_wordless_questions_go_to_the_general_contact(platform: Platform) -> None:
    with platform.db.write() as session:
        load_demo(session)
    for question in WORDLESS + TOPICLESS:
        result = platform.answering.ask("aoba-city", question, record=False)
        assert result.decision is Decision.NO_ANSWER, question
        assert not result.choices and result.answer is None, question
        assert result.contact is None, question  # the general contact, no department guessed
    # One word is enough to be asked about.
    assert platform.answering.ask("aoba-city", "住民票", record=False).decision is not (
        Decision.NO_ANSWER
    )


@pytest.mark.parametrize(
    "question",
    [
        "ごみ",
        "tax",
        "쓰레기",
        "垃圾",
        "犬",  # one kanji can be a topic
        "税",
        "4月から保育園",  # a date with a topic
        "5月の第2日曜日は開いてる？",
        "May I get a copy by mail?",  # "May" is not a month here
        "test の結果が届かない",  # a probe word inside a question
        "いつ",
    ],
)
def test_a_word_in_any_script_is_a_question(question: str) -> None:
    from jichitai_ai.text.contentless import says_nothing

    assert not says_nothing(question)


@pytest.mark.parametrize("question", TOPICLESS + WORDLESS)
def test_topicless_text_says_nothing(question: str) -> None:
    from jichitai_ai.text.contentless import says_nothing

    assert says_nothing(question)
