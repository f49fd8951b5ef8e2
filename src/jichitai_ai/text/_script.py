"""Which writing system a question is in: decides whether Japanese word matching can work.

A question in Korean, Chinese or English shares almost no words with Japanese entries, so word
coverage says nothing about relevance there; only the multilingual embedding (and translated
entries) can. Hangul means Korean; any kana means Japanese (やさしい日本語 included); Han
characters without kana are "han" — Chinese, or a terse Japanese question (住民票発行), so
both readings must be tried; Latin letters otherwise mean a Latin-script language.
"""

from __future__ import annotations

from typing import Literal

Script = Literal["ja", "ko", "han", "latin", "other"]


def script_of(text: str) -> Script:
    hangul = kana = han = latin = 0
    for ch in text:
        o = ord(ch)
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
            hangul += 1
        elif 0x3040 <= o <= 0x30FF or 0xFF66 <= o <= 0xFF9D:
            kana += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            han += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if hangul:
        return "ko"
    if kana:
        return "ja"
    if han:
        return "han"
    if latin:
        return "latin"
    return "other"
