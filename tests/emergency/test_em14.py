"""Blind set em14 and its held-back set (see ``blind_em14``): situations no earlier set used, in
six languages. Blind on main's detector: 23 / 48 missed, 7 other kind, 11 / 48 false alarms.
After em14's changes (NOT blind): 0 / 48 missed, 7 other kind (a tractor and a kayak
overturned read as disaster; the 119 number is on both cards), 0 / 48 false alarms. The
held-back set, written after the changes and committed before its first run: 25 / 36 missed,
2 other kind, 6 / 36 false alarms, the same as main; after widening (NOT blind) 1 / 36, 1, 0.
docs/benchmarks.md §7.46.

These tests pin: both sets are whole and their key words new; every emergency of both sets
gets a card (the other kinds exactly); no look-alike gets one; a danger only told of (advice
learned, a fear, the news) in a text that asks is blanked, a danger happening now is not; the
Korean 자 + 살 across a space is no 자살; "not moving his car" is no person's state.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.cues import is_long_past, untold
from tests.emergency.checks import alarms, words_in_other_sets
from tests.emergency.corpora import HERE, _rows

K = EmergencyKind
LANGUAGES = ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko")
BLIND = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em14_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em14_ordinary.csv")]
HOLDOUT = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em14_holdout.csv")]
HOLDOUT_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em14_holdout_ordinary.csv")]

#: Rows read as another kind: a tractor overturned on a grandfather (en, zh, ko: someone
#: underneath is read as a collapse), a kayak capsized (ja, やさしい日本語, ko: an overturned boat
#: is a water rescue, em8's own label), stones falling down a mountain (main's 掉下來, a fall).
OTHER_KIND = {
    BLIND[8 * 2 + 0][2]: K.DISASTER,
    BLIND[8 * 3 + 0][2]: K.DISASTER,
    BLIND[8 * 4 + 0][2]: K.DISASTER,
    BLIND[8 * 5 + 0][2]: K.DISASTER,
    BLIND[8 * 0 + 2][2]: K.DISASTER,
    BLIND[8 * 1 + 2][2]: K.DISASTER,
    BLIND[8 * 5 + 2][2]: K.DISASTER,
    HOLDOUT[6 * 4 + 4][2]: K.MEDICAL,
}
#: The held-back row still missed: stopping medicine and a phone, "no point going on" (これ以上
#: 続ける意味がない names nothing it would stop).
STILL_MISSED = {HOLDOUT[5][2]}

#: Key words of em14's situations, grepped in every earlier set before the sets were written
#: (the held-back set's escalator and the blind sea row's 砂浜 are em12's words, in other
#: situations).
NEW_WORDS = (
    "トラクター",
    "tractor",
    "拖拉机",
    "拖拉機",
    "트랙터",
    "ブランコ",
    "秋千",
    "鞦韆",
    "그네",
    "カヤック",
    "kayak",
    "皮划艇",
    "카약",
    "堤防",
    "levee",
    "제방",
    "ドアノブ",
    "门把",
    "門把",
    "문손잡이",
    "トンネル",
    "tunnel",
    "터널",
    "手紙",
    "편지",
    "河川敷",
    "riverbank",
    "河滩",
    "河濱",
    "둔치",
    "soba",
    "荞麦",
    "蕎麥",
    "메밀",
    "居酒屋",
    "izakaya",
    "偷拍",
    "湧き水",
    "解約",
)


def test_the_sets_are_whole_and_new() -> None:
    assert words_in_other_sets(NEW_WORDS, "em14_") == []
    assert [lang for lang, _, _ in BLIND] == [lang for lang in LANGUAGES for _ in range(8)]
    assert [lang for lang, _ in ORDINARY] == [lang for lang in LANGUAGES for _ in range(8)]
    assert [lang for lang, _, _ in HOLDOUT] == [lang for lang in LANGUAGES for _ in range(6)]
    assert [lang for lang, _ in HOLDOUT_ORDINARY] == [lang for lang in LANGUAGES for _ in range(6)]
    assert {kind for _, kind, _ in BLIND} == {k.value for k in EmergencyKind}


@pytest.mark.parametrize(
    ("language", "kind", "text"), [row for row in BLIND + HOLDOUT if row[2] not in STILL_MISSED]
)
def test_emergencies_get_a_card_of_their_kind(language: str, kind: str, text: str) -> None:
    assert detect_emergency(text) == [OTHER_KIND.get(text, EmergencyKind(kind))], language


@pytest.mark.parametrize("language", LANGUAGES)
def test_look_alikes_get_no_card(language: str) -> None:
    assert alarms(ORDINARY + HOLDOUT_ORDINARY, language) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # happening now, with a fear or the news beside it: the card stays
        ("아이가 숨을 안 쉬어요 죽을까 봐 무서워요 빨리 와 주세요", K.MEDICAL),
        ("孩子从楼梯上摔下来了，头在流血，我好怕，怎么办", K.MEDICAL),
        (
            "the news says the river is flooding and water is coming into my house now, where do I go",
            K.DISASTER,
        ),
        ("집에 불이 났어요 뉴스에도 나와요 어디로 가야 하나요", K.FIRE),
        ("I heard a scream next door and now someone is shouting help, what should I do", K.CRIME),
        ("my dad is on the floor and not moving", K.MEDICAL),
        ("자살하고 싶어요", K.SUICIDE),
        ("혼자 자살하려고 해요", K.SUICIDE),
        ("先月から父の様子がおかしくて、今倒れて息をしていません。どうすればいいですか", K.MEDICAL),
    ],
)
def test_a_danger_now_keeps_its_card(text: str, kind: EmergencyKind) -> None:
    assert detect_emergency(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour is not moving his car",
        "my neighbour won't move his car out of my space",
        "혼자 살아요",  # 혼자 + 살아요 is no 자살
        "남자 살해 사건 뉴스를 봤어요",
        "猫を友達に預けて旅行に行きました",
        "家族に手紙を書いて送りました。切手はどこで買えますか",
        "堤防の散歩道はどこから入れますか",
        "I heard you should get out if the river reaches the top of the levee. where is the shelter?",
        "上个月有人在我家门口拧门把手，能不能装个监控",
    ],
)
def test_ordinary_texts_stay_quiet(text: str) -> None:
    assert detect_emergency(text) == []


def test_untold_blanks_only_the_told_clause() -> None:
    kept = untold("지진 후에 바닷물이 빠지면 바로 대피하라고 들었어요 방재 지도는 어디서 받나요")
    assert "바닷물" not in kept and "방재 지도는" in kept
    kept = untold("아이가 숨을 안 쉬어요 죽을까 봐 무서워요")
    assert "숨을 안 쉬어요" in kept and "죽을까" not in kept
    assert "海水" not in untold("听说地震后海水退了就要马上跑，防灾地图在哪里领")
    assert untold("堤防から水が出ています") == "堤防から水が出ています"


def test_long_past_is_not_since_then() -> None:
    assert is_long_past("先月、夜中にドアノブを回されました")
    assert is_long_past("지난달 요양원 직원이 아버지 뺨을 때렸어요")
    assert not is_long_past("先月から父の様子がおかしい")
    assert not is_long_past("he has been confused since last month")
