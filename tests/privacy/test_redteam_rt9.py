"""Red team rt9 (docs/benchmarks.md §3, "Red team rt9"): each leak and over-mask of set 26 fixed
by a general rule, as a *variant* the set does not hold (other names, numbers and wording), plus
text that must stay readable or masked next to every rule. Names and words here were made up for
this file or are not in set 26."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import detect_message
from jichitai_ai.privacy._masking import MaskingSession


def _masked(text: str) -> str:
    return MaskingSession().mask(text, detect_message(text)).text


HIDDEN = [
    # a given name between kinship + の and a second の (_kin_names)
    ("娘の凛の入園手続きについて", ["凛"]),
    # a kana name between a spaced kinship word and a particle
    ("むすめ さよこ と むすこ たける の てあて", ["さよこ"]),
    # a Korean full name after a bare kinship word, before a particle
    ("딸 한소율이 유치원에 다닙니다", ["한소율"]),
    # a katakana name glued to an address for an elder
    ("カメおじいが畑で倒れた", ["カメ"]),
    # a kana list item before a school grade in brackets
    ("名簿：みつき（小3）、そうま（小5）", ["みつき", "そうま"]),
    # a surname the dictionary also lists as a noun, glued to 家
    ("兄弟はいずれも市場家の子です", ["市場"]),
    # two capitalised given names joined by と before a sibling word
    ("Pavel と Anya の兄妹の転入", ["Pavel", "Anya"]),
    # the given name after a spaced surname the other rules cut short (_spaced_given)
    ("出席：関 なつみ委員、", ["なつみ"]),
    ("記録：外山 涼介、転出済み", ["外山", "涼介"]),
    ("妻 Chen Mei-Ling（台湾）", ["Mei-Ling"]),
    # 大字 and 字 spaced before a lot number
    ("宅（大字中河内 字寺ノ下 884-2）", ["884-2", "中河内"]),
    # spaced hiragana town words before a block (rt8's leftover)
    ("やまね しげる あおばし さくらまち 4-1-9 に すんでいます", ["さくらまち", "4-1-9"]),
    # a bicycle registration with a letter spaced from the digits
    ("防犯登録 埼 K 70215 の自転車", ["70215"]),
    # a markdown table with the request typed before its header row
    ("この表を清書して：| 児童名 | 学年 |\n| みのる | 2 |", ["みのる"]),
    # controls: a person's 名前 label, and a person before a title
    ("母の名前「スエ」で登録", ["スエ"]),
    ("ホアン係長に確認", ["ホアン"]),
]


@pytest.mark.parametrize(("text", "hidden"), HIDDEN)
def test_an_item_is_masked(text: str, hidden: list[str]) -> None:
    masked = _masked(text)
    assert not [h for h in hidden if h in masked], masked


READABLE = [
    # katakana words glued to a business or illness head (_named_things)
    ("勤務先はセイノー運輸です", "セイノー運輸"),
    ("父はクローン病で通院中", "クローン病"),
    # a place before 付近
    ("県道の高橋付近で事故", "高橋"),
    # thing contexts: 使う, 飲む in kana, で歌う
    ("ブラーバを廊下の掃除に使う", "ブラーバ"),
    ("ビラノアを毎晩のんでいます", "ビラノア"),
    # a pet's name label
    ("猫の名前「タマ」で登録", "タマ"),
    # controls next to the rules: common words after kinship + の, counts, 大学 after a place,
    # 以上です, a bare 小学生 before a grade
    ("息子の服の色", "服"),
    ("娘の方が詳しい", "方"),
    ("子ども ふたり の 手当", "ふたり"),
    ("東京 大学、", "大学"),
    ("対象：小学生（小1）", "小学生"),
    ("長男（小2）と次男（小1）", "長男"),
    ("専門家と農家の意見", "専門家"),
    ("わたし 王 小明 です。", "です"),
    ("阿部川 敏行 様方", "様方"),
]


@pytest.mark.parametrize(("text", "word"), READABLE)
def test_a_look_alike_stays_readable(text: str, word: str) -> None:
    assert word in _masked(text), _masked(text)
