"""Formats the issue-9 review found sent in clear; each is now detected."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import MaskingSession, assess, detect
from jichitai_ai.privacy.checksums import resident_code_check_digit

RESIDENT_CODE = "9876543210" + str(resident_code_check_digit("9876543210"))

CASES = [
    ("Kenji Watanabeさんから電話がありました", "person", "Kenji Watanabe"),
    ("担当: Yuko Sato、回答をお願いします", "person", "Yuko Sato"),
    ("WATANABE Kenji の申請書", "person", "WATANABE Kenji"),
    ("Sato-san に連絡", "person", "Sato"),
    ("住所は 2-3-4 Midori-cho, Aoba City です", "address", "2-3-4 Midori-cho, Aoba City"),
    ("生年月日 S33.7.7", "birthdate", "S33.7.7"),
    ("H2.3.4生まれの方", "birthdate", "H2.3.4"),
    ("R1.5.1生の児童", "birthdate", "R1.5.1"),
    (f"住民票コード {RESIDENT_CODE}", "resident_code", RESIDENT_CODE),
    ("在留カード番号 AB12345678CD を確認", "residence_card", "AB12345678CD"),
    ("ケース番号 K-2024-0153 の記録", "case_number", "K-2024-0153"),
    ("宛名番号：00123456", "case_number", "00123456"),
    ("ゆうちょ 記号10120 番号12345678", "bank_account", "記号10120 番号12345678"),
    ("基礎年金番号 1234 567890", "pension_number", "1234 567890"),
    ("林様より連絡", "person", "林"),
    ("光ちゃんの保育園", "person", "光"),
    ("相談者のやまもと ゆうきさんから", "person", "やまもと ゆうき"),
    ("(090)1234-5678 まで", "phone", "(090)1234-5678"),
    (
        "若葉台3丁目12番地5 グリーンハイツB棟305号室",
        "address",
        "若葉台3丁目12番地5 グリーンハイツB棟305号室",
    ),
]


@pytest.mark.parametrize(("text", "kind", "surface"), CASES)
def test_reviewed_formats_are_detected(text: str, kind: str, surface: str) -> None:
    found = [(e.type.value, e.text) for e in detect(text)]
    assert (kind, surface) in found, found


def test_common_greetings_and_kin_terms_are_not_names() -> None:
    for text in ("ありがとう ございます。", "おばあさんが来庁", "みなさんへ", "お客様各位", "神様"):
        assert [e for e in detect(text) if e.type.value == "person"] == [], text


def test_romaji_names_count_towards_the_person_cap() -> None:
    text = "Kenji Watanabe、Yuko Sato、Hiroshi Tanaka の三名に送付"
    assert assess(detect(text)).persons == 3
    masked = MaskingSession().mask(text, detect(text)).text
    assert "Watanabe" not in masked and "Sato" not in masked and "Tanaka" not in masked


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("０９０（１２３４）５６７８", "phone", "０９０（１２３４）５６７８"),
        ("グエン ティ マイさんの件", "person", "グエン ティ マイ"),
        ("霞が関1-2-3 合同庁舎5号館", "address", "霞が関1-2-3 合同庁舎5号館"),
    ],
)
def test_more_formats(text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in [(e.type.value, e.text) for e in detect(text)]


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("昭33.7.7生の方", "birthdate", "昭33.7.7"),
        ("DOB: 1990/4/1", "birthdate", "1990/4/1"),
        ("母国の電話 +84 90 123 4567", "phone", "+84 90 123 4567"),
        ("小田切　譲二（おだぎり じょうじ）", "person", "おだぎり じょうじ"),
    ],
)
def test_era_kanji_abbreviations_foreign_phones_and_readings(
    text: str, kind: str, surface: str
) -> None:
    assert (kind, surface) in [(e.type.value, e.text) for e in detect(text)]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("息子の湊斗が通う小学校", ["湊斗"]),
        ("児童：颯真（そうま）くん", ["颯真", "そうま"]),
        ("（投稿者：とみなが）", ["とみなが"]),
    ],
)
def test_names_known_by_context(text: str, surfaces: list[str]) -> None:
    persons = [e.text for e in detect(text) if e.type.value == "person"]
    assert all(s in persons for s in surfaces), persons


def test_kinship_context_keeps_ordinary_words() -> None:
    text = "母の介護が大変で、父の実家に戻ります。母の日は休み。妻の希望で転居"
    assert [e for e in detect(text) if e.type.value == "person"] == []
