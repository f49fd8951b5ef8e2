"""Red team rt10 (docs/benchmarks.md §3, "Red team rt10"): each leak and over-mask of set 27 fixed
by a general rule, as a *variant* the set does not hold (other names, numbers and wording), plus
text that must stay readable or masked next to every rule. Names and words here were made up for
this file or are not in set 27."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import detect_message
from jichitai_ai.privacy._conversation import spread_across_texts
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


HIDDEN = [
    # phones with the separators a memo or a hand-filled form gets (_patterns)
    ("折返し 0597_22_6418 まで", ["6418"]),
    ("携帯 080~5120~7733", ["7733"]),
    ("TEL 070*3318*2096", ["2096"]),
    ("自宅 0564 ー 27 ー 8815", ["8815"]),
    ("〇九〇の四一二七の八八三六 に電話を", ["八八三六"]),
    # 和暦: New Year's Day, the hour of birth, ・ between the parts
    ("父（昭和９年元日生）の記録", ["元日"]),
    ("長男（令和元年8月3日午後2時5分生）", ["8月3日"]),
    ("生年月日は 平２・６・１８ です", ["６・１８"]),
    # 番地 split by イロハ, a fourth group for the room
    ("宛先 4471番地ロ の家", ["4471"]),
    ("はじめまして。栄町2-9-14-305 に住んでいます", ["2-9-14-305"]),
    ("すんでいる ところ ひかりまち 3-2-7-101 です", ["3-2-7-101"]),
    # a name or an address wrapped onto the next line
    ("送付先：鷺沼\n晴彦 様", ["鷺沼"]),
    ("差出人 Okoro\nAdebayo, Tunde / 返信は不要", ["Adebayo", "Tunde"]),
    ("住所 泉区南光台\n４－２７－９\n以上", ["４－２７－９"]),
    ("札幌市中央区北一条西2丁目1-1\n011-222-3333", ["2丁目1-1", "3333"]),
    # a chat pasted without times; a parent named by the child
    ("LINEの記録：\nみさ: 明日どう？\nこう: 行けます\nみさ: 了解", ["みさ", "こう"]),
    ("保護者会：\nりくママ：賛成です\n職員：承知しました", ["りく"]),
    ("相談者 はなママ（二宮 佳織）", ["はな"]),
    # a kinship word, a spaced katakana name, an honorific or an unspaced particle
    ("夫 ドルジ さんの就労先", ["ドルジ"]),
    ("…さんの子 バヤル の健診", ["バヤル"]),
    ("じいちゃんの タロウ が入院した", ["タロウ"]),
    ("ははの こども ソドノム がっこう いきたい", ["ソドノム"]),
    # Chinese: kinship + a three-character name; spaced surname and given name
    ("我儿子邱冠廷明年上小学", ["邱冠廷"]),
    ("父 鄧 凱文。", ["凱文"]),
    ("申請者：詹 雅筑（ジャン ヤージュー）", ["雅筑", "ヤージュー"]),
    # せい／めい kana fields; a register row's reading in the next cell
    ("せい：とどろき\nめい：あやね", ["とどろき", "あやね"]),
    ("No3 ｶﾂﾗｷﾞ ﾀｸﾐ　桂木 拓海　住民票", ["ﾀｸﾐ"]),
    # a name restated in capitals; a capitals name where half the words are known
    ("Phùng Minh Khôi → 登録は PHUNG MINH KHOI", ["KHOI"]),
    ("氏名（英字）：COSTA LIMA ROSA FLOR", ["LIMA", "FLOR"]),
    # "X here," opening a message
    ("Zhanar here, please call me back.", ["Zhanar"]),
    # controls: a kanji person's surname before 大学 is still found elsewhere; a 番地 with a town
    ("担当 鶴間 清志（所属なし）", ["鶴間", "清志"]),
    ("住所 本町3番地の2", ["3番地の2"]),
]


@pytest.mark.parametrize(("text", "hidden"), HIDDEN)
def test_an_item_is_masked(text: str, hidden: list[str]) -> None:
    masked = _masked(text)
    assert not [h for h in hidden if h in masked], masked


READABLE = [
    # a body named after a place or a founder (_offices), also read as a person's alias in
    # brackets after a name
    ("梶 隆之委員（奈良大学教授）", "奈良大学"),
    ("長野交通のバス路線図", "長野交通"),
    ("岩手交通のバス路線図", "岩手交通"),
    # a katakana company before a head only a company has (_named_things)
    ("梶 隆之さん（ミニストップの店長）", "ミニストップ"),
    ("梶 隆之さん、フォードの工場の求人", "フォード"),
    # で before buying, reselling or exterminating (_thing_contexts)
    ("ラクマでチケットが転売された", "ラクマ"),
    ("フマキラーで蚊を駆除", "フマキラー"),
    # controls next to the rules (readable on main too)
    ("奈良大学の公開講座", "奈良大学"),
    ("デンソーの工場見学", "デンソー"),
    ("交通事故の相談", "交通事故"),
    ("屋根の修理と部屋の掃除", "屋根"),
    ("しつもん：いつ？\nこたえ：あした\nしつもん：どこ？", "しつもん"),
    ("メモ：明日\nポイント：三つ\nメモ：以上", "ポイント"),
    ("ぼくのママとワーキングママ", "ワーキングママ"),
    ("こどもの ワクチン がしんぱい", "ワクチン"),
    ("会議\n山田 太郎", "会議"),
    ("Thanks\nAbebe Bikila", "Thanks"),
    ("老公失业了 国保怎么加入", "失业了"),
    ("妈妈手册去哪里拿", "手册"),
    ("我妈妈身体不好", "身体"),
    ("スポーツ クラブ 山田 太郎", "スポーツ クラブ"),
    ("令和元年度の決算", "令和元年度"),
    ("平成元年の消費税導入", "平成元年"),
]


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_a_look_alike_stays_readable(text: str, word: str) -> None:
    assert word in _masked(text), _masked(text)


def test_a_spread_surname_skips_the_shop_named_after_it() -> None:
    """The gateway masks a found name wherever else it appears in the conversation; not inside
    a body named after it (松坂 ちとせ … 松坂屋 of set 27)."""
    text = "木下 さゆりさん（木下屋のパート）"
    groups = spread_across_texts([text], [detect_message(text)])
    assert not [e for e in groups[0] if e.source == "conversation" and e.text == "木下"]
