"""Blind set em9 (see ``blind_em9``): 8 emergencies and 10 same-word look-alikes per language in
situations no earlier set used, run once on main's detector — the blind figure: 26 / 48 missed,
4 of another kind, 0 / 60 false alarms (docs/benchmarks.md §7.25). Then general categories
(``emergency/categories.py``, em9 part) written with the misses in view — NOT blind — and 36
look-alikes of their words (``em9_probes_ordinary.csv``) written after them and committed before
their first run.

These tests pin: the set is new (its key words occur in no earlier emergency set); every row main
caught keeps a card of its kind; each blind miss now gets a card of its kind, but the one strict
xfail left (a zh-Hant trench row) and the trench rows that get the disaster card (119 on both);
no look-alike gets a card; no probe gets a card but the nine main's own rules already alarm on;
the dependent signs (an avalanche, a lighter) give no card alone.
"""

from __future__ import annotations

import pytest

from jichitai_ai.emergency import EmergencyKind, detect_emergency
from jichitai_ai.emergency.cues import cue_kinds
from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em9_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em9_ordinary.csv")]
PROBES = [(r["language"], r["text"]) for r in _rows(HERE / "em9_probes_ordinary.csv")]

#: Missed by main on the blind run (docs/benchmarks.md §7.25, /work/notes/em9-blind-run.txt).
MISSED_ON_MAIN = [
    "前の車が蛇行運転していて運転手は酒に酔っているみたい、今小学校の方へ向かっている",
    "隣の男がうちの玄関に灯油をまいて、ライターを手に持って怒鳴っている",
    "兄が車庫の車の中にいて、排気管からホースを窓に引き込んでいる",
    "みちの\u3000マンホールに\u3000ひとが\u3000おちました\u3000よんでも\u3000こえが\u3000しません",
    "まえの\u3000くるまが\u3000ふらふら\u3000はしって\u3000います\u3000うんてんする\u3000ひとは\u3000おさけを\u3000のんで\u3000いる\u3000みたいです",
    "となりの\u3000ひとが\u3000げんかんに\u3000とうゆを\u3000まいて\u3000ライターを\u3000もって\u3000います",
    "やまで\u3000なだれが\u3000あって\u3000ともだちが\u3000ゆきの\u3000したに\u3000います",
    "あにが\u3000くるまの\u3000なかに\u3000いて\u3000くるまの\u3000うしろから\u3000ホースを\u3000まどに\u3000いれて\u3000います",
    "the car in front is weaving all over the road, the driver looks drunk and he's heading toward the primary school",
    "my neighbour is pouring kerosene on our front door and has a lighter in his hand",
    "my brother is sitting in his car in the garage with a hose running from the exhaust into the window",
    "挖水管的沟塌了，一个工人被土埋到胸口",
    "有人掉进没盖盖子的下水道井里，喊他也没有回应",
    "前面那辆车一直歪歪扭扭地开，司机好像喝醉了，正往小学那边开",
    "邻居把煤油泼在我家门口，手里拿着打火机在骂",
    "我哥坐在车库的车里，用管子把尾气接进车窗",
    "挖水管的溝渠坍了，一位工人被土埋到胸口",
    "有人掉進沒蓋的人孔裡，叫他都沒回應",
    "前面那台車一直蛇行，司機好像喝醉了，正往國小那邊開",
    "鄰居把煤油潑在我家門口，手上拿著打火機在罵",
    "我哥坐在車庫的車裡，用水管把排氣接進車窗",
    "뚜껑 열린 맨홀에 사람이 빠졌는데 불러도 대답이 없어요",
    "앞차가 지그재그로 달리는데 운전자가 술에 취한 것 같아요 지금 초등학교 쪽으로 가고 있어요",
    "옆집 남자가 우리 현관에 등유를 뿌리고 라이터를 들고 소리치고 있어요",
    "스키장 코스 밖에서 눈사태가 나서 친구가 눈에 묻혀 안 보여요",
    "형이 차고에 세운 차 안에 있는데 배기구에서 호스를 창문으로 연결해 놨어요",
]
#: A card of another kind: a worker buried in a caved-in trench gets the disaster card (blind run:
#: main's collapse and buried words; after: the zh-Hans row too, the hazard winning the tie over
#: the buried person); 119 is on both cards.
OTHER_KIND = {
    "挖水管的沟塌了，一个工人被土埋到胸口": EmergencyKind.DISASTER,
    "水道工事の現場で掘った溝が崩れて、作業員が胸まで土に生き埋めになっている": EmergencyKind.DISASTER,
    "こうじの　あなが　くずれて　ひとが　つちの　なかに　うまって　います": EmergencyKind.DISASTER,
    "the trench they were digging for the water pipe caved in and a worker is buried up to his chest": (
        EmergencyKind.DISASTER
    ),
    "수도관 공사하던 구덩이가 무너져서 인부가 가슴까지 흙에 묻혔어요": EmergencyKind.DISASTER,
}
#: Key words of the eight situations, checked absent from every earlier emergency set.
NEW_WORDS = (
    "生き埋め",
    "trench",
    "溝渠",
    "구덩이",
    "マンホール",
    "manhole",
    "人孔",
    "맨홀",
    "蛇行",
    "weaving",
    "歪歪扭扭",
    "지그재그",
    "灯油",
    "kerosene",
    "煤油",
    "등유",
    "ライター",
    "lighter",
    "打火机",
    "打火機",
    "라이터",
    "乾燥機",
    "dryer",
    "烘干机",
    "烘乾機",
    "건조기",
    "雪崩",
    "なだれ",
    "avalanche",
    "눈사태",
    "ホース",
    "exhaust",
    "尾气",
    "排氣",
    "배기구",
    "タンク",
    "储罐",
    "儲槽",
    "コインランドリー",
    "laundromat",
    "自助洗衣",
    "빨래방",
)
#: Every other set — but em12's, whose grep missed two em9 words: タンク (a feed tank a worker sank
#: in, em9: a factory tank with gas) and 구덩이 (a beach sand hole, em9: a trench); recorded in
#: docs/benchmarks.md §7.36.
EARLIER = sorted(p for p in HERE.glob("*.csv") if not p.name.startswith(("em9_", "em12_")))


