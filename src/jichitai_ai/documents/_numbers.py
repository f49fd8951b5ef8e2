"""漢数字 ↔ integers, for 例規 numbering (第十二条, 二十三, 第百二条の二)."""

from __future__ import annotations

import unicodedata

_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
KANJI_NUMERAL = "〇零一二三四五六七八九十百千"


def to_int(text: str) -> int | None:
    """Parse arabic (full or half width) or kanji numerals; None when it is not a number."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _DIGITS for ch in text):  # 一〇二 style (positional)
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = 0
    current = 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current
