"""Names an encyclopaedia-style or profile sentence gives away (人物紹介の定型文).

- ``Xは、日本の女優。`` / ``Xは、…の政治家である``: the subject of a sentence whose predicate
  is an occupation is a person, whatever SudachiPy makes of X (水夏希 → 水 + 夏希);
- ``X（みず なつき、1973年 - ）``: a kana reading split into surname and given name by a
  space, in brackets right after X, says X is a person's name (and so is the reading).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._types import Entity, EntityType

#: Occupations that end a profile sentence (…の女優。). General nouns, no names.
OCCUPATIONS = (
    "女優",
    "俳優",
    "声優",
    "歌手",
    "タレント",
    "アイドル",
    "モデル",
    "政治家",
    "官僚",
    "外交官",
    "実業家",
    "経営者",
    "作家",
    "小説家",
    "詩人",
    "歌人",
    "俳人",
    "漫画家",
    "画家",
    "作曲家",
    "作詞家",
    "編曲家",
    "音楽家",
    "ミュージシャン",
    "シンガーソングライター",
    "ピアニスト",
    "ギタリスト",
    "指揮者",
    "映画監督",
    "脚本家",
    "演出家",
    "写真家",
    "建築家",
    "哲学者",
    "経済学者",
    "物理学者",
    "化学者",
    "数学者",
    "生物学者",
    "学者",
    "研究者",
    "医師",
    "弁護士",
    "軍人",
    "武将",
    "大名",
    "公家",
    "僧",
    "僧侶",
    "野球選手",
    "サッカー選手",
    "選手",
    "力士",
    "棋士",
    "騎手",
    "競輪選手",
    "プロレスラー",
    "格闘家",
    "アナウンサー",
    "ジャーナリスト",
    "評論家",
    "翻訳家",
    "コメディアン",
    "お笑いタレント",
    "落語家",
    "ダンサー",
    "振付師",
    "デザイナー",
    "イラストレーター",
    "アニメーター",
    "ゲームクリエイター",
    "プロデューサー",
    "ディレクター",
    "教育者",
    "神学者",
    "宣教師",
    "貴族",
    "王族",
    "皇族",
    "女王",
    "国王",
    "皇帝",
)
_OCCUPATION = "|".join(sorted(OCCUPATIONS, key=len, reverse=True))
_SUBJECT = r"[一-鿿々〆ヶァ-ヺー・＝=ぁ-ゖA-Za-z]{2,24}?"
_LEAD = re.compile(
    rf"(?:^|(?<=[。\n]))(?P<name>{_SUBJECT})(?:[（(][^（）()]{{0,60}}[）)])?は、"
    rf"(?:[^。、]{{0,30}}の)?(?:(?:元|女性|男性|プロ|フリー)?)(?:{_OCCUPATION})"
    r"(?:である|であった|。|、|で、|だった|$)"
)
_SPACED_READING = re.compile(
    r"(?P<name>[一-鿿々〆ヶァ-ヺー・]{2,12})[（(]"
    r"(?P<reading>[ぁ-ゖー]{1,8}[ \u3000][ぁ-ゖー]{1,8})[、,，）)]"
)
#: Subjects that are not names even before an occupation (同氏は、日本の政治家).
_NOT_NAMES = frozenset(
    {"同氏", "彼", "彼女", "本人", "父", "母", "兄", "姉", "弟", "妹", "夫", "妻"}
)


def find_profile_names(text: str) -> Iterator[Entity]:
    """Persons given away by a profile sentence (see the module docstring)."""
    if "は、" in text:
        for m in _LEAD.finditer(text):
            name = m.group("name")
            if name in _NOT_NAMES or name.startswith(("この", "その", "同")):
                continue
            yield Entity(EntityType.PERSON, m.start("name"), m.end("name"), name, 0.85, "cue")
    if "（" in text or "(" in text:
        for m in _SPACED_READING.finditer(text):
            for group in ("name", "reading"):
                s, e = m.start(group), m.end(group)
                yield Entity(EntityType.PERSON, s, e, text[s:e], 0.85, "cue")
