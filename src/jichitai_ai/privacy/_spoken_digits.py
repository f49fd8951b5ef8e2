"""Phone numbers read aloud and written down in words (電話番号の読み上げ).

Call notes, voice transcripts and chat messages spell a number the way it is said:
ゼロキューゼロの よんなないち の さんはちにーろく, ｾﾞﾛｷｭｰｾﾞﾛ ｲﾁﾆｰｻﾝﾖﾝ …, "zero eight zero, five
five one two, …", "zero oito zero, …" (rt11: Portuguese, Spanish and Tagalog digit words too). A
run of digit words (katakana, hiragana or Latin letters, with spaces, の, 、 or dashes between
groups, ASCII digits allowed among them) is a phone number when it reads as 10
or 11 digits starting with 0 — ten digit words in a row are never an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._kana_names import katakana
from ._types import Entity, EntityType

#: Katakana readings of the digits (hiragana is read as katakana first).
_KANA_DIGITS = {
    "ゼロ": "0", "レイ": "0", "マル": "0", "イチ": "1", "ニー": "2", "ニ": "2", "サン": "3",
    "ヨン": "4", "ヨー": "4", "ヨ": "4", "シ": "4", "ゴー": "5", "ゴ": "5", "ロク": "6",
    "ナナ": "7", "シチ": "7", "ハチ": "8", "キュウ": "9", "キュー": "9", "ク": "9",
}  # fmt: skip
_ENGLISH_DIGITS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # residents' languages written in Latin letters (rt11): Portuguese (meia = 6 in a Brazilian
    # phone number), Spanish, Tagalog
    "um": "1", "uma": "1", "dois": "2", "duas": "2", "três": "3", "tres": "3", "quatro": "4",
    "cinco": "5", "seis": "6", "meia": "6", "sete": "7", "oito": "8", "nove": "9",
    "cero": "0", "uno": "1", "dos": "2", "cuatro": "4", "siete": "7", "ocho": "8", "nueve": "9",
    "sero": "0", "isa": "1", "dalawa": "2", "tatlo": "3", "apat": "4", "lima": "5", "anim": "6",
    "pito": "7", "walo": "8", "siyam": "9",
}  # fmt: skip
#: A Latin-letter run is looked at only when one of these zeros is in the text.
_ZEROS = ("zero", "oh", "cero", "sero")


def _alternation(words: dict[str, str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_KANA_UNIT = rf"(?:{_alternation(_KANA_DIGITS)}|[0-9])"
_KANA_SEP = r"[ \u3000、,・\-]*(?:ノ[ \u3000、,・\-]*)?"
_KANA_RUN = re.compile(rf"{_KANA_UNIT}(?:{_KANA_SEP}{_KANA_UNIT})*")
_KANA_UNIT_RE = re.compile(_KANA_UNIT)
_ENGLISH_UNIT = rf"(?:{_alternation(_ENGLISH_DIGITS)})"
#: Figures may stand among the words (zero-siyam-zero 7741 2286); each figure is one unit.
_ENGLISH_RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_ENGLISH_UNIT}|[0-9]+)(?:[ ,\-]+(?:{_ENGLISH_UNIT}|[0-9]+))*"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_ENGLISH_UNIT_RE = re.compile(rf"(?<![A-Za-z]){_ENGLISH_UNIT}(?![A-Za-z])|[0-9]", re.IGNORECASE)


def _phone_in(units: list[tuple[int, int, str]], text: str) -> tuple[int, int] | None:
    """The span of 10–11 digit units starting with a 0 and holding at least three digit words
    (all-figure numbers are the other patterns' job: 受付番号 022-3345-9012 is no phone), or
    ``None``."""
    for i, (start, _, digit) in enumerate(units):
        if digit == "0" and 10 <= len(units) - i <= 11:
            words = sum(1 for s, e, _ in units[i:] if not text[s:e].isdigit())
            return (start, units[-1][1]) if words >= 3 else None
    return None


def _kana_units(folded: str) -> Iterator[list[tuple[int, int, str]]]:
    """Each run of kana digit words as (start, end, digit) units."""
    kana = katakana(folded)  # one character for one: offsets stay valid
    for run in _KANA_RUN.finditer(kana):
        yield [
            (m.start(), m.end(), _KANA_DIGITS.get(m.group(), m.group()))
            for m in _KANA_UNIT_RE.finditer(kana, run.start(), run.end())
        ]


def spoken_twelve_digits(folded: str) -> Iterator[tuple[int, int, str]]:
    """Runs of exactly twelve kana digit words, at least three of them words, as (start, end,
    digits): a number read aloud digit by digit (よん なな よん きゅう … — a マイナンバー noted
    from a call); whether it is one is the caller's check."""
    for units in _kana_units(folded):
        words = sum(1 for s, e, _ in units if not folded[s:e].isdigit())
        if len(units) == 12 and words >= 3:
            yield units[0][0], units[-1][1], "".join(d for _, _, d in units)


def find_spoken_phones(text: str, folded: str) -> Iterator[Entity]:
    """Phone numbers written as spoken digit words (see the module docstring)."""
    for units in _kana_units(folded):
        span = _phone_in(units, folded) if len(units) >= 10 else None
        if span:
            yield Entity(EntityType.PHONE, *span, text[span[0] : span[1]], 0.9, "regex", "spoken")
    if not any(w in folded.lower() for w in _ZEROS):
        return
    for run in _ENGLISH_RUN.finditer(folded):
        units = [
            (m.start(), m.end(), _ENGLISH_DIGITS.get(m.group().lower(), m.group()))
            for m in _ENGLISH_UNIT_RE.finditer(folded, run.start(), run.end())
        ]
        span = _phone_in(units, folded) if len(units) >= 10 else None
        if span:
            yield Entity(EntityType.PHONE, *span, text[span[0] : span[1]], 0.9, "regex", "spoken")
