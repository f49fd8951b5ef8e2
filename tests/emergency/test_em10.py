"""Blind set em10 and its held-back set (see ``blind_em10``): both new (their key words occur in
no earlier emergency set), both whole."""

from __future__ import annotations

from tests.emergency.corpora import HERE, _rows

EMERGENCIES = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_blind.csv")]
ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_ordinary.csv")]
HOLDOUT = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_holdout.csv")]
HOLDOUT2 = [(r["language"], r["kind"], r["text"]) for r in _rows(HERE / "em10_holdout2.csv")]
HOLDOUT2_ORDINARY = [(r["language"], r["text"]) for r in _rows(HERE / "em10_holdout2_ordinary.csv")]
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
)
EARLIER = sorted(p for p in HERE.glob("*.csv") if not p.name.startswith("em10_"))


def test_the_sets_are_whole_and_new() -> None:
    assert len(EMERGENCIES) == 48 and len(ORDINARY) == 66
    assert len(HOLDOUT) == 24 and len(HOLDOUT_ORDINARY) == 24
    assert len(HOLDOUT2) == 30 and len(HOLDOUT2_ORDINARY) == 30
    for rows in (EMERGENCIES, HOLDOUT, HOLDOUT2):
        for language in ("ja", "easy", "en", "zh-Hans", "zh-Hant", "ko"):
            assert sum(1 for row in rows if row[0] == language) == len(rows) // 6
    kinds = {"fire", "medical", "crime", "suicide", "disaster"}
    assert all(kind in kinds and text for _, kind, text in EMERGENCIES + HOLDOUT + HOLDOUT2)
    earlier = "\n".join(p.read_text(encoding="utf-8") for p in EARLIER).lower()
    assert len(EARLIER) > 30
    assert [w for w in NEW_WORDS if w.lower() in earlier] == []
