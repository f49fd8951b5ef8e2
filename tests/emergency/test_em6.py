"""Blind set em6 (see ``blind_em6``): 8 emergencies and 8 look-alikes per language in situations
no earlier set named, run once on main's detector (30 / 48 missed, 2 of another kind, 0 / 48
false alarms; docs/benchmarks.md §7.19), and 36 statements that open the cue gate (a third person,
a "now" cue, hardship) used as alarm probes for the gated second opinion.

The second opinion itself was not shipped (benchmarks/emergency/gated.py: 4 alarms on the probes).
em7 then added general sign classes to the cue layer (violent wind, a danger heading this way, a
drink spiked, a stranger leading someone away, a body part pulled into a machine, unable to walk
or stand, an object swallowed, lost outdoors as night falls; suicide: saying one will go into the
water with a message or shoes left behind) — NOT blind, written with the 30 misses in view. These
tests pin: every look-alike and probe (em6's and em7's) gets no card, every row main caught keeps
its card kind, and each of the 30 blind misses now gets a card of its own kind.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from tests.emergency.blind_em1 import LANGUAGES
from tests.emergency.checks import alarms, wrong_kinds
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em6_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em6_ordinary.csv")]
PROBES = [(r["language"], r["text"]) for r in _rows(HERE / "em6_probes_ordinary.csv")]
#: em7's look-alikes of its new classes (committed before their first run: 10 / 36 alarms then).
PROBES_EM7 = [(r["language"], r["text"]) for r in _rows(HERE / "em7_probes_ordinary.csv")]

#: Missed by main on the blind run (docs/benchmarks.md §7.19).
MISSED_ON_MAIN = [
    "バーで友達の飲み物に何か入れられたみたいで立てない、知らない男が連れ出そうとしてる",
    "工場で同僚の腕が機械に巻き込まれて抜けない",
    "登山で道に迷って日が暮れてきた、仲間が足をひねって歩けない、電池も残り少ない",
    "妹が「今夜海に入る」とメッセージを送ってきて、浜辺に靴だけ置いてあった",
    "たつまきが\u3000きて\u3000やねが\u3000とんで\u3000いきました",
    "ともだちの\u3000のみものに\u3000くすりを\u3000いれられました\u3000ともだちが\u3000たてません",
    "こうじょうで\u3000ひとの\u3000うでが\u3000きかいに\u3000はさまって\u3000ぬけません",
    "やまで\u3000みちが\u3000わかりません\u3000よるに\u3000なりました\u3000たすけて",
    "いもうとが\u3000うみに\u3000はいって\u3000しぬと\u3000いいました\u3000くつが\u3000ありました",
    "a tornado just ripped the roof off the house across the street and it's heading our way",
    "I think someone put something in my friend's drink at the bar and a guy is trying to walk her out",
    "we're lost on the mountain trail it's getting dark and my friend twisted her ankle",
    "my sister texted that she's going to walk into the sea tonight and her shoes are on the beach",
    "龙卷风把对面房子的屋顶掀掉了，正往我们这边来",
    "朋友在酒吧的饮料好像被人下了药，站不起来，有个陌生男人要把她带走",
    "同事的手臂被卷进机器里拔不出来",
    "爬山迷路了，天快黑了，同伴扭伤脚走不了，手机快没电了",
    "妹妹发消息说今晚要走进海里，海边只剩下她的鞋",
    "两岁的孩子把纽扣电池吞下去了",
    "龍捲風把對面房子的屋頂掀掉了，正朝我們這邊過來",
    "朋友在酒吧的飲料好像被下藥，站不起來，有個陌生男子要把她帶走",
    "同事的手臂被捲進機器裡拉不出來",
    "爬山迷路了，天快黑了，同伴扭傷腳走不動，手機快沒電了",
    "妹妹傳訊息說今晚要走進海裡，海邊只留下她的鞋子",
    "兩歲的小孩把鈕扣電池吞下去了",
    "토네이도가 건너편 집 지붕을 날려버렸고 우리 쪽으로 오고 있어요",
    "공장에서 동료 팔이 기계에 말려 들어가서 안 빠져요",
    "등산하다 길을 잃었어요 해가 지고 있고 친구가 발목을 삐어서 못 걸어요",
    "여동생이 오늘 밤 바다에 들어가겠다고 문자를 보냈고 바닷가에 신발만 있어요",
    "두 살 아이가 단추형 전지를 삼켰어요",
]
#: A card on the blind run, but of another kind (119 is on the disaster and medical cards).
OTHER_KIND = {
    "my coworker's arm got pulled into the conveyor machine and he's stuck": EmergencyKind.DISASTER,
    "술집에서 친구 음료에 누가 약을 탄 것 같아요 친구가 못 일어나는데 모르는 남자가 데려가려고 해요": EmergencyKind.MEDICAL,
}
#: Still of another kind after em7: a situation rule (못 일어나 → medical) answers before the cue
#: layer is asked. The machine row gets the medical card since em7 (a body part pulled into a
#: machine is a second medical sign beside "stuck").
STILL_OTHER_KIND = {
    "술집에서 친구 음료에 누가 약을 탄 것 같아요 친구가 못 일어나는데 모르는 남자가 데려가려고 해요": EmergencyKind.MEDICAL,
}

#: Found after the run: the car fire repeats em2 set 2 (5 languages) and this row verbatim; a
#: swallowed battery and a fall from a ladder were in English rows of em2 / round 4.
KNOWN_REPEAT = {"くるまから　ひが　でて　います"}


def test_the_set_has_every_language_and_is_new() -> None:
    older = {
        r["text"]
        for path in HERE.glob("*.csv")
        if not path.name.startswith("em6_")
        for r in _rows(path)
    }
    for lang in LANGUAGES:
        assert sum(1 for row in EMERGENCIES if row[0] == lang) == 8, lang
        assert sum(1 for row in ORDINARY if row[0] == lang) == 8, lang
        assert sum(1 for row in PROBES if row[0] == lang) == 6, lang
    kinds = {kind for _, kind, _ in EMERGENCIES}
    assert kinds == {k.value for k in EmergencyKind}
    assert older & {text for _, _, text in EMERGENCIES} == KNOWN_REPEAT
    assert not older & {text for _, text in ORDINARY + PROBES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_main_caught_gets_a_card_of_its_kind(lang: str) -> None:
    caught = [
        (language, STILL_OTHER_KIND.get(text, kind), text)
        for language, kind, text in EMERGENCIES
        if text not in MISSED_ON_MAIN
    ]
    assert wrong_kinds(caught, lang) == []


@pytest.mark.parametrize("text", MISSED_ON_MAIN)
def test_the_blind_misses_now_get_a_card_of_their_kind(text: str) -> None:
    """Missed on the blind run; caught since em7 (not blind)."""
    kind = next(EmergencyKind(k) for _, k, t in EMERGENCIES if t == text)
    assert detect_emergency(text) == [kind]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_look_alike_or_probe_is_taken_for_an_emergency(lang: str) -> None:
    assert alarms(ORDINARY + PROBES + PROBES_EM7, lang) == []


#: em7's signs that count only beside another (night falling, something heading this way) and a
#: warning issued (information, not the hazard): alone they give no card, in company they do.
ALONE = ["天快黑了，我们在公园散步", "母がこちらに向かっています", "竜巻注意情報が出ています"]
IN_COMPANY = {
    "my son is lost in the woods and it's getting dark": EmergencyKind.DISASTER,
    "竜巻がこっちに向かってきている": EmergencyKind.DISASTER,
    "弟が道に迷ったみたいで帰ってこない": EmergencyKind.DISASTER,
}


@pytest.mark.parametrize("text", ALONE)
def test_a_sign_that_needs_company_alone_gives_no_card(text: str) -> None:
    assert detect_emergency(text) == []


@pytest.mark.parametrize("text", IN_COMPANY)
def test_the_same_signs_in_company_give_a_card(text: str) -> None:
    assert detect_emergency(text) == [IN_COMPANY[text]]
