"""Blind set em13 and its held-back set (see ``blind_em13``): situations no earlier set used, in
six languages. Blind on main's detector: 30 / 42 missed, 1 other kind, 1 / 42 false alarms. Since
em13 an act done to a person now is read by its clause shape (``emergency/acts.py``: a verb of
harm, a person or body part as its patient, something going on; the agent gives the kind —
an animal 119, a person 110), asked last and only where no other layer found a kind:
17 / 42 missed (NOT blind: the set was written before the layer, by the same hand). Its blind
test, the held-back set written after the layer and committed before its first run: main
17 / 36 missed, the layer 13 / 36, 2 / 36 false alarms (main's) throughout; after widening
(NOT blind, from that run's misses: the たり-form, a modifier before the zh patient, 拳打脚踢,
the zh animal passive) 2 / 36. docs/benchmarks.md §7.41.

These tests pin: both sets are whole and their key words new; the rows the act layer catches
get a card of their kind (28, all fail on main); the look-alikes get none but main's three,
exactly; made-up acts in every language get the agent's kind; the gates (a question, the past,
a hypothetical, a patient that is no person, words that only look like a verb of harm).
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.acts import act_on_person
from tests.emergency.checks import alarms, words_in_other_sets
from tests.emergency.corpora import HERE, _rows

K = EmergencyKind
LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")
BLIND = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em13_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em13_ordinary.csv")]
HOLDOUT = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em13_holdout.csv")]
HOLDOUT_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em13_holdout_ordinary.csv")]

#: Blind rows of the three act stories (monkey, umbrella, hanger): 13 of the 18 main missed.
BLIND_ACTS = [
    row
    for i, row in enumerate(BLIND)
    if i % 7 in (0, 1, 4)  # each language lists the situations in the same order
]
#: Held-back rows still missed after em13: つので ついて is no verb of harm the layer reads.
#: (The care-home row, silenced by 介護 marking the text calm, gets its card since em14:
#: 介護施設 and 介護職員 are a place and a person, not the calm service word.)
HOLDOUT_STILL_MISSED = {
    "こうえんで しかが おじいさんを つので ついて います。おじいさんが おきられません",
}
#: Main's named ぐったり wins on the ja taxi row (medical; 119 reaches the driver).
HOLDOUT_OTHER_KIND = {HOLDOUT[3][2]}
#: Main's own alarms: a hearsay hanger story before a question, 殴られる事件 (뺨을 때렸어요
#: last month before a request is quiet since em14: a month or more ago, read like a service
#: question).
MAINS_ALARMS = {ORDINARY[4][1], HOLDOUT_ORDINARY[3][1]}

#: Key words of em13's situations, grepped in every earlier set before the sets were written.
NEW_WORDS = (
    "猿",
    "monkey",
    "猴",
    "원숭이",
    "駅員",
    "station attendant",
    "站务员",
    "站務員",
    "역무원",
    "観覧車",
    "ferris wheel",
    "摩天轮",
    "摩天輪",
    "관람차",
    "チェーンソー",
    "chainsaw",
    "电锯",
    "鏈鋸",
    "체인톱",
    "ハンガー",
    "hanger",
    "衣架",
    "옷걸이",
    "乗馬",
    "horse",
    "马术",
    "騎馬",
    "승마",
    "給水塔",
    "water tower",
    "水塔",
    "물탱크",
    "鹿",
    "deer",
    "사슴",
    "体育館",
    "体育馆",
    "體育館",
    "체육관",
    "車椅子",
    "wheelchair",
    "轮椅",
    "輪椅",
    "휠체어",
    "クラゲ",
    "jellyfish",
    "水母",
    "해파리",
    "taxi",
    "出租车",
    "計程車",
    "택시",
)


def test_the_sets_are_whole_and_new() -> None:
    assert words_in_other_sets(NEW_WORDS, "em13_") == []
    assert [lang for lang, _, _ in BLIND] == [lang for lang in LANGUAGES for _ in range(7)]
    assert [lang for lang, _ in ORDINARY] == [lang for lang in LANGUAGES for _ in range(7)]
    assert [lang for lang, _, _ in HOLDOUT] == [lang for lang in LANGUAGES for _ in range(6)]
    assert [lang for lang, _ in HOLDOUT_ORDINARY] == [lang for lang in LANGUAGES for _ in range(6)]
    assert len(BLIND_ACTS) == 18 and len(MAINS_ALARMS) == 2


@pytest.mark.parametrize(("language", "kind", "text"), BLIND_ACTS)
def test_blind_acts_get_the_agents_card(language: str, kind: str, text: str) -> None:
    assert detect_emergency(text) == [EmergencyKind(kind)], language


@pytest.mark.parametrize(
    ("language", "kind", "text"), [row for row in HOLDOUT if row[2] not in HOLDOUT_STILL_MISSED]
)
def test_held_back_emergencies_get_a_card_of_their_kind(
    language: str, kind: str, text: str
) -> None:
    found = detect_emergency(text)
    assert found, language
    assert (EmergencyKind(kind) in found) == (text not in HOLDOUT_OTHER_KIND), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_look_alikes_get_no_card_but_mains_own(language: str) -> None:
    questions = ORDINARY + HOLDOUT_ORDINARY
    alarmed = {text for text, _ in alarms(questions, language)}
    assert alarmed == {t for lang, t in questions if lang == language} & MAINS_ALARMS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("知らない男が弟を棒で何度も殴ってる", K.CRIME),
        ("近所の犬が妹の足にかみついてる", K.MEDICAL),
        ("おとこの ひとが おかあさんを けって います", K.CRIME),
        ("two men are kicking a guy on the ground outside the bar", K.CRIME),
        ("a big dog is mauling my neighbour's son", K.MEDICAL),
        ("our puppy is biting my son and won't let go", K.MEDICAL),
        ("楼下有个男的正在用皮带抽他老婆", K.CRIME),
        ("一只野狗咬住了我弟弟的腿", K.MEDICAL),
        ("樓下有個男的一直打他太太", K.CRIME),
        ("술 취한 남자가 편의점 직원을 계속 때려요", K.CRIME),
        ("멧돼지가 아이 다리를 물었어요 피가 많이 나요", K.MEDICAL),
        ("電車のドアにはさまった子どもがひきずられてる", K.MEDICAL),
    ],
)
def test_made_up_acts_get_the_agents_kind(text: str, kind: EmergencyKind) -> None:
    assert act_on_person(text) == [kind]
    assert detect_emergency(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "子どもが友達を殴っているのを見たらどうすればいいですか",  # asked
        "先週、兄が弟をたたいていました",  # the past
        "もし犬が人にかみついたら飼い主の責任ですか",  # a hypothetical
        "子どもたちが空き缶をたたいてる",  # the patient is no person
        "先生が生徒の肩をたたいてる",  # a pat on the shoulder
        "みんなで手をたたいてる",  # clapping
        "健診が受けられる日を教えて",  # 受けられる is no kick
        "is he kicking the ball or passing it?",  # asked
        "the dog was biting my son's shoes last week",  # the past
        "他在打电话",  # a phone call
        "如果狗咬了人怎么办",  # a hypothetical
        "아이가 공을 차고 있어요",  # a ball
        "아기가 손가락을 물고 있어요",  # a baby's own finger
    ],
)
def test_gates_keep_ordinary_texts_out(text: str) -> None:
    assert act_on_person(text) == []
    assert detect_emergency(text) == []


def test_a_baby_kicking_in_the_womb_is_no_act() -> None:
    # main's cue layer alarms on it (kicking + keeps); the act layer adds nothing
    assert act_on_person("the baby keeps kicking me at night") == []
    assert act_on_person("おなかの赤ちゃんがずっと蹴ってる") == []
