"""Blind set em10 and its two held-back sets (see ``blind_em10``), run once on main's detector
— the blind figure: 16 / 48 missed, 4 of another kind, 1 / 66 false alarms (docs/benchmarks.md
§7.30). Then general classes of the person's state (``emergency/states.py``) written with the
misses in view — NOT blind — and 42 look-alikes of their words written after them and committed
before their first run; the held-back sets measure how far the classes reach.

These tests pin: the sets are new (their key words occur in no earlier emergency set) and
whole; every blind row gets a card of its kind (but the recorded other kinds; the one strict xfail,
a service word first, passes since em11); no look-alike gets a card; no probe gets a card but main's own four; the held-back rows
caught stay caught; the dependent signs give no card alone.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.cues import cue_kinds
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_ordinary.csv")]
HOLDOUT = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_holdout.csv")]
HOLDOUT2 = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_holdout2.csv")]
HOLDOUT2_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_holdout2_ordinary.csv")]
HOLDOUT3 = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_holdout3.csv")]
HOLDOUT3_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_holdout3_ordinary.csv")]
HOLDOUT_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_holdout_ordinary.csv")]

#: Key words of the eight situations and the four held-back ones, checked absent from every
#: earlier emergency set.
NEW_WORDS = (
    "フグ",
    "ふぐ",
    "pufferfish",
    "河豚",
    "복어",
    "フォークリフト",
    "forklift",
    "叉车",
    "堆高機",
    "지게차",
    "ハンマー",
    "hammer",
    "锤子",
    "鐵鎚",
    "망치",
    "足場",
    "scaffolding",
    "脚手架",
    "鷹架",
    "비계",
    "納屋",
    "barn",
    "柴房",
    "穀倉",
    "헛간",
    "浮き輪",
    "うきわ",
    "inflatable",
    "游泳圈",
    "튜브",
    "祭り",
    "庙会",
    "廟會",
    "crowd surge",
    "人压人",
    "人壓人",
    "イノシシ",
    "boar",
    "野猪",
    "山豬",
    "멧돼지",
    "冷凍庫",
    "freezer",
    "冷冻库",
    "냉동",
    "カミソリ",
    "razor",
    "剃刀",
    "刮鬍刀",
    "면도칼",
    # the second held-back set (a sauna, 一気飲み, a wave off the tetrapods, a crossbow, a note
    # and a bicycle found near a dam)
    "サウナ",
    "sauna",
    "桑拿",
    "三溫暖",
    "사우나",
    "一気飲み",
    "chug",
    "灌了",
    "원샷",
    "テトラ",
    "tetrapod",
    "消波块",
    "消波塊",
    "테트라포드",
    "ボウガン",
    "crossbow",
    "十字弓",
    "석궁",
    "ダム",
    "水库",
    "水庫",
    "댐",
    # the third held-back set (pesticide, a climbing frame, solar panels, a marathon, a golf club)
    "農薬",
    "pesticide",
    "农药",
    "農藥",
    "농약",
    "ジャングルジム",
    "climbing frame",
    "攀爬架",
    "정글짐",
    "太陽光",
    "solar",
    "太阳能",
    "太陽能",
    "태양광",
    "マラソン",
    "marathon",
    "马拉松",
    "馬拉松",
    "마라톤",
    "ゴルフ",
    "golf",
    "高尔夫",
    "高爾夫",
    "골프",
)
EARLIER = sorted(p for p in HERE.glob("*.csv") if not p.name.startswith("em10_"))


def test_the_sets_are_whole_and_new() -> None:
    assert len(EMERGENCIES) == 48 and len(ORDINARY) == 66
    assert len(HOLDOUT) == 24 and len(HOLDOUT_ORDINARY) == 24
    assert len(HOLDOUT2) == 30 and len(HOLDOUT2_ORDINARY) == 30
    assert len(HOLDOUT3) == 30 and len(HOLDOUT3_ORDINARY) == 30
    for rows in (EMERGENCIES, HOLDOUT, HOLDOUT2, HOLDOUT3):
        for language in ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko"):
            assert sum(1 for row in rows if row[0] == language) == len(rows) // 6
    kinds = {"fire", "medical", "crime", "suicide", "disaster"}
    assert all(
        kind in kinds and text for _, kind, text in EMERGENCIES + HOLDOUT + HOLDOUT2 + HOLDOUT3
    )
    earlier = "\n".join(p.read_text(encoding="utf-8") for p in EARLIER).lower()
    assert len(EARLIER) > 30
    assert [w for w in NEW_WORDS if w.lower() in earlier] == []


#: Missed by main on the blind run (docs/benchmarks.md §7.30, /work/notes/em10-blind-run.txt).
MISSED_ON_MAIN = [
    "祭りで人がすごい押し合いになって娘が人の下じきになってる、顔色がおかしい",
    "スーパーの駐車場で男がハンマーで車の窓を次々割ってて止めようとした人を追いかけてる",
    "姉から「もう疲れた、この子も連れていくね、ごめん」ってLINEが来て、赤ちゃんと二人で電話に出ない",
    "あねから\u3000「あかちゃんと\u3000いっしょに\u3000いなくなるね\u3000ごめんね」と\u3000メッセージが\u3000きました",
    "my sister just texted me sorry im taking the baby with me, we'll be together soon, "
    "and now she won't pick up",
    "my son's on an inflatable ring and the wind is pushing him out to sea "
    "he's getting further and further away",
    "我姐发微信说“我带孩子一起走了，对不起”，现在抱着宝宝电话打不通",
    "我本来要去区政府办户口的，路过车站旁边的工地，脚手架突然塌下来砸到人行道上，下面压着好几个人",
    "孩子坐着游泳圈被风吹到海里越漂越远",
    "我姊傳LINE說「要帶著寶寶一起走了，對不起」，現在電話都不接",
    "我今天要去區公所申請文件，經過車站旁的工地時鷹架突然倒下來壓到人行道，下面有人",
    "小孩坐著泳圈被風吹到外海，越漂越遠",
    "축제에서 사람들이 한꺼번에 밀려서 계단에 사람이 겹겹이 쌓였어요 딸이 맨 밑에 있는데 얼굴이 파래요",
    "아빠가 직접 잡은 복어를 손질해서 먹었는데 입술이 저리고 팔을 못 들어요 숨도 얕아요",
    "마트 주차장에서 어떤 남자가 망치로 차 유리를 깨면서 사람들을 쫓아다녀요",
    "언니가 아기 데리고 같이 갈게 미안해 라고 문자 보내고 전화를 안 받아요",
]
#: A card of another kind (119 on both): people crushed get the disaster card (someone
#: underneath, a crush, wins the tie over the colour of the face), a worker pinned under a
#: forklift too (main), and the ko scaffolding fallen (쓰러져, main's named trigger) the medical one.
OTHER_KIND = {
    "祭りで人がすごい押し合いになって娘が人の下じきになってる、顔色がおかしい": EmergencyKind.DISASTER,
    "庙会人太多挤倒了，楼梯那里人压人，我女儿被压在下面脸色发紫": EmergencyKind.DISASTER,
    "廟會人太多擠倒了，樓梯那邊人壓人，我女兒被壓在最下面臉色發紫": EmergencyKind.DISASTER,
    "축제에서 사람들이 한꺼번에 밀려서 계단에 사람이 겹겹이 쌓였어요 딸이 맨 밑에 있는데 얼굴이 파래요": (
        EmergencyKind.DISASTER
    ),
    "厂里叉车翻了工人的腿被压住了流了好多血": EmergencyKind.DISASTER,
    "오늘 구청에 서류 떼러 가는 길에 역 앞 공사장 옆을 지나가는데 비계가 갑자기 인도로 쓰러져서 사람들이 밑에 있어요": (
        EmergencyKind.MEDICAL
    ),
}
#: Missed after em10 (its strict xfail): the long zh-Hant story names a service first (區公所,
#: 申請); since em11 the service word scopes only its own clause, so the card shows.
SERVICE_FIRST = "我今天要去區公所申請文件，經過車站旁的工地時鷹架突然倒下來壓到人行道，下面有人"


def test_the_blind_figures_are_the_recorded_ones() -> None:
    texts = {t for _, _, t in EMERGENCIES}
    assert set(MISSED_ON_MAIN) <= texts and set(OTHER_KIND) <= texts and SERVICE_FIRST in texts


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    EMERGENCIES,
)
def test_every_blind_row_gets_a_card(language: str, kind: str, text: str) -> None:
    expected = OTHER_KIND.get(text, EmergencyKind(kind))
    assert expected in detect_emergency(text), language


@pytest.mark.parametrize(
    ("language", "text"), ORDINARY + HOLDOUT_ORDINARY + HOLDOUT2_ORDINARY + HOLDOUT3_ORDINARY
)
def test_look_alikes_get_no_card(language: str, text: str) -> None:
    assert detect_emergency(text) == [], language


PROBES = [(r["language"], r["text"]) for r in _rows(HERE / "em10_probes_ordinary.csv")]
#: Probes main's own situation rules alarm on (嘴唇发紫, 입술이 파래, 떠내려갔): left, recorded here.
MAIN_ALARMS = {
    "宝宝哭的时候嘴唇发紫，晚上能去哪里看",
    "寶寶哭的時候嘴唇發紫，晚上可以去哪裡看",
    "아기가 울 때 입술이 파래지는데 밤에 갈 수 있는 병원 있나요",
    "튜브가 바다로 떠내려갔는데 분실 신고 되나요",
}


@pytest.mark.parametrize(("language", "text"), PROBES)
def test_probes_get_no_card_but_mains_own(language: str, text: str) -> None:
    assert bool(detect_emergency(text)) == (text in MAIN_ALARMS), language


#: The held-back set after the classes written from its misses (NOT blind): all but two rows get
#: a card; the spray rows get the medical card (several people sick at once) and the zh / ko
#: razor rows main's crime card (刀, 칼을 들고).
HOLDOUT_STILL_MISSED = {
    "こうえんで\u3000いのししが\u3000こどもを\u3000かみました",
    "れいとうこに\u3000ひとが\u3000はいって\u3000とびらが\u3000あきません",
}


@pytest.mark.parametrize(("language", "kind", "text"), HOLDOUT)
def test_held_back_rows_get_a_card(language: str, kind: str, text: str) -> None:
    assert bool(detect_emergency(text)) == (text not in HOLDOUT_STILL_MISSED), language


#: The second held-back set after the classes written from its misses (NOT blind; its first
#: run caught 11 / 30, as main): all but these rows get a card (a cat is a pet service word, so
#: the cue layer is not asked; snoring and not waking names no call or shake).
HOLDOUT2_STILL_MISSED = {
    "サークルの飲み会で後輩が一気飲みさせられて、トイレの前で寝てていびきがすごくて起きない",
    "公園で男がボウガンで猫を撃ってて、子どもたちがまだ遊んでる",
    "公园里有个男的拿弩射猫，小孩还在旁边玩",
    "公園有個男的拿十字弓射貓，小孩還在旁邊玩",
    "공원에서 어떤 남자가 석궁으로 고양이를 쏘고 있는데 아이들이 옆에서 놀고 있어요",
}


@pytest.mark.parametrize(("language", "kind", "text"), HOLDOUT2)
def test_second_held_back_rows_get_a_card(language: str, kind: str, text: str) -> None:
    assert bool(detect_emergency(text)) == (text not in HOLDOUT2_STILL_MISSED), language


#: The third held-back set is the blind figure of the classes above and is left as measured
#: (19 / 30 caught, as main); a guard that what it caught stays caught.
HOLDOUT3_CAUGHT = 19


def test_third_held_back_set_keeps_what_it_caught() -> None:
    assert sum(1 for _, _, text in HOLDOUT3 if detect_emergency(text)) >= HOLDOUT3_CAUGHT


@pytest.mark.parametrize(
    "text",
    [
        "かぜで\u3000ごみが\u3000とおくに\u3000ながされました",  # carried away, no one
        "鍵をなくして玄関のドアが開かない",  # a door that will not open, no one inside
        "こどもが\u3000ボールで\u3000まどを\u3000わって\u3000しまいました",  # smashing alone
        "ドンドンたたく音がして眠れない",  # banging, no door stuck
        "どうせ俺なんかいなくても会社は回る",  # worthlessness, no means and not shut away
    ],
)
def test_dependent_signs_give_no_card_alone(text: str) -> None:
    assert cue_kinds(text) == [] and detect_emergency(text) == []
