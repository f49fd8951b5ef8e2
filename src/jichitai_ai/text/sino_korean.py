"""Sino-Korean readings (한자음): Japanese kanji words read as Korean Hangul.

Most administrative words are Sino-Japanese, and their Korean counterparts are the same
characters read in Korean: 戸籍謄本 → 호적등본, 児童手当 → 아동수당, 保育園 → 보육원, 水道 → 수도.
Reading an entry's kanji this way lets a Korean question match it by characters, where the small
multilingual embedding alone ranks entries with Korean translation text first. Both sides fold
the word-initial sound rule (두음법칙: 려 → 여, 록 → 녹/옥) so 旅券 (려권) meets 여권.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

_HANGUL_BASE = 0xAC00
_MEDIALS = 21
_FINALS = 28
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11  # initial consonant indexes of ㄹ, ㄴ, ㅇ
#: Medial vowels ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: before them an initial ㄴ or ㄹ is read ㅇ word-initially.
_Y_VOWELS = frozenset({2, 6, 7, 12, 17, 20})
_KANJI_RUN = re.compile(r"[\u4e00-\u9fff々]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")


@functools.cache
def _table() -> dict[str, str]:
    data = resources.files("jichitai_ai.text").joinpath("sino_korean.txt")
    table: dict[str, str] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        reading, kanji = line.split("\t")
        table.update(dict.fromkeys(kanji, reading))
    return table


def fold_initial_sound(syllable: str) -> str:
    """One Hangul syllable with ㄹ/ㄴ initials folded as at the start of a word (두음법칙)."""
    code = ord(syllable) - _HANGUL_BASE
    if not 0 <= code < 19 * _MEDIALS * _FINALS:
        return syllable
    initial, rest = divmod(code, _MEDIALS * _FINALS)
    medial = rest // _FINALS
    if initial == _RIEUL:
        initial = _IEUNG if medial in _Y_VOWELS else _NIEUN
    if initial == _NIEUN and medial in _Y_VOWELS:
        initial = _IEUNG
    return chr(_HANGUL_BASE + initial * _MEDIALS * _FINALS + rest)


def _folded(word: str) -> str:
    return "".join(fold_initial_sound(ch) for ch in word)


def kanji_words(text: str) -> list[str]:
    """The kanji runs of Japanese text read in Korean (folded); unknown kanji end a word."""
    table = _table()
    words: list[str] = []
    for run in _KANJI_RUN.findall(text):
        current = ""
        for ch in run:
            reading = table.get(ch)
            if reading is None:
                if current:
                    words.append(current)
                current = ""
            else:
                current += reading
        if current:
            words.append(current)
    return [_folded(w) for w in words]


def hangul_words(text: str) -> list[str]:
    """The Hangul words of a Korean question (folded); particles stay attached (대피소는)."""
    return [_folded(w) for w in _HANGUL_RUN.findall(text)]


def bigrams(words: Sequence[str]) -> list[str]:
    """Syllable bigrams within each word (never across two words)."""
    grams: list[str] = []
    for word in words:
        grams.extend(word[i : i + 2] for i in range(len(word) - 1))
    return grams
