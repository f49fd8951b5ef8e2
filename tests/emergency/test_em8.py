"""Blind set em8 (see ``blind_em8``): 8 emergencies and 10 look-alikes per language in situations
no earlier set used, run once on main's detector (42 / 48 missed, 1 of another kind, 0 / 60 false
alarms; docs/benchmarks.md §7.22), then general danger categories (``emergency/categories.py``)
written with the misses in view — NOT blind — and 36 look-alikes of their words
(``em8_probes_ordinary.csv``) written after them and committed before their first run.

These tests pin: the set is new (its situations' key words appear in no earlier emergency set),
every row main caught keeps a card, each blind miss now gets a card of its kind (but the ones
listed), no look-alike or probe gets a card (but two that main's situation rules already alarm
on), the dependent signs give no card alone, and a blind miss per language gets the card first
on the resident page (fails on main).
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.cues import cue_kinds, warning_signs
from jichitai_ai.services.platform import Platform
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.checks import alarms, assert_card_first
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em8_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em8_ordinary.csv")]
PROBES = [(r["language"], r["text"]) for r in _rows(HERE / "em8_probes_ordinary.csv")]

#: Missed by main on the blind run (docs/benchmarks.md §7.22).
MISSED_ON_MAIN = [
    "停電で父の人工呼吸器が止まってしまった、予備のバッテリーもない",
    "駅のコインロッカーの前に置かれた紙袋から配線が出ていてカチカチ音がしている",
    "男が店員を人質にとってコンビニに立てこもっている",
    "湖でボートがひっくり返って、二人が船につかまって浮いている",
    "母が「もうすぐお父さんのところへ行くね」と言って、何日も薬を飲まずご飯も食べない",
    "煙突から火の粉が飛んで、屋根の上がオレンジ色に光っている",
    "ていでんで　おっとの　こきゅうの　きかいが　とまりました",
    "こどもが　いけの　こおりの　したに　おちました",
    "かみなりが　ひとに　おちました　うごきません",
    "えきに　あやしい　かばんが　あります　とけいの　ような　おとが　します",
    "みせの　なかで　おとこが　みせの　ひとを　つかまえて　はなしません",
    "ふねが　ひっくりかえりました　ひとが　みずの　なかに　います",
    "そぼが　「しんだ　おじいさんの　ところへ　いきたい」と　いって　ごはんを　たべません",
    "えんとつから　ひのこが　でて　やねが　あかく　なって　います",
    "power's out and my dad's ventilator just stopped and the backup battery is dead",
    "there's an unattended bag at the station with wires sticking out and it's ticking",
    "a man has taken the cashier hostage in the corner shop and won't let anyone leave",
    "our canoe capsized in the middle of the lake and two of us are holding on to it in freezing water",
    "my grandma keeps saying she's going to join grandpa soon and she's stopped taking her pills and eating",
    "sparks are shooting out of our chimney and the roof is glowing",
    "停电了，我爸的呼吸机停了，备用电池也没电",
    "孩子踩破冰掉进池塘里了，爬不上来",
    "操场上有个学生被雷劈了，躺在地上不动",
    "车站里有个没人管的包，露着电线还在滴答响",
    "有个男的在便利店里劫持了店员当人质",
    "湖上的船翻了，两个人抓着船泡在冰冷的水里",
    "奶奶一直说要去找去世的爷爷，好几天不吃药也不吃饭",
    "停電了，我爸的呼吸器停了，備用電池也沒電",
    "小孩踩破冰掉進池塘裡，爬不上來",
    "球場上有個學生被雷打到，躺在地上不動",
    "車站有個沒人顧的包包，露出電線還在滴答響",
    "有個男人在超商挾持店員當人質",
    "湖上的船翻了，兩個人抓著船泡在冰冷的水裡",
    "阿嬤一直說要去找過世的阿公，好幾天不吃藥也不吃飯",
    "정전돼서 아버지 인공호흡기가 멈췄어요 예비 배터리도 없어요",
    "아이가 연못 얼음이 깨져서 빠졌는데 못 올라와요",
    "운동장에서 학생이 벼락을 맞고 누워서 안 움직여요",
    "역에 주인 없는 가방이 있는데 전선이 나와 있고 째깍째깍 소리가 나요",
    "편의점에서 남자가 직원을 인질로 잡고 버티고 있어요",
    "호수에서 보트가 뒤집혀서 두 사람이 보트를 붙잡고 차가운 물에 떠 있어요",
    "할머니가 돌아가신 할아버지 곁으로 가겠다고 하시면서 며칠째 약도 밥도 안 드세요",
    "굴뚝에서 불티가 날리고 지붕이 빨갛게 빛나요",
]
#: A card of another kind on the blind run (a named trigger, "can't get out" → disaster; 119 is
#: on both cards), and still after; the ko row gets the disaster card from the cue layer (the
#: thin ice and the fall tie with "cannot get up", the hazard first).
OTHER_KIND = {
    "my son fell through the ice on the pond and can't get out": EmergencyKind.DISASTER,
    "아이가 연못 얼음이 깨져서 빠졌는데 못 올라와요": EmergencyKind.DISASTER,
}
#: Still missed: "grabbed and won't let go" was dropped as a sign (a child holding a beetle).
STILL_MISSED = {
    "みせの\u3000なかで\u3000おとこが\u3000みせの\u3000ひとを\u3000つかまえて\u3000はなしません"
}
#: Probes main's own situation rules already alarm on (返事をしな; "lightning hit"): left.
MAIN_ALARMS = {
    "中学生の息子が最近ずっと返事をしない",
    "lightning hit a tree in the park last night",
}

#: Key words of the eight situations, per language: none is in an earlier emergency set.
NEW_WORDS = [
    "人工呼吸器",
    "呼吸机",
    "呼吸器",
    "ventilator",
    "인공호흡기",
    "こきゅうの",
    "氷",
    "こおり",
    "through the ice",
    "얼음",
    "踩破冰",
    "雷",
    "かみなり",
    "벼락",
    "struck a boy",
    "配線",
    "カチカチ",
    "ticking",
    "滴答",
    "째깍",
    "unattended",
    "人質",
    "hostage",
    "劫持",
    "挾持",
    "인질",
    "つかまえて",
    "ひっくり",
    "capsized",
    "船翻",
    "뒤집혀",
    "お父さんのところ",
    "おじいさんの　ところ",
    "join grandpa",
    "去世的爷爷",
    "過世的阿公",
    "곁으로",
    "煙突",
    "えんとつ",
    "chimney",
    "烟囱",
    "煙囪",
    "굴뚝",
    "火の粉",
    "ひのこ",
    "불티",
]


def test_the_set_has_every_language_and_is_new() -> None:
    for lang in LANGUAGES:
        assert sum(1 for row in EMERGENCIES if row[0] == lang) == 8, lang
        assert sum(1 for row in ORDINARY if row[0] == lang) == 10, lang
        assert sum(1 for row in PROBES if row[0] == lang) == 6, lang
    assert {kind for _, kind, _ in EMERGENCIES} == {k.value for k in EmergencyKind}
    earlier = [
        r["text"]
        for path in HERE.glob("*.csv")
        # em14's rows overturn a tractor and a kayak (ひっくり返って), written later
        if not path.name.startswith(("em8_", "em14_")) and "kind" in _rows(path)[0]
        for r in _rows(path)
    ]
    for word in NEW_WORDS:
        assert any(word in text for _, _, text in EMERGENCIES), word
        assert not [text for text in earlier if word.lower() in text.lower()], word


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_main_caught_keeps_a_card(lang: str) -> None:
    for language, _, text in EMERGENCIES:
        if language == lang and text not in MISSED_ON_MAIN:
            assert detect_emergency(text), text


@pytest.mark.parametrize("text", [t for t in MISSED_ON_MAIN if t not in STILL_MISSED])
def test_the_blind_misses_now_get_a_card_of_their_kind(text: str) -> None:
    """Missed on the blind run; caught since em8 (not blind)."""
    kind = next(EmergencyKind(k) for _, k, t in EMERGENCIES if t == text)
    assert detect_emergency(text) == [OTHER_KIND.get(text, kind)]


@pytest.mark.parametrize("text", sorted(STILL_MISSED))
@pytest.mark.xfail(strict=True, reason="still missed after em8 (docs/benchmarks.md §7.22)")
def test_the_miss_left(text: str) -> None:
    assert detect_emergency(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_look_alike_or_probe_is_taken_for_an_emergency(lang: str) -> None:
    quiet = [(language, text) for language, text in ORDINARY + PROBES if text not in MAIN_ALARMS]
    assert alarms(quiet, lang) == []


@pytest.mark.parametrize("text", sorted(MAIN_ALARMS))
@pytest.mark.xfail(strict=True, reason="main's situation rules alarm (docs/benchmarks.md §7.22)")
def test_the_probes_main_alarms_on(text: str) -> None:
    assert detect_emergency(text) == []


#: Dependent signs (em8): alone nothing, beside another sign or a person a card.
ALONE = [
    "my kids are swimming in the lake right now",  # in the water
    "我的手机掉进河里了，现在开不了机",  # a thing fallen into water
    "時計のような音がずっとしている",  # ticking without a bag or a box
    "母は父のところへ行くと言っています",  # joining someone, no refusal of care
    "母は最近ご飯を食べない",  # refusing food, no talk of the dead
]
IN_COMPANY = {
    "the boat capsized and my kids are in the water": EmergencyKind.DISASTER,
    "孙子掉进池塘了": EmergencyKind.MEDICAL,
    "ベンチに置かれた箱から時計のような音がする、配線が出ている": EmergencyKind.CRIME,
}


@pytest.mark.parametrize("text", ALONE)
def test_a_dependent_sign_alone_gives_no_card(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize("text", sorted(IN_COMPANY))
def test_the_same_signs_in_company_give_a_card(text: str) -> None:
    assert cue_kinds(text) == [IN_COMPANY[text]]
    assert detect_emergency(text) == [IN_COMPANY[text]]


def test_joining_the_dead_with_care_refused_is_a_suicide_warning() -> None:
    text = "祖母が亡くなった祖父のところへ行くと言って薬を飲まない"
    assert warning_signs(text) == [EmergencyKind.SUICIDE]
    assert detect_emergency(text) == [EmergencyKind.SUICIDE]


#: One blind miss per language (on main): the card first on the resident page.
ON_THE_PAGE = {
    "ja": "停電で父の人工呼吸器が止まってしまった、予備のバッテリーもない",
    "easy": "ふねが\u3000ひっくりかえりました\u3000ひとが\u3000みずの\u3000なかに\u3000います",
    "en": "a man has taken the cashier hostage in the corner shop and won't let anyone leave",
    "zh-Hans": "奶奶一直说要去找去世的爷爷，好几天不吃药也不吃饭",
    "zh-Hant": "車站有個沒人顧的包包，露出電線還在滴答響",
    "ko": "굴뚝에서 불티가 날리고 지붕이 빨갛게 빛나요",
}


def test_blind_misses_get_the_card_first_in_every_language(platform: Platform) -> None:
    assert set(ON_THE_PAGE.values()) <= set(MISSED_ON_MAIN)
    assert_card_first(platform, ON_THE_PAGE)
