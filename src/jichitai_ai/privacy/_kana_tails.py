"""A kanji surname + hiragana given name cut inside the given name (渡邉 こ|はる).

SudachiPy may read 「渡邉 こはる」 as surname + the one-character name こ, then はる as a word:
the mask hid the surname and left most of the given name. A person span that is a kanji
surname, a space and 1–3 hiragana, glued to more hiragana, grows to the end of that hiragana
run (5 characters at most); a particle closing the run (は, が, と …) and an honorific or
です after it (さや|かさん) stay outside — unless the run ends a form field (佐治 ことは　…).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ._types import Entity, EntityType

_CUT = re.compile(r"[一-鿿々〆ヶ]{1,4}[ \u3000][ぁ-ゖ]{1,3}")
_MORE = re.compile(r"[ぁ-ゖ]{1,4}")
_PARTICLES = "はがをにのともへで"
#: What follows a name and is no part of it: 東海林 さや|かさん grows by か only.
_AFTER_NAME = re.compile(r"さん|さま|ちゃん|くん|です|でし|と申|といい|から|まで|より")


def grow_kana_tails(found: Iterable[Entity], text: str) -> list[Entity]:
    out: list[Entity] = []
    for e in found:
        more = _MORE.match(text, e.end) if e.type is EntityType.PERSON else None
        if more and _CUT.fullmatch(e.text):
            stop = _AFTER_NAME.search(more.group())
            tail = more.group()[: stop.start()] if stop else more.group()
            given = e.text.split()[-1] + tail
            end = e.end + len(tail)
            # 氏名 佐治 ことは　生年月日…: a run that ends a form field (a space — the full-width
            # one is folded to it —, a tab, a line break or the end) has no particle to give back
            field_end = end == len(text) or text[end] in " \u3000\t\n"
            if given[-1] in _PARTICLES and len(given) >= 3 and not field_end:
                end -= 1
                given = given[:-1]
            if tail and len(given) <= 5:
                e = replace(e, end=end, text=text[e.start : end])
        out.append(e)
    return out
