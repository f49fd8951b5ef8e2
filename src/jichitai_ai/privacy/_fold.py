"""Offset-preserving width folding, so patterns see ASCII but spans stay valid.

NFKC can change string length (e.g. "㍻" → "平成"), which would shift every span.
This table maps one character to exactly one character: full-width digits,
Latin letters and the many dash look-alikes typed in phone numbers.
"""

from __future__ import annotations

_TABLE: dict[int, int] = {}
for _offset in range(0x21, 0x7F):  # full-width ASCII block ！(U+FF01)..～(U+FF5E)
    _TABLE[0xFEE0 + _offset] = _offset
for _dash in "‐‑‒–—―−－ｰ﹣⁃":
    _TABLE[ord(_dash)] = ord("-")
_TABLE[0x3000] = ord(" ")  # ideographic space
_TABLE[ord("＠")] = ord("@")

#: Characters that separate digit groups in identifiers once folded.
HYPHEN = "-"


def fold(text: str) -> str:
    """Return ``text`` with full-width ASCII and dashes folded; same length."""
    return text.translate(_TABLE)


_KANJI_DIGITS = {
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
    # 大字 (legal documents, 戸籍: 昭和参拾八年五月弐拾日)
    "壱": 1,
    "弐": 2,
    "参": 3,
}
#: 十 and its 大字 拾; 廿 = 二十.
_TENS = {"十": 1, "拾": 1, "廿": 2}

KANJI_NUMERAL_CHARS = "〇零一二三四五六七八九十百壱弐参拾廿"


def kanji_to_int(text: str) -> int | None:
    """Parse 漢数字 up to 999 (二十五, 二五, 十, 百八, 大字 弐拾参, 廿五); ``None`` if not a
    numeral."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if all(ch in _KANJI_DIGITS for ch in text):  # positional: 二〇二四
        value = 0
        for ch in text:
            value = value * 10 + _KANJI_DIGITS[ch]
        return value
    total = 0
    current = 0
    for ch in text:
        if ch in _KANJI_DIGITS:
            current = _KANJI_DIGITS[ch]
        elif ch in _TENS:
            total += (current or _TENS[ch]) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