def test_the_set_is_whole_and_new() -> None:
    assert len(EMERGENCIES) == 48 and len(ORDINARY) == 60
    earlier = "\n".join(p.read_text(encoding="utf-8") for p in EARLIER).lower()
    assert len(EARLIER) > 30
    assert [w for w in NEW_WORDS if w.lower() in earlier] == []
    texts = {t for _, _, t in EMERGENCIES}
    assert set(MISSED_ON_MAIN) <= texts and set(OTHER_KIND) <= texts


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [row for row in EMERGENCIES if row[2] not in MISSED_ON_MAIN],
)
def test_caught_rows_keep_their_card(language: str, kind: str, text: str) -> None:
    expected = OTHER_KIND.get(text, EmergencyKind(kind))
    assert expected in detect_emergency(text), language


#: Still missed after the em9 categories: 坍 (collapsed) is no sign, so 被土埋 stands alone.
STILL_MISSED = {"挖水管的溝渠坍了，一位工人被土埋到胸口"}
#: Probes main's own rules already alarm on (drills for the buried, habitual no-answer, keys in
#: a drain, digging out a car buried in snow): left as they are, recorded here.
MAIN_ALARMS = {
    "生き埋めになった人を助ける訓練は市でやっていますか",
    "祖母は耳が遠くて呼んでも返事がないことがあります",
    "ゆきの　なかに　うまった　くるまを　だす　ほうほうを　おしえて　ください",
    "does the city run rescue drills for people buried in rubble",
    "my keys fell down a drain on the street",
    "市里有没有被埋人员的救援演练",
    "奶奶耳朵不好，叫她也没有反应是常有的事",
    "市裡有沒有被埋人員的救援演練",
    "매몰된 사람 구조 훈련을 시에서 하나요",
}


@pytest.mark.parametrize(
    ("language", "kind", "text"),
    [
        pytest.param(
            *row,
            marks=[pytest.mark.xfail(strict=True, reason="still missed")]
            if row[2] in STILL_MISSED
            else [],
        )
        for row in EMERGENCIES
        if row[2] in MISSED_ON_MAIN
    ],
)
def test_blind_misses_now_get_a_card_of_their_kind(language: str, kind: str, text: str) -> None:
    expected = OTHER_KIND.get(text, EmergencyKind(kind))
    assert expected in detect_emergency(text), language


@pytest.mark.parametrize(("language", "text"), ORDINARY)
def test_look_alikes_get_no_card(language: str, text: str) -> None:
    assert detect_emergency(text) == [], language


def test_probes_alarm_only_where_main_did() -> None:
    assert len(PROBES) == 36
    assert {text for _, text in PROBES if detect_emergency(text)} == MAIN_ALARMS


@pytest.mark.parametrize(
    "text",
    [
        "今ニュースで雪崩の映像を見ています",
        "I am watching an avalanche video right now",
        "今ライターを持っています",
        "哥哥现在手里拿着打火机",
    ],
)
def test_dependent_signs_alone_give_no_card(text: str) -> None:
    assert cue_kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("今、男が灯油をまいてライターを持っている", {EmergencyKind.CRIME}),
        # an avalanche beside a person not answering: 119 either way (the votes tie toward medical)
        ("雪崩で友だちが雪の下にいる、返事がない", {EmergencyKind.DISASTER, EmergencyKind.MEDICAL}),
    ],
)
def test_dependent_signs_count_beside_their_partner(text: str, kinds: set[EmergencyKind]) -> None:
    found = detect_emergency(text)
    assert found and set(found) <= kinds
