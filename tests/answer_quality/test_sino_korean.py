"""Sino-Korean readings of Japanese kanji words (text.sino_korean), checked against Korean words
a Korean speaker writes for the same things (not derived from the table)."""

from __future__ import annotations

import pytest

from jichitai_ai.text import sino_korean

#: (Japanese word, the Korean word for it)
PAIRS = [
    ("戸籍謄本", "호적등본"),
    ("児童手当", "아동수당"),
    ("保育園", "보육원"),
    ("水道", "수도"),
    ("印鑑", "인감"),
    ("証明書", "증명서"),
    ("婚姻", "혼인"),
    ("旅券", "여권"),  # 두음법칙: 려 → 여
    ("登録", "등록"),
    ("国民健康保険", "국민건강보험"),
    ("固定資産税", "고정자산세"),
    ("予約", "예약"),
    ("図書館", "도서관"),
    ("避難所", "피난소"),
    ("老人", "노인"),  # 두음법칙: 로 → 노
    ("料金", "요금"),  # 두음법칙: 료 → 요
]


@pytest.mark.parametrize(("japanese", "korean"), PAIRS)
def test_kanji_words_read_as_the_korean_word(japanese: str, korean: str) -> None:
    assert sino_korean.kanji_words(japanese) == sino_korean.hangul_words(korean)


def test_words_split_at_kana_and_unknown_characters() -> None:
    assert sino_korean.kanji_words("児童手当の申請をしたい。") == ["아동수당", "신청"]
    assert sino_korean.kanji_words("ハザードマップ") == []
    assert sino_korean.hangul_words("아동수당 신청 방법") == ["아동수당", "신청", "방법"]


def test_bigrams_stay_inside_words() -> None:
    assert sino_korean.bigrams(["아동수당", "신청"]) == ["아동", "동수", "수당", "신청"]


def test_initial_sound_folding_matches_a_brute_force_over_all_syllables() -> None:
    """ㄹ → ㄴ, and ㄴ/ㄹ → ㅇ before ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ; everything else unchanged."""
    y_vowels = {"ㅑ", "ㅕ", "ㅖ", "ㅛ", "ㅠ", "ㅣ"}
    medials = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
    initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
    for code in range(0xAC00, 0xD7A4):
        index = code - 0xAC00
        initial, medial, final = index // 588, (index % 588) // 28, index % 28
        i, m = initials[initial], medials[medial]
        if i in "ㄴㄹ" and m in y_vowels:
            i = "ㅇ"
        elif i == "ㄹ":
            i = "ㄴ"
        expected = chr(0xAC00 + initials.index(i) * 588 + medial * 28 + final)
        assert sino_korean.fold_initial_sound(chr(code)) == expected
