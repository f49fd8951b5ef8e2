"""Katakana words that name a company or a disease, not a person (社名・病名の一部).

A katakana word glued to a kanji head that only organisations or illnesses have is that
organisation's or illness's name, whatever the dictionary lists the word as: ヤマト運輸,
パーキンソン病, メニエール症候群, ゼネラル製薬. A person's katakana name is followed by an
honorific, a particle or a title (ホアン係長, マリアさん), never glued to such a head. The heads
are kinds of business and of illness, not names of companies or diseases. Nor is a word
right before 付近／周辺／交差点 a person: only places have surroundings (宇治橋付近).
"""

from __future__ import annotations

import re

from ._types import Entity, EntityType

#: Kanji heads of company and illness names: kinds of business, 病/症/症候群.
_HEADS = (
    "運輸", "急便", "運送", "物流", "交通", "製薬", "薬品", "電機", "電気", "電工", "工業", "工務店",
    "産業", "商事", "商店", "食品", "乳業", "製菓", "製作所", "建設", "建工", "興業", "物産",
    "通運", "病", "症候群", "症", "型認知症",  # アルツハイマー型認知症 (rt11)
)  # fmt: skip
_BUSINESS = [h for h in _HEADS if h not in ("病", "症候群", "症", "型認知症", "交通")]
_MAKER_BEFORE = re.compile(rf"(?:{'|'.join(_BUSINESS)})の$")
_HONORIFIC_AFTER = re.compile(
    r"[ \u3000]?(?:さん|様|さま|氏|君|くん|ちゃん|殿|先生|[^\s、。]{0,4}[長員者])"
)
#: After a katakana word and の: what only a company or a shop has.
_COMPANY_HEAD = re.compile(r"の(?:店長|工場|店舗|本社|求人|社員|従業員|営業所|製品)")
#: A head that opens a person's title (工業 is a business, but …商店長 or …病院長 may follow).
_TITLE_AFTER = re.compile(r"[長員]")
_KATAKANA = re.compile(r"[ァ-ヺー・]+")


#: What follows a place, never a person: 宇治橋付近, …の交差点.
_PLACE_AFTER = ("付近", "周辺", "近辺", "沿い", "交差点", "方面")


def names_a_thing(entity: Entity, text: str) -> bool:
    """A person reading of a katakana word glued to a business or illness head, the head
    inside the span (ヤマト運輸) or right after it (パーキンソン|病)."""
    if entity.type is not EntityType.PERSON:
        return False
    if text.startswith(_PLACE_AFTER, entity.end):
        return True  # 国道24号の宇治橋付近: a bridge, not a person
    m = _KATAKANA.match(entity.text)
    if m is None or m.end() < 2:
        return False
    if m.end() == len(entity.text) and _MAKER_BEFORE.search(text, 0, entity.start):
        # 久光製薬のサロンパス (rt11): a maker's katakana word is its product; its staff take a
        # title or an honorific (ヤマト運輸のマリアさん)
        return not _HONORIFIC_AFTER.match(text, entity.end)
    if m.end() == len(entity.text) and _COMPANY_HEAD.match(text, entity.end):
        return True  # ローソンの店長, マツダの工場 (rt10)
    rest = entity.text[m.end() :] + text[entity.end : entity.end + 4]
    head = next((h for h in _HEADS if rest.startswith(h)), None)
    return head is not None and not _TITLE_AFTER.match(rest, len(head))
