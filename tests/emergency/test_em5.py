"""Blind sets em5 (see ``blind_em5``) and the cue-combination layer (``emergency/cues.py``).

Set 1 (72 + 72) was run once on main (61 missed); set 2 (36 + 36) was written after the layer and
run once on it (26 missed, main 31) before the last layer changes. After (not blind): every
emergency gets a card (of its kind, but for two; the last two misses since em8), no look-alike does, in
all six languages; a blind miss per language gets the card first on the resident page. These
fail on main.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.cues import cue_kinds, warning_signs
from jichitai_ai.services.platform import Platform
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.blind_em5 import SETS
from tests.emergency.checks import alarms, assert_card_first
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [
    (r["language"], r["kind"], r["text"]) for name, _ in SETS.values() for r in _rows(HERE / name)
]
ORDINARY = [(r["language"], r["text"]) for _, name in SETS.values() for r in _rows(HERE / name)]
#: Missed after em5 (docs/benchmarks.md §7.17), caught since em8 (§7.22): cleaners mixed, said
#: in Chinese with 消毒液 (a substance, no longer the service word 消毒), and a volcano with
#: stones falling, said in Korean (falling stones are a disaster sign beside the eruption).
CAUGHT_SINCE_EM8 = {
    "我把84消毒液和洁厕灵混在一起用了，现在一直咳嗽，胸口发闷": EmergencyKind.MEDICAL,
    "화산이 분화해서 돌이 떨어지고 있어요": EmergencyKind.DISASTER,
}
#: A card, but of another kind (119 is on both): the rules see 回應 / たおれて first.
OTHER_KIND = {
    "電梯卡在兩層樓中間，按緊急按鈕都沒有人回應",
    "トラックが　たおれて　へんな　においの　みずが　ひろがって　いる",
}
#: One blind miss per language (set 1 on main): a birth coming, a child beaten next door, the
#: power bank smoking, a rope bought and an apology, a snake bite, a road caving in.
ON_THE_PAGE = {
    "ja": "ロープを買ってきた。今まで迷惑をかけてごめんなさい",
    "easy": "つまの　おなかが　いたくて　あかちゃんが　いま　うまれそう　です",
    "en": "the power bank on my desk is swelling up and hissing and there's smoke coming out of it",
    "zh-Hans": "隔壁一直传来小孩哭喊“别打了”的声音，已经好久了",
    "zh-Hant": "太太陣痛很密了，寶寶好像快要生出來了",
    "ko": "산에서 뱀에 물렸는데 다리가 점점 부어올라요",
}


def test_both_sets_have_every_language() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in EMERGENCIES if row[0] == lang) == 18, lang
        assert sum(1 for row in ORDINARY if row[0] == lang) == 18, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_emergency_gets_a_card_of_its_kind(lang: str) -> None:
    missed = []
    for language, kind, text in EMERGENCIES:
        if language != lang:
            continue
        found = detect_emergency(text)
        if not found or (text not in OTHER_KIND and EmergencyKind(kind) not in found):
            missed.append((kind, text, found))
    assert missed == []


@pytest.mark.parametrize("text", sorted(CAUGHT_SINCE_EM8))
def test_the_em5_leftovers_are_caught_since_em8(text: str) -> None:
    assert detect_emergency(text) == [CAUGHT_SINCE_EM8[text]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_look_alike_is_taken_for_an_emergency(lang: str) -> None:
    assert alarms(ORDINARY, lang) == []


def test_blind_misses_get_the_card_first_in_every_language(platform: Platform) -> None:
    assert_card_first(platform, ON_THE_PAGE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # known leftovers of em3/em4: over a bridge's guardrail; support after a forest fire
        ("他翻过桥上护栏外面了", [EmergencyKind.SUICIDE]),
        ("山火事の被害の支援", []),
        ("被车撞坏的护栏向谁报告", []),
    ],
)
def test_known_leftovers(text: str, expected: list[EmergencyKind]) -> None:
    assert detect_emergency(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two signs; one sign with a now cue; one sign with a third person
        ("吐いてしまって起きない", [EmergencyKind.MEDICAL]),
        ("コンセントから急に火花が出た", [EmergencyKind.FIRE]),
        ("my husband got bitten by a snake", [EmergencyKind.MEDICAL]),
        # one sign alone, a worry, a service question: nothing
        ("咳が止まらない", []),
        ("ベランダの手すりにのぼって遊ぶ子どもが心配", []),
        ("엘리베이터가 멈췄는데 언제 고쳐지나요", []),
        ("my son smashed a window playing ball who do I call to fix it", []),
        # over, habitual or calm: a sign with a third person is no emergency then
        ("子どもが頭を打ったけど元気、念のため受診できる病院", []),
        ("my son threw up at school yesterday can he go back today", []),
        ("아이가 토해서 어린이집을 쉬어요", []),
        # suicide warning signs: together yes, one alone no
        ("ロープを買ってきた。今まで迷惑をかけてごめんなさい", [EmergencyKind.SUICIDE]),
        ("ロープを買ってきた。キャンプに行きます", []),
        ("今までありがとう、来月で退職します", []),
    ],
)
def test_cue_layer_alone(text: str, expected: list[EmergencyKind]) -> None:
    assert cue_kinds(text) == expected


def test_suicide_warning_signs_count_inside_a_service_word() -> None:
    text = "I've given my cat to a friend and written letters to everyone. tonight I'll finally be at peace"
    assert warning_signs(text) == [EmergencyKind.SUICIDE]
    assert detect_emergency(text) == [EmergencyKind.SUICIDE]
    assert warning_signs("how many pills can I take for a headache") == []
