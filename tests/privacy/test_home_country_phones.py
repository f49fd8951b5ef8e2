"""Foreign residents write their home-country mobile numbers as at home, without +82 / +86:
those must be masked like Japanese numbers (found by the lead, 2026-12-01: 010-1234-5678 stayed
in the question log and in the retrieval text)."""

from __future__ import annotations

import pytest

from jichitai_ai.privacy import EntityType, detect, redact

PHONES = [
    ("전화 010-1234-5678 주민표 필요해요", "010-1234-5678"),
    ("01012345678 로 연락주세요", "01012345678"),
    ("휴대폰 011-234-5678", "011-234-5678"),
    ("我的手机 13812345678，我要开住民票", "13812345678"),
    ("手机号138-1234-5678", "138-1234-5678"),
    ("联系方式：139 1234 5678", "139 1234 5678"),
    ("My number is 0917-123-4567, I need a juminhyo", "0917-123-4567"),
]

NOT_PHONES = [
    "13812345678",  # a bare 11-digit run without a phone cue
    "注文番号 13812345678 の件",
    "住民票コード 12345678901",
    "令和6年度の予算は 1,234,567 千円",
]


@pytest.mark.parametrize(("text", "number"), PHONES)
def test_home_country_mobiles_are_phones(text: str, number: str) -> None:
    phones = [e.text for e in detect(text) if e.type is EntityType.PHONE]
    assert number in phones
    assert number not in redact(text)


@pytest.mark.parametrize("text", NOT_PHONES)
def test_other_numbers_are_not_phones(text: str) -> None:
    assert not [e for e in detect(text) if e.type is EntityType.PHONE]
