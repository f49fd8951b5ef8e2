"""Blind set em12 (see ``blind_em12``): seven situations no earlier set used, in six languages.
Its blind run on main's detector: 12 / 42 missed, 7 other kind, 3 / 42 false alarms. Since em12
(NOT blind: written after that run) a present-danger scorer reads the story's structure
(``emergency/present.py``: someone stuck, not answering or in bodily distress, now) and a worry
about what may happen is blanked (倒れたら怖い, 担心 … 会): 7 / 42 missed, 10 other kind,
1 / 42 false alarms (main's: hearsay of a hole that caved in "somewhere once");
docs/benchmarks.md §7.36.

These tests pin: both sets are whole and their key words new; the rows the scorer catches get
a card (8, all fail on main); the look-alikes of both sets get none but main's two, exactly
(per language); the scorer's gates (a question, calm, no third person, one form); the worry
blanking. The held-back set (``blind_em12 holdout``, written after the scorer, committed before
its first run): main 20 / 36 missed, the scorer's blind run 19 / 36, after widening its forms to
constructions (NOT blind) 17 / 36; 1 / 36 false alarm (main's) throughout.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.present import present_danger
from tests.emergency.checks import alarms, words_in_other_sets
from tests.emergency.corpora import HERE, _rows

LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")
EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em12_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em12_ordinary.csv")]
HOLDOUT = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em12_holdout.csv")]
HOLDOUT_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em12_holdout_ordinary.csv")]

#: Caught by the present-danger scorer alone (main gave no card): a card, 119 (medical).
BY_STRUCTURE = [
    ("en", EMERGENCIES[2 * 7 + 1][2]),  # an arm in a combine harvester, he can't pull it out, quiet
    ("zh-Hans", EMERGENCIES[3 * 7 + 5][2]),  # a roommate, locked door, 敲门不回应
    ("zh-Hant", EMERGENCIES[4 * 7 + 4][2]),  # fireworks fired at a man, 他一直閃不掉
    ("ko", EMERGENCIES[5 * 7 + 1][2]),  # an arm in a combine, 안 빠지고, 대답이 점점 약해져요
    ("ko", EMERGENCIES[5 * 7 + 5][2]),  # a roommate, locked door, 대답이 없어요
]


#: Caught by the scorer in the held-back set (main gave none): the ko gate row on its blind run;
#: the en gate and zh-Hans magnet rows after the forms were widened to constructions (not blind).
HOLDOUT_BY_STRUCTURE = [
    ("en", HOLDOUT[2 * 6 + 5][2]),  # head between gate bars, won't come back out, getting red
    ("zh-Hans", HOLDOUT[3 * 6 + 3][2]),  # swallowed magnets, 一直捂着肚子吐
    ("ko", HOLDOUT[5 * 6 + 5][2]),  # head between gate bars, 안 빠져요, 점점
]


#: Key words of em12's situations, grepped in every earlier set before the sets were written.
NEW_WORDS = (
    "エスカレーター",
    "escalator",
    "扶梯",
    "에스컬레이터",
    "コンバイン",
    "combine harvester",
    "收割",
    "콤바인",
    "砂浜",
    "沙坑",
    "沙洞",
    "仏壇",
    "ろうそく",
    "candle",
    "蜡烛",
    "蠟燭",
    "촛불",
    "ロケット花火",
    "bottle rockets",
    "冲天炮",
    "沖天炮",
    "폭죽",
    "落石",
    "rockfall",
    "낙석",
    "バスのドア",
    "bus door",
    "サイロ",
    "silo",
    "筒仓",
    "筒倉",
    "髪",
    "hair",
    "头发",
    "頭髮",
    "머리채",
    "磁石",
    "magnet",
    "磁力珠",
    "자석",
    "探さないで",
    "don't look for me",
    "别找我",
    "別找我",
    "鉄格子",
    "iron bars",
    "铁栏杆",
    "鐵欄杆",
    "쇠창살",
)


def test_the_sets_are_whole_and_new() -> None:
    assert words_in_other_sets(NEW_WORDS, "em12_", later=("em13_", "em14_")) == []
    assert [lang for lang, _, _ in EMERGENCIES] == [lang for lang in LANGUAGES for _ in range(7)]
    assert [lang for lang, _ in ORDINARY] == [lang for lang in LANGUAGES for _ in range(7)]
    assert [lang for lang, _, _ in HOLDOUT] == [lang for lang in LANGUAGES for _ in range(6)]
    assert [lang for lang, _ in HOLDOUT_ORDINARY] == [lang for lang in LANGUAGES for _ in range(6)]


@pytest.mark.parametrize(("language", "text"), BY_STRUCTURE + HOLDOUT_BY_STRUCTURE)
def test_stories_told_by_their_structure_get_a_card(language: str, text: str) -> None:
    assert detect_emergency(text) == [EmergencyKind.MEDICAL], language


#: Main's situation rules alarm on hearsay told in the past tense without a calm word, and on a
#: question whether a child could get stuck (held-back set).
MAINS_ALARMS = {
    text
    for _, text in ORDINARY + HOLDOUT_ORDINARY
    if "somewhere once" in text or "could a kid get their head stuck" in text
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_look_alikes_get_no_card_but_mains_own(language: str) -> None:
    alarmed = {text for text, _ in alarms(ORDINARY + HOLDOUT_ORDINARY, language)}
    assert alarmed == {t for lang, t in ORDINARY + HOLDOUT_ORDINARY if lang == language} & (
        MAINS_ALARMS
    )


@pytest.mark.parametrize(
    "text",
    [
        "my dad's hand is stuck in the machine and he can't pull it out, he's gone quiet",
        "兄の腕が機械に挟まって抜けない、返事もない",
        "他的手卡在里面拔不出来，叫他也不回应",
        "아버지 팔이 안 빠지고 대답이 없어요",
    ],
)
def test_two_forms_about_someone_score(text: str) -> None:
    assert present_danger(text) == [EmergencyKind.MEDICAL]


@pytest.mark.parametrize(
    "text",
    [
        "my dad's hand got stuck and he can't pull it out, what should he do?",  # a question
        "昨日、兄の腕が抜けなくて返事もなかった",  # calm: the past
        "the lid won't come off and nobody will answer the phone",  # no third person
        "他的戒指拔不出来",  # one form only
        "아버지가 전화를 안 받아요",  # one form only
    ],
)
def test_gates_keep_ordinary_texts_out(text: str) -> None:
    assert present_danger(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("仏壇のろうそくが倒れたら怖いです", []),  # a worry about what may happen
        ("担心以后会冒火花", []),
        ("父が急に倒れたらしい、救急車を", [EmergencyKind.MEDICAL]),  # hearsay of a fall now
        ("火事です、担心火会烧过来", [EmergencyKind.FIRE]),  # named first, worry after
    ],
)
def test_a_worry_about_what_may_happen_is_blanked(text: str, kinds: list[EmergencyKind]) -> None:
    assert detect_emergency(text) == kinds
