"""Held-back set em11 (see ``blind_em11``): long stories that name an errand or a service before a
danger happening now. Its blind run on main's detector: 20 / 30 missed, 2 / 36 false alarms
(main's 冒火花 in a worry, zh-Hans and zh-Hant; since em12 a worry about what may happen,
担心 … 会, is blanked, so none). Since em11 a service word scopes only its own
clause and the clauses told after the last request are searched (``emergency/clauses.py``) —
NOT blind: 13 / 30 missed, the same 2 / 36 false alarms (docs/benchmarks.md §7.32).

These tests pin: the set is whole; the rows caught get a card of their kind (7 of them fail on
main); the look-alikes get none but main's two; background told before a question stays part of
the question; the clause split itself.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.clauses import after_last, split
from tests.emergency.corpora import HERE, _rows

LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")
EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em11_holdout.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em11_holdout_ordinary.csv")]

#: Still missed after em11: no rule of any layer names what the story tells (sparks from a
#: battery, a man outside a footbridge railing, shoes lined up), or the clause that tells it
#: also names the service (パスポートの申請の帰りに歩道橋を通ったら、…).
STILL_MISSED = {
    text
    for _, _, text in EMERGENCIES
    if any(
        word in text
        for word in (
            "バッテリー",
            "battery",
            "배터리",
            "歩道橋",
            "ほどうきょう",
            "footbridge",
            "天桥",
            "天橋",
            "육교",
            "move-in",
            "くさかりきで",
            "割草機",
        )
    )
}
#: Main's situation rules alarmed on 冒火花 in a worry (担心以后会冒火花) until em12 blanked
#: a worry about what may happen (``detector._SAFE``); none is left.
MAINS_ALARMS: set[str] = set()


def test_the_set_is_whole() -> None:
    assert [lang for lang, _, _ in EMERGENCIES] == [lang for lang in LANGUAGES for _ in range(5)]
    assert [lang for lang, _ in ORDINARY] == [lang for lang in LANGUAGES for _ in range(6)]
    assert len(STILL_MISSED) == 13 and not MAINS_ALARMS


@pytest.mark.parametrize(
    ("language", "kind", "text"), [row for row in EMERGENCIES if row[2] not in STILL_MISSED]
)
def test_rows_told_after_the_errand_get_a_card(language: str, kind: str, text: str) -> None:
    assert EmergencyKind(kind) in detect_emergency(text), language


@pytest.mark.parametrize(
    ("language", "text"),
    [
        row
        if row[1] not in MAINS_ALARMS
        else pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason="main's rules"))
        for row in ORDINARY
    ],
)
def test_look_alikes_get_no_card(language: str, text: str) -> None:
    assert detect_emergency(text) == [], language


@pytest.mark.parametrize(
    "text",
    [
        # background told before a question stays part of the question (em10 probes)
        "my grandpa says his breathing is weak since covid. is there a respiratory clinic nearby",
        "a dog keeps chasing kids on our street. who do I report it to",
        "「ごめん、子どもも一緒に行くね」って姉からLINEが来ました。市民プールに子ども料金はありますか",
    ],
)
def test_background_before_a_question_gets_no_card(text: str) -> None:
    assert detect_emergency(text) == []


def test_clauses_end_at_sentences_commas_and_turns() -> None:
    assert split("転入届を出しに来たんですが、車の中に子どもがいます") == [
        "転入届を出しに来たんです",
        "車の中に子どもがいます",
    ]
    assert split("I wanted to ask about my dog but the neighbour's dog bit him. Help") == [
        "I wanted to ask about my dog",
        "the neighbour's dog bit him",
        "Help",
    ]
    assert split("我想问手续可是他在流血") == ["我想问手续", "他在流血"]
    assert split("신청하러 왔는데 아이가 울어요") == ["신청하러 왔", "아이가 울어요"]


def test_only_clauses_after_the_last_request_count() -> None:
    def request(clause: str) -> bool:
        return "申請" in clause

    assert after_last("申請に来ました。子どもがぐったりしています", request) == (
        "子どもがぐったりしています"
    )
    assert after_last("子どもがぐったりしています。申請はどこですか", request) == ""
    assert after_last("子どもがぐったりしています", request) == "子どもがぐったりしています"
