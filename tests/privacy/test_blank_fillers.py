"""Letters that draw as blank space, or marks stacked on kanji, do not split what is masked.

Red team hr3: Hangul fillers (U+3164, U+FFA0), the Braille blank (U+2800), Khmer inherent
vowels (U+17B4) and 〿 (U+303F) look like nothing or a space, and a combining mark on each
kanji (杉̇浦̇) looks like dust; typed between the characters of a name they left it in the
question log and in the gateway's masked text. Zero-width and bidi characters were already
handled (tests/privacy/test_redteam_rt1.py).
"""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import Detector, MaskingSession
from jichitai_ai.services.redaction import redact_for_log

FILLERS = {
    "hangul_filler": "\u3164",
    "halfwidth_hangul_filler": "\uffa0",
    "braille_blank": "\u2800",
    "khmer_inherent_vowel": "\u17b4",
    "ideographic_half_fill_space": "\u303f",
    "combining_dot_above": "\u0307",
    "combining_acute": "\u0301",
}
PIECES = ("杉浦", "真琴", "浦真", "7731", "2046", "4419", "0803")


def _texts(sep: str) -> list[str]:
    return [
        "はじめまして。私は" + sep.join("杉浦真琴") + "です。転入の手続きを教えてください。",
        "マイナンバーは" + sep.join("773120464419") + "です。",
        "連絡先は" + sep.join("08037721955") + "です。",
    ]


@pytest.mark.parametrize("name", sorted(FILLERS))
def test_a_filler_between_characters_is_still_masked(detector: Detector, name: str) -> None:
    for text in _texts(FILLERS[name]):
        logged = redact_for_log(text)
        masked = MaskingSession().mask(text, detector.detect(text)).text
        for shown in (logged, masked):
            plain = "".join(ch for ch in shown if ch not in FILLERS.values())
            assert not any(piece in plain for piece in PIECES), (name, shown)


def test_ordinary_text_with_marks_and_fullwidth_space_stays_readable(detector: Detector) -> None:
    text = "カフェ（café）の営業時間は〜17時です。ｶﾞｲﾄﾞﾌﾞｯｸ　あります。"
    assert redact_for_log(text) == text
    assert MaskingSession().mask(text, detector.detect(text)).text == text
